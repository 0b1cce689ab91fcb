package org.discourseatlas.stats;

/** Similarity of two sets given as sorted arrays of distinct ints (shingle hashes). */
public final class SetSimilarity {
  private SetSimilarity() {}

  /**
   * Jaccard similarity |A ∩ B| / |A ∪ B| by one merge of the two sorted arrays; two empty sets are
   * 0 (nothing shared), as Spark's MinHashLSH distance treats an empty vector (distance 1).
   */
  public static double jaccard(int[] sortedA, int[] sortedB) {
    if (sortedA.length == 0 || sortedB.length == 0) {
      return 0.0;
    }
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < sortedA.length && j < sortedB.length) {
      if (sortedA[i] == sortedB[j]) {
        shared++;
        i++;
        j++;
      } else if (sortedA[i] < sortedB[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = sortedA.length + sortedB.length - shared;
    return (double) shared / union;
  }
}
