package org.discourseatlas.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.job.TrainSentiment.Example;
import org.discourseatlas.job.TrainSentiment.FeatureSet;
import org.discourseatlas.nlp.DiplomaticFeatures;
import org.discourseatlas.nlp.DiplomaticLabels;
import org.discourseatlas.nlp.TermVocabulary;

/**
 * Fits the diplomatic sentiment model on a set of labelled examples and returns it in the JSON
 * shape {@link org.discourseatlas.nlp.DiplomaticSentiment#parse} reads, so cross-validation, the
 * held-out report and the job all predict through the one plain-Java model.
 *
 * <p>The vector Spark fits on is the one the model computes: the named features standardised with
 * these examples' mean and population standard deviation, then the TF-IDF term vector of a
 * vocabulary built from these examples only (so a cross-validation fold never sees its held-out
 * sentences' words) times the set's term weight. Spark's own standardization is off, so the L2
 * penalty sees that scale.
 */
final class SentimentModelFit {
  static final int MAX_ITER = 200;
  static final double TOL = 1e-6;

  private SentimentModelFit() {}

  /** The fitted model as JSON-ready values (everything but the training report). */
  static Map<String, Object> fit(
      SparkSession spark, List<Example> examples, FeatureSet set, double reg) {
    int named = DiplomaticFeatures.NAMES.size();
    double[][] scaling = scaling(examples, named);
    TermVocabulary vocabulary =
        set.termWeight() > 0
            ? TermVocabulary.build(
                examples.stream().map(Example::tokens).toList(),
                TrainSentiment.TERM_MIN_SENTENCES,
                TrainSentiment.TERM_MAX_N)
            : null;
    int width = set.named() + (vocabulary == null ? 0 : vocabulary.size());
    StructType schema =
        new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);
    List<Row> rows = new ArrayList<>();
    for (Example e : examples) {
      rows.add(
          RowFactory.create(
              (double) DiplomaticLabels.LABELS.indexOf(e.label()),
              vector(e, set, scaling, vocabulary, width)));
    }
    // One partition: L-BFGS sums the gradient in the same order on every run.
    Dataset<Row> data = spark.createDataFrame(rows, schema).coalesce(1);
    LogisticRegressionModel model =
        new LogisticRegression()
            .setFamily("multinomial")
            .setRegParam(reg)
            .setElasticNetParam(0.0)
            .setMaxIter(MAX_ITER)
            .setTol(TOL)
            .setStandardization(false)
            .fit(data);
    Matrix m = model.coefficientMatrix();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "model",
        "multinomial logistic regression, Spark MLlib "
            + spark.version()
            + "; P(c|x) = softmax(coefficients x + intercepts), x = the standardised named features,"
            + " then the unit-length binary TF-IDF term vector times terms.weight");
    json.put("labels", DiplomaticLabels.LABELS);
    json.put("features", DiplomaticFeatures.NAMES);
    Map<String, Object> scalingJson = new LinkedHashMap<>();
    scalingJson.put("mean", rounded(scaling[0]));
    scalingJson.put("std", rounded(scaling[1]));
    json.put("feature_scaling", scalingJson);
    List<List<Double>> coefficients = new ArrayList<>();
    for (int c = 0; c < m.numRows(); c++) {
      double[] row = new double[named];
      for (int f = 0; f < set.named(); f++) {
        row[f] = m.apply(c, f);
      }
      coefficients.add(rounded(row));
    }
    json.put("coefficients", coefficients);
    json.put("intercepts", rounded(model.interceptVector().toArray()));
    if (vocabulary == null) {
      json.put("terms", null);
    } else {
      Map<String, Object> terms = new LinkedHashMap<>();
      terms.put("max_n", vocabulary.maxN());
      terms.put("min_sentences", TrainSentiment.TERM_MIN_SENTENCES);
      terms.put("weight", set.termWeight());
      terms.put(
          "rows_are",
          "term, idf = ln((1 + n) / (1 + sentences with the term)) + 1, coefficient per label");
      List<List<Object>> termRows = new ArrayList<>();
      for (int t = 0; t < vocabulary.size(); t++) {
        List<Object> row = new ArrayList<>();
        row.add(vocabulary.terms().get(t));
        row.add(round(vocabulary.idf(t)));
        for (int c = 0; c < m.numRows(); c++) {
          row.add(round(m.apply(c, set.named() + t)));
        }
        termRows.add(row);
      }
      terms.put("rows", termRows);
      json.put("terms", terms);
    }
    return json;
  }

  /** Mean and population standard deviation of each named feature over the examples. */
  static double[][] scaling(List<Example> examples, int named) {
    double[] mean = new double[named];
    double[] std = new double[named];
    for (Example e : examples) {
      for (int f = 0; f < named; f++) {
        mean[f] += e.features()[f] / examples.size();
      }
    }
    for (Example e : examples) {
      for (int f = 0; f < named; f++) {
        double d = e.features()[f] - mean[f];
        std[f] += d * d / examples.size();
      }
    }
    for (int f = 0; f < named; f++) {
      std[f] = Math.sqrt(std[f]);
    }
    // Rounded as the model file stores them, so Spark fits on the scaling the job applies.
    return new double[][] {
      Arrays.stream(mean).map(SentimentModelFit::round).toArray(),
      Arrays.stream(std).map(SentimentModelFit::round).toArray()
    };
  }

  /** The example's vector as the model computes it (see the class comment). */
  private static Vector vector(
      Example e, FeatureSet set, double[][] scaling, TermVocabulary vocabulary, int width) {
    List<Integer> indices = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int f = 0; f < set.named(); f++) {
      double x = scaling[1][f] == 0 ? 0 : (e.features()[f] - scaling[0][f]) / scaling[1][f];
      indices.add(f);
      values.add(x);
    }
    if (vocabulary != null) {
      TermVocabulary.Sparse terms = vocabulary.vector(e.tokens());
      for (int k = 0; k < terms.indices().length; k++) {
        indices.add(set.named() + terms.indices()[k]);
        values.add(set.termWeight() * terms.values()[k]);
      }
    }
    return Vectors.sparse(
        width,
        indices.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The model file's bytes: indented JSON with each array of numbers or of a term row on one line,
   * so the file reads one term per line and a retrained model diffs by term.
   */
  static byte[] bytes(Map<String, Object> json) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentArraysWith(new OuterArraysOnly());
    return new ObjectMapper().writer(printer).writeValueAsBytes(json);
  }

  /** Breaks the line inside an array only when it holds arrays (the term rows, coefficients). */
  private static final class OuterArraysOnly implements DefaultPrettyPrinter.Indenter {
    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      JsonStreamContext context = g.getOutputContext();
      boolean holdsArrays = context.inArray() && context.getCurrentIndex() >= 0 && nested(context);
      if (holdsArrays) {
        DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
      } else {
        g.writeRaw(' ');
      }
    }

    private static boolean nested(JsonStreamContext context) {
      return context.getParent() != null && !context.getParent().inArray();
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  /**
   * Rounded to 8 decimals: the model file stays small and readable. The scaling is rounded before
   * fitting, so the model applies the one Spark fitted on; idf and coefficients move by at most
   * 5e-9.
   */
  static double round(double value) {
    return Math.round(value * 1e8) / 1e8;
  }

  private static List<Double> rounded(double[] values) {
    return Arrays.stream(values).map(SentimentModelFit::round).boxed().toList();
  }
}
