package org.discourseatlas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coherence on five units computed by hand. D = 5; D(a) = 3, D(b) = 3, D(c) = 2; D(a,b) = 2, D(a,c)
 * = 2, D(b,c) = 1.
 *
 * <p>NPMI(w1,w2) = ln(P12 / (P1 P2)) / -ln P12 (Bouma 2009): (a,b) = ln(0.4/0.36)/-ln 0.4 =
 * 0.1149859; (a,c) = ln(0.4/0.24)/-ln 0.4 = 0.5574930; (b,c) = ln(0.2/0.24)/-ln 0.2 = -0.1132828;
 * mean 0.1863987.
 *
 * <p>UMass (Mimno et al. 2011) over [a, b, c]: ln((D(b,a)+1)/D(a)) = ln(3/3) = 0,
 * ln((D(c,a)+1)/D(a)) = 0, ln((D(c,b)+1)/D(b)) = ln(2/3) = -0.4054651; mean -0.1351550.
 */
class TopicCoherenceTest {
  private static TopicCoherence.Cooccurrences counts() {
    TopicCoherence.Cooccurrences counts =
        new TopicCoherence.Cooccurrences(List.of("a", "b", "c", "d"));
    counts.addUnit(List.of("a", "b", "c", "x"));
    counts.addUnit(List.of("a", "b", "b", "b")); // repeated terms count once per unit
    counts.addUnit(List.of("a", "c"));
    counts.addUnit(List.of("b"));
    counts.addUnit(List.of("d", "y"));
    return counts;
  }

  @Test
  void countsUnitsNotOccurrences() {
    TopicCoherence.Cooccurrences c = counts();
    assertEquals(5, c.documents());
    assertEquals(3, c.of("a"));
    assertEquals(3, c.of("b"));
    assertEquals(2, c.together("a", "b"));
    assertEquals(2, c.together("c", "a"));
    assertEquals(1, c.together("b", "c"));
    assertEquals(0, c.together("a", "d"));
    assertEquals(0, c.of("x"), "terms not tracked are not counted");
  }

  @Test
  void npmiMatchesTheHandComputedMean() {
    assertEquals(0.1863987, TopicCoherence.npmi(List.of("a", "b", "c"), counts()), 1e-6);
  }

  @Test
  void umassMatchesTheHandComputedMeanAndDependsOnRankOrder() {
    assertEquals(-0.1351550, TopicCoherence.umass(List.of("a", "b", "c"), counts()), 1e-6);
    // Reversed, the conditioning term changes: ln((1+1)/2), ln((2+1)/2), ln((2+1)/3); mean
    // 0.1351550.
    assertEquals(
        (Math.log(1) + Math.log(1.5) + Math.log(1)) / 3,
        TopicCoherence.umass(List.of("c", "b", "a"), counts()),
        1e-9);
  }

  @Test
  void termsThatNeverShareAUnitScoreMinusOne() {
    assertEquals(-1.0, TopicCoherence.npmi(List.of("a", "d"), counts()), 1e-12);
  }

  @Test
  void mergedPartitionCountsEqualOnePass() {
    TopicCoherence.Cooccurrences left =
        new TopicCoherence.Cooccurrences(List.of("a", "b", "c", "d"));
    left.addUnit(List.of("a", "b", "c", "x"));
    left.addUnit(List.of("a", "b", "b", "b"));
    TopicCoherence.Cooccurrences right =
        new TopicCoherence.Cooccurrences(List.of("a", "b", "c", "d"));
    right.addUnit(List.of("a", "c"));
    right.addUnit(List.of("b"));
    right.addUnit(List.of("d", "y"));
    TopicCoherence.Cooccurrences merged = left.merge(right);
    assertEquals(
        TopicCoherence.npmi(List.of("a", "b", "c"), counts()),
        TopicCoherence.npmi(List.of("a", "b", "c"), merged),
        1e-15);
    assertThrows(
        IllegalArgumentException.class,
        () -> merged.merge(new TopicCoherence.Cooccurrences(List.of("z"))));
  }
}
