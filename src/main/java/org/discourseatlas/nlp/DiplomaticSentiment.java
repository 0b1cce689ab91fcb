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
 * {@link DiplomaticFeatures} of a sentence CoreNLP has annotated and to its words ({@link
 * TermVocabulary}). The shipped model ({@code sentiment/diplomatic-model.json}) is read once per
 * JVM.
 *
 * <p>P(class c | x) = exp(w_c·x + b_c) / Σ_j exp(w_j·x + b_j) (softmax, as Spark's {@code
 * LogisticRegressionModel} with family multinomial), where x is the named features standardised
 * with the training sentences' mean and standard deviation, then the sentence's unit-length TF-IDF
 * term vector times the model's term weight. Spark fitted on exactly that x (standardization off),
 * so one L2 penalty bears on both parts in the proportion the weight sets.
 */
public final class DiplomaticSentiment {
  public static final String MODEL_RESOURCE = "/sentiment/diplomatic-model.json";

  /** A prediction: the most probable class, P(positive) − P(negative), the 3 probabilities. */
  public record Prediction(String label, double score, List<Double> probabilities)
      implements Serializable {}

  private final List<String> labels;
  private final List<String> features;
  private final double[] means;
  private final double[] deviations;
  private final double[][] coefficients;
  private final double[] intercepts;
  private final String sha256;

  /** The term features after the named ones; null for a model without them. */
  private final TermVocabulary vocabulary;

  /** What each term vector is multiplied by before the coefficients. */
  private final double termWeight;

  /** Per class, each vocabulary term's coefficient. */
  private final double[][] termCoefficients;

  private DiplomaticSentiment(
      List<String> labels,
      List<String> features,
      double[][] scaling,
      double[][] coefficients,
      double[] intercepts,
      String sha256,
      TermVocabulary vocabulary,
      double termWeight,
      double[][] termCoefficients) {
    this.labels = labels;
    this.features = features;
    this.means = scaling[0];
    this.deviations = scaling[1];
    this.coefficients = coefficients;
    this.intercepts = intercepts;
    this.sha256 = sha256;
    this.vocabulary = vocabulary;
    this.termWeight = termWeight;
    this.termCoefficients = termCoefficients;
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

  /**
   * A model from its JSON (the trainer's shape: {@code labels}, {@code features}, {@code
   * feature_scaling.{mean,std}}, {@code coefficients} and {@code intercepts} per class, and {@code
   * terms.{max_n,weight,rows}} with one row [term, idf, coefficient per class] per term, or null);
   * its features must be {@link DiplomaticFeatures#NAMES}, in order.
   */
  public static DiplomaticSentiment parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    List<String> labels = strings(root.get("labels"));
    List<String> features = strings(root.get("features"));
    if (!features.equals(DiplomaticFeatures.NAMES)) {
      throw new IllegalStateException(
          "the model's features " + features + " are not this code's " + DiplomaticFeatures.NAMES);
    }
    JsonNode scaling = root.get("feature_scaling");
    double[][] meanAndStd = {
      doubles(scaling.get("mean"), features.size()), doubles(scaling.get("std"), features.size())
    };
    double[][] coefficients = new double[labels.size()][];
    double[] intercepts = doubles(root.get("intercepts"), labels.size());
    for (int c = 0; c < labels.size(); c++) {
      coefficients[c] = doubles(root.get("coefficients").get(c), features.size());
    }
    JsonNode terms = root.get("terms");
    TermVocabulary vocabulary = null;
    double weight = 0;
    double[][] termCoefficients = new double[labels.size()][0];
    if (terms != null && !terms.isNull()) {
      JsonNode rows = terms.get("rows");
      List<String> words = new ArrayList<>();
      double[] idf = new double[rows.size()];
      termCoefficients = new double[labels.size()][rows.size()];
      for (int t = 0; t < rows.size(); t++) {
        JsonNode row = rows.get(t);
        if (row.size() != 2 + labels.size()) {
          throw new IllegalStateException("term row " + t + " has " + row.size() + " values");
        }
        words.add(row.get(0).asText());
        idf[t] = row.get(1).asDouble();
        for (int c = 0; c < labels.size(); c++) {
          termCoefficients[c][t] = row.get(2 + c).asDouble();
        }
      }
      vocabulary = new TermVocabulary(words, idf, terms.get("max_n").asInt());
      weight = terms.get("weight").asDouble();
    }
    return new DiplomaticSentiment(
        labels,
        features,
        meanAndStd,
        coefficients,
        intercepts,
        DiplomaticLabels.sha256Hex(json),
        vocabulary,
        weight,
        termCoefficients);
  }

  private static double[] doubles(JsonNode array, int expected) {
    if (array == null || array.size() != expected) {
      throw new IllegalStateException(
          "expected " + expected + " values, found " + (array == null ? "none" : array.size()));
    }
    double[] out = new double[expected];
    for (int i = 0; i < expected; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
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
    List<String> tokens = DiplomaticFeatures.tokens(sentence);
    double[] x = DiplomaticFeatures.of(sentence, tokens);
    return x == null ? null : predict(x, tokens);
  }

  /**
   * The prediction for the named features ({@link DiplomaticFeatures#NAMES}' order, unscaled) and
   * the sentence's tokens (read only by a model with term features).
   */
  public Prediction predict(double[] named, List<String> tokens) {
    if (named.length != features.size()) {
      throw new IllegalArgumentException(
          named.length + " features, the model has " + features.size());
    }
    double[] x = standardised(named);
    TermVocabulary.Sparse terms = vocabulary == null ? null : vocabulary.vector(tokens);
    double[] logits = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < labels.size(); c++) {
      double z = intercepts[c];
      for (int f = 0; f < x.length; f++) {
        z += coefficients[c][f] * x[f];
      }
      if (terms != null) {
        for (int k = 0; k < terms.indices().length; k++) {
          z += termCoefficients[c][terms.indices()[k]] * termWeight * terms.values()[k];
        }
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

  /**
   * (x − mean) / std per named feature, with the training sentences' mean and population standard
   * deviation; a feature constant in training (std 0) is 0, as in Spark's StandardScaler.
   */
  public double[] standardised(double[] named) {
    double[] x = new double[named.length];
    for (int f = 0; f < named.length; f++) {
      x[f] = deviations[f] == 0 ? 0 : (named[f] - means[f]) / deviations[f];
    }
    return x;
  }
}
