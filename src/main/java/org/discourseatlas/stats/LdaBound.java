package org.discourseatlas.stats;

import java.io.Serializable;
import org.apache.commons.math3.special.Gamma;

/**
 * The variational lower bound on an LDA model's log likelihood of a corpus (the evidence lower
 * bound of Blei, Ng &amp; Jordan 2003, section 5; Hoffman, Blei &amp; Bach 2010, eq. 3), term by
 * term as Spark computes it in {@code org.apache.spark.mllib.clustering.LocalLDAModel
 * .logLikelihoodBound} (the per-document part, and the topic part once per corpus), from the model
 * Spark does: document concentration alpha, topic concentration eta and the topic-term matrix
 * lambda ({@code topicsMatrix}).
 *
 * <p>What differs is where a unit's variational Dirichlet gamma comes from: given here, where Spark
 * infers it again seeded by the unit's row position ({@code seed + monotonically_increasing_id}),
 * so that Spark's bound of the same units changes with their partitioning. Given the gamma that
 * {@code transform} inferred (the unit's topic shares are that gamma normalised, {@link
 * #gammaOfShares}), each unit's part is a function of the unit alone and can be kept.
 *
 * <p>Serializable and immutable: built once on the driver, read by tasks.
 */
public final class LdaBound implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] alpha;
  private final double alphaSum;

  /** E[log beta_kw] = digamma(lambda_kw) - digamma(sum over w of lambda_kw), by [term][topic]. */
  private final double[][] expectedLogBeta;

  private final double topicsPart;

  /**
   * @param alpha the document concentration, one value per topic
   * @param eta the topic concentration
   * @param lambdaByTerm the topic-term matrix as Spark's {@code topicsMatrix} holds it:
   *     [term][topic]
   */
  public LdaBound(double[] alpha, double eta, double[][] lambdaByTerm) {
    int topics = alpha.length;
    int terms = lambdaByTerm.length;
    this.alpha = alpha.clone();
    double sum = 0;
    for (double a : alpha) {
      sum += a;
    }
    this.alphaSum = sum;
    double[] topicMass = new double[topics];
    for (double[] row : lambdaByTerm) {
      if (row.length != topics) {
        throw new IllegalArgumentException(
            "lambda has " + row.length + " topics per term, alpha " + topics);
      }
      for (int k = 0; k < topics; k++) {
        topicMass[k] += row[k];
      }
    }
    double[] digammaOfMass = new double[topics];
    for (int k = 0; k < topics; k++) {
      digammaOfMass[k] = Gamma.digamma(topicMass[k]);
    }
    this.expectedLogBeta = new double[terms][topics];
    // E[log p(beta | eta) - log q(beta | lambda)], Spark's topicsPart.
    double part = 0;
    double logGammaEta = Gamma.logGamma(eta);
    for (int w = 0; w < terms; w++) {
      for (int k = 0; k < topics; k++) {
        double lambda = lambdaByTerm[w][k];
        double expected = Gamma.digamma(lambda) - digammaOfMass[k];
        expectedLogBeta[w][k] = expected;
        part += (eta - lambda) * expected + Gamma.logGamma(lambda) - logGammaEta;
      }
    }
    double logGammaEtaSum = Gamma.logGamma(eta * terms);
    for (int k = 0; k < topics; k++) {
      part += logGammaEtaSum - Gamma.logGamma(topicMass[k]);
    }
    this.topicsPart = part;
  }

  /** The corpus-level part of the bound, E[log p(beta | eta) - log q(beta | lambda)]. */
  public double topicsPart() {
    return topicsPart;
  }

  /**
   * A unit's gamma from its topic shares: inference keeps sum(gamma) = sum(alpha) + the unit's
   * tokens (each update is alpha plus the unit's counts spread over the topics, Spark's {@code
   * variationalTopicInference}), and the shares are gamma over its sum.
   */
  public double[] gammaOfShares(double[] shares, double tokens) {
    double total = alphaSum + tokens;
    double[] gamma = new double[shares.length];
    for (int k = 0; k < shares.length; k++) {
      gamma[k] = shares[k] * total;
    }
    return gamma;
  }

  /**
   * A unit's part of the bound at its variational Dirichlet {@code gamma}: E[log p(w | theta,
   * beta)] + E[log p(theta | alpha)] - E[log q(theta | gamma)], Spark's per-document {@code
   * docBound}.
   *
   * @param terms the unit's term indices (into lambda's terms)
   * @param counts their counts
   */
  public double unitPart(int[] terms, double[] counts, double[] gamma) {
    int topics = alpha.length;
    if (gamma.length != topics) {
      throw new IllegalArgumentException("gamma has " + gamma.length + " topics, not " + topics);
    }
    double gammaSum = 0;
    for (double g : gamma) {
      gammaSum += g;
    }
    double digammaOfSum = Gamma.digamma(gammaSum);
    double[] expectedLogTheta = new double[topics];
    for (int k = 0; k < topics; k++) {
      expectedLogTheta[k] = Gamma.digamma(gamma[k]) - digammaOfSum;
    }
    double bound = 0;
    double[] logs = new double[topics];
    for (int i = 0; i < terms.length; i++) {
      double[] beta = expectedLogBeta[terms[i]];
      for (int k = 0; k < topics; k++) {
        logs[k] = expectedLogTheta[k] + beta[k];
      }
      bound += counts[i] * logSumExp(logs);
    }
    for (int k = 0; k < topics; k++) {
      bound += (alpha[k] - gamma[k]) * expectedLogTheta[k];
      bound += Gamma.logGamma(gamma[k]) - Gamma.logGamma(alpha[k]);
    }
    return bound + Gamma.logGamma(alphaSum) - Gamma.logGamma(gammaSum);
  }

  /** log(sum(exp(x))), shifted by the maximum as Breeze's {@code softmax} (Spark's logSumExp). */
  static double logSumExp(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (Double.isInfinite(max)) {
      return max;
    }
    double sum = 0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
