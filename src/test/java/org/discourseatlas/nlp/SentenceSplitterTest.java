package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CoreNLP's splitter as the job uses it: sentences as written, paragraph breaks respected. */
class SentenceSplitterTest {
  @Test
  void splitsSentencesAndKeepsTheTextAsWritten() {
    String text =
        "The operation to liberate eastern Aleppo was met with accusations. Mr O’Brian’s briefing "
            + "(at the UN) was worrying!\n\nWhy are the civilians in Mosul less of a story?";
    List<SplitSentence> sentences = SentenceSplitter.split(text);
    assertEquals(3, sentences.size());
    assertEquals(
        "The operation to liberate eastern Aleppo was met with accusations.",
        sentences.get(0).text());
    assertEquals("Mr O’Brian’s briefing (at the UN) was worrying!", sentences.get(1).text());
    // Tokens as written: no PTB escapes such as -LRB- or `` for quotes.
    assertEquals(
        List.of(
            "Mr", "O’Brian", "’s", "briefing", "(", "at", "the", "UN", ")", "was", "worrying", "!"),
        sentences.get(1).tokens());
    SplitSentence last = sentences.get(2);
    assertEquals(last.text(), text.substring(last.begin(), last.end()));
  }

  @Test
  void aParagraphBreakEndsASentenceEvenWithoutPunctuation() {
    List<SplitSentence> sentences =
        SentenceSplitter.split(
            "Statistics for Iraq and Yemen were presented\n\nWe count on our partners.");
    assertEquals(2, sentences.size());
    assertEquals("Statistics for Iraq and Yemen were presented", sentences.get(0).text());
  }

  @Test
  void abbreviationsDoNotEndASentence() {
    List<SplitSentence> sentences =
        SentenceSplitter.split(
            "Mr. O’Brian met the U.S. delegation at the U.N. headquarters in New York. "
                + "Resolution No. 2254 was adopted on Dec. 18, 2015, by the Security Council. "
                + "Gen. Votel and Dr. Smith, of the U.K. mission, spoke next.");
    assertEquals(3, sentences.size(), sentences.toString());
    assertEquals(
        "Mr. O’Brian met the U.S. delegation at the U.N. headquarters in New York.",
        sentences.get(0).text());
    assertEquals(
        "Resolution No. 2254 was adopted on Dec. 18, 2015, by the Security Council.",
        sentences.get(1).text());
  }
}
