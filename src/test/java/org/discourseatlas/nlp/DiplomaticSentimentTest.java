package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiplomaticSentimentTest {
  private static final int N = DiplomaticFeatures.NAMES.size();

  /** A model of zero weights but one, in the shipped model's JSON shape. */
  private static byte[] handMadeModel(double negationsWeight, double neutralIntercept) {
    List<String> rows = new ArrayList<>();
    int negations = DiplomaticFeatures.NAMES.indexOf("negations");
    for (int c = 0; c < 3; c++) {
      List<String> row = new ArrayList<>(Collections.nCopies(N, "0.0"));
      if (c == 0) {
        row.set(negations, String.valueOf(negationsWeight));
      }
      rows.add("[" + String.join(",", row) + "]");
    }
    List<String> names = DiplomaticFeatures.NAMES.stream().map(n -> '"' + n + '"').toList();
    return ("{\"labels\":[\"negative\",\"neutral\",\"positive\"],\"features\":["
            + String.join(",", names)
            + "],\"coefficients\":["
            + String.join(",", rows)
            + "],\"intercepts\":[0.0,"
            + neutralIntercept
            + ",0.0]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void softmaxOfAHandMadeModel() throws IOException {
    // negations = 1, weight ln 2 for negative; intercepts 0, ln 3, 0. Logits ln 2, ln 3, 0:
    // exp = 2, 3, 1, sum 6; P = 1/3, 1/2, 1/6; label neutral; score = 1/6 - 1/3 = -1/6.
    DiplomaticSentiment model = DiplomaticSentiment.parse(handMadeModel(Math.log(2), Math.log(3)));
    double[] x = new double[N];
    x[DiplomaticFeatures.NAMES.indexOf("negations")] = 1;

    DiplomaticSentiment.Prediction p = model.predict(x, List.of());

    assertEquals("neutral", p.label());
    assertEquals(1.0 / 3, p.probabilities().get(0), 1e-12);
    assertEquals(1.0 / 2, p.probabilities().get(1), 1e-12);
    assertEquals(1.0 / 6, p.probabilities().get(2), 1e-12);
    assertEquals(-1.0 / 6, p.score(), 1e-12);
  }

  @Test
  void aModelForOtherFeaturesIsRefused() {
    byte[] json =
        "{\"labels\":[\"negative\"],\"features\":[\"x\"],\"coefficients\":[[1]],\"intercepts\":[0]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalStateException.class, () -> DiplomaticSentiment.parse(json));
  }

  @Test
  void theShippedModelPredictsFromTheScoringParse() {
    List<String> sentences =
        List.of(
            "We strongly condemn the barbaric bombing of hospitals that killed dozens of civilians.",
            "Allow me to congratulate you, Sir, on your election to the presidency of the Assembly.",
            "The conference will take place in Geneva next month.");

    List<SentimentScorer.Score> first =
        SentimentScorer.score(sentences, SentimentScorer.Parser.SHIFT_REDUCE, false, true);
    List<SentimentScorer.Score> again =
        SentimentScorer.score(sentences, SentimentScorer.Parser.SHIFT_REDUCE, false, true);

    assertEquals(
        List.of("negative", "neutral", "positive"), DiplomaticSentiment.shipped().labels());
    for (int i = 0; i < sentences.size(); i++) {
      DiplomaticSentiment.Prediction p = first.get(i).diplomatic();
      assertEquals(1.0, p.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
      assertEquals(p, again.get(i).diplomatic(), "deterministic");
      assertEquals(p.probabilities().get(2) - p.probabilities().get(0), p.score(), 1e-12);
    }
    // Condemnation of a killing; ritual congratulation (guidelines, hard case 6).
    assertEquals("negative", first.get(0).diplomatic().label());
    assertEquals("positive", first.get(1).diplomatic().label());
  }
}
