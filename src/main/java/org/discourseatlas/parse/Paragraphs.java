package org.discourseatlas.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paragraphs of a turn's text: turns join their paragraphs with a blank line, so a blank line
 * (possibly holding spaces) is the boundary, as the sentence splitter sees it.
 */
public final class Paragraphs {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");

  private final int[] starts;

  private Paragraphs(int[] starts) {
    this.starts = starts;
  }

  /** The paragraph boundaries of a text. */
  public static Paragraphs of(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    Matcher m = BLANK_LINE.matcher(text);
    while (m.find()) {
      starts.add(m.end());
    }
    return new Paragraphs(starts.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The number (from 1) of the paragraph that holds a character offset of the text. */
  public int numberAt(int offset) {
    int at = Arrays.binarySearch(starts, offset);
    // Not found: -(insertion point) - 1; the paragraph is the one starting before the offset.
    return at >= 0 ? at + 1 : -at - 1;
  }
}
