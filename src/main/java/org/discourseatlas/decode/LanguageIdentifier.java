package org.discourseatlas.decode;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the language of a text: an ISO 639-1 code ({@code "en"}, {@code "fr"}, {@code "ru"}, {@code
 * "ar"}, {@code "zh"}, ...) or {@value #UNDETERMINED} when the text is too short or no language is
 * confident.
 *
 * <p>Uses optimaize language-detector 0.6 (character n-gram profiles of 70 languages, built into
 * its jar) with Spark's Guava on the class path. The detector is built once per JVM, on first use,
 * and is immutable, so Spark tasks share it across threads. Decisions and measurements:
 * docs/decisions/0006-encoding-and-language-detection.md.
 *
 * <ul>
 *   <li>Only a sample is classified: the first {@value #HEAD_CHARS} characters and {@value
 *       #MIDDLE_CHARS} from the middle, so a 1 MB transcript costs what a page does.
 *   <li>Fewer than {@value #MIN_LETTERS} letters (a Han, kana or Hangul character counts {@value
 *       #CJK_LETTER_WEIGHT}) is {@value #UNDETERMINED}: below that the library is confidently wrong
 *       ("Thank you very much." is Haitian Creole at 0.99999).
 *   <li>The winner needs a probability of at least {@value #MIN_CONFIDENCE}. The library averages
 *       seven random sampling rounds, so probabilities come in sevenths: this means at least six of
 *       seven rounds agree. A text that is half English, half French is undetermined.
 *   <li>Regional profiles are merged: zh-CN and zh-TW are both {@code "zh"}. Asturian, which has no
 *       ISO 639-1 code, comes back as {@code "ast"}.
 *   <li>URLs, e-mail addresses and tokens too long to be words are dropped here, in linear time;
 *       the library's own URL filter is a regular expression that takes quadratic time on long runs
 *       without spaces.
 * </ul>
 */
public final class LanguageIdentifier {
  /** ISO 639-2 "undetermined". */
  public static final String UNDETERMINED = "und";

  /** Least probability of the best language (summed over its regional profiles). */
  static final double MIN_CONFIDENCE = 0.80;

  /** Least number of letters in the sample; a CJK character counts {@link #CJK_LETTER_WEIGHT}. */
  static final int MIN_LETTERS = 60;

  static final int CJK_LETTER_WEIGHT = 3;

  /** Characters classified from the start of a long text. */
  static final int HEAD_CHARS = 5_000;

  /** Characters classified from the middle of a long text. */
  static final int MIDDLE_CHARS = 2_000;

  /** A token longer than this, in a script written with spaces, is no word. */
  static final int MAX_WORD_CHARS = 100;

  /** Scripts of other languages than the sample's main one are dropped below this share of it. */
  private static final double MINORITY_SCRIPT_SHARE = 0.3;

  private LanguageIdentifier() {}

  /** The detector and its text normaliser, loaded when first asked for (class holder idiom). */
  private static final class Model {
    static final LanguageDetector DETECTOR = load();
    static final TextObjectFactory TEXT =
        new TextObjectFactoryBuilder()
            .maxTextLength(HEAD_CHARS + MIDDLE_CHARS + 16)
            .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(MINORITY_SCRIPT_SHARE))
            .build();

    private static LanguageDetector load() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(new LanguageProfileReader().readAllBuiltIn())
            // Keep small probabilities, so that regional profiles (zh-CN, zh-TW) can be summed.
            .probabilityThreshold(0.01)
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language-detector's built-in profiles", e);
      }
    }
  }

  /**
   * The ISO 639-1 code of {@code text}'s language, or {@value #UNDETERMINED} when the text is null,
   * too short, or no language reaches {@value #MIN_CONFIDENCE}.
   */
  public static String detect(String text) {
    if (text == null || text.isEmpty()) {
      return UNDETERMINED;
    }
    String sample = withoutNonWords(sample(text));
    if (!hasEnoughLetters(sample)) {
      return UNDETERMINED;
    }
    Map<String, Double> byLanguage = new HashMap<>();
    for (DetectedLanguage d : Model.DETECTOR.getProbabilities(Model.TEXT.create().append(sample))) {
      byLanguage.merge(d.getLocale().getLanguage(), d.getProbability(), Double::sum);
    }
    String best = UNDETERMINED;
    double bestProbability = 0;
    for (Map.Entry<String, Double> e : byLanguage.entrySet()) {
      if (e.getValue() > bestProbability) {
        best = e.getKey();
        bestProbability = e.getValue();
      }
    }
    return bestProbability >= MIN_CONFIDENCE ? best : UNDETERMINED;
  }

  /** Whether {@code text} is confidently English; undetermined text is not. */
  public static boolean isEnglish(String text) {
    return "en".equals(detect(text));
  }

  /** The whole text when short, else its first {@link #HEAD_CHARS} and a middle slice. */
  static String sample(String text) {
    if (text.length() <= HEAD_CHARS + MIDDLE_CHARS) {
      return text;
    }
    int headEnd = boundary(text, HEAD_CHARS);
    int middleStart = boundary(text, text.length() / 2 - MIDDLE_CHARS / 2);
    int middleEnd = boundary(text, middleStart + MIDDLE_CHARS);
    return text.substring(0, headEnd) + "\n" + text.substring(middleStart, middleEnd);
  }

  /** {@code index}, moved back one if it would split a surrogate pair. */
  private static int boundary(String text, int index) {
    if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
      return index - 1;
    }
    return index;
  }

  /**
   * {@code text} with every white-space-delimited token that is not a word blanked: URLs, e-mail
   * addresses, and runs of over {@value #MAX_WORD_CHARS} characters in scripts written with spaces
   * (base64, hex dumps, glued-together junk), which the library would otherwise call Maltese or
   * Polish with confidence. Chinese, Japanese or Thai text is written without spaces and kept.
   */
  static String withoutNonWords(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (Character.isWhitespace(text.charAt(i))) {
        out.append(text.charAt(i));
        i++;
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      if (isLink(text, i, end) || isRunOn(text, i, end)) {
        out.append(' ');
      } else {
        out.append(text, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  private static boolean isLink(String text, int from, int to) {
    String token = text.substring(from, to);
    if (token.contains("://") || token.regionMatches(true, 0, "www.", 0, 4)) {
      return true;
    }
    int at = token.indexOf('@');
    return at > 0 && token.indexOf('.', at) > at + 1;
  }

  /** A token too long to be a word, unless it is mostly in a script written without spaces. */
  private static boolean isRunOn(String text, int from, int to) {
    if (to - from <= MAX_WORD_CHARS) {
      return false;
    }
    int unspaced = 0;
    for (int i = from; i < to; i++) {
      switch (Character.UnicodeScript.of(text.charAt(i))) {
        case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> unspaced++;
        default -> {}
      }
    }
    return unspaced * 2 < to - from;
  }

  private static boolean hasEnoughLetters(String sample) {
    int weight = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      switch (Character.UnicodeScript.of(cp)) {
        case HAN, HIRAGANA, KATAKANA, HANGUL -> weight += CJK_LETTER_WEIGHT;
        default -> weight++;
      }
      if (weight >= MIN_LETTERS) {
        return true;
      }
    }
    return false;
  }
}
