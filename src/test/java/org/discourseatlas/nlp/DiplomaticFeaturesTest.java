package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiplomaticFeaturesTest {
  /** The count features after the 11 tree features: negations, contrasts, then the lexicon. */
  private static final List<String> COUNT_NAMES =
      List.of(
          "negations",
          "contrasts",
          "lexicon_condemnation_per10",
          "lexicon_concern_per10",
          "lexicon_harm_per10",
          "lexicon_failure_per10",
          "lexicon_accusation_per10",
          "lexicon_approval_per10",
          "lexicon_gratitude_per10",
          "lexicon_progress_per10",
          "lexicon_support_per10",
          "lexicon_hope_per10",
          "lexicon_hedges_per10");

  @Test
  void theLexiconLoadsAndNamesTheFeaturesInOrder() {
    // 5 CoreNLP probabilities, min/max/mean over phrases and over clauses, then the counts.
    assertEquals(5 + 6 + COUNT_NAMES.size(), DiplomaticFeatures.NAMES.size());
    assertEquals("corenlp_p_very_negative", DiplomaticFeatures.NAMES.get(0));
    assertEquals("phrase_score_min", DiplomaticFeatures.NAMES.get(5));
    assertEquals("clause_score_mean", DiplomaticFeatures.NAMES.get(10));
    assertEquals(COUNT_NAMES, DiplomaticFeatures.NAMES.subList(11, 24));
  }

  @Test
  void aHedgedWelcomeCountsByHand() {
    // 12 tokens. Negations: n't (1). Contrasts: but (1). Lexicon, each hit 10/12 per 10 tokens:
    // welcome -> approval (welcome*); attack -> harm (attack*); hopeful -> hope (hope*);
    // but and remain -> hedges (but, remain*): 2 hits = 20/12.
    List<String> tokens =
        List.of(
            "We", "do", "n't", "welcome", "the", "attack", ",", "but", "we", "remain", "hopeful",
            ".");
    double hit = 10.0 / 12;
    double[] expected = {1, 1, 0, 0, hit, 0, 0, hit, 0, 0, 0, hit, 2 * hit};

    assertArrayEquals(expected, DiplomaticFeatures.counts(tokens), 1e-12);
  }

  @Test
  void aMultiwordPhraseCountsOnceAndLemmasMatch() {
    // 10 tokens, each hit 1.0 per 10 tokens. condemned -> condemnation (condemn*); killings ->
    // harm (kill*); "deep regret" -> concern once: the longer pattern flags both words, so
    // regret* does not count "regret" again (quanteda's nested_scope = "key").
    List<String> tokens =
        List.of(
            "The",
            "Assembly",
            "condemned",
            "the",
            "killings",
            "and",
            "expressed",
            "deep",
            "regret",
            ".");
    double[] expected = {0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0};

    assertArrayEquals(expected, DiplomaticFeatures.counts(tokens), 1e-12);
  }

  @Test
  void noTokensNoCounts() {
    assertArrayEquals(new double[COUNT_NAMES.size()], DiplomaticFeatures.counts(List.of()));
  }
}
