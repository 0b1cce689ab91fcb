package org.discourseatlas.stats;

import java.util.List;

/**
 * Accuracy, macro-F1 and the confusion matrix of a classifier against reference labels (Sokolova
 * and Lapalme 2009, "A systematic analysis of performance measures for classification tasks", Table
 * 3: macro-averaged F1 is the mean over classes of each class's F1 = 2PR / (P + R); a class with no
 * prediction and no reference has no F1 and is left out of the mean, one with P + R = 0 counts as
 * 0).
 *
 * @param labels the classes, in the confusion matrix's order
 * @param confusion rows = reference class, columns = predicted class
 */
public record ClassificationMetrics(List<String> labels, long[][] confusion) {
  /** Counts each (reference, predicted) pair; both lists name classes of {@code labels}. */
  public static ClassificationMetrics of(
      List<String> labels, List<String> reference, List<String> predicted) {
    if (reference.size() != predicted.size()) {
      throw new IllegalArgumentException(
          reference.size() + " references but " + predicted.size() + " predictions");
    }
    long[][] confusion = new long[labels.size()][labels.size()];
    for (int i = 0; i < reference.size(); i++) {
      int r = labels.indexOf(reference.get(i));
      int p = labels.indexOf(predicted.get(i));
      if (r < 0 || p < 0) {
        throw new IllegalArgumentException(
            "unknown class: " + reference.get(i) + " / " + predicted.get(i));
      }
      confusion[r][p]++;
    }
    return new ClassificationMetrics(List.copyOf(labels), confusion);
  }

  public long total() {
    long n = 0;
    for (long[] row : confusion) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double accuracy() {
    long correct = 0;
    for (int k = 0; k < labels.size(); k++) {
      correct += confusion[k][k];
    }
    return total() == 0 ? Double.NaN : (double) correct / total();
  }

  /** F1 of class k, NaN when it is neither predicted nor in the reference. */
  public double f1(int k) {
    long truePositive = confusion[k][k];
    long predicted = 0;
    long actual = 0;
    for (int j = 0; j < labels.size(); j++) {
      predicted += confusion[j][k];
      actual += confusion[k][j];
    }
    if (predicted == 0 && actual == 0) {
      return Double.NaN;
    }
    // 2PR / (P + R) = 2 TP / (predicted + actual), which is 0 where TP is.
    return 2.0 * truePositive / (predicted + actual);
  }

  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (int k = 0; k < labels.size(); k++) {
      double f1 = f1(k);
      if (!Double.isNaN(f1)) {
        sum += f1;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The confusion matrix as a markdown table, reference classes down, predictions across. */
  public String markdown() {
    StringBuilder out = new StringBuilder("| reference \\ predicted |");
    labels.forEach(l -> out.append(' ').append(l).append(" |"));
    out.append("\n|---|").append("---:|".repeat(labels.size())).append('\n');
    for (int r = 0; r < labels.size(); r++) {
      out.append("| ").append(labels.get(r)).append(" |");
      for (int p = 0; p < labels.size(); p++) {
        out.append(' ').append(confusion[r][p]).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
