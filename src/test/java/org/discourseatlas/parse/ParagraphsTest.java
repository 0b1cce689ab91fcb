package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParagraphsTest {
  @Test
  void numbersParagraphsByTheBlankLinesBeforeAnOffset() {
    String text =
        "First paragraph. Still first.\n\nSecond one.\n \nThird, after a line with a space.\nStill third.";
    Paragraphs paragraphs = Paragraphs.of(text);
    assertEquals(1, paragraphs.numberAt(0));
    assertEquals(1, paragraphs.numberAt(text.indexOf("Still first")));
    assertEquals(2, paragraphs.numberAt(text.indexOf("Second")));
    assertEquals(3, paragraphs.numberAt(text.indexOf("Third")));
    assertEquals(
        3,
        paragraphs.numberAt(text.indexOf("Still third")),
        "a single line break does not start a paragraph");
  }

  @Test
  void aTextWithoutBlankLinesIsOneParagraph() {
    assertEquals(1, Paragraphs.of("One.\nTwo.").numberAt(5));
  }
}
