package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.ContentBlocks.WIDGET;

import org.jsoup.nodes.Element;

/** One run of text that a reader sees as a paragraph, with the element that holds it. */
public record Block(
    Element owner, String text, int chars, int linkChars, int words, boolean teaser) {
  /** A block of fewer words is too short to be substantive text ("Print version", "Archive"). */
  static final int MIN_SUBSTANTIVE_WORDS = 4;

  /** Blocks shorter than this many words count in proportion: a teaser line weighs less. */
  static final double FULL_WEIGHT_WORDS = 15.0;

  /** A block with more of its text inside links than this is a link (menu item, headline). */
  static final double MAX_BLOCK_LINK_DENSITY = 0.5;

  /** "Question:" or "Sergey Lavrov:" alone before a {@code <br>}: the label of what follows. */
  static final int MAX_LABEL_WORDS = 6;

  Block(Element owner, String text, int chars, int linkChars, int words) {
    this(owner, text, chars, linkChars, words, false);
  }

  Block asTeaser() {
    return new Block(owner, text, chars, linkChars, words, true);
  }

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  /** Non-link text, less for short blocks, none for links, very short blocks and teasers. */
  double weight() {
    return teaser ? 0 : textWeight();
  }

  double textWeight() {
    if (words < MIN_SUBSTANTIVE_WORDS || linkDensity() > MAX_BLOCK_LINK_DENSITY) {
      return 0;
    }
    return (chars - linkChars) * Math.min(1.0, words / FULL_WEIGHT_WORDS);
  }

  boolean isLabel() {
    return text.endsWith(":") && words <= MAX_LABEL_WORDS;
  }

  /** A link as long as a headline: "Minister meets the ambassadors of the Nordic countries". */
  boolean isHeadlineLink() {
    return linkDensity() > MAX_BLOCK_LINK_DENSITY
        && words >= MIN_SUBSTANTIVE_WORDS
        && !WIDGET.matcher(text).matches();
  }
}
