package org.discourseatlas.topics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.SnapshotStore;

/**
 * The topic stage of a run: topic units from the lexical units, the model (fitted, or the latest
 * saved one reused when it was fitted under the same fingerprint), each unit's topic shares, the
 * topics table, prevalence, comparisons and, when configured, model selection.
 */
public final class TopicsStage {
  /** What the stage needs from the run: datasets kept in memory, stage timings, log lines. */
  public interface Hooks {
    /** Keeps a dataset read more than once (persisted until the run ends). */
    Dataset<Row> keep(Dataset<Row> rows);

    /** As keep, behind a plan of its own (its rows). */
    Dataset<Row> keepFlat(Dataset<Row> rows);

    /** Starts timing a stage; the value goes to {@link #finish}. */
    long start();

    void finish(String stage, long recordsIn, long recordsOut, String outUnit, long startNanos);

    /** A line of detail under a stage. */
    void note(String line);
  }

  /**
   * What the snapshot the run builds on offers: the id of the model that inferred its topic shares
   * (null without a base or model) and those shares (read only when they are reused).
   */
  public record Base(String modelId, Supplier<Dataset<Row>> shares) {
    public static Base none() {
      return new Base(null, () -> null);
    }
  }

  private final SparkSession spark;
  private final JobConfig.Topics settings;
  private final SnapshotStore store;
  private final Hooks hooks;

  /**
   * @param settings {@code topics.*}
   * @param store where the run writes: earlier runs' models are found there, this run's path named
   */
  public TopicsStage(SparkSession spark, JobConfig.Topics settings, SnapshotStore store, Hooks hooks) {
    this.spark = spark;
    this.settings = settings;
    this.store = store;
    this.hooks = hooks;
  }

  /**
   * Runs the stage.
   *
   * @param lexicalUnits {@code LexicalUnits.of} rows of every analysed document
   * @param runId this run's id: the model id of a model fitted now
   * @param fingerprint {@link TopicFingerprint#of} for the run's settings
   * @param refit whether a new model is fitted even when a saved one could be reused
   *     ({@code --refit-topics})
   */
  public TopicOutputs run(Dataset<Row> lexicalUnits, String runId, Base base, String fingerprint, boolean refit) {
    if (!settings.enabled()) {
      return none(TopicModelInfo.disabled());
    }
    long t = hooks.start();
    Dataset<Row> units = hooks.keepFlat(TopicUnits.of(lexicalUnits, settings.unit(), settings.extraStopwords()));
    long unitCount = units.count();
    String unit = settings.unit().name().toLowerCase(Locale.ROOT);
    TopicModelEstimator estimator = new TopicModelEstimator(settings);
    SavedTopicModel saved =
        settings.reuseModel() && !refit ? SavedTopicModel.latest(store, fingerprint, hooks::note) : null;
    TopicModel model = null;
    CountVectorizerModel vocabulary;
    if (saved != null) {
      model = saved.load(store);
      vocabulary = model.vocabularyModel();
      hooks.note("topics: inferring with the model of snapshot " + saved.snapshot() + " (run "
          + saved.runId() + "); --refit-topics fits a new one");
    } else {
      vocabulary = estimator.fitVocabulary(units);
    }
    Dataset<Row> features = hooks.keepFlat(estimator.features(vocabulary, units));
    long modelled = features.count();
    int vocabularySize = vocabulary.vocabulary().length;
    Double fraction = null;
    if (model == null) {
      if (modelled < settings.k() || vocabularySize < 2) {
        String reason = modelled + " units with >= " + settings.minUnitTerms() + " vocabulary terms, "
            + vocabularySize + " terms: too few for k = " + settings.k();
        hooks.note("topics: no model fitted: " + reason);
        hooks.finish("topic model", unitCount, 0, "units", t);
        return none(
            new TopicModelInfo(
                TopicModelInfo.SKIPPED, fingerprint, unit, null, null, unitCount, modelled, unitCount - modelled,
                vocabularySize, null, null, null, null, null, null, reason));
      }
      model = estimator.fit(vocabulary, features, modelled);
      fraction =
          settings.optimizer().equals("online") ? TopicModelEstimator.miniBatchFraction(settings, modelled) : null;
    }
    String status = saved != null ? TopicModelInfo.REUSED : TopicModelInfo.FITTED;
    String modelId = saved != null ? saved.modelId() : runId;
    hooks.finish("topic model", unitCount, modelled, "units", t);
    hooks.note("topics: " + status + " k = " + model.k() + " over " + modelled + " of " + unitCount + " " + unit
        + " units (" + (unitCount - modelled) + " with fewer than " + settings.minUnitTerms()
        + " vocabulary terms), vocabulary " + vocabularySize);

    t = hooks.start();
    // The snapshot built on inferred its units with this same model: its shares are kept.
    boolean reuseShares = modelId.equals(base.modelId());
    Dataset<Row> shares =
        hooks.keepFlat(
            reuseShares
                ? TopicInference.sharesReusing(model, features, base.shares().get())
                : TopicInference.shares(model, features));
    int termsNeeded = Math.max(settings.topTerms(), settings.coherenceTerms());
    List<TopicTerms> described = model.describe(termsNeeded);
    Map<Integer, double[]> coherence =
        TopicReport.coherence(
            described, TopicReport.cooccurrences(features, described, settings.coherenceTerms()),
            settings.coherenceTerms());
    List<TopicTerms> shown = described.stream().map(d -> d.top(settings.topTerms())).toList();
    Dataset<Row> topicsTable = TopicReport.topicsTable(spark, shown, coherence, TopicReport.meanShares(shares));
    Dataset<Row> prevalence =
        hooks.keep(TopicPrevalence.prevalence(shares, TopicReport.labels(spark, shown), settings));
    Dataset<Row> comparisons =
        hooks.keep(TopicPrevalence.comparisons(shares, shown, settings.comparisons(), settings));
    long prevalenceRows = prevalence.count();
    double logPerplexity = model.logPerplexity(features);
    hooks.finish("topic_prevalence", modelled, prevalenceRows, "rows", t);

    Dataset<Row> selection = null;
    if (!settings.selectionK().isEmpty()) {
      t = hooks.start();
      selection = hooks.keep(TopicModelSelection.of(features, vocabulary, settings));
      long selectionRows = selection.count();
      hooks.finish("topic model selection", settings.selectionK().size(), selectionRows, "models", t);
    }
    TopicModelInfo info =
        new TopicModelInfo(
            status, fingerprint, unit, modelId,
            saved != null ? new TopicModelInfo.ReusedFrom(saved.runId(), saved.snapshot()) : null,
            unitCount, modelled, unitCount - modelled, vocabularySize, model.k(), settings.optimizer(),
            store.relativeModelsPath(), fraction, reuseShares, Double.isNaN(logPerplexity) ? null : logPerplexity,
            null);
    return new TopicOutputs(topicsTable, prevalence, comparisons, shares, selection, model, info);
  }

  private TopicOutputs none(TopicModelInfo info) {
    return new TopicOutputs(
        empty(Table.TOPICS), empty(Table.TOPIC_PREVALENCE), empty(Table.TOPIC_PREVALENCE_COMPARISONS),
        empty(Table.TOPIC_SHARES), null, null, info);
  }

  private Dataset<Row> empty(Table table) {
    return spark.createDataFrame(List.of(), table.schema());
  }
}
