package org.discourseatlas.decode.html;

import java.util.regex.Pattern;

/** White space folding and counting for the text of an HTML page. */
public final class HtmlText {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");

  private HtmlText() {}

  /** The text with runs of white space (no-break and zero-width spaces too) as one space. */
  public static String normalize(CharSequence text) {
    return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
  }

  static int visibleChars(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        n++;
      }
    }
    return n;
  }

  static int wordCount(String text) {
    String normalized = normalize(text);
    return normalized.isEmpty() ? 0 : normalized.split(" ").length;
  }
}
