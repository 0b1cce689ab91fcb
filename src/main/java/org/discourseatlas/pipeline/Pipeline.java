package org.discourseatlas.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.RunManifest;
import org.discourseatlas.store.SnapshotStore;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.zones.Zone;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * One run: the stages in order over the run's datasets (each checked against what it declares it
 * reads and adds), then every table written and the run published by its manifest.
 */
public final class Pipeline {
  private final SparkSession spark;
  private final JobOptions options;
  private final JobConfig config;
  private final String runId;

  public Pipeline(SparkSession spark, JobOptions options, JobConfig config, String runId) {
    this.spark = spark;
    this.options = options;
    this.config = config;
    this.runId = runId;
  }

  /** The stages of a run, in the order they run: ingest, analysis, lexical statistics, topics. */
  static List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    stages.addAll(IngestStages.all());
    stages.addAll(AnalysisStages.all());
    stages.addAll(LexicalStages.all());
    stages.addAll(TopicStages.all());
    return stages;
  }

  public RunSummary run() {
    Instant startedAt = Instant.now();
    List<String> missing =
        SentimentScorer.missingModels(SentimentScorer.parser(config.sentiment().parser()));
    if (!missing.isEmpty()) {
      throw new MissingModelException(
          "CoreNLP model files not on the classpath: "
              + missing
              + " (jobs/run.sh passes target/discourse-atlas-models.jar; with spark-submit add --jars <it>)");
    }
    var hadoopConf = spark.sparkContext().hadoopConfiguration();
    SnapshotStore store =
        SnapshotStore.open(options.output(), options.snapshot(), runId, hadoopConf);
    ZoneGazetteer gazetteer = GazetteerSource.load(config.gazetteerPath(), hadoopConf);
    List<String> expressions = multiwordExpressions(gazetteer, config.lexical());
    Fingerprints fingerprints =
        Fingerprints.of(config, gazetteer, TopicStages.fingerprint(config, expressions));
    BaseSnapshot base = BaseSnapshot.find(spark, store.snapshots(), options, fingerprints);
    StageLog log = new StageLog();
    try (RunState run =
        new RunState(
            spark, options, config, runId, store, gazetteer, expressions, fingerprints, base)) {
      for (Stage stage : stages()) {
        if (stage.appliesTo(run)) {
          run.check(stage.name(), "reads", stage.reads());
          long started = log.start();
          Stage.Counts counts = stage.run(run);
          run.check(stage.name(), "adds", stage.adds());
          log.finish(stage.name(), counts.in(), counts.out(), counts.unit(), started);
        }
      }
      long started = log.start();
      run.tables().forEach((data, dataset) -> store.stage(data.table(), dataset));
      TopicStages.stageModel(run);
      store.stageModelInfo(
          BaseSnapshot.REPEATED_LINES, run.fact(StageReports.Boilerplate.class).lines());
      Map<String, Long> rowCounts = new LinkedHashMap<>();
      store.rowCounts().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rowCounts.put(e.getKey().tableName(), e.getValue()));
      log.finish("write", rowCounts.size(), rowCounts.size(), "tables", started);

      StageReports.SnapshotCounts counts = run.fact(StageReports.SnapshotCounts.class);
      RunSummary summary =
          new RunSummary(
              runId,
              store.root().toString(),
              options.snapshot(),
              run.fact(StageReports.InputsRead.class).inputFiles(),
              counts.records(),
              counts.documents(),
              counts.duplicates(),
              counts.rejects(),
              counts.documentsWithoutDate(),
              rowCounts);
      store.commit(RunManifest.toJson(manifest(run, summary, startedAt, log)));
      return summary;
    } finally {
      log.close();
    }
  }

  private Manifest manifest(RunState run, RunSummary summary, Instant startedAt, StageLog log) {
    StageReports.SnapshotCounts snapshot = run.fact(StageReports.SnapshotCounts.class);
    StageReports.SeenInputs seen = run.fact(StageReports.SeenInputs.class);
    StageReports.NewDocuments fresh = run.fact(StageReports.NewDocuments.class);
    StageReports.SentimentCounts sentiment = run.fact(StageReports.SentimentCounts.class);
    Manifest.InputCounts inputCounts =
        new Manifest.InputCounts(
            summary.inputFiles(),
            seen.filesAlreadySeen(),
            snapshot.records(),
            snapshot.documents(),
            snapshot.duplicates(),
            fresh.nearDuplicates(),
            sentiment.tooLong(),
            sentiment.parsed(),
            snapshot.rejects(),
            snapshot.rejectsByReason(),
            snapshot.documentsWithoutDate(),
            new Manifest.NewRecords(
                seen.newRecords(),
                fresh.documents(),
                fresh.duplicates(),
                fresh.nearDuplicates(),
                fresh.rejects()));
    BaseSnapshot base = run.base();
    Manifest.Refresh refresh =
        new Manifest.Refresh(
            base.exists() ? "incremental" : "full",
            base.fullReason(),
            base.exists()
                ? new Manifest.Base(
                    String.valueOf(base.manifest().get("snapshot")),
                    String.valueOf(base.manifest().get("run_id")))
                : null,
            base.exists() ? base.zonesChanged() : null,
            base.exists() ? base.sentimentChanged() : null,
            TopicStages.sharesReused(run));
    Map<String, String> tables = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      if (run.store.rowCounts().containsKey(table)) {
        tables.put(table.tableName(), run.store.relativeTablePath(table));
      }
    }
    return new Manifest(
        runId,
        options.snapshot(),
        "succeeded",
        Snapshots.LAYOUT_RUN_FOLDERS,
        startedAt.toString(),
        Instant.now().toString(),
        options.inputs(),
        versions(),
        spark.sparkContext().master(),
        config.rendered(),
        run.fingerprints.toMap(),
        refresh,
        inputCounts,
        run.fact(StageReports.Boilerplate.class).countsBySource(),
        TopicStages.modelInfo(run),
        summary.rowCounts(),
        tables,
        run.store.wroteModels() ? run.store.relativeModelsPath() : null,
        log.timings(),
        // In local mode the driver's JVM runs the executor threads too: its heap is the whole
        // job's.
        log.jvmMemory());
  }

  private Map<String, String> versions() {
    Properties props = new Properties();
    try (InputStream in =
        Pipeline.class.getResourceAsStream("/discourse-atlas-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("discourse_atlas", props.getProperty("version", "unknown"));
    versions.put("spark", spark.version());
    versions.put("corenlp", props.getProperty("corenlp", "unknown"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  /** The gazetteer's multiword names and the configured expressions, kept whole as one unit. */
  private static List<String> multiwordExpressions(
      ZoneGazetteer gazetteer, JobConfig.Lexical lexical) {
    List<String> expressions = new ArrayList<>(lexical.multiwordExpressions());
    for (Zone zone : gazetteer.zones()) {
      for (String alias : zone.aliases()) {
        if (alias.strip().contains(" ")) {
          expressions.add(alias);
        }
      }
    }
    return expressions;
  }
}
