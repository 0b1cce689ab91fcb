package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.discourseatlas.nlp.DiplomaticLabels;
import org.junit.jupiter.api.Test;

class TrainSentimentTest {
  @Test
  void theHeldOutSplitAndTheFoldsAreBySpeech() {
    Map<String, Boolean> sideOf = new HashMap<>();
    Map<String, Integer> foldOf = new HashMap<>();
    for (DiplomaticLabels.Row row : DiplomaticLabels.rows()) {
      boolean heldOut = DiplomaticLabels.heldOut(row.file());
      Boolean before = sideOf.putIfAbsent(row.file(), heldOut);
      assertTrue(before == null || before == heldOut, row.file() + " on both sides");
      int fold = TrainSentiment.fold(row.file());
      assertTrue(fold >= 0 && fold < TrainSentiment.FOLDS);
      Integer earlier = foldOf.putIfAbsent(row.file(), fold);
      assertTrue(earlier == null || earlier == fold, row.file() + " in two folds");
    }
    long[] perFold = new long[TrainSentiment.FOLDS];
    sideOf.forEach((file, heldOut) -> perFold[TrainSentiment.fold(file)] += heldOut ? 0 : 1);
    for (long n : perFold) {
      assertTrue(n > 100, "training speeches per fold: " + n);
    }
  }

  @Test
  void coreNlpsFiveClassesCollapseToThree() {
    // Most probable of the 5 root probabilities: very_negative and negative -> negative, etc.
    assertEquals("negative", TrainSentiment.corenlp3(new double[] {0.5, 0.1, 0.2, 0.1, 0.1}));
    assertEquals("negative", TrainSentiment.corenlp3(new double[] {0.1, 0.4, 0.3, 0.1, 0.1}));
    assertEquals("neutral", TrainSentiment.corenlp3(new double[] {0.1, 0.2, 0.4, 0.2, 0.1}));
    assertEquals("positive", TrainSentiment.corenlp3(new double[] {0.0, 0.1, 0.2, 0.3, 0.4}));
    assertEquals(List.of("negative", "neutral", "positive"), DiplomaticLabels.LABELS);
  }
}
