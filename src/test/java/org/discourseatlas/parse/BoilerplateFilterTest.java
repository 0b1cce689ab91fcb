package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.discourseatlas.testing.MinistrySnippets;
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
   * The menu and phone-list rules against the regular-expression versions their fast paths replaced
   * (decision 0016: a fast path must not change a single decision). The footer's word limit is
   * TextNormalizer.wordsUpTo, tested against split in TextNormalizerTest.
   */
  @Test
  void menuAndPhoneListRulesDecideAsTheirRegularExpressionsDid() {
    Random random = new Random(16);
    String[] menuPieces = {
      "a", "Z", "7", " ", "  ", "\t", "|", "•", "·", "¦", ".", "-", "İ", "Home", "English", "word."
    };
    String[] phonePieces = {
      "7", "0", "12", "499", " ", "-", "(", ")", "+", ".", ",", ";", ":", "/", "ab", "Tel", "İ"
    };
    int menus = 0;
    int phoneLists = 0;
    for (int i = 0; i < 30_000; i++) {
      String[] pieces = i % 2 == 0 ? menuPieces : phonePieces;
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = line.toString().strip();
      boolean menu = referenceIsMenu(text);
      boolean phoneList = referenceIsPhoneList(text);
      assertEquals(menu, BoilerplateFilter.isMenu(text), text);
      assertEquals(phoneList, BoilerplateFilter.isPhoneList(text), text);
      menus += menu ? 1 : 0;
      phoneLists += phoneList ? 1 : 0;
    }
    assertTrue(menus > 1_000 && phoneLists > 200, "both rules fire: " + menus + ", " + phoneLists);
  }

  /** isMenu before decision 0016 (6cd3bcc): split on the separators, at most 3 words an item. */
  private static boolean referenceIsMenu(String line) {
    String[] items = line.split("\\s*[|•·¦]\\s*");
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

  /** isPhoneList before decision 0016 (6cd3bcc): what is left once the numbers go is short. */
  private static boolean referenceIsPhoneList(String line) {
    String withoutNumbers = line.replaceAll("\\+?\\d[\\d\\s().\\-]{6,}\\d", "");
    return withoutNumbers.length() < line.length()
        && withoutNumbers.replaceAll("[\\s,;:/]", "").toLowerCase(Locale.ROOT).length() <= 12;
  }
}
