package org.discourseatlas.decode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells English text from other text by the share of its words that are common English function
 * words: about 40% in English prose, under 5% in French, German, Russian or Spanish.
 */
public final class EnglishProseCheck {
  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "it", "by",
          "this", "be", "are", "was", "we", "not", "have", "has", "our", "their", "they", "which",
          "from", "at", "or", "an", "will", "would", "there", "been", "these", "those", "what");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** Half-way between English (~0.4) and any other language (<0.05) on these words. */
  public static final double MIN_ENGLISH_SHARE = 0.15;

  private EnglishProseCheck() {}

  /** The share (0..1) of words in {@code text} that are English function words. */
  public static double englishShare(String text) {
    Matcher m = WORD.matcher(text);
    int words = 0;
    int english = 0;
    while (m.find()) {
      words++;
      if (ENGLISH_FUNCTION_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
        english++;
      }
    }
    return words == 0 ? 0.0 : (double) english / words;
  }

  public static boolean isEnglish(String text) {
    return englishShare(text) >= MIN_ENGLISH_SHARE;
  }
}
