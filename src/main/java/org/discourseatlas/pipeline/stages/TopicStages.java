package org.discourseatlas.pipeline.stages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.pipeline.BaseSnapshot;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.pipeline.Stage;
import org.discourseatlas.pipeline.StageLog;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.topics.SavedTopicModel;
import org.discourseatlas.topics.TopicInference;
import org.discourseatlas.topics.TopicModel;
import org.discourseatlas.topics.TopicModelEstimator;
import org.discourseatlas.topics.TopicModelInfo;
import org.discourseatlas.topics.TopicModelSelection;
import org.discourseatlas.topics.TopicPrevalence;
import org.discourseatlas.topics.TopicReport;
import org.discourseatlas.topics.TopicTerms;
import org.discourseatlas.topics.TopicUnits;

/**
 * The topic stages: the model (fitted, or the latest saved one reused when it was fitted under the
 * same fingerprint), then each unit's topic shares with the topics, prevalence and comparison
 * tables, then, when configured, model selection over several k.
 */
public final class TopicStages {
  private TopicStages() {}

  /** The stages in the order they run. */
  public static List<Stage> all() {
    return List.of(new FitTopicModel(), new TopicPrevalenceStage(), new SelectTopicModel());
  }

  /** The model this run fitted or reused, its vocabulary and how it came to be. */
  record FittedTopics(
      TopicModel model,
      CountVectorizerModel vocabulary,
      SavedTopicModel saved,
      String modelId,
      long units,
      long modelled,
      Double miniBatchFraction,
      boolean featuresKept) {}

  /**
   * Topic units (turns, paragraphs or documents) and the model: a saved one when it may be reused,
   * else fitted; no model (empty topic tables, status skipped) when the units are too few.
   */
  static final class FitTopicModel implements Stage {
    public String name() {
      return "topic model";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.LEXICAL_UNITS, Columns.DOC_ID, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(
              RunData.NEW_LEXICAL_UNITS, Columns.DOC_ID, Columns.ZONES, LexicalUnits.TERM_UNITS));
    }

    /** Features are added empty when no model is fitted (topics disabled or too few units). */
    public List<Uses> adds() {
      return List.of(Uses.of(RunData.TOPIC_FEATURES, Columns.DOC_ID));
    }

    public Counts run(RunState run) {
      JobConfig.Topics settings = run.config.topics();
      if (!settings.enabled()) {
        run.skipped("topics", "topics.enabled = false");
        run.report(TopicModelInfo.disabled());
        putEmptyTables(run);
        return new Counts(0, 0, "units");
      }
      String unit = settings.unit().name().toLowerCase(Locale.ROOT);
      String fingerprint = run.fingerprints.topics();
      TopicModelEstimator estimator = new TopicModelEstimator(settings);
      SavedTopicModel saved =
          settings.reuseModel() && !run.options.refitTopics()
              ? SavedTopicModel.latest(run.store, fingerprint, StageLog::note)
              : null;
      TopicModel model = saved == null ? null : saved.load(run.store);
      boolean keepsBaseFeatures = saved != null && keepsBaseFeatures(run.base(), saved.modelId());
      Dataset<Row> units =
          run.keepFlat(
              TopicUnits.of(
                  run.get(keepsBaseFeatures ? RunData.NEW_LEXICAL_UNITS : RunData.LEXICAL_UNITS),
                  settings.unit(),
                  settings.extraStopwords()));
      long unitCount = units.count() + (keepsBaseFeatures ? run.base().topicUnits() : 0);
      String[] terms =
          model != null ? model.vocabularyModel().vocabulary() : estimator.vocabularyTerms(units);
      if (model == null && terms.length < 2) {
        // Checked before any model object exists: Spark refuses a vocabulary of 0 terms.
        return skip(run, unitCount, 0, terms.length, "too few terms for a vocabulary");
      }
      CountVectorizerModel vocabulary =
          model != null ? model.vocabularyModel() : TopicModelEstimator.vocabularyModel(terms);
      if (saved != null) {
        StageLog.note(
            "topics: inferring with the model of snapshot "
                + saved.snapshot()
                + " (run "
                + saved.runId()
                + "); --refit-topics fits a new one");
      }
      Dataset<Row> features =
          run.keepFlat(
              keepsBaseFeatures
                  ? estimator.partitioned(
                      run.base()
                          .state(RefreshState.TOPIC_FEATURES)
                          .unionByName(estimator.counted(vocabulary, units)))
                  : estimator.features(vocabulary, units));
      long modelled = features.count();
      int vocabularySize = vocabulary.vocabulary().length;
      Double fraction = null;
      if (model == null) {
        if (modelled < settings.k() || vocabularySize < 2) {
          return skip(run, unitCount, modelled, vocabularySize, "too few for k = " + settings.k());
        }
        model = estimator.fit(vocabulary, features, modelled);
        fraction =
            settings.optimizer().equals("online")
                ? TopicModelEstimator.miniBatchFraction(settings, modelled)
                : null;
      }
      run.put(RunData.TOPIC_FEATURES, features);
      run.saveState(RefreshState.TOPIC_FEATURES, features);
      run.report(
          new FittedTopics(
              model,
              vocabulary,
              saved,
              saved != null ? saved.modelId() : run.runId,
              unitCount,
              modelled,
              fraction,
              keepsBaseFeatures));
      StageLog.note(
          "topics: "
              + (saved != null ? TopicModelInfo.REUSED : TopicModelInfo.FITTED)
              + " k = "
              + model.k()
              + " over "
              + modelled
              + " of "
              + unitCount
              + " "
              + unit
              + " units ("
              + (unitCount - modelled)
              + " with fewer than "
              + settings.minUnitTerms()
              + " vocabulary terms), vocabulary "
              + vocabularySize
              + (keepsBaseFeatures
                  ? "; the base's units kept, only the new documents' units counted"
                  : ""));
      return new Counts(unitCount, modelled, "units");
    }

    /**
     * Whether the base's units were counted over this model's vocabulary from the lexical units
     * this run has for its documents (the base inferred them with this model, and neither the zones
     * nor the lexical settings changed): then only the new documents' units are counted, and the
     * base's kept features stand for its own.
     */
    private static boolean keepsBaseFeatures(BaseSnapshot base, String modelId) {
      return base.termCountsHold()
          && modelId.equals(base.topicModelId())
          && base.hasState(RefreshState.TOPIC_FEATURES);
    }

    /** No model: the reason in the log and the manifest's topic_model block, empty tables. */
    private static Counts skip(
        RunState run, long unitCount, long modelled, int vocabularySize, String why) {
      JobConfig.Topics settings = run.config.topics();
      String reason =
          modelled
              + " of "
              + unitCount
              + " units with >= "
              + settings.minUnitTerms()
              + " vocabulary terms, "
              + vocabularySize
              + " terms in >= "
              + settings.minDocFreq()
              + " units: "
              + why;
      run.skipped("topics", "no model fitted: " + reason);
      run.report(
          new TopicModelInfo(
              TopicModelInfo.SKIPPED,
              run.fingerprints.topics(),
              settings.unit().name().toLowerCase(Locale.ROOT),
              null,
              null,
              unitCount,
              modelled,
              unitCount - modelled,
              vocabularySize,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              reason));
      putEmptyTables(run);
      return new Counts(unitCount, 0, "units");
    }

    private static void putEmptyTables(RunState run) {
      for (RunData data :
          List.of(
              RunData.TOPICS,
              RunData.TOPIC_PREVALENCE,
              RunData.TOPIC_PREVALENCE_COMPARISONS,
              RunData.TOPIC_SHARES)) {
        run.put(data, run.spark.createDataFrame(List.of(), data.table().schema()));
      }
      StructType noFeatures = new StructType().add(Columns.DOC_ID, DataTypes.StringType, false);
      run.put(RunData.TOPIC_FEATURES, run.spark.createDataFrame(List.of(), noFeatures));
    }
  }

  /**
   * Each unit's topic shares (kept from the base snapshot when its model inferred them), the topics
   * with their coherence, prevalence per group and the configured comparisons.
   */
  static final class TopicPrevalenceStage implements Stage {
    public String name() {
      return "topic_prevalence";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.TOPIC_FEATURES, Columns.DOC_ID));
    }

    /** Without a model the model stage put them empty: written so, every table is in the run. */
    public List<Uses> adds() {
      return List.of(
          Uses.table(RunData.TOPICS),
          Uses.table(RunData.TOPIC_PREVALENCE),
          Uses.table(RunData.TOPIC_PREVALENCE_COMPARISONS),
          Uses.table(RunData.TOPIC_SHARES));
    }

    public Counts run(RunState run) {
      if (run.findFact(FittedTopics.class).isEmpty()) {
        return new Counts(0, 0, "rows");
      }
      JobConfig.Topics settings = run.config.topics();
      FittedTopics fitted = run.fact(FittedTopics.class);
      TopicModel model = fitted.model();
      Dataset<Row> features = run.get(RunData.TOPIC_FEATURES);
      // The snapshot built on inferred its units with this same model: its shares are kept.
      boolean reuseShares = fitted.modelId().equals(run.base().topicModelId());
      Dataset<Row> shares =
          run.keepFlat(
              reuseShares
                  ? TopicInference.sharesReusing(
                      model, features, run.base().table(Table.TOPIC_SHARES))
                  : TopicInference.shares(model, features));
      List<TopicTerms> described =
          model.describe(Math.max(settings.topTerms(), settings.coherenceTerms()));
      Map<Integer, double[]> coherence =
          TopicReport.coherence(
              described,
              TopicReport.cooccurrences(
                  features, model.vocabulary(), described, settings.coherenceTerms()),
              settings.coherenceTerms());
      List<TopicTerms> shown = described.stream().map(d -> d.top(settings.topTerms())).toList();
      Dataset<Row> prevalence =
          TopicPrevalence.prevalence(shares, TopicReport.labels(run.spark, shown), settings);
      run.put(
          RunData.TOPICS,
          TopicReport.topicsTable(run.spark, shown, coherence, TopicReport.meanShares(shares)));
      run.put(RunData.TOPIC_PREVALENCE, prevalence);
      run.put(
          RunData.TOPIC_PREVALENCE_COMPARISONS,
          TopicPrevalence.comparisons(shares, shown, settings.comparisons(), settings));
      run.put(RunData.TOPIC_SHARES, shares);
      double logPerplexity = model.logPerplexity(features, shares);
      SavedTopicModel saved = fitted.saved();
      TopicModelInfo info =
          new TopicModelInfo(
              saved != null ? TopicModelInfo.REUSED : TopicModelInfo.FITTED,
              run.fingerprints.topics(),
              settings.unit().name().toLowerCase(Locale.ROOT),
              fitted.modelId(),
              saved != null ? new TopicModelInfo.ReusedFrom(saved.runId(), saved.snapshot()) : null,
              fitted.units(),
              fitted.modelled(),
              fitted.units() - fitted.modelled(),
              fitted.vocabulary().vocabulary().length,
              model.k(),
              settings.optimizer(),
              run.store.relativeModelsPath(),
              fitted.miniBatchFraction(),
              reuseShares,
              fitted.featuresKept(),
              Double.isNaN(logPerplexity) ? null : logPerplexity,
              null);
      run.report(info);
      run.saveModel(TopicModel.DIRECTORY, model.pipeline());
      run.saveModelFile(TopicModelInfo.FILE, info);
      return Counts.written(fitted.modelled(), "rows", RunData.TOPIC_PREVALENCE);
    }
  }

  /** Held-out perplexity and coherence for each k of {@code topics.model-selection.k}. */
  static final class SelectTopicModel implements Stage {
    public String name() {
      return "topic model selection";
    }

    public boolean appliesTo(RunState run) {
      return run.findFact(FittedTopics.class).isPresent()
          && !run.config.topics().selectionK().isEmpty();
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.TOPIC_FEATURES, Columns.DOC_ID));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.TOPIC_MODEL_SELECTION));
    }

    public Counts run(RunState run) {
      JobConfig.Topics settings = run.config.topics();
      Dataset<Row> selection =
          run.keep(
              TopicModelSelection.of(
                  run.get(RunData.TOPIC_FEATURES),
                  run.fact(FittedTopics.class).vocabulary(),
                  settings));
      run.put(RunData.TOPIC_MODEL_SELECTION, selection);
      return new Counts(settings.selectionK().size(), selection.count(), "models");
    }
  }
}
