package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CoreNLP's sentiment model as the job calls it: one sentence at a time, shift-reduce parser. */
class SentimentScorerTest {
  @Test
  void theModelsTheJobNeedsAreOnTheClasspath() {
    assertEquals(
        List.of(), SentimentScorer.missingModels(SentimentScorer.Parser.SHIFT_REDUCE, true));
    assertEquals(List.of(), SentimentScorer.missingModels(SentimentScorer.Parser.PCFG, false));
  }

  @Test
  void scoresAreExpectedClassesOnMinusOneToOneWithFiveProbabilities() {
    List<SentimentScorer.Score> scores =
        SentimentScorer.score(
            List.of(
                "We warmly welcome this excellent agreement and thank our partners for their wonderful work.",
                "This is a horrible, cruel and disgraceful attack on innocent civilians.",
                "The meeting will take place in Geneva on Monday."),
            SentimentScorer.Parser.SHIFT_REDUCE);
    assertEquals(3, scores.size());
    for (SentimentScorer.Score s : scores) {
      assertEquals(5, s.probabilities().size());
      assertEquals(1.0, s.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
      double expected = 0;
      for (int k = 0; k < 5; k++) {
        expected += k * s.probabilities().get(k);
      }
      assertEquals((expected - 2) / 2, s.score(), 1e-12, "score = expected class mapped to -1..+1");
      assertTrue(s.score() >= -1 && s.score() <= 1);
    }
    assertTrue(scores.get(0).score() > 0.2, "welcome: " + scores.get(0));
    assertTrue(scores.get(1).score() < -0.2, "attack: " + scores.get(1));
    assertTrue(scores.get(1).label().contains("negative"));
  }

  @Test
  void aSentenceIsNeverSplitAgain() {
    // Two sentences in one text still give one score: the job has split sentences already.
    assertEquals(
        1,
        SentimentScorer.score(
                List.of("It failed. We regret it."), SentimentScorer.Parser.SHIFT_REDUCE)
            .size());
  }
}
