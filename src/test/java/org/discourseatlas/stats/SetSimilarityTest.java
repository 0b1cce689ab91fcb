package org.discourseatlas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SetSimilarityTest {
  @Test
  void jaccardIsSharedOverUnionCountedByHand() {
    // {1,2,3} and {2,3,4}: shared {2,3}, union {1,2,3,4}: 2 / 4.
    assertEquals(0.5, SetSimilarity.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}));
    // {0,5,9,12,40} and {5,12}: shared 2, union 5.
    assertEquals(0.4, SetSimilarity.jaccard(new int[] {0, 5, 9, 12, 40}, new int[] {5, 12}));
    assertEquals(1.0, SetSimilarity.jaccard(new int[] {7, 8}, new int[] {7, 8}));
    assertEquals(0.0, SetSimilarity.jaccard(new int[] {1, 3}, new int[] {2, 4}));
  }

  @Test
  void anEmptySetSharesNothing() {
    assertEquals(0.0, SetSimilarity.jaccard(new int[] {}, new int[] {1}));
    assertEquals(0.0, SetSimilarity.jaccard(new int[] {}, new int[] {}));
  }
}
