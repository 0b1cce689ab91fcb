package org.discourseatlas.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.discourseatlas.testing.MinistrySnippets;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  static final String ENGLISH =
      String.join(
          " ",
          MinistrySnippets.ANSWER_1,
          MinistrySnippets.ANSWER_1_CONTINUED,
          MinistrySnippets.QUESTION_2,
          MinistrySnippets.ANSWER_2);

  static final String FRENCH =
      "Sergueï Lavrov : Je pense que la réponse est assez simple. Ceux qui se présentent comme la"
          + " communauté internationale sont manifestement partiaux. Ils cherchent un changement de"
          + " régime et non un règlement de la crise syrienne par la voie diplomatique. Question :"
          + " Qu'attendez-vous des pourparlers intersyriens à Astana ?";

  static final String GERMAN =
      "Sergej Lawrow: Ich denke, die Antwort ist ganz einfach. Diejenigen, die sich in diesem"
          + " Fall als Weltgemeinschaft ausgeben, sind offenkundig voreingenommen. Es geht ihnen um"
          + " einen Regimewechsel und nicht um eine diplomatische Beilegung der Syrien-Krise. Frage: Was"
          + " erwarten Sie von den innersyrischen Gesprächen in Astana?";

  static final String SPANISH =
      "Serguéi Lavrov: Creo que la respuesta es bastante sencilla. Quienes se presentan como la"
          + " comunidad mundial en este caso son descaradamente parciales. Buscan un cambio de"
          + " régimen y no una solución diplomática de la crisis siria. Pregunta: ¿Qué espera de"
          + " las conversaciones intersirias en Astaná?";

  static final String RUSSIAN =
      "Сергей Лавров: Думаю, ответ достаточно прост. Те, кто выдает себя за мировое сообщество,"
          + " откровенно предвзяты. Им нужна смена режима, а не урегулирование сирийского кризиса"
          + " дипломатическим путем. Вопрос: Чего Вы ожидаете от межсирийских переговоров"
          + " в Астане?";

  static final String ARABIC =
      "سيرغي لافروف: أعتقد أن الإجابة بسيطة للغاية. أولئك الذين يقدمون أنفسهم على أنهم المجتمع"
          + " الدولي في هذه الحالة منحازون بشكل صارخ. إنهم يسعون إلى تغيير النظام، وليس إلى تسوية"
          + " الأزمة السورية عبر الدبلوماسية.";

  static final String CHINESE =
      "谢尔盖·拉夫罗夫：我认为答案很简单。那些在这种情况下自称为国际社会的人显然有偏见。" + "他们追求的是政权更迭，而不是通过外交途径解决叙利亚危机。";

  @Test
  void englishMinistryTranscriptIsEnglish() {
    assertEquals("en", LanguageIdentifier.detect(ENGLISH));
    assertTrue(LanguageIdentifier.isEnglish(ENGLISH));
  }

  @Test
  void frenchGermanSpanishRussianArabicAndChineseParagraphsGetTheirCodes() {
    assertEquals("fr", LanguageIdentifier.detect(FRENCH));
    assertEquals("de", LanguageIdentifier.detect(GERMAN));
    assertEquals("es", LanguageIdentifier.detect(SPANISH));
    assertEquals("ru", LanguageIdentifier.detect(RUSSIAN));
    assertEquals("ar", LanguageIdentifier.detect(ARABIC));
    assertEquals("zh", LanguageIdentifier.detect(CHINESE), "zh-CN and zh-TW are both zh");
    for (String foreign : List.of(FRENCH, GERMAN, SPANISH, RUSSIAN, ARABIC, CHINESE)) {
      assertFalse(LanguageIdentifier.isEnglish(foreign), foreign);
    }
  }

  @Test
  void englishTranscriptQuotingForeignWordsIsStillEnglish() {
    String text =
        "Sergey Lavrov: As our French colleagues like to say, this is a « fait accompli », and we"
            + " cannot accept it. The Germans call it Realpolitik, our Spanish partners speak of"
            + " «diálogo sin condiciones», and in Moscow we simply say «нет». "
            + MinistrySnippets.ANSWER_1;

    assertEquals("en", LanguageIdentifier.detect(text));
    assertTrue(LanguageIdentifier.isEnglish(text));
  }

  @Test
  void shortOrEmptyTextIsUndetermined() {
    assertEquals("und", LanguageIdentifier.detect(null));
    assertEquals("und", LanguageIdentifier.detect(""));
    assertEquals("und", LanguageIdentifier.detect("   \n\t "));
    assertEquals("und", LanguageIdentifier.detect("+90-312-439-21-83 | 2017"));
    // Without the length floor the library calls this Haitian Creole with probability 0.99999.
    assertEquals("und", LanguageIdentifier.detect("Thank you very much."));
    assertEquals("und", LanguageIdentifier.detect("Спасибо"));
    assertEquals("und", LanguageIdentifier.detect(MinistrySnippets.TEL));
    assertFalse(LanguageIdentifier.isEnglish("Thank you very much."));
  }

  @Test
  void halfEnglishHalfFrenchIsUndeterminedButTwoThirdsEnglishIsEnglish() {
    // The library's seven sampling rounds split 4:3 on equal halves: below the threshold.
    String halves = ENGLISH.substring(0, 200) + " " + FRENCH.substring(0, 200);
    String twoThirds = ENGLISH.substring(0, 400) + " " + FRENCH.substring(0, 200);

    assertEquals("und", LanguageIdentifier.detect(halves));
    assertEquals("en", LanguageIdentifier.detect(twoThirds));
  }

  @Test
  void linksAddressesAndBase64DoNotCount() {
    String links =
        "https://www.mid.ru/ru/foreign_policy/news/1234567/ www.mid.ru press@mid.ru"
            + " http://www.mfa.gov.tr/sub.en.mfa?8a2b3c4d https://twitter.com/mfa_russia";

    String base64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA".repeat(3);

    assertEquals("und", LanguageIdentifier.detect(links));
    assertEquals("und", LanguageIdentifier.detect(base64 + " " + base64));
    assertEquals("ru", LanguageIdentifier.detect(links + " " + base64 + " " + RUSSIAN));
  }

  @Test
  void aMegabyteOfLettersWithoutSpacesReturnsUndetermined() {
    StringBuilder letters = new StringBuilder(1 << 20);
    long x = 42;
    while (letters.length() < (1 << 20)) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      letters.append((char) ('a' + Math.floorMod(x >>> 33, 26)));
    }

    // No language writes 1 MB words; unfiltered, the library calls this Maltese at 6 in 7.
    assertEquals("und", LanguageIdentifier.detect(letters.toString()));
  }

  @Test
  void aMegabyteOfChineseWithoutSpacesIsChinese() {
    String text = CHINESE.repeat((1 << 20) / CHINESE.length() + 1);

    assertEquals("zh", LanguageIdentifier.detect(text));
  }

  @Test
  void aLongTextIsJudgedOnItsHeadAndMiddle() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 600_000) {
      text.append(RUSSIAN).append('\n');
    }

    assertEquals("ru", LanguageIdentifier.detect(text.toString()));
    String sample = LanguageIdentifier.sample(text.toString());
    int limit = LanguageIdentifier.HEAD_CHARS + LanguageIdentifier.MIDDLE_CHARS + 1;
    assertTrue(sample.length() <= limit, "sample of " + sample.length() + " characters");
  }

  @Test
  void isSafeToCallFromManyThreadsAtOnce() throws Exception {
    List<String> texts = List.of(ENGLISH, FRENCH, GERMAN, SPANISH, RUSSIAN, ARABIC, CHINESE);
    List<String> expected = List.of("en", "fr", "de", "es", "ru", "ar", "zh");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        String text = texts.get(i % texts.size());
        results.add(pool.submit(() -> LanguageIdentifier.detect(text)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(expected.get(i % expected.size()), results.get(i).get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
