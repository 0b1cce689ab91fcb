package org.discourseatlas.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 95% intervals for the macro-F1 of two classifiers on the same labelled items, and for their
 * difference, by a cluster bootstrap: whole groups (speeches) are resampled with replacement, as
 * the held-out split is drawn by speech and a speech's sentences are not independent (Field and
 * Welsh 2007, "Bootstrapping clustered data", JRSS B 69(3); percentile intervals as Efron and
 * Tibshirani 1993, ch. 13). The difference is taken within each resample, so the two classifiers
 * are compared on the same draw (paired).
 */
public final class MacroF1Bootstrap {
  /** Intervals of classifier A's and B's macro-F1 and of B − A. */
  public record Result(
      DocumentBootstrap.Interval a,
      DocumentBootstrap.Interval b,
      DocumentBootstrap.Interval difference) {}

  private MacroF1Bootstrap() {}

  /**
   * @param groups each item's group (its speech); items of a group are drawn together
   * @param reference, predictedA, predictedB the items' reference and predicted classes
   */
  public static Result intervals(
      List<String> labels,
      List<String> groups,
      List<String> reference,
      List<String> predictedA,
      List<String> predictedB,
      int resamples,
      long seed) {
    // One pair of confusion matrices per group; a resample adds up its drawn groups' matrices.
    Map<String, List<Integer>> itemsOf = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      itemsOf.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    List<long[][][]> perGroup = new ArrayList<>();
    for (List<Integer> items : itemsOf.values()) {
      List<String> r = items.stream().map(reference::get).toList();
      perGroup.add(
          new long[][][] {
            ClassificationMetrics.of(labels, r, items.stream().map(predictedA::get).toList())
                .confusion(),
            ClassificationMetrics.of(labels, r, items.stream().map(predictedB::get).toList())
                .confusion()
          });
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[resamples];
    double[] b = new double[resamples];
    double[] difference = new double[resamples];
    int k = labels.size();
    for (int s = 0; s < resamples; s++) {
      long[][] sumA = new long[k][k];
      long[][] sumB = new long[k][k];
      for (int draw = 0; draw < perGroup.size(); draw++) {
        long[][][] group = perGroup.get(random.nextInt(perGroup.size()));
        add(sumA, group[0]);
        add(sumB, group[1]);
      }
      a[s] = new ClassificationMetrics(labels, sumA).macroF1();
      b[s] = new ClassificationMetrics(labels, sumB).macroF1();
      difference[s] = b[s] - a[s];
    }
    Arrays.sort(a);
    Arrays.sort(b);
    Arrays.sort(difference);
    return new Result(
        DocumentBootstrap.interval(a),
        DocumentBootstrap.interval(b),
        DocumentBootstrap.interval(difference));
  }

  private static void add(long[][] into, long[][] counts) {
    for (int r = 0; r < into.length; r++) {
      for (int p = 0; p < into.length; p++) {
        into[r][p] += counts[r][p];
      }
    }
  }
}
