package org.discourseatlas.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Character-level normalisation shared by the text code. */
public final class TextNormalizer {
  private static final Pattern ODD_SPACES =
      Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\t]");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private TextNormalizer() {}

  /**
   * Non-breaking and thin spaces and tabs become plain spaces; sites use them in menus and labels.
   */
  public static String spaces(String text) {
    return ODD_SPACES.matcher(text).replaceAll(" ");
  }

  /** Lowercase without diacritics ("Çankaya" -> "cankaya"), for matching names. */
  public static String foldForMatching(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(java.util.Locale.ROOT);
  }
}
