package org.discourseatlas.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Character-level normalisation shared by the text code. */
public final class TextNormalizer {
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private TextNormalizer() {}

  /**
   * Non-breaking and thin spaces and tabs become plain spaces; sites use them in menus and labels.
   */
  public static String spaces(String text) {
    // A loop, not a regular expression's replaceAll: it runs on every line of every input, and the
    // expression's per-character dispatch was 13% of the read stage's profile (decision 0016).
    int first = 0;
    while (first < text.length() && !isOddSpace(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      if (isOddSpace(chars[i])) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  /** The characters {@link #spaces} turns into a plain space: tab, no-break and thin spaces. */
  static boolean isOddSpace(char c) {
    return c == '\t'
        || c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F'
        || c == '\u2009'
        || c == '\u200A';
  }

  /**
   * Runs of white space ({@code \\s}: space, tab, line breaks, form feed, vertical tab) become one
   * space, and the result is stripped: {@code text.replaceAll("\\s+", " ").strip()} in one pass.
   */
  public static String squeezeSpaces(String text) {
    StringBuilder squeezed = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isRegexSpace(c)) {
        if (!inRun) {
          squeezed.append(' ');
          inRun = true;
        }
      } else {
        squeezed.append(c);
        inRun = false;
      }
    }
    return squeezed.toString().strip();
  }

  /** Java regular expressions' {@code \\s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
  public static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * The number of words of a stripped line, counting at most {@code limit + 1}: {@code
   * line.split("\\s+").length} when that is at most {@code limit}, and {@code limit + 1} when it is
   * more, without splitting a long line to learn that it is long.
   */
  public static int wordsUpTo(String strippedLine, int limit) {
    if (strippedLine.isEmpty()) {
      return 1; // "".split(...) is [""]
    }
    int words = 1;
    boolean inRun = false;
    for (int i = 0; i < strippedLine.length(); i++) {
      if (isRegexSpace(strippedLine.charAt(i))) {
        if (!inRun) {
          inRun = true;
          if (++words > limit) {
            return limit + 1;
          }
        }
      } else {
        inRun = false;
      }
    }
    return words;
  }

  /**
   * The number of letters (Unicode category L, as {@code \\p{L}} matches them, a supplementary
   * letter once) in {@code text}: a loop, not a regular expression's match results, since it runs
   * over every document's whole text.
   */
  public static long letters(CharSequence text) {
    long letters = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      if (Character.isLetter(cp)) {
        letters++;
      }
      i += Character.charCount(cp);
    }
    return letters;
  }

  /** Lowercase without diacritics ("Çankaya" -> "cankaya"), for matching names. */
  public static String foldForMatching(String text) {
    if (isAscii(text)) {
      // Nothing to decompose and no marks: the lowercase alone. Zone matching folds every word of
      // every sentence, and NFD plus a regular expression per word was a fifth of the zone
      // tagging's profile (decision 0016).
      return text.toLowerCase(java.util.Locale.ROOT);
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
