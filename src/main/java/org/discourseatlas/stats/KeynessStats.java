package org.discourseatlas.stats;

import java.math.BigInteger;
import org.apache.commons.math3.special.Erf;

/**
 * Keyness of a term in a target against a reference: quanteda's chi2, G2 (likelihood ratio), PMI
 * and p-values, and Monroe et al.'s log-odds with an informative Dirichlet prior.
 *
 * <p>References (see docs/decisions/0009-keyness-formulas.md for the decisions taken here):
 *
 * <ul>
 *   <li>quanteda.textstats {@code textstat_keyness()} (R/textstat_keyness.R), whose statistics are
 *       computed in src/keyness.cpp by {@code chisq_lambda}, {@code lr_lambda}, {@code pmi_lambda},
 *       {@code yates_correction} and {@code williams_correction}; these are ports of the older R
 *       functions {@code keyness_chi2_dt}, {@code keyness_lr} and {@code keyness_pmi} in quanteda's
 *       R/textstat_keyness.R (quanteda 1.x/2.x). p = 1 - pchisq(|stat|, df = 1).
 *   <li>Monroe, Colaresi &amp; Quinn (2008), "Fightin' Words", Political Analysis 16(4):372-403,
 *       section 3.5: log-odds-ratio with an informative Dirichlet prior (eq. 16), its approximate
 *       variance and the z-score built from them.
 * </ul>
 *
 * <p>2x2 table (quanteda's naming): a = term in target, b = term in reference, c = targetTotal - a,
 * d = referenceTotal - b, N = a + b + c + d.
 *
 * <p>Stateless and thread-safe; {@link Scores} is a serializable record so a Spark stage can return
 * it from a UDF/map function.
 */
public final class KeynessStats {

  /** Continuity/small-sample correction, applied to chi2 and G2 (never to PMI or log-odds). */
  public enum Correction {
    /** No correction (quanteda {@code correction = "none"}). */
    NONE,
    /**
     * Yates' continuity correction as quanteda applies it (quanteda {@code "yates"}, and also what
     * quanteda's {@code "default"} does for both chi2 and G2): only when the smallest expected cell
     * is below 5 and |ad - bc| &gt;= N/2; chi2 subtracts N/2 from |ad - bc|, G2 moves each cell 0.5
     * towards independence.
     */
    YATES,
    /** Williams' correction as quanteda applies it: statistic / q, q = 1 when any cell is 0. */
    WILLIAMS
  }

  /**
   * Scores of one term. chi2, g2, logOdds and logOddsZ are positive when the term is relatively
   * more frequent in the target than in the reference, negative when less, 0 when equal. p-values
   * are the upper tail of chi-square(1) at |chi2| and |g2|. NaN marks an undefined value: pmi when
   * a = 0; logOdds/logOddsZ when the prior gives the term no pseudo-count (alpha_w = 0) or a
   * smoothed proportion is degenerate (see the decision record 0009).
   */
  public record Scores(
      double chi2,
      double g2,
      double pmi,
      double pValueChi2,
      double pValueG2,
      double logOdds,
      double logOddsZ)
      implements java.io.Serializable {}

  /** Below this N every product of two margins (each &lt;= N) and 5N fit in a long. */
  private static final long EXACT_LONG_LIMIT = 3_037_000_499L; // floor(sqrt(Long.MAX_VALUE))

  private KeynessStats() {}

  /**
   * @param a count of the term in the target; @param b count in the reference
   * @param targetTotal total count of all terms in the target; @param referenceTotal in the
   *     reference
   * @param priorCount the term's count in the prior corpus; @param priorTotal that corpus's total
   * @param alpha0 the prior's total pseudo-count (alpha_w = alpha0 * priorCount / priorTotal)
   * @param correction correction for chi2 and G2 (quanteda's "default" is {@link Correction#YATES})
   * @throws IllegalArgumentException on negative counts, a &gt; targetTotal, b &gt; referenceTotal,
   *     an empty target or reference, priorCount &gt; priorTotal, a negative or non-finite alpha0,
   *     or a null correction
   */
  public static Scores score(
      long a,
      long b,
      long targetTotal,
      long referenceTotal,
      long priorCount,
      long priorTotal,
      double alpha0,
      Correction correction) {
    validate(a, b, targetTotal, referenceTotal, priorCount, priorTotal, alpha0, correction);

    final long c = targetTotal - a;
    final long d = referenceTotal - b;
    final long n = Math.addExact(targetTotal, referenceTotal); // checked in validate
    final Exact exact = Exact.of(a, b, c, d, n);

    final double chi2 = chi2(a, b, c, d, n, exact, correction);
    final double g2 = g2(a, b, c, d, n, exact, correction);
    final double pmi = pmi(a, b, c, n);
    final double[] logOdds = logOdds(a, b, c, d, priorCount, priorTotal, alpha0);
    return new Scores(
        chi2, g2, pmi, chiSquare1UpperTail(chi2), chiSquare1UpperTail(g2), logOdds[0], logOdds[1]);
  }

  /**
   * P(X &gt;= |statistic|) for X ~ chi-square with 1 degree of freedom, i.e. quanteda's {@code 1 -
   * stats::pchisq(abs(stat), 1)} but computed as erfc(sqrt(x/2)) so that it stays precise in the
   * tail (quanteda's 1 - pchisq rounds to 0 below ~1e-16). NaN gives NaN.
   */
  static double chiSquare1UpperTail(double statistic) {
    if (Double.isNaN(statistic)) {
      return Double.NaN;
    }
    return Erf.erfc(Math.sqrt(Math.abs(statistic) / 2.0));
  }

  // ---------------------------------------------------------------------------------------
  // chi2: quanteda.textstats src/keyness.cpp chisq_lambda (ex keyness_chi2_dt):
  //   chi2 = N (|ad - bc| - N*delta)^2 / ((a+b)(c+d)(a+c)(b+d)) / q * sign,
  //   delta = 0.5 if Yates applies (yates_correction) else 0; q = Williams' q or 1;
  //   sign = +1 if a > E11 = (a+b)(a+c)/N else -1.
  // ---------------------------------------------------------------------------------------
  private static double chi2(
      long a, long b, long c, long d, long n, Exact exact, Correction correction) {
    if (exact.signAdMinusBc == 0) {
      // a/targetTotal == b/referenceTotal (covers a = b = 0 and c = d = 0): chi2 = 0.
      // quanteda returns -0 here, or NaN (0/0) when a = b = 0; see decision record 0009.
      return 0.0;
    }
    final double nn = n;
    final double delta = correction == Correction.YATES && exact.yatesApplies ? 0.5 : 0.0;
    final double q = correction == Correction.WILLIAMS ? williamsQ(a, b, c, d, n) : 1.0;
    final double diff = exact.absAdMinusBc - nn * delta; // >= 0 because Yates needs |ad-bc| >= N/2
    // N * diff^2 / ((a+b)(c+d)(a+c)(b+d)), grouped to keep intermediate values moderate.
    final double value =
        nn
            * (diff / ((double) (a + b) * (double) (a + c)))
            * (diff / ((double) (c + d) * (double) (b + d)))
            / q;
    return exact.signAdMinusBc * value;
  }

  // ---------------------------------------------------------------------------------------
  // G2: quanteda.textstats src/keyness.cpp lr_lambda (ex keyness_lr):
  //   G2 = 2 * sum o * ln(o / E) over the four cells, signed like chi2;
  //   Yates ("default"/"yates"): if yates_correction applies, a and d move 0.5 towards
  //   independence and b and c 0.5 the other way (a,d -= 0.5 when ad > bc, += 0.5 otherwise);
  //   Williams: G2 / q with q computed on the uncorrected cells.
  // quanteda writes o * log(o/E + 1e-9) "to offset zero cell counts"; we use the limit it is
  // standing in for, 0 * ln 0 = 0, and the exact log elsewhere. The epsilon adds ~2e-9 * N
  // to quanteda's G2 (8e-7 for N = 400; 0.02 for N = 1e7); see decision record 0009.
  // ---------------------------------------------------------------------------------------
  private static double g2(
      long a, long b, long c, long d, long n, Exact exact, Correction correction) {
    if (exact.signAdMinusBc == 0) {
      return 0.0; // every observed cell equals its expected count
    }
    double aa = a;
    double bb = b;
    double cc = c;
    double dd = d;
    if (correction == Correction.YATES && exact.yatesApplies) {
      final double shift = exact.signAdMinusBc > 0 ? -0.5 : 0.5;
      aa += shift;
      dd += shift;
      bb -= shift;
      cc -= shift;
    }
    // Margins are unchanged by the Yates shift.
    final double nn = n;
    final double rowT = a + c; // target total
    final double rowR = b + d; // reference total
    final double colTerm = a + b;
    final double colRest = c + d;
    final double sum =
        xLogXOverE(aa, colTerm * rowT / nn)
            + xLogXOverE(bb, colTerm * rowR / nn)
            + xLogXOverE(cc, colRest * rowT / nn)
            + xLogXOverE(dd, colRest * rowR / nn);
    double value = Math.max(0.0, 2.0 * sum); // G2 >= 0; guard against rounding below zero
    if (correction == Correction.WILLIAMS) {
      value /= williamsQ(a, b, c, d, n);
    }
    return exact.signAdMinusBc * value;
  }

  private static double xLogXOverE(double observed, double expected) {
    return observed == 0.0 ? 0.0 : observed * Math.log(observed / expected);
  }

  // Williams' q, quanteda.textstats src/keyness.cpp williams_correction (ex keyness_chi2_dt /
  // keyness_lr): q = 1 + (N/(a+b) + N/(c+d) - 1) * (N/(a+c) + N/(b+d) - 1) / (6N); q = 1 when
  // any cell is zero ("cannot be used if there are any zeros in the table").
  private static double williamsQ(long a, long b, long c, long d, long n) {
    if (a == 0 || b == 0 || c == 0 || d == 0) {
      return 1.0;
    }
    final double nn = n;
    return 1.0
        + (nn / (a + b) + nn / (c + d) - 1.0) * (nn / (a + c) + nn / (b + d) - 1.0) / (6.0 * nn);
  }

  // ---------------------------------------------------------------------------------------
  // PMI: quanteda.textstats src/keyness.cpp pmi_lambda (ex keyness_pmi): ln(a / E11),
  // E11 = (a+b)(a+c)/N, natural log, never corrected. quanteda adds 1e-9 inside the log, which
  // turns a = 0 into ln(1e-9) = -20.723266 for every such term; we return NaN (undefined) and
  // use the exact log otherwise. Decision record 0009.
  // ---------------------------------------------------------------------------------------
  private static double pmi(long a, long b, long c, long n) {
    if (a == 0) {
      return Double.NaN;
    }
    return Math.log((double) a * (double) n / ((double) (a + b) * (double) (a + c)));
  }

  // ---------------------------------------------------------------------------------------
  // Monroe, Colaresi & Quinn (2008), section 3.5, target = i, reference = j:
  //   alpha_w = alpha0 * priorCount / priorTotal
  //   delta_w = ln((y_i + alpha_w) / (n_i + alpha0 - y_i - alpha_w))
  //           - ln((y_j + alpha_w) / (n_j + alpha0 - y_j - alpha_w))             (eq. 16)
  //   var(delta_w) ~= 1/(y_i + alpha_w) + 1/(y_j + alpha_w)
  //   z_w = delta_w / sqrt(var(delta_w))
  // n_i + alpha0 - y_i - alpha_w is computed as c + alpha0 * (priorTotal - priorCount) / priorTotal
  // to avoid cancellation. Returns {NaN, NaN} when alpha_w = 0 (term absent from the prior,
  // alpha0 = 0 or no prior: the Dirichlet needs alpha_w > 0) or when a smoothed proportion is
  // degenerate (0 or 1). Decision record 0009.
  // ---------------------------------------------------------------------------------------
  private static double[] logOdds(
      long a, long b, long c, long d, long priorCount, long priorTotal, double alpha0) {
    if (priorCount == 0 || alpha0 == 0.0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    final double alphaW = alpha0 * ((double) priorCount / (double) priorTotal);
    final double alphaRest = alpha0 * ((double) (priorTotal - priorCount) / (double) priorTotal);
    final double termT = a + alphaW;
    final double termR = b + alphaW;
    final double restT = c + alphaRest;
    final double restR = d + alphaRest;
    if (!(termT > 0.0 && termR > 0.0 && restT > 0.0 && restR > 0.0)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    final double delta = Math.log(termT / restT) - Math.log(termR / restR);
    final double variance = 1.0 / termT + 1.0 / termR;
    final double z = delta / Math.sqrt(variance);
    if (!Double.isFinite(delta) || !Double.isFinite(z)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {delta, z};
  }

  // ---------------------------------------------------------------------------------------
  // Exact integer parts of the table: sign(ad - bc) (equivalent to quanteda's a > E11 test,
  // but free of rounding), |ad - bc|, and quanteda's Yates condition (yates_correction):
  //   |ad - bc| >= N/2  and  min((a+b)(a+c), (a+b)(b+d), (a+c)(c+d), (c+d)(b+d)) / N < 5.
  // Longs below EXACT_LONG_LIMIT, BigInteger above it.
  // ---------------------------------------------------------------------------------------
  private record Exact(int signAdMinusBc, double absAdMinusBc, boolean yatesApplies) {

    static Exact of(long a, long b, long c, long d, long n) {
      if (n <= EXACT_LONG_LIMIT) {
        final long diff = a * d - b * c;
        final long absDiff = Math.abs(diff);
        final long minProduct =
            Math.min(
                Math.min((a + b) * (a + c), (a + b) * (b + d)),
                Math.min((a + c) * (c + d), (c + d) * (b + d)));
        final boolean yates = 2 * absDiff >= n && minProduct < 5 * n;
        return new Exact(Long.signum(diff), (double) absDiff, yates);
      }
      final BigInteger ba = BigInteger.valueOf(a);
      final BigInteger bb = BigInteger.valueOf(b);
      final BigInteger bc = BigInteger.valueOf(c);
      final BigInteger bd = BigInteger.valueOf(d);
      final BigInteger bn = BigInteger.valueOf(n);
      final BigInteger diff = ba.multiply(bd).subtract(bb.multiply(bc));
      final BigInteger absDiff = diff.abs();
      final BigInteger termCol = ba.add(bb);
      final BigInteger restCol = bc.add(bd);
      final BigInteger rowT = ba.add(bc);
      final BigInteger rowR = bb.add(bd);
      final BigInteger minProduct =
          termCol
              .multiply(rowT)
              .min(termCol.multiply(rowR))
              .min(restCol.multiply(rowT))
              .min(restCol.multiply(rowR));
      final boolean yates =
          absDiff.shiftLeft(1).compareTo(bn) >= 0
              && minProduct.compareTo(bn.multiply(BigInteger.valueOf(5))) < 0;
      return new Exact(diff.signum(), absDiff.doubleValue(), yates);
    }
  }

  private static void validate(
      long a,
      long b,
      long targetTotal,
      long referenceTotal,
      long priorCount,
      long priorTotal,
      double alpha0,
      Correction correction) {
    if (correction == null) {
      throw new IllegalArgumentException("correction is null (use NONE, YATES or WILLIAMS)");
    }
    if (a < 0) {
      throw new IllegalArgumentException("a (count in target) is negative: " + a);
    }
    if (b < 0) {
      throw new IllegalArgumentException("b (count in reference) is negative: " + b);
    }
    if (targetTotal <= 0) {
      throw new IllegalArgumentException(
          "targetTotal must be positive (empty target): " + targetTotal);
    }
    if (referenceTotal <= 0) {
      throw new IllegalArgumentException(
          "referenceTotal must be positive (empty reference): " + referenceTotal);
    }
    if (a > targetTotal) {
      throw new IllegalArgumentException(
          "a (count in target) " + a + " exceeds targetTotal " + targetTotal);
    }
    if (b > referenceTotal) {
      throw new IllegalArgumentException(
          "b (count in reference) " + b + " exceeds referenceTotal " + referenceTotal);
    }
    if (targetTotal > Long.MAX_VALUE - referenceTotal) {
      throw new IllegalArgumentException("targetTotal + referenceTotal overflows a long");
    }
    if (priorCount < 0) {
      throw new IllegalArgumentException("priorCount is negative: " + priorCount);
    }
    if (priorTotal < 0) {
      throw new IllegalArgumentException("priorTotal is negative: " + priorTotal);
    }
    if (priorCount > priorTotal) {
      throw new IllegalArgumentException(
          "priorCount " + priorCount + " exceeds priorTotal " + priorTotal);
    }
    if (!(alpha0 >= 0.0) || Double.isInfinite(alpha0)) {
      throw new IllegalArgumentException("alpha0 must be finite and >= 0: " + alpha0);
    }
  }
}
