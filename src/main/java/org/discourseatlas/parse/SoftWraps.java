package org.discourseatlas.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.discourseatlas.text.TextNormalizer;

/** Hard-wrapped lines joined back into their paragraphs. */
final class SoftWraps {
  /** A line that ends mid-sentence: a letter, digit or comma last, not . ? ! : ; or a quote. */
  private static final Pattern SOFT_WRAP_END = Pattern.compile("[\\p{L}\\p{N},\\-]\\s*$");

  private static final Pattern SOFT_WRAP_START = Pattern.compile("^\\s*\\p{Ll}");

  private SoftWraps() {}

  /**
   * Joins lines that a hard wrap split inside a sentence: a line that does not end a sentence,
   * followed by one that starts in lowercase, continues it. Without this every wrapped line would
   * be a paragraph, and paragraphs always end sentences.
   */
  static List<String> join(List<String> lines) {
    // The paragraph being built is a StringBuilder and only its end is tested: on a file
    // hard-wrapped into hundreds of lines per paragraph, copying and scanning the growing
    // paragraph at every line was quadratic (23% of the read stage's profile, decision 0016).
    List<String> joined = new ArrayList<>(lines.size());
    StringBuilder paragraph = null;
    boolean paragraphBlank = false;
    for (String line : lines) {
      if (paragraph != null
          && !paragraphBlank
          && endsInsideSentence(paragraph)
          && SOFT_WRAP_START.matcher(line).find()) {
        stripTrailing(paragraph);
        paragraph.append(' ').append(line.strip());
      } else {
        if (paragraph != null) {
          joined.add(paragraph.toString());
        }
        paragraph = new StringBuilder(line);
        paragraphBlank = line.isBlank();
      }
    }
    if (paragraph != null) {
      joined.add(paragraph.toString());
    }
    return joined;
  }

  /**
   * {@code SOFT_WRAP_END.matcher(text).find()}, tried only where a match can start: a match is a
   * letter, digit, comma or hyphen followed by nothing but white space (and a final line
   * terminator, which {@code $} allows), so it starts at the last character that is neither.
   */
  private static boolean endsInsideSentence(CharSequence text) {
    int last = text.length() - 1;
    while (last >= 0 && isSpaceOrLineTerminator(text.charAt(last))) {
      last--;
    }
    return SOFT_WRAP_END.matcher(text).region(Math.max(last, 0), text.length()).find();
  }

  private static boolean isSpaceOrLineTerminator(char c) {
    return TextNormalizer.isRegexSpace(c) || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** {@link String#stripTrailing()} in place. */
  private static void stripTrailing(StringBuilder text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    text.setLength(end);
  }
}
