package org.discourseatlas.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.discourseatlas.nlp.DiplomaticFeatures;
import org.discourseatlas.nlp.DiplomaticLabels;
import org.discourseatlas.nlp.DiplomaticSentiment;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.stats.ClassificationMetrics;

/**
 * Trains the diplomatic sentiment model (decision 0023; {@code jobs/train-sentiment.sh}): reads the
 * labelled sentences from the unpacked UN General Debate corpus, annotates each with the job's
 * CoreNLP sentiment pipeline, holds out 20% of the speeches ({@link DiplomaticLabels#heldOut}),
 * chooses the feature set and regularisation by 5-fold cross-validation over the training speeches
 * (folds by speech), fits Spark MLlib's multinomial logistic regression on the training split, and
 * writes the model and a report of plain CoreNLP and the model on the held-out split.
 *
 * <p>Arguments: [corpus folder] [model json] [report markdown], defaulting to
 * target/benchmark/corpus/un-general-debate, src/main/resources/sentiment/diplomatic-model.json and
 * docs/decisions/0023-diplomatic-sentiment-results.md. Deterministic: one partition, fixed folds
 * and grid, no random draw, so a rerun writes the same files.
 */
public final class TrainSentiment {
  static final int FOLDS = 5;
  static final int MAX_ITER = 100;
  static final double TOL = 1e-6;
  static final List<Double> REG_PARAMS = List.of(0.001, 0.01, 0.1, 1.0);

  /**
   * A feature set compared by cross-validation: the first {@code named} features of {@link
   * DiplomaticFeatures#NAMES}, then {@code hashed} hashed n-gram counts (n up to {@code maxN}).
   */
  record FeatureSet(String name, int named, int hashed, int maxN) {}

  /**
   * The sets compared. CoreNLP's root alone is the baseline; the phrase, clause and negation
   * features were tried alone before the lexicon (decision 0023: they add 0.02 of macro-F1) and are
   * not refitted here, to keep a run near ten minutes on two shared cores.
   */
  static final List<FeatureSet> FEATURE_SETS =
      List.of(
          new FeatureSet("corenlp root probabilities", 5, 0, 0),
          new FeatureSet("all named features", DiplomaticFeatures.NAMES.size(), 0, 0),
          new FeatureSet("+ hashed unigrams (1024)", DiplomaticFeatures.NAMES.size(), 1024, 1),
          new FeatureSet(
              "+ hashed unigrams and bigrams (1024)", DiplomaticFeatures.NAMES.size(), 1024, 2));

  private TrainSentiment() {}

  /** One labelled sentence with its features, CoreNLP's 3-class label and its fold. */
  record Example(
      String file, String label, double[] features, List<String> tokens, String corenlp) {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "target/benchmark/corpus/un-general-debate");
    Path modelOut =
        Path.of(args.length > 1 ? args[1] : "src/main/resources/sentiment/diplomatic-model.json");
    Path reportOut =
        Path.of(args.length > 2 ? args[2] : "docs/decisions/0023-diplomatic-sentiment-results.md");
    List<DiplomaticLabels.Row> rows = DiplomaticLabels.rows();
    List<String> texts = DiplomaticLabels.texts(rows, corpus);
    System.out.println("train-sentiment: " + rows.size() + " sentences read and verified");
    List<Example> train = new ArrayList<>();
    List<Example> heldOut = new ArrayList<>();
    int unparsed = 0;
    for (int i = 0; i < rows.size(); i++) {
      CoreMap sentence =
          SentimentScorer.annotate(texts.get(i), SentimentScorer.Parser.SHIFT_REDUCE);
      double[] x = sentence == null ? null : DiplomaticFeatures.of(sentence);
      if (x == null) {
        unparsed++;
        continue;
      }
      DiplomaticLabels.Row row = rows.get(i);
      Example e =
          new Example(row.file(), row.label(), x, DiplomaticFeatures.tokens(sentence), corenlp3(x));
      (DiplomaticLabels.heldOut(row.file()) ? heldOut : train).add(e);
      if ((i + 1) % 200 == 0) {
        System.out.println("train-sentiment: annotated " + (i + 1));
      }
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("train-sentiment")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .getOrCreate();
    try {
      Map<String, Object> cv = new LinkedHashMap<>();
      FeatureSet best = null;
      double bestReg = 0;
      double bestF1 = -1;
      for (FeatureSet set : FEATURE_SETS) {
        Map<String, Double> byReg = new LinkedHashMap<>();
        for (double reg : REG_PARAMS) {
          double f1 = crossValidate(spark, train, set, reg);
          byReg.put(String.valueOf(reg), round(f1));
          System.out.printf(Locale.ROOT, "cv %-38s reg %-6s macro-F1 %.4f%n", set.name(), reg, f1);
          // Strictly better only: on a tie the smaller set and the stronger penalty (listed first).
          if (f1 > bestF1 + 1e-12) {
            bestF1 = f1;
            best = set;
            bestReg = reg;
          }
        }
        cv.put(set.name(), byReg);
      }
      String bestSet = best.name();
      LogisticRegressionModel fitted = fit(spark, train, best, bestReg);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put(
          "model",
          "multinomial logistic regression, Spark MLlib "
              + spark.version()
              + "; P(c|x) = softmax(coefficients x + intercepts)");
      json.put("labels", DiplomaticLabels.LABELS);
      json.put("features", DiplomaticFeatures.NAMES);
      json.put(
          "standardization",
          "none at prediction: Spark standardised the features while fitting and returns"
              + " coefficients on their original scale; features outside the chosen set are 0");
      json.put("coefficients", coefficients(fitted.coefficientMatrix(), best));
      Map<String, Object> hashed = new LinkedHashMap<>();
      hashed.put("dimensions", best.hashed());
      hashed.put("max_n", best.maxN());
      hashed.put(
          "hash",
          "lowercase n-gram of tokens with a letter or digit, words joined by one space,"
              + " String.hashCode modulo dimensions; counts after the named features");
      json.put("hashed_ngrams", best.hashed() > 0 ? hashed : null);
      json.put("intercepts", fitted.interceptVector().toArray());
      json.put("training_data_sha256", DiplomaticLabels.sha256Hex(DiplomaticLabels.tsvBytes()));
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("split", "held out: speech files with SHA-256(path) bucket < 20 of 100");
      settings.put("train_sentences", train.size());
      settings.put("held_out_sentences", heldOut.size());
      settings.put("unparsed_sentences", unparsed);
      settings.put("parser", "shift-reduce");
      settings.put("feature_set", bestSet);
      settings.put("reg_param", bestReg);
      settings.put("elastic_net_param", 0.0);
      settings.put("max_iter", MAX_ITER);
      settings.put("tol", TOL);
      settings.put("cv", FOLDS + " folds by speech file (String.hashCode mod 5), mean macro-F1");
      settings.put("cv_macro_f1", cv);
      json.put("training", settings);
      byte[] modelBytes =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json);
      DiplomaticSentiment model = DiplomaticSentiment.parse(modelBytes);
      List<String> reference = new ArrayList<>();
      List<String> corenlp = new ArrayList<>();
      List<String> adapted = new ArrayList<>();
      for (Example e : heldOut) {
        reference.add(e.label());
        corenlp.add(e.corenlp());
        adapted.add(model.predict(e.features(), e.tokens()).label());
      }
      ClassificationMetrics plain =
          ClassificationMetrics.of(DiplomaticLabels.LABELS, reference, corenlp);
      ClassificationMetrics ours =
          ClassificationMetrics.of(DiplomaticLabels.LABELS, reference, adapted);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("sentences", heldOut.size());
      metrics.put("corenlp", metricsJson(plain));
      metrics.put("diplomatic", metricsJson(ours));
      json.put("held_out", metrics);
      modelBytes =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json);
      Files.createDirectories(modelOut.toAbsolutePath().getParent());
      Files.write(modelOut, modelBytes);
      String report = report(rows.size(), train.size(), heldOut, cv, bestSet, bestReg, plain, ours);
      Files.createDirectories(reportOut.toAbsolutePath().getParent());
      Files.writeString(reportOut, report, StandardCharsets.UTF_8);
      System.out.println(report);
      System.out.println("train-sentiment: wrote " + modelOut + " and " + reportOut);
    } finally {
      spark.stop();
    }
  }

  /** CoreNLP's most probable of 5 classes, collapsed to 3 (very_* joins its side). */
  static String corenlp3(double[] x) {
    int best = 0;
    for (int k = 1; k < 5; k++) {
      if (x[k] > x[best]) {
        best = k;
      }
    }
    return best < 2 ? "negative" : best == 2 ? "neutral" : "positive";
  }

  /** The fold of a training speech: all its sentences in one fold. */
  static int fold(String file) {
    return Math.floorMod(file.hashCode(), FOLDS);
  }

  private static double crossValidate(
      SparkSession spark, List<Example> train, FeatureSet set, double reg) {
    double sum = 0;
    for (int k = 0; k < FOLDS; k++) {
      final int held = k;
      List<Example> fit = train.stream().filter(e -> fold(e.file()) != held).toList();
      List<Example> check = train.stream().filter(e -> fold(e.file()) == held).toList();
      LogisticRegressionModel model = fit(spark, fit, set, reg);
      List<String> reference = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      for (Example e : check) {
        reference.add(e.label());
        Vector p = model.predictProbability(vector(e, set));
        predicted.add(DiplomaticLabels.LABELS.get(p.argmax()));
      }
      sum += ClassificationMetrics.of(DiplomaticLabels.LABELS, reference, predicted).macroF1();
    }
    return sum / FOLDS;
  }

  private static LogisticRegressionModel fit(
      SparkSession spark, List<Example> examples, FeatureSet set, double reg) {
    StructType schema =
        new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);
    List<Row> rows = new ArrayList<>();
    for (Example e : examples) {
      rows.add(
          RowFactory.create((double) DiplomaticLabels.LABELS.indexOf(e.label()), vector(e, set)));
    }
    // One partition: L-BFGS sums the gradient in the same order on every run.
    Dataset<Row> data = spark.createDataFrame(rows, schema).coalesce(1);
    return new LogisticRegression()
        .setFamily("multinomial")
        .setRegParam(reg)
        .setElasticNetParam(0.0)
        .setMaxIter(MAX_ITER)
        .setTol(TOL)
        .setStandardization(true)
        .fit(data);
  }

  private static Vector vector(Example e, FeatureSet set) {
    double[] x = new double[set.named() + set.hashed()];
    System.arraycopy(e.features(), 0, x, 0, set.named());
    if (set.hashed() > 0) {
      double[] hashed = DiplomaticFeatures.hashedNgrams(e.tokens(), set.hashed(), set.maxN());
      System.arraycopy(hashed, 0, x, set.named(), set.hashed());
    }
    return Vectors.dense(x);
  }

  /** The fitted matrix over all named features (0 where the set leaves one out), then hashed. */
  private static double[][] coefficients(Matrix matrix, FeatureSet set) {
    int named = DiplomaticFeatures.NAMES.size();
    double[][] out = new double[matrix.numRows()][named + set.hashed()];
    for (int c = 0; c < matrix.numRows(); c++) {
      for (int f = 0; f < set.named(); f++) {
        out[c][f] = matrix.apply(c, f);
      }
      for (int h = 0; h < set.hashed(); h++) {
        out[c][named + h] = matrix.apply(c, set.named() + h);
      }
    }
    return out;
  }

  private static Map<String, Object> metricsJson(ClassificationMetrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", round(m.accuracy()));
    out.put("macro_f1", round(m.macroF1()));
    out.put("confusion_rows_reference_columns_predicted", m.confusion());
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static String report(
      int labelled,
      int trainSize,
      List<Example> heldOut,
      Map<String, Object> cv,
      String bestSet,
      double bestReg,
      ClassificationMetrics plain,
      ClassificationMetrics ours) {
    StringBuilder out = new StringBuilder();
    out.append("# Diplomatic sentiment: held-out results\n\n")
        .append("Written by `jobs/train-sentiment.sh` (`job/TrainSentiment`); decision 0023.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d labelled sentences: %d in training speeches, %d in held-out speeches"
                    + " (%d speeches).%n%n",
                labelled,
                trainSize,
                heldOut.size(),
                heldOut.stream().map(Example::file).distinct().count()))
        .append("## Cross-validation on the training split (mean macro-F1, 5 folds by speech)\n\n")
        .append("| features | ")
        .append(String.join(" | ", REG_PARAMS.stream().map(r -> "reg " + r).toList()))
        .append(" |\n|---|")
        .append("---:|".repeat(REG_PARAMS.size()))
        .append('\n');
    cv.forEach(
        (set, byReg) -> {
          out.append("| ").append(set).append(" |");
          ((Map<?, ?>) byReg)
              .values()
              .forEach(v -> out.append(String.format(Locale.ROOT, " %.4f |", (Double) v)));
          out.append('\n');
        });
    out.append(String.format(Locale.ROOT, "%nChosen: %s, reg %s.%n%n", bestSet, bestReg))
        .append("## Held-out split\n\n")
        .append("| model | accuracy | macro-F1 |\n|---|---:|---:|\n")
        .append(
            String.format(
                Locale.ROOT,
                "| CoreNLP (5 classes collapsed to 3) | %.3f | %.3f |%n",
                plain.accuracy(),
                plain.macroF1()))
        .append(
            String.format(
                Locale.ROOT,
                "| diplomatic model | %.3f | %.3f |%n%n",
                ours.accuracy(),
                ours.macroF1()))
        .append("CoreNLP:\n\n")
        .append(plain.markdown())
        .append("\nDiplomatic model:\n\n")
        .append(ours.markdown());
    return out.toString();
  }
}
