package org.discourseatlas.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermExtractorTest {
  private static final TermExtractor DEFAULTS = new TermExtractor(List.of(), 2);

  @Test
  void stopwordsAreDroppedAndTermsLowercasedInOrder() {
    // "They are after regime change, not a settlement of the Syrian crisis through diplomacy."
    List<String> tokens =
        List.of(
            "They",
            "are",
            "after",
            "regime",
            "change",
            ",",
            "not",
            "a",
            "settlement",
            "of",
            "the",
            "Syrian",
            "crisis",
            "through",
            "diplomacy",
            ".");

    assertEquals(
        List.of("regime", "change", "settlement", "syrian", "crisis", "diplomacy"),
        DEFAULTS.terms(tokens));
  }

  @Test
  void numbersAndPunctuationAreDropped() {
    List<String> tokens =
        List.of(
            "Resolution",
            "2254",
            "(",
            "2015",
            ")",
            "--",
            "–",
            "“",
            "ceasefire",
            "”",
            "1,000",
            "24/7",
            ";",
            "...");

    assertEquals(List.of("resolution", "ceasefire"), DEFAULTS.terms(tokens));
  }

  @Test
  void curlyApostrophesAreMadeStraight() {
    // CoreNLP splits "Aleppo’s" into "Aleppo" and "’s", and "don’t" into "do" and "n’t".
    List<String> tokens = List.of("Aleppo", "’s", "liberation", "do", "n’t", "Lavrov’s", "O’Brian");

    assertEquals(List.of("aleppo", "liberation", "lavrov's", "o'brian"), DEFAULTS.terms(tokens));
  }

  @Test
  void hyphenatedNamesAreOneTerm() {
    assertEquals(
        List.of("al-nusra", "anti-terrorist", "coalition"),
        DEFAULTS.terms(List.of("Al-Nusra", "anti-terrorist", "coalition")));
  }

  @Test
  void extraStopwordsAreDroppedWhateverTheirCaseOrApostrophe() {
    TermExtractor extractor = new TermExtractor(List.of("Minister", "Lavrov’s", "  Russia "), 2);

    assertEquals(
        List.of("foreign", "remarks"),
        extractor.terms(List.of("Foreign", "Minister", "Lavrov's", "remarks", "in", "RUSSIA")));
  }

  @Test
  void defaultStopwordsStillApplyWithExtraOnes() {
    TermExtractor extractor = new TermExtractor(List.of("minister"), 2);

    assertEquals(List.of("talks"), extractor.terms(List.of("the", "minister", "would", "talks")));
  }

  @Test
  void termsShorterThanTheMinimumLengthAreDropped() {
    List<String> tokens = List.of("UN", "WHO", "ICRC", "Security", "Council", "EU");

    assertEquals(List.of("un", "icrc", "security", "council", "eu"), DEFAULTS.terms(tokens));
    assertEquals(
        List.of("icrc", "security", "council"), new TermExtractor(List.of(), 3).terms(tokens));
    assertEquals(List.of("security", "council"), new TermExtractor(List.of(), 5).terms(tokens));
  }

  @Test
  void wordCountCountsTokensWithALetterOrDigit() {
    assertEquals(
        5,
        TermExtractor.wordCount(
            List.of("Resolution", "2254", ",", "the", "“", "WHO", "’s", "...")));
  }

  @Test
  void lemmasOncePerTypeButNeverForNamesAndNgramsNeverCrossARemovedWord() {
    TermExtractor extractor =
        new TermExtractor(
            List.of(),
            2,
            List.of("humanitarian law", "eastern Aleppo"),
            new org.discourseatlas.nlp.MorphaLemmatizer());
    List<String> units =
        extractor.units(
            List.of(
                "Russia",
                "and",
                "ISIS",
                "violated",
                "international",
                "humanitarian",
                "law",
                "in",
                "eastern",
                "Aleppo",
                ";",
                "convoys",
                "were",
                "attacked"));
    assertEquals(
        java.util.Arrays.asList(
            "russia",
            null,
            "isis",
            "violate",
            "international",
            "humanitarian law",
            null,
            "eastern aleppo",
            null,
            "convoy",
            null,
            "attack"),
        units);
    List<String> bigrams =
        TermExtractor.ngrams(units, 2).stream()
            .filter(g -> g.n() == 2)
            .map(TermExtractor.NGram::term)
            .toList();
    assertEquals(
        List.of("isis violate", "violate international", "international humanitarian law"),
        bigrams);
  }
}
