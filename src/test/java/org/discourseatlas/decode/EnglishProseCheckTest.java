package org.discourseatlas.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class EnglishProseCheckTest {
  static final String ENGLISH =
      "I think the answer is quite simple and it lies in the fact that those, who pose as the world"
          + " community in this case, are egregiously biased. They are after regime change, not a"
          + " settlement of the Syrian crisis through diplomacy. It was the same in Libya where a real"
          + " opportunity for dialogue was rejected.";
  public static final String FRENCH =
      "Je pense que la réponse est assez simple : ceux qui se présentent comme la communauté"
          + " mondiale sont, dans ce cas, d’une partialité flagrante. Ils cherchent un changement de"
          + " régime, et non un règlement de la crise syrienne par la voie diplomatique. Il en a été de"
          + " même en Libye, où une véritable occasion de dialogue a été rejetée.";
  static final String GERMAN =
      "Ich denke, die Antwort ist ganz einfach: Diejenigen, die sich in diesem Fall als"
          + " Weltgemeinschaft ausgeben, sind in unerhörter Weise voreingenommen. Sie wollen einen"
          + " Regimewechsel und keine diplomatische Lösung der Syrienkrise. In Libyen war es dasselbe, wo"
          + " eine echte Chance für einen Dialog verworfen wurde.";
  static final String RUSSIAN =
      "Думаю, что ответ достаточно прост и заключается в том, что те, кто выдает себя за мировое"
          + " сообщество, в данном случае вопиющим образом предвзяты. Им нужна смена режима, а не"
          + " урегулирование сирийского кризиса дипломатическим путем.";

  @Test
  void englishTranscriptParagraphIsEnglish() {
    assertTrue(
        EnglishProseCheck.englishShare(ENGLISH) > 0.3,
        "share " + EnglishProseCheck.englishShare(ENGLISH));
    assertTrue(EnglishProseCheck.isEnglish(ENGLISH));
  }

  @Test
  void frenchParagraphIsNotEnglish() {
    assertTrue(
        EnglishProseCheck.englishShare(FRENCH) < 0.1,
        "share " + EnglishProseCheck.englishShare(FRENCH));
    assertFalse(EnglishProseCheck.isEnglish(FRENCH));
  }

  @Test
  void germanParagraphIsNotEnglishDespiteSharingTheWordIn() {
    double share = EnglishProseCheck.englishShare(GERMAN);
    assertFalse(EnglishProseCheck.isEnglish(GERMAN), "share " + share);
  }

  @Test
  void russianParagraphHasNoEnglishWords() {
    assertEquals(0.0, EnglishProseCheck.englishShare(RUSSIAN));
    assertFalse(EnglishProseCheck.isEnglish(RUSSIAN));
  }

  @Test
  void englishTurnWithRussianNamesAndNumbersIsStillEnglish() {
    assertTrue(
        EnglishProseCheck.isEnglish(
            "Yesterday, I spoke with my Turkish counterpart Mevlut Cavusoglu about the Astana meeting"
                + " and Resolution 2254."));
  }

  @Test
  void textWithoutWordsIsNotEnglish() {
    assertEquals(0.0, EnglishProseCheck.englishShare("+90-312-439-21-83 | 2017"));
    assertFalse(EnglishProseCheck.isEnglish(""));
  }
}
