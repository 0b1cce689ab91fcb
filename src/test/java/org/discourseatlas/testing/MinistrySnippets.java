package org.discourseatlas.testing;

import java.util.List;

/**
 * Pieces of foreign-ministry transcripts and of the sites around them, shared by the text tests.
 */
public final class MinistrySnippets {
  private MinistrySnippets() {}

  public static final String NBSP = "\u00a0";

  public static final String LANGUAGE_MENU =
      "Russian"
          + NBSP
          + "|"
          + NBSP
          + " English"
          + NBSP
          + "|"
          + NBSP
          + " Türkçe için tıklayınız"
          + NBSP
          + NBSP;
  public static final String EMBASSY = "Embassy of the Russian Federation";
  public static final String EMBASSY_COUNTRY = "in Turkey";
  public static final String ADDRESS =
      "Adress: Andrey Karlov sokağı, No 5, 06692, Çankaya (P.K. 35 Kavaklıdere), Ankara Türkiye";
  public static final String TEL = "Tel.: +90-312-439-21-83";
  public static final String FAX = "Fax: +90-312-438-39-52, 442-90-20";
  public static final String CONSULAR = "consular issues:";
  public static final String PRESS = "press issues:";
  public static final String COUNTER = "Rambler's Top100";

  public static final String TITLE =
      "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
          + " conference following talks with the Congolese Minister of Foreign Affairs, Cooperation"
          + " and Congolese Nationals Abroad Jean-Claude Gakosso, Moscow, March 14, 2017";

  public static final String QUESTION_1 =
      "Question:"
          + NBSP
          + " Russia Today has shot a lot of footage in Iraq showing that the"
          + " international coalition has often killed civilians. Why are the civilians in Mosul less"
          + " of a news story for the international media and the international community?";
  public static final String ANSWER_1 =
      "Sergey Lavrov: I think the answer is quite simple and it lies in the fact that those, who"
          + " pose as the world community in this case, are egregiously biased. They are after regime"
          + " change, not a settlement of the Syrian crisis through diplomacy.";
  public static final String ANSWER_1_CONTINUED =
      "Just as the media created an overblown portrayal of the events in Aleppo, and particularly in"
          + " its eastern part, the city’s liberation from terrorists revealed a large number of facts"
          + " that proved the efficiency of the Syrian army’s operation.";
  public static final String QUESTION_2 =
      "Question:"
          + NBSP
          + " What do you expect from the intra-Syrian talks in Astana? Does the"
          + " armed opposition’s refusal to participate in these talks diminish the value of this format?";
  public static final String ANSWER_2 =
      "Sergey Lavrov: Right now, together with our colleagues from the Defence Ministry, we are"
          + " looking into the recent developments. Our position is that the reasons that were"
          + " mentioned as impediments to the armed opposition’s participation in the next round of"
          + " Astana talks are not convincing enough.";

  /** A whole page as a browser's "save as text" writes it: site header, title, turns, footer. */
  public static String savedPage() {
    return String.join(
        "\n",
        List.of(
            LANGUAGE_MENU,
            EMBASSY,
            EMBASSY_COUNTRY,
            ADDRESS,
            TEL,
            FAX,
            CONSULAR,
            PRESS,
            "",
            TITLE,
            "",
            QUESTION_1,
            "",
            ANSWER_1,
            "",
            ANSWER_1_CONTINUED,
            "",
            QUESTION_2,
            "",
            ANSWER_2,
            "",
            COUNTER));
  }

  /** The turn text as the segmenter gives it: no label, plain spaces. */
  public static String body(String labelledParagraph) {
    return labelledParagraph.replace(NBSP, " ").replaceFirst("^[^:]+:\\s*", "");
  }
}
