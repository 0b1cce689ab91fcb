package org.discourseatlas.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over documents (a cluster bootstrap: sentences of one document are not
 * independent, so documents are resampled with replacement, each bringing all its sentences). The
 * statistic is the mean sentence score, the ratio of the resampled documents' score sums to their
 * sentence counts (Efron & Tibshirani 1993, ch. 13, percentile interval).
 */
public final class DocumentBootstrap {
  /** A 95% interval (2.5th and 97.5th percentiles of the bootstrap distribution). */
  public record Interval(double low, double high) {}

  private DocumentBootstrap() {}

  /** The bootstrap distribution of the mean score: {@code resamples} values, sorted. */
  public static double[] means(
      double[] scoreSums, long[] sentenceCounts, int resamples, long seed) {
    if (scoreSums.length != sentenceCounts.length) {
      throw new IllegalArgumentException("one score sum and one sentence count per document");
    }
    int n = scoreSums.length;
    double[] means = new double[resamples];
    if (n == 0) {
      Arrays.fill(means, Double.NaN);
      return means;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      long count = 0;
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        sum += scoreSums[pick];
        count += sentenceCounts[pick];
      }
      means[r] = sum / count;
    }
    Arrays.sort(means);
    return means;
  }

  /**
   * The bootstrap distributions of several ratios over the same documents at once (a dictionary's
   * categories in one group): for column c, the sum over the resampled documents of {@code
   * numerators[i][c]} over the sum of {@code denominators[i]}. Resample r draws the same documents
   * for every column, exactly as {@link #means} draws them with this seed, so column c's
   * distribution equals {@code means(column c, denominators, resamples, seed)}; drawing once for
   * all columns makes a group's cost independent of its number of categories.
   *
   * @return per column, the {@code resamples} ratios, sorted (NaN where the resample has no
   *     denominator)
   */
  public static double[][] ratioDistributions(
      long[][] numerators, long[] denominators, int columns, int resamples, long seed) {
    if (numerators.length != denominators.length) {
      throw new IllegalArgumentException("one numerator row and one denominator per document");
    }
    int n = denominators.length;
    double[][] ratios = new double[columns][resamples];
    if (n == 0) {
      for (double[] column : ratios) {
        Arrays.fill(column, Double.NaN);
      }
      return ratios;
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] sums = new long[columns];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(sums, 0);
      long count = 0;
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        long[] row = numerators[pick];
        for (int c = 0; c < columns; c++) {
          sums[c] += row[c];
        }
        count += denominators[pick];
      }
      for (int c = 0; c < columns; c++) {
        ratios[c][r] = (double) sums[c] / count;
      }
    }
    for (double[] column : ratios) {
      Arrays.sort(column);
    }
    return ratios;
  }

  /**
   * Two groups' means (each the ratio of its documents' score sums to their observation counts) and
   * the 95% interval of the difference, target minus reference.
   */
  public record Comparison(
      long nTarget,
      long nReference,
      int documentsTarget,
      int documentsReference,
      double meanTarget,
      double meanReference,
      Interval difference) {
    public double meanDifference() {
      return meanTarget - meanReference;
    }
  }

  /**
   * Compares two groups of documents by independent bootstraps of each (seeded {@code seed} and
   * {@code seed + 1}), paired in a random order ({@code seed + 2}); see {@link #difference}.
   */
  public static Comparison compare(
      double[] targetSums,
      long[] targetCounts,
      double[] referenceSums,
      long[] referenceCounts,
      int resamples,
      long seed) {
    double[] targetMeans = means(targetSums, targetCounts, resamples, seed);
    double[] referenceMeans = means(referenceSums, referenceCounts, resamples, seed + 1);
    return new Comparison(
        total(targetCounts),
        total(referenceCounts),
        targetSums.length,
        referenceSums.length,
        ratio(targetSums, targetCounts),
        ratio(referenceSums, referenceCounts),
        difference(targetMeans, referenceMeans, seed + 2));
  }

  private static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** The sum of the sums over the sum of the counts; NaN for no observations. */
  private static double ratio(double[] sums, long[] counts) {
    double s = 0;
    for (double v : sums) {
      s += v;
    }
    long n = total(counts);
    return n == 0 ? Double.NaN : s / n;
  }

  /** The 95% percentile interval of a sorted bootstrap distribution. */
  public static Interval interval(double[] sortedMeans) {
    return new Interval(percentile(sortedMeans, 0.025), percentile(sortedMeans, 0.975));
  }

  /**
   * The 95% interval of a difference of two independent groups' means: the two groups are resampled
   * separately and the percentiles taken over the differences of paired resamples.
   */
  public static Interval difference(double[] targetMeans, double[] referenceMeans, long seed) {
    int b = Math.min(targetMeans.length, referenceMeans.length);
    // The two distributions come sorted; pair them in a random order, not rank by rank.
    double[] shuffledReference = Arrays.copyOf(referenceMeans, b);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = b - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = shuffledReference[i];
      shuffledReference[i] = shuffledReference[j];
      shuffledReference[j] = t;
    }
    double[] differences = new double[b];
    for (int i = 0; i < b; i++) {
      differences[i] = targetMeans[i] - shuffledReference[i];
    }
    Arrays.sort(differences);
    return interval(differences);
  }

  /** Linear interpolation between order statistics (R's quantile type 7). */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
