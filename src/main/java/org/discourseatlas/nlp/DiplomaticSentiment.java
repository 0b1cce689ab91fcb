package org.discourseatlas.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The diplomatic sentiment model (decision 0023): a multinomial logistic regression trained by
 * {@code jobs/train-sentiment.sh} on labelled UN General Debate sentences, applied in plain Java to
 * {@link DiplomaticFeatures} of a sentence CoreNLP has annotated. The shipped model ({@code
 * sentiment/diplomatic-model.json}) is read once per JVM.
 *
 * <p>P(class c | x) = exp(w_c·x + b_c) / Σ_j exp(w_j·x + b_j) (softmax; Spark's {@code
 * LogisticRegressionModel} with family multinomial, whose coefficients are on the features'
 * original scale even when it standardised them while fitting).
 */
public final class DiplomaticSentiment {
  public static final String MODEL_RESOURCE = "/sentiment/diplomatic-model.json";

  /** A prediction: the most probable class, P(positive) − P(negative), the 3 probabilities. */
  public record Prediction(String label, double score, List<Double> probabilities)
      implements Serializable {}

  private final List<String> labels;
  private final List<String> features;
  private final double[][] coefficients;
  private final double[] intercepts;
  private final String sha256;

  /** Hashed n-gram dimensions after the named features (0: none) and their longest n. */
  private final int hashedDimensions;

  private final int hashedMaxN;

  private DiplomaticSentiment(
      List<String> labels,
      List<String> features,
      double[][] coefficients,
      double[] intercepts,
      String sha256,
      int hashedDimensions,
      int hashedMaxN) {
    this.labels = labels;
    this.features = features;
    this.coefficients = coefficients;
    this.intercepts = intercepts;
    this.sha256 = sha256;
    this.hashedDimensions = hashedDimensions;
    this.hashedMaxN = hashedMaxN;
  }

  /** Initialised on first use, once per JVM (the holder idiom). */
  private static final class Shipped {
    static final DiplomaticSentiment MODEL = load();
  }

  /** The shipped model. */
  public static DiplomaticSentiment shipped() {
    return Shipped.MODEL;
  }

  /** SHA-256 of the shipped model file: a new model is a new sentiment fingerprint. */
  public static String shippedSha256() {
    return shipped().sha256;
  }

  private static DiplomaticSentiment load() {
    try (InputStream in = DiplomaticSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + MODEL_RESOURCE + " on the classpath");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model from its JSON; its features must be {@link DiplomaticFeatures#NAMES}, in order. */
  public static DiplomaticSentiment parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    List<String> labels = strings(root.get("labels"));
    List<String> features = strings(root.get("features"));
    if (!features.equals(DiplomaticFeatures.NAMES)) {
      throw new IllegalStateException(
          "the model's features " + features + " are not this code's " + DiplomaticFeatures.NAMES);
    }
    JsonNode hashed = root.get("hashed_ngrams");
    int dimensions = hashed == null || hashed.isNull() ? 0 : hashed.get("dimensions").asInt();
    int maxN = hashed == null || hashed.isNull() ? 0 : hashed.get("max_n").asInt();
    int width = features.size() + dimensions;
    double[][] coefficients = new double[labels.size()][];
    double[] intercepts = new double[labels.size()];
    for (int c = 0; c < labels.size(); c++) {
      JsonNode row = root.get("coefficients").get(c);
      if (row.size() != width) {
        throw new IllegalStateException("coefficient row " + c + " has " + row.size() + " values");
      }
      coefficients[c] = new double[width];
      for (int f = 0; f < width; f++) {
        coefficients[c][f] = row.get(f).asDouble();
      }
      intercepts[c] = root.get("intercepts").get(c).asDouble();
    }
    return new DiplomaticSentiment(
        labels,
        features,
        coefficients,
        intercepts,
        DiplomaticLabels.sha256Hex(json),
        dimensions,
        maxN);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  public List<String> labels() {
    return labels;
  }

  /** The prediction for a sentence annotated by SentimentScorer's pipeline; null without a tree. */
  public Prediction predict(CoreMap sentence) {
    double[] x = DiplomaticFeatures.of(sentence);
    return x == null ? null : predict(x, DiplomaticFeatures.tokens(sentence));
  }

  /**
   * The prediction for the named features ({@link DiplomaticFeatures#NAMES}' order) and the
   * sentence's tokens (read only by a model with hashed n-grams).
   */
  public Prediction predict(double[] named, List<String> tokens) {
    if (named.length != features.size()) {
      throw new IllegalArgumentException(
          named.length + " features, the model has " + features.size());
    }
    double[] x = named;
    if (hashedDimensions > 0) {
      x = new double[named.length + hashedDimensions];
      System.arraycopy(named, 0, x, 0, named.length);
      double[] hashed = DiplomaticFeatures.hashedNgrams(tokens, hashedDimensions, hashedMaxN);
      System.arraycopy(hashed, 0, x, named.length, hashedDimensions);
    }
    double[] logits = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < labels.size(); c++) {
      double z = intercepts[c];
      for (int f = 0; f < x.length; f++) {
        z += coefficients[c][f] * x[f];
      }
      logits[c] = z;
      max = Math.max(max, z);
    }
    // Softmax shifted by the largest logit: the same probabilities, no overflow.
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      logits[c] = Math.exp(logits[c] - max);
      sum += logits[c];
    }
    List<Double> probabilities = new ArrayList<>(labels.size());
    int best = 0;
    for (int c = 0; c < logits.length; c++) {
      probabilities.add(logits[c] / sum);
      if (logits[c] > logits[best]) {
        best = c;
      }
    }
    double score =
        probabilities.get(labels.indexOf("positive"))
            - probabilities.get(labels.indexOf("negative"));
    return new Prediction(labels.get(best), score, List.copyOf(probabilities));
  }
}
