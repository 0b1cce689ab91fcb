package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.discourseatlas.testing.MinistrySnippets;
import org.discourseatlas.turns.TurnSegmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // language menus
        "Russian\u00a0|\u00a0 English\u00a0|\u00a0 Türkçe için tıklayınız\u00a0\u00a0\u00a0 ",
        "Russian |  English |  Türkçe",
        "Русский | English | Español | Français",
        "Home · Press service · Foreign policy · Contacts",
        // contacts
        "Adress: Andrey Karlov sokağı, No 5, 06692, Çankaya (P.K. 35 Kavaklıdere), Ankara Türkiye",
        "Address: 32/34 Smolenskaya-Sennaya Square, Moscow, 119200",
        "Tel.: +90-312-439-21-83",
        "Telephone: +7 (499) 244-16-06",
        "Fax: +90-312-438-39-52, 442-90-20",
        "E-mail: rusemb@mid.ru",
        "+90-312-439-21-83, 442-90-20",
        "consular issues:",
        "press issues:",
        // counters and footers
        "Rambler's Top100",
        "LiveInternet",
        "Yandex.Metrika",
        "© 2005 - 2017 The Ministry of Foreign Affairs of the Russian Federation",
        "All rights reserved",
        "Print version",
        "Back to top",
        // a bare address
        "http://www.mid.ru/en/press_service/minister_speeches/-/asset_publisher/7OvQR5KJWVmR/content/id/2680343",
        "www.turkey.mid.ru"
      })
  void siteFurnitureLineIsBoilerplate(String line) {
    assertTrue(BoilerplateFilter.isBoilerplate(line), line);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        MinistrySnippets.QUESTION_1,
        MinistrySnippets.ANSWER_1,
        MinistrySnippets.ANSWER_1_CONTINUED,
        MinistrySnippets.TITLE,
        "Question:\u00a0 What do you expect from the intra-Syrian talks in Astana?",
        "Question:",
        "Sergey Lavrov:",
        // a long sentence that holds "counter"
        "Yesterday, I spoke with my Turkish counterpart Mevlut Cavusoglu, and we agreed that the"
            + " Astana meeting will help move things forward along the path outlined in Resolution 2254.",
        "We will counter these unfounded accusations with facts, as we did when the international"
            + " media stayed silent about the civilian casualties in Mosul and in Raqqa.",
        // a sentence that holds "|"
        "The slide said “Aleppo | Mosul” and showed that the coverage of the two cities by the"
            + " international media differed drastically, although the suffering of civilians was the same.",
        "Yes, I can confirm that the talks took place.",
        "Thank you."
      })
  void transcriptLineIsNotBoilerplate(String line) {
    assertFalse(BoilerplateFilter.isBoilerplate(line), line);
  }

  @Test
  void keepContentDropsTheSiteHeaderAndFooterButKeepsBlankLinesAndOrder() {
    List<String> page =
        List.of(
            MinistrySnippets.LANGUAGE_MENU,
            MinistrySnippets.ADDRESS,
            MinistrySnippets.TEL,
            MinistrySnippets.FAX,
            MinistrySnippets.CONSULAR,
            MinistrySnippets.PRESS,
            "",
            MinistrySnippets.TITLE,
            "",
            MinistrySnippets.QUESTION_1,
            "",
            MinistrySnippets.ANSWER_1,
            "   ",
            MinistrySnippets.ANSWER_1_CONTINUED,
            "",
            MinistrySnippets.COUNTER);

    assertEquals(
        List.of(
            "",
            MinistrySnippets.TITLE,
            "",
            MinistrySnippets.QUESTION_1,
            "",
            MinistrySnippets.ANSWER_1,
            "   ",
            MinistrySnippets.ANSWER_1_CONTINUED,
            ""),
        BoilerplateFilter.keepContent(page));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Sergey Lavrov: I discussed this with my Turkish counterpart yesterday.",
        "Question: What about counter-terrorism cooperation with Ankara?",
        "Sergey Lavrov: We share this view.",
        "Sergey Lavrov: We fully subscribe to the principles of the UN Charter.",
        "We will encounter many difficulties in Aleppo."
      })
  void shortTranscriptLineWithAFooterWordInsideIsNotBoilerplate(String line) {
    assertFalse(BoilerplateFilter.isBoilerplate(line), line);
  }

  /**
   * The decisions of the three rules that run on every line, against the regular-expression
   * versions they replaced (decision 0016: the fast paths must not change a single decision).
   */
  @Test
  void menuPhoneAndFooterRulesDecideAsTheirRegularExpressionsDid() {
    Random random = new Random(16);
    String[] pieces = {
      "a",
      "Z",
      "7",
      "0",
      " ",
      "  ",
      "\t",
      "\u00a0",
      "|",
      "•",
      "·",
      "¦",
      "+",
      "(",
      ")",
      ".",
      "-",
      ",",
      ";",
      ":",
      "/",
      "İ",
      "©",
      "Home",
      "Tel.",
      "English",
      "Top100",
      "copyright",
      "word."
    };
    int boilerplate = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = line.toString();
      boolean expected = referenceIsBoilerplate(text);
      assertEquals(expected, BoilerplateFilter.isBoilerplate(text), text);
      boilerplate += expected ? 1 : 0;
    }
    assertTrue(boilerplate > 1_000, "the random lines exercise the rules: " + boilerplate);
  }

  private static final Pattern MENU_SEPARATOR = Pattern.compile("\\s*[|•·¦]\\s*");
  private static final Pattern CONTACT_LINE =
      Pattern.compile(
          "^(address|adress|addr\\.?|postal address|tel\\.?|telephone|phone|ph\\.|fax|"
              + "e-?mail|email|hotline|website|web)\\s*[:.]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d\\s().\\-]{6,}\\d");
  private static final Pattern FOOTER_MARK =
      Pattern.compile(
          "(\\btop\\s?100\\b|\\bliveinternet\\b|\\byandex[\\s.]?metri[ck]a\\b|\\ball rights reserved\\b"
              + "|©|\\(c\\)\\s*\\d{4}|\\bcopyright\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WIDGET_CAPTION =
      Pattern.compile(
          "^(counter|hit counter|visitors?|share|share this|print|print version|back to top|follow us"
              + "|subscribe|rss|top|home)\\W*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_ONLY =
      Pattern.compile("^(https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_LOWERCASE_LABEL = Pattern.compile("^\\p{Ll}[\\p{L} ]{0,40}:$");

  /** BoilerplateFilter.isBoilerplate as it was before decision 0016's fast paths (6cd3bcc). */
  private static boolean referenceIsBoilerplate(String rawLine) {
    String line = rawLine.replaceAll("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\t]", " ").strip();
    if (line.isEmpty() || TurnSegmenter.startsWithSpeakerLabel(line)) {
      return false;
    }
    return referenceIsMenu(line)
        || CONTACT_LINE.matcher(line).find()
        || referenceIsPhoneList(line)
        || (line.split("\\s+").length <= 14 && FOOTER_MARK.matcher(line).find())
        || WIDGET_CAPTION.matcher(line).matches()
        || URL_ONLY.matcher(line).matches()
        || BARE_LOWERCASE_LABEL.matcher(line).matches();
  }

  private static boolean referenceIsMenu(String line) {
    String[] items = MENU_SEPARATOR.split(line);
    if (items.length < 2) {
      return false;
    }
    int nonEmpty = 0;
    for (String item : items) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      nonEmpty++;
      if (trimmed.split("\\s+").length > 3 || trimmed.endsWith(".")) {
        return false;
      }
    }
    return nonEmpty >= 2;
  }

  private static boolean referenceIsPhoneList(String line) {
    String withoutNumbers = PHONE_NUMBER.matcher(line).replaceAll("");
    return withoutNumbers.length() < line.length()
        && withoutNumbers.replaceAll("[\\s,;:/]", "").toLowerCase(Locale.ROOT).length() <= 12;
  }
}
