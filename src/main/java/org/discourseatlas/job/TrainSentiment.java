package org.discourseatlas.job;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.nlp.DiplomaticFeatures;
import org.discourseatlas.nlp.DiplomaticLabels;
import org.discourseatlas.nlp.DiplomaticSentiment;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.stats.ClassificationMetrics;
import org.discourseatlas.stats.MacroF1Bootstrap;

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
  static final List<Double> REG_PARAMS = List.of(0.0005, 0.001, 0.002);

  /** Word and word-pair terms (n up to 2) found in at least 3 training sentences. */
  static final int TERM_MAX_N = 2;

  static final int TERM_MIN_SENTENCES = 3;

  /**
   * A feature set compared by cross-validation: the first {@code named} features of {@link
   * DiplomaticFeatures#NAMES} (standardised), then, when {@code termWeight} is above 0, the
   * sentence's unit-length TF-IDF term vector ({@link TermVocabulary}) times that weight. With one
   * L2 penalty over all coefficients the weight decides how far the model leans on words against
   * the parse and the lexicon (decision 0023).
   */
  record FeatureSet(String name, int named, double termWeight) {}

  /**
   * The sets compared. CoreNLP's root alone is the baseline; the phrase, clause and negation
   * features were tried alone before the lexicon (decision 0023: they add 0.02 of macro-F1) and are
   * not refitted here. Hashed n-gram counts standardised by Spark were tried and lost (0.58-0.63):
   * standardising a rare word's count to unit variance gives it the weight of a common one.
   */
  static final List<FeatureSet> FEATURE_SETS =
      List.of(
          new FeatureSet("corenlp root probabilities", 5, 0),
          new FeatureSet("all named features", DiplomaticFeatures.NAMES.size(), 0),
          new FeatureSet("+ terms, weight 2", DiplomaticFeatures.NAMES.size(), 2),
          new FeatureSet("+ terms, weight 3", DiplomaticFeatures.NAMES.size(), 3));

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
      Map<String, Object> json = SentimentModelFit.fit(spark, train, best, bestReg);
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
      settings.put("standardization", false);
      settings.put("max_iter", SentimentModelFit.MAX_ITER);
      settings.put("tol", SentimentModelFit.TOL);
      settings.put("cv", FOLDS + " folds by speech file (String.hashCode mod 5), mean macro-F1");
      settings.put("cv_macro_f1", cv);
      json.put("training", settings);
      DiplomaticSentiment model = DiplomaticSentiment.parse(SentimentModelFit.bytes(json));
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
      MacroF1Bootstrap.Result bootstrap =
          MacroF1Bootstrap.intervals(
              DiplomaticLabels.LABELS,
              heldOut.stream().map(Example::file).toList(),
              reference,
              corenlp,
              adapted,
              BOOTSTRAP_RESAMPLES,
              BOOTSTRAP_SEED);
      metrics.put("macro_f1_95_intervals_speech_bootstrap", intervalsJson(bootstrap));
      json.put("held_out", metrics);
      byte[] modelBytes = SentimentModelFit.bytes(json);
      Files.createDirectories(modelOut.toAbsolutePath().getParent());
      Files.write(modelOut, modelBytes);
      String report =
          report(rows.size(), train.size(), heldOut, cv, bestSet, bestReg, plain, ours)
              + bootstrapMarkdown(bootstrap);
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
    return SentimentScorer.threeClasses(SentimentScorer.LABELS.get(best));
  }

  /** The fold of a training speech: all its sentences in one fold. */
  static int fold(String file) {
    return Math.floorMod(file.hashCode(), FOLDS);
  }

  /**
   * Mean macro-F1 over the folds. The folds are fitted two at a time: each fit is a chain of small
   * Spark jobs (one per L-BFGS iteration) that keeps one core busy, and each is deterministic on
   * its own (one partition), so running them side by side changes nothing but the wall time.
   */
  private static double crossValidate(
      SparkSession spark, List<Example> train, FeatureSet set, double reg) {
    List<Integer> folds = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      folds.add(k);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Double>> f1 = new ArrayList<>();
      for (int held : folds) {
        f1.add(pool.submit(() -> foldMacroF1(spark, train, set, reg, held)));
      }
      double sum = 0;
      for (Future<Double> f : f1) {
        sum += f.get();
      }
      return sum / FOLDS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a cross-validation fit failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static double foldMacroF1(
      SparkSession spark, List<Example> train, FeatureSet set, double reg, int held)
      throws IOException {
    List<Example> fit = train.stream().filter(e -> fold(e.file()) != held).toList();
    List<Example> check = train.stream().filter(e -> fold(e.file()) == held).toList();
    DiplomaticSentiment model =
        DiplomaticSentiment.parse(
            SentimentModelFit.bytes(SentimentModelFit.fit(spark, fit, set, reg)));
    List<String> reference = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (Example e : check) {
      reference.add(e.label());
      predicted.add(model.predict(e.features(), e.tokens()).label());
    }
    return ClassificationMetrics.of(DiplomaticLabels.LABELS, reference, predicted).macroF1();
  }

  /** Resamples of the held-out speeches for the macro-F1 intervals, and their seed. */
  static final int BOOTSTRAP_RESAMPLES = 1000;

  static final long BOOTSTRAP_SEED = 20170314L;

  private static Map<String, Object> intervalsJson(MacroF1Bootstrap.Result b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resamples", BOOTSTRAP_RESAMPLES);
    out.put("corenlp", List.of(round(b.a().low()), round(b.a().high())));
    out.put("diplomatic", List.of(round(b.b().low()), round(b.b().high())));
    out.put(
        "diplomatic_minus_corenlp",
        List.of(round(b.difference().low()), round(b.difference().high())));
    return out;
  }

  private static String bootstrapMarkdown(MacroF1Bootstrap.Result b) {
    return String.format(
        Locale.ROOT,
        "%n95%% intervals of the held-out macro-F1, held-out speeches resampled whole (%d"
            + " resamples, paired): CoreNLP %.3f–%.3f, diplomatic model %.3f–%.3f, difference"
            + " %.3f–%.3f.%n",
        BOOTSTRAP_RESAMPLES,
        b.a().low(),
        b.a().high(),
        b.b().low(),
        b.b().high(),
        b.difference().low(),
        b.difference().high());
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
