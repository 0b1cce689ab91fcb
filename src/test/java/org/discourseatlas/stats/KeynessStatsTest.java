package org.discourseatlas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.discourseatlas.stats.KeynessStats.Correction;
import org.discourseatlas.stats.KeynessStats.Scores;
import org.junit.jupiter.api.Test;

/**
 * Reference values: the issue's example (quanteda textstat_keyness and Monroe et al. 2008 log-odds)
 * and hand computations shown in the comments. Tolerance 1e-6 unless stated.
 */
class KeynessStatsTest {

  private static final double EPS = 1e-6;

  // Issue example: group A and group B, 200 tokens each; prior = pooled A + B (400), alpha0 = 100.
  private static final Map<String, long[]> COUNTS =
      Map.of( // {A, B}
          "terrorists", new long[] {30, 10},
          "humanitarian", new long[] {10, 20},
          "coalition", new long[] {5, 25},
          "the", new long[] {155, 145});

  private static Scores issue(String term, Correction correction) {
    long[] ab = COUNTS.get(term);
    return KeynessStats.score(ab[0], ab[1], 200, 200, ab[0] + ab[1], 400, 100.0, correction);
  }

  // --- issue values ------------------------------------------------------------------------

  @Test
  void logOddsZMatchesIssue() {
    // alpha_w = 100 * (A + B) / 400 = 10, 7.5, 7.5, 75.
    // terrorists: delta = ln(40/260) - ln(20/280) = -1.871802 + 2.639057 = 0.767255;
    //             var = 1/40 + 1/20 = 0.075; z = 0.767255 / 0.273861 = 2.801620
    assertEquals(2.801620, issue("terrorists", Correction.NONE).logOddsZ(), EPS);
    assertEquals(0.767255153, issue("terrorists", Correction.NONE).logOdds(), EPS);
    assertEquals(-1.595957, issue("humanitarian", Correction.NONE).logOddsZ(), EPS);
    assertEquals(-3.087598, issue("coalition", Correction.NONE).logOddsZ(), EPS);
    assertEquals(1.887330, issue("the", Correction.NONE).logOddsZ(), EPS);
  }

  @Test
  void chi2G2PmiMatchIssueForTerrorists() {
    Scores s = issue("terrorists", Correction.NONE);
    // a=30 b=10 c=170 d=190 N=400: chi2 = 400 * (30*190 - 10*170)^2 / (40*360*200*200)
    //                                    = 400 * 4000^2 / 576,000,000 = 11.111111
    assertEquals(11.111111, s.chi2(), EPS);
    // G2 = 2 * (30 ln(30/20) + 10 ln(10/20) + 170 ln(170/180) + 190 ln(190/180))
    //    = 2 * (12.163953 - 6.931472 - 9.716930 + 10.272772) = 11.5766463.
    // The issue's 11.576647 is quanteda's output, which carries its +1e-9 inside the log
    // (about +2e-9 * N = +8e-7 here); both agree to 1e-6. Decision record 0009.
    assertEquals(11.576647, s.g2(), EPS);
    assertEquals(11.576646252, s.g2(), 1e-8);
    // PMI = ln(30 * 400 / (40 * 200)) = ln(1.5)
    assertEquals(0.405465, s.pmi(), EPS);
    assertEquals(Math.log(1.5), s.pmi(), 1e-12);
    // p-values: upper tail of chi-square(1)
    assertEquals(8.58120666e-4, s.pValueChi2(), 1e-12);
    assertEquals(6.67852835e-4, s.pValueG2(), 1e-12);
  }

  @Test
  void yatesLeavesTerroristsUnchangedBecauseEveryExpectedCountIsAtLeastFive() {
    // Expected cells 20, 20, 180, 180: quanteda's yates_correction does not apply (min E >= 5).
    Scores none = issue("terrorists", Correction.NONE);
    Scores yates = issue("terrorists", Correction.YATES);
    assertEquals(none.chi2(), yates.chi2(), 0.0);
    assertEquals(none.g2(), yates.g2(), 0.0);
  }

  // --- signs -------------------------------------------------------------------------------

  @Test
  void signFlipsWhenTargetAndReferenceSwap() {
    Scores ab = issue("terrorists", Correction.NONE);
    Scores ba = KeynessStats.score(10, 30, 200, 200, 40, 400, 100.0, Correction.NONE);
    assertEquals(-ab.chi2(), ba.chi2(), 1e-12);
    assertEquals(-ab.g2(), ba.g2(), 1e-12);
    assertEquals(-ab.logOdds(), ba.logOdds(), 1e-12);
    assertEquals(-ab.logOddsZ(), ba.logOddsZ(), 1e-12);
    assertEquals(ab.pValueChi2(), ba.pValueChi2(), 1e-15);
    assertEquals(ab.pValueG2(), ba.pValueG2(), 1e-15);
    // PMI = ln(a / E11) is not antisymmetric in magnitude: ln(30/20) = 0.405465 vs
    // ln(10/20) = -0.693147. Its sign flips; with equal totals exp(pmi) + exp(pmi') = 2.
    assertTrue(ab.pmi() > 0 && ba.pmi() < 0);
    assertEquals(Math.log(0.5), ba.pmi(), 1e-12);
    assertEquals(2.0, Math.exp(ab.pmi()) + Math.exp(ba.pmi()), 1e-12);
    // a == b with equal totals: everything is 0.
    Scores tie = KeynessStats.score(20, 20, 200, 200, 40, 400, 100.0, Correction.NONE);
    assertEquals(0.0, tie.pmi(), 1e-15);
    assertEquals(0.0, tie.logOddsZ(), 1e-15);
  }

  @Test
  void signFlipsAlsoForUnequalTotalsAndEveryCorrection() {
    for (Correction correction : Correction.values()) {
      Scores ab = KeynessStats.score(12, 3, 150, 90, 15, 240, 50.0, correction);
      Scores ba = KeynessStats.score(3, 12, 90, 150, 15, 240, 50.0, correction);
      assertTrue(ab.chi2() > 0 && ab.g2() > 0 && ab.logOddsZ() > 0, correction.name());
      assertEquals(-ab.chi2(), ba.chi2(), 1e-12, correction.name());
      assertEquals(-ab.g2(), ba.g2(), 1e-12, correction.name());
      assertEquals(-ab.logOddsZ(), ba.logOddsZ(), 1e-12, correction.name());
    }
    // 12/150 = 0.08 > 3/90 = 0.033; expected E11 = 15*150/240 = 9.375, E12 = 15*90/240 = 5.625,
    // all >= 5 -> no Yates. ad - bc = 12*87 - 3*138 = 1044 - 414 = 630;
    // chi2 = 240 * 630^2 / (15 * 225 * 150 * 90) = 95,256,000 / 45,562,500 = 2.090667
    assertEquals(
        2.090667, KeynessStats.score(12, 3, 150, 90, 15, 240, 50.0, Correction.YATES).chi2(), EPS);
  }

  @Test
  void negativeWhenRelativelyLessFrequentInTarget() {
    Scores s = issue("coalition", Correction.NONE); // 5/200 < 25/200
    assertTrue(s.chi2() < 0 && s.g2() < 0 && s.pmi() < 0 && s.logOdds() < 0 && s.logOddsZ() < 0);
  }

  // --- Yates (quanteda: "default" and "yates") --------------------------------------------

  @Test
  void yatesOnChi2AndG2ByHand() {
    // quanteda's own test table: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b", feature "a":
    // a = 3, b = 7, targetTotal 10, referenceTotal 9 -> c = 7, d = 2, N = 19.
    // Expected cells: 10*10/19 = 5.263, 10*9/19 = 4.737 (< 5), 4.737, 9*9/19 = 4.263.
    // |ad - bc| = |6 - 49| = 43 >= N/2 = 9.5 -> Yates applies; ad < bc -> negative sign.
    Scores none = KeynessStats.score(3, 7, 10, 9, 10, 19, 1.0, Correction.NONE);
    Scores yates = KeynessStats.score(3, 7, 10, 9, 10, 19, 1.0, Correction.YATES);
    // chi2 none  = 19 * 43^2 / (10*9*10*9) = 35131 / 8100 = 4.337160
    // chi2 Yates = 19 * (43 - 9.5)^2 / 8100 = 19 * 1122.25 / 8100 = 21322.75 / 8100 = 2.632438
    //   (= R's chisq.test(correct = TRUE), which quanteda's test asserts for "default")
    assertEquals(-4.337160, none.chi2(), EPS);
    assertEquals(-2.632438, yates.chi2(), EPS);
    // G2 none = 2 * (3 ln(3/5.2631579) + 7 ln(7/4.7368421) * 2 + 2 ln(2/4.2631579))
    //         = 2 * (-1.6863568 + 2.7337762 * 2 - 1.5137260) = 2 * 2.2674697 = 4.534939
    assertEquals(-4.534939, none.g2(), EPS);
    // G2 Yates: ad < bc, so a, d += 0.5 and b, c -= 0.5 -> 3.5, 6.5, 6.5, 2.5 (margins kept)
    //   = 2 * (3.5 ln(3.5/5.2631579) + 6.5 ln(6.5/4.7368421) * 2 + 2.5 ln(2.5/4.2631579))
    //   = 2 * (-1.4278888 + 2.0568047 * 2 - 1.3342986) = 2 * 1.3514220 = 2.702844
    assertEquals(-2.702844, yates.g2(), EPS);
    // p-values follow the corrected statistics.
    assertEquals(0.104700815, yates.pValueChi2(), 1e-8);
    assertEquals(0.100169434, yates.pValueG2(), 1e-8);
  }

  @Test
  void yatesOnAPositiveAsymmetricTable() {
    // a = 4, b = 1, targetTotal 20, referenceTotal 30 -> c = 16, d = 29, N = 50.
    // Expected: 5*20/50 = 2 (< 5), 5*30/50 = 3, 45*20/50 = 18, 45*30/50 = 27.
    // ad - bc = 116 - 16 = 100 >= 25 -> Yates applies; positive sign.
    Scores none = KeynessStats.score(4, 1, 20, 30, 5, 50, 1.0, Correction.NONE);
    Scores yates = KeynessStats.score(4, 1, 20, 30, 5, 50, 1.0, Correction.YATES);
    // chi2 none  = 50 * 100^2 / (5*45*20*30) = 500000 / 135000 = 3.703704
    // chi2 Yates = 50 * (100 - 25)^2 / 135000 = 281250 / 135000 = 2.083333
    assertEquals(3.703704, none.chi2(), EPS);
    assertEquals(2.083333, yates.chi2(), EPS);
    // G2 none = 2 * (4 ln 2 + 1 ln(1/3) + 16 ln(16/18) + 29 ln(29/27))
    //         = 2 * (2.7725887 - 1.0986123 - 1.8845286 + 2.0723100) = 2 * 1.8617578 = 3.723516
    assertEquals(3.723516, none.g2(), EPS);
    // G2 Yates: ad > bc, so a, d -= 0.5 and b, c += 0.5 -> 3.5, 1.5, 16.5, 28.5
    //   = 2 * (3.5 ln 1.75 + 1.5 ln 0.5 + 16.5 ln(16.5/18) + 28.5 ln(28.5/27))
    //   = 2 * (1.9586553 - 1.0397208 - 1.4356877 + 1.5409158) = 2 * 1.0241626 = 2.048325
    assertEquals(2.048325, yates.g2(), EPS);
  }

  @Test
  void yatesSkippedWhenDifferenceBelowHalfN() {
    // a = 1, b = 1, targetTotal 10, referenceTotal 11 -> c = 9, d = 10, N = 21.
    // E11 = 2*10/21 = 0.95 < 5, but |ad - bc| = |10 - 9| = 1 < N/2 = 10.5 -> no correction
    // (quanteda's yates_correction returns 0). chi2 = 21 * 1 / (2 * 19 * 10 * 11) = 21/4180.
    Scores none = KeynessStats.score(1, 1, 10, 11, 2, 21, 1.0, Correction.NONE);
    Scores yates = KeynessStats.score(1, 1, 10, 11, 2, 21, 1.0, Correction.YATES);
    assertEquals(21.0 / 4180.0, none.chi2(), 1e-12);
    assertEquals(none.chi2(), yates.chi2(), 0.0);
    assertEquals(none.g2(), yates.g2(), 0.0);
  }

  // --- Williams ----------------------------------------------------------------------------

  @Test
  void williamsOnChi2AndG2ByHand() {
    // Table a=3 b=7 c=7 d=2 N=19 (above):
    // q = 1 + (19/10 + 19/9 - 1) * (19/10 + 19/9 - 1) / (6*19) = 1 + 3.0111111^2 / 114
    //   = 1 + 9.0667901 / 114 = 1.0795332
    // chi2 = -4.3371605 / 1.0795332 = -4.017626 (the value in quanteda's own, commented-out test)
    // G2   = -4.5349393 / 1.0795332 = -4.200833
    Scores w = KeynessStats.score(3, 7, 10, 9, 10, 19, 1.0, Correction.WILLIAMS);
    assertEquals(-4.017626, w.chi2(), EPS);
    assertEquals(-4.200833, w.g2(), EPS);
    // Table a=4 b=1 c=16 d=29 N=50:
    // q = 1 + (50/5 + 50/45 - 1) * (50/20 + 50/30 - 1) / (6*50) = 1 + 10.111111 * 3.1666667 / 300
    //   = 1 + 32.018519 / 300 = 1.1067284
    // chi2 = 3.7037037 / 1.1067284 = 3.346534; G2 = 3.7235156 / 1.1067284 = 3.364435
    Scores w2 = KeynessStats.score(4, 1, 20, 30, 5, 50, 1.0, Correction.WILLIAMS);
    assertEquals(3.346534, w2.chi2(), EPS);
    assertEquals(3.364435, w2.g2(), EPS);
    // Issue's terrorists: q = 1 + (400/40 + 400/360 - 1)(400/200 + 400/200 - 1)/2400
    //   = 1 + 10.111111 * 3 / 2400 = 1.0126389; chi2 = 11.111111 / 1.0126389 = 10.972432
    assertEquals(10.972432, issue("terrorists", Correction.WILLIAMS).chi2(), EPS);
  }

  @Test
  void williamsIsOneWhenAnyCellIsZero() {
    // quanteda: "William's correction cannot be used if there are any zeros in the table" -> q = 1
    Scores none = KeynessStats.score(0, 6, 40, 60, 6, 100, 1.0, Correction.NONE);
    Scores w = KeynessStats.score(0, 6, 40, 60, 6, 100, 1.0, Correction.WILLIAMS);
    assertEquals(none.chi2(), w.chi2(), 0.0);
    assertEquals(none.g2(), w.g2(), 0.0);
  }

  // --- p-values ----------------------------------------------------------------------------

  @Test
  void pValuesAtKnownChiSquareQuantiles() {
    assertEquals(0.05, KeynessStats.chiSquare1UpperTail(3.841459), EPS);
    assertEquals(0.01, KeynessStats.chiSquare1UpperTail(6.634897), EPS);
    assertEquals(0.001, KeynessStats.chiSquare1UpperTail(10.827566), EPS);
    assertEquals(0.05, KeynessStats.chiSquare1UpperTail(-3.841459), EPS); // |stat|
    assertEquals(1.0, KeynessStats.chiSquare1UpperTail(0.0), 0.0);
    // Tail stays precise where quanteda's 1 - pchisq(x, 1) prints 0:
    // P(chi2_1 > 100) = erfc(sqrt(50)) = 1.5239706e-23
    assertEquals(1.5239706e-23, KeynessStats.chiSquare1UpperTail(100.0), 1e-29);
    assertTrue(Double.isNaN(KeynessStats.chiSquare1UpperTail(Double.NaN)));
  }

  @Test
  void scorePValuesUseTheStatisticsAbsoluteValue() {
    Scores s = issue("coalition", Correction.NONE);
    assertEquals(KeynessStats.chiSquare1UpperTail(Math.abs(s.chi2())), s.pValueChi2(), 0.0);
    assertEquals(KeynessStats.chiSquare1UpperTail(Math.abs(s.g2())), s.pValueG2(), 0.0);
  }

  // --- zero counts and the prior -----------------------------------------------------------

  @Test
  void termAbsentFromTarget() {
    // a = 0, b = 6, targetTotal 40, referenceTotal 60, N = 100, no Yates (E11 = 2.4 < 5 but the
    // correction is NONE). chi2 = 100 * (0 - 6*40)^2 / (6 * 94 * 40 * 60) = 5,760,000 / 1,353,600
    //                            = 4.255319, negative.
    // Expected cells: 6*40/100 = 2.4, 6*60/100 = 3.6, 94*40/100 = 37.6, 94*60/100 = 56.4.
    // G2 = 2 * (0 + 6 ln(6/3.6) + 40 ln(40/37.6) + 54 ln(54/56.4)) = 2 * (3.0649537 + 2.4750161
    //    - 2.3481960) = 2 * 3.1917738 = 6.383548, negative (0 * ln 0 = 0).
    Scores s = KeynessStats.score(0, 6, 40, 60, 6, 100, 10.0, Correction.NONE);
    assertEquals(-4.255319, s.chi2(), EPS);
    assertEquals(-6.383548, s.g2(), EPS);
    assertTrue(Double.isNaN(s.pmi()), "PMI of a term absent from the target is NaN (ln 0)");
    assertTrue(Double.isFinite(s.pValueChi2()) && Double.isFinite(s.pValueG2()));
    // alpha_w = 10 * 6/100 = 0.6, alpha0 - alpha_w = 9.4:
    //   delta = ln(0.6/(40 + 9.4)) - ln(6.6/(54 + 9.4)) = ln(0.0121457) - ln(0.1041009) =
    // -2.1483818
    //   var = 1/0.6 + 1/6.6 = 1.8181818; z = -2.1483818 / 1.3483997 = -1.5932826
    assertEquals(-2.1483818, s.logOdds(), EPS);
    assertEquals(-1.5932826, s.logOddsZ(), EPS);
    // Yates applies here: E11 = 2.4 < 5 and |ad - bc| = 240 >= 50.
    // chi2 = 100 * (240 - 50)^2 / 1,353,600 = 3,610,000 / 1,353,600 = 2.666962, negative.
    Scores y = KeynessStats.score(0, 6, 40, 60, 6, 100, 10.0, Correction.YATES);
    assertEquals(-2.666962, y.chi2(), EPS);
    assertTrue(Double.isFinite(y.g2()) && y.g2() < 0);
  }

  @Test
  void termAbsentFromReference() {
    // a = 6, b = 0: mirror of the test above with target and reference swapped.
    Scores s = KeynessStats.score(6, 0, 60, 40, 6, 100, 10.0, Correction.NONE);
    assertEquals(4.255319, s.chi2(), EPS);
    assertEquals(6.383548, s.g2(), EPS);
    // PMI = ln(6 * 100 / (6 * 60)) = ln(100/60) = 0.510826
    assertEquals(Math.log(100.0 / 60.0), s.pmi(), 1e-12);
    assertEquals(1.5932826, s.logOddsZ(), EPS);
  }

  @Test
  void termAbsentFromBothGroups() {
    // a = b = 0: every cell equals its expectation -> chi2 = G2 = 0, p = 1 (quanteda: NaN from
    // 0/0).
    Scores s = KeynessStats.score(0, 0, 40, 60, 3, 1000, 10.0, Correction.YATES);
    assertEquals(0.0, s.chi2(), 0.0);
    assertEquals(0.0, s.g2(), 0.0);
    assertEquals(1.0, s.pValueChi2(), 0.0);
    assertEquals(1.0, s.pValueG2(), 0.0);
    assertTrue(Double.isNaN(s.pmi()));
    // alpha_w = 0.03: delta = ln(0.03/(40 + 9.97)) - ln(0.03/(60 + 9.97)), finite, negative
    // because the smaller target gives the pseudo-count a larger share.
    assertEquals(Math.log(0.03 / 49.97) - Math.log(0.03 / 69.97), s.logOdds(), 1e-12);
    assertTrue(Double.isFinite(s.logOddsZ()));
  }

  @Test
  void termMissingFromPriorGivesNaNLogOddsButKeepsQuantedaStatistics() {
    Scores s = KeynessStats.score(3, 0, 40, 60, 0, 1000, 10.0, Correction.NONE);
    assertTrue(Double.isNaN(s.logOdds()) && Double.isNaN(s.logOddsZ()));
    assertTrue(s.chi2() > 0 && Double.isFinite(s.g2()) && Double.isFinite(s.pmi()));
    // The same when both counts are present (alpha_w = 0 is outside the Dirichlet model).
    Scores both = KeynessStats.score(3, 2, 40, 60, 0, 1000, 10.0, Correction.NONE);
    assertTrue(Double.isNaN(both.logOddsZ()));
    // No prior at all (priorTotal 0, or alpha0 0): log-odds NaN, the rest computed.
    Scores noPrior = KeynessStats.score(30, 10, 200, 200, 0, 0, 0.0, Correction.NONE);
    assertTrue(Double.isNaN(noPrior.logOddsZ()));
    assertEquals(11.111111, noPrior.chi2(), EPS);
    Scores zeroAlpha = KeynessStats.score(30, 10, 200, 200, 40, 400, 0.0, Correction.NONE);
    assertTrue(Double.isNaN(zeroAlpha.logOddsZ()));
  }

  @Test
  void termThatIsTheWholeTargetAndWholePrior() {
    // c = 0 and priorCount = priorTotal: target proportion (30 + 100) / (0 + 0) is degenerate.
    Scores s = KeynessStats.score(30, 10, 30, 200, 400, 400, 100.0, Correction.YATES);
    assertTrue(Double.isNaN(s.logOdds()) && Double.isNaN(s.logOddsZ()));
    assertTrue(Double.isFinite(s.chi2()) && Double.isFinite(s.g2()) && Double.isFinite(s.pmi()));
  }

  @Test
  void noZeroCountCombinationThrows() {
    for (long a = 0; a <= 3; a++) {
      for (long b = 0; b <= 3; b++) {
        for (Correction correction : Correction.values()) {
          Scores s = KeynessStats.score(a, b, 3, 3, a + b, 6, 6.0, correction);
          assertFalse(Double.isNaN(s.chi2()) || Double.isInfinite(s.chi2()), a + "," + b);
          assertFalse(Double.isNaN(s.g2()) || Double.isInfinite(s.g2()), a + "," + b);
          assertFalse(Double.isNaN(s.pValueChi2()) || Double.isNaN(s.pValueG2()));
          assertEquals(a == 0, Double.isNaN(s.pmi()), a + "," + b);
          assertFalse(Double.isInfinite(s.pmi()));
          assertFalse(Double.isInfinite(s.logOdds()) || Double.isInfinite(s.logOddsZ()));
        }
      }
    }
  }

  // --- large corpora -----------------------------------------------------------------------

  @Test
  void identicalRelativeFrequencyIsExactlyZeroAtLargeN() {
    // 1e6 / 1e9 vs 2e6 / 2e9: G2 = 0. quanteda's +1e-9 inside the log gives -2e-9 * N = -6.0 here.
    Scores s =
        KeynessStats.score(
            1_000_000,
            2_000_000,
            1_000_000_000,
            2_000_000_000L,
            3_000_000,
            3_000_000_000L,
            1000.0,
            Correction.YATES);
    assertEquals(0.0, s.chi2(), 0.0);
    assertEquals(0.0, s.g2(), 0.0);
    assertEquals(1.0, s.pValueG2(), 0.0);
  }

  @Test
  void largeCountsUseExactArithmetic() {
    // N = 9e9: a*d = 4e9 * 1e9 overflows a long -> BigInteger path.
    // a=4e9 b=3e9 c=1e9 d=1e9: chi2 = 9e9 * (4e18 - 3e18)^2 / (7e9 * 2e9 * 5e9 * 4e9)
    //   = 9e45 / 2.8e38 = 32,142,857.142857; G2 (mpmath) = 32,006,190.7054
    Scores s =
        KeynessStats.score(
            4_000_000_000L,
            3_000_000_000L,
            5_000_000_000L,
            4_000_000_000L,
            7_000_000_000L,
            9_000_000_000L,
            1000.0,
            Correction.YATES);
    assertEquals(32_142_857.142857, s.chi2(), 1e-3);
    assertEquals(32_006_190.7054, s.g2(), 1e-3);
    Scores swapped =
        KeynessStats.score(
            3_000_000_000L,
            4_000_000_000L,
            4_000_000_000L,
            5_000_000_000L,
            7_000_000_000L,
            9_000_000_000L,
            1000.0,
            Correction.YATES);
    assertEquals(-s.chi2(), swapped.chi2(), 1e-6);
    // 1200 vs 1000 in 1e9 each: G2 = 18.2069652 (quanteda: 22.2069652, +2e-9 * N = +4).
    Scores rare =
        KeynessStats.score(
            1200,
            1000,
            1_000_000_000,
            1_000_000_000,
            2200,
            2_000_000_000L,
            1000.0,
            Correction.NONE);
    assertEquals(18.1818382, rare.chi2(), EPS);
    assertEquals(18.2069652, rare.g2(), EPS);
  }

  // --- validation --------------------------------------------------------------------------

  @Test
  void invalidInputIsRejectedWithTheProblemNamed() {
    assertMessage(
        "a (count in target) is negative",
        () -> KeynessStats.score(-1, 0, 10, 10, 1, 10, 1, Correction.NONE));
    assertMessage(
        "b (count in reference) is negative",
        () -> KeynessStats.score(0, -1, 10, 10, 1, 10, 1, Correction.NONE));
    assertMessage(
        "exceeds targetTotal", () -> KeynessStats.score(11, 0, 10, 10, 1, 10, 1, Correction.NONE));
    assertMessage(
        "exceeds referenceTotal",
        () -> KeynessStats.score(0, 11, 10, 10, 1, 10, 1, Correction.NONE));
    assertMessage(
        "targetTotal must be positive",
        () -> KeynessStats.score(0, 1, 0, 10, 1, 10, 1, Correction.NONE));
    assertMessage(
        "referenceTotal must be positive",
        () -> KeynessStats.score(0, 0, 10, 0, 1, 10, 1, Correction.NONE));
    assertMessage(
        "overflows", () -> KeynessStats.score(0, 0, Long.MAX_VALUE, 1, 1, 10, 1, Correction.NONE));
    assertMessage(
        "priorCount is negative",
        () -> KeynessStats.score(1, 1, 10, 10, -1, 10, 1, Correction.NONE));
    assertMessage(
        "priorTotal is negative",
        () -> KeynessStats.score(1, 1, 10, 10, 0, -1, 1, Correction.NONE));
    assertMessage(
        "priorCount 11 exceeds priorTotal 10",
        () -> KeynessStats.score(1, 1, 10, 10, 11, 10, 1, Correction.NONE));
    assertMessage("alpha0", () -> KeynessStats.score(1, 1, 10, 10, 1, 10, -1, Correction.NONE));
    assertMessage(
        "alpha0", () -> KeynessStats.score(1, 1, 10, 10, 1, 10, Double.NaN, Correction.NONE));
    assertMessage(
        "alpha0",
        () -> KeynessStats.score(1, 1, 10, 10, 1, 10, Double.POSITIVE_INFINITY, Correction.NONE));
    assertMessage("correction is null", () -> KeynessStats.score(1, 1, 10, 10, 1, 10, 1, null));
  }

  private static void assertMessage(
      String fragment, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(
        e.getMessage().contains(fragment),
        () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }

  // --- Spark --------------------------------------------------------------------------------

  @Test
  void scoresSurviveJavaSerialization() throws Exception {
    Scores s = issue("terrorists", Correction.YATES);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(s, in.readObject());
    }
  }
}
