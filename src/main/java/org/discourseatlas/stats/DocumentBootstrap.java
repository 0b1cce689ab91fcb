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
    double[][] one = new double[scoreSums.length][];
    for (int i = 0; i < scoreSums.length; i++) {
      one[i] = new double[] {scoreSums[i]};
    }
    return meanDistributions(one, sentenceCounts, 1, resamples, seed)[0];
  }

  /**
   * The bootstrap distributions of several means over the same documents at once (a group's topic
   * shares): for column c, the sum over the resampled documents of {@code sums[i][c]} over the sum
   * of {@code counts[i]}. Resample r draws the same documents for every column, in the same order
   * for any number of columns, so column c's distribution is the one column c alone would give;
   * drawing once for all columns makes a group's cost nearly independent of its number of columns.
   *
   * @return per column, the {@code resamples} means, sorted (NaN where the resample has no
   *     observation)
   */
  public static double[][] meanDistributions(
      double[][] sums, long[] counts, int columns, int resamples, long seed) {
    if (sums.length != counts.length) {
      throw new IllegalArgumentException("one row of sums and one count per document");
    }
    int n = counts.length;
    double[][] means = new double[columns][resamples];
    if (n == 0) {
      for (double[] column : means) {
        Arrays.fill(column, Double.NaN);
      }
      return means;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] resampled = new double[columns];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(resampled, 0);
      long count = 0;
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        double[] row = sums[pick];
        for (int c = 0; c < columns; c++) {
          resampled[c] += row[c];
        }
        count += counts[pick];
      }
      for (int c = 0; c < columns; c++) {
        means[c][r] = resampled[c] / count;
      }
    }
    for (double[] column : means) {
      Arrays.sort(column);
    }
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
    // Counts below 2^53 are exact as doubles, and so are their sums: the same ratios.
    double[][] sums = new double[numerators.length][];
    for (int i = 0; i < numerators.length; i++) {
      sums[i] = new double[columns];
      for (int c = 0; c < columns; c++) {
        sums[i][c] = numerators[i][c];
      }
    }
    return meanDistributions(sums, denominators, columns, resamples, seed);
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
