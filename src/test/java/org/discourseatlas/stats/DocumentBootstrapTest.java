package org.discourseatlas.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The document bootstrap behind the sentiment intervals. */
class DocumentBootstrapTest {
  private static final double[] SUMS = {1.5, -0.5, 0.25, 2.0, -1.0, 0.75};
  private static final long[] COUNTS = {3, 2, 1, 4, 2, 3};

  @Test
  void theSameSeedGivesTheSameDistribution() {
    assertArrayEquals(
        DocumentBootstrap.means(SUMS, COUNTS, 500, 7),
        DocumentBootstrap.means(SUMS, COUNTS, 500, 7));
  }

  @Test
  void theIntervalHoldsThePointEstimateAndEveryResampleIsARatioOfSums() {
    double mean = (1.5 - 0.5 + 0.25 + 2.0 - 1.0 + 0.75) / 15; // 0.2
    double[] means = DocumentBootstrap.means(SUMS, COUNTS, 2000, 42);
    DocumentBootstrap.Interval interval = DocumentBootstrap.interval(means);
    assertTrue(interval.low() < mean && mean < interval.high(), interval + " around " + mean);
    // No resample can leave the range of the per-document means (-0.5 .. 0.5).
    assertTrue(means[0] >= -0.5 && means[means.length - 1] <= 0.5);
  }

  @Test
  void oneDocumentHasNoUncertaintyLeftToResample() {
    DocumentBootstrap.Interval interval =
        DocumentBootstrap.interval(
            DocumentBootstrap.means(new double[] {1.2}, new long[] {4}, 100, 1));
    assertEquals(0.3, interval.low(), 1e-12);
    assertEquals(0.3, interval.high(), 1e-12);
  }

  @Test
  void percentilesInterpolateLikeRType7() {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.975), type = 7) = 1.075, 3.925
    double[] sorted = {1, 2, 3, 4};
    assertEquals(1.075, DocumentBootstrap.percentile(sorted, 0.025), 1e-12);
    assertEquals(3.925, DocumentBootstrap.percentile(sorted, 0.975), 1e-12);
  }

  @Test
  void theDifferenceOfTwoGroupsIsCentredOnTheDifferenceOfMeans() {
    double[] target =
        DocumentBootstrap.means(new double[] {3, 2.5, 3.5, 3}, new long[] {5, 5, 5, 5}, 2000, 3);
    double[] reference =
        DocumentBootstrap.means(
            new double[] {-2, -3, -2.5, -2.5}, new long[] {5, 5, 5, 5}, 2000, 4);
    DocumentBootstrap.Interval interval = DocumentBootstrap.difference(target, reference, 5);
    double difference = 0.6 - (-0.5);
    assertTrue(interval.low() < difference && difference < interval.high(), interval.toString());
    assertTrue(interval.low() > 0.9 && interval.high() < 1.3, interval.toString());
  }

  @Test
  void compareGivesEachSidesRatioMeanAndAnIntervalAroundTheirDifference() {
    // Target: documents with sums 3 and 1 over 2 and 2 observations: mean 4/4 = 1.0.
    // Reference: sums 0.5, 0.5, 0.5 over 1 each: mean 0.5.
    DocumentBootstrap.Comparison c =
        DocumentBootstrap.compare(
            new double[] {3, 1},
            new long[] {2, 2},
            new double[] {0.5, 0.5, 0.5},
            new long[] {1, 1, 1},
            2000,
            7);
    assertEquals(4, c.nTarget());
    assertEquals(3, c.nReference());
    assertEquals(2, c.documentsTarget());
    assertEquals(3, c.documentsReference());
    assertEquals(1.0, c.meanTarget(), 1e-12);
    assertEquals(0.5, c.meanReference(), 1e-12);
    assertEquals(0.5, c.meanDifference(), 1e-12);
    // The reference never varies; the target's resampled means are 1.5, 1.0 or 0.5, each side
    // drawn with probability 1/4, 1/2, 1/4: the 95% interval of the difference is [0, 1].
    assertEquals(0.0, c.difference().low(), 1e-12);
    assertEquals(1.0, c.difference().high(), 1e-12);
  }

  @Test
  void severalRatiosAtOnceEqualEachRatioBootstrappedAlone() {
    // Three documents with 100, 50 and 250 running words and hits in two categories: column c's
    // distribution must be means(hits of c, words) with the same seed, resample for resample.
    long[][] hits = {{3, 0}, {1, 2}, {0, 5}};
    long[] words = {100, 50, 250};
    double[][] both = DocumentBootstrap.ratioDistributions(hits, words, 2, 300, 11);
    for (int c = 0; c < 2; c++) {
      double[] sums = {hits[0][c], hits[1][c], hits[2][c]};
      assertArrayEquals(DocumentBootstrap.means(sums, words, 300, 11), both[c], 1e-15);
    }
    // A ratio of sums lies between the documents' own ratios: column 0's are 0.03, 0.02 and 0.
    for (double ratio : both[0]) {
      assertTrue(ratio >= 0 && ratio <= 0.03 + 1e-15, String.valueOf(ratio));
    }
  }

  @Test
  void severalMeansAtOnceDrawEachResampleOnceForAllColumns() {
    // Topic shares of three documents (sums of their units' shares; 2, 1 and 4 units). The
    // reference draws by hand what the documented procedure draws: per resample, n picks from
    // SplittableRandom(seed), each pick adding its document's sums and unit count.
    double[][] sums = {{1.2, 0.8}, {0.1, 0.9}, {3.0, 1.0}};
    long[] units = {2, 1, 4};
    int resamples = 200;
    long seed = 42;
    double[][] both = DocumentBootstrap.meanDistributions(sums, units, 2, resamples, seed);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[][] expected = new double[2][resamples];
    for (int r = 0; r < resamples; r++) {
      double first = 0;
      double second = 0;
      long count = 0;
      for (int i = 0; i < 3; i++) {
        int pick = random.nextInt(3);
        first += sums[pick][0];
        second += sums[pick][1];
        count += units[pick];
      }
      expected[0][r] = first / count;
      expected[1][r] = second / count;
    }
    java.util.Arrays.sort(expected[0]);
    java.util.Arrays.sort(expected[1]);
    assertArrayEquals(expected[0], both[0], 0.0);
    assertArrayEquals(expected[1], both[1], 0.0);
    // Every resample's shares of the two topics sum to 1, as each unit's do: the columns were drawn
    // together (the smallest first-topic mean meets the largest second-topic mean).
    assertEquals(1.0, both[0][0] + both[1][resamples - 1], 1e-12);
    // One column alone is the single-mean bootstrap.
    double[] firstOnly = {1.2, 0.1, 3.0};
    assertArrayEquals(DocumentBootstrap.means(firstOnly, units, resamples, seed), both[0], 0.0);
  }
}
