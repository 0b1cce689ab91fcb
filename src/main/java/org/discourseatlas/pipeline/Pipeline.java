package org.discourseatlas.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.pipeline.stages.AnalysisStages;
import org.discourseatlas.pipeline.stages.FramingStages;
import org.discourseatlas.pipeline.stages.IngestStages;
import org.discourseatlas.pipeline.stages.LexicalStages;
import org.discourseatlas.pipeline.stages.StageReports;
import org.discourseatlas.pipeline.stages.TopicStages;
import org.discourseatlas.store.RunManifest;
import org.discourseatlas.store.SnapshotStore;
import org.discourseatlas.topics.TopicFingerprint;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * One run: the stages in order over the run's datasets (each checked against what it declares it
 * reads and adds), then every table written and the run published by its manifest.
 */
public final class Pipeline {
  /** The last step of a run: models, model files and the manifest. */
  public static final String WRITE = "write";

  private final SparkSession spark;
  private final JobOptions options;
  private final JobConfig config;
  private final String runId;
  private boolean releaseModelsAfterUse;

  public Pipeline(SparkSession spark, JobOptions options, JobConfig config, String runId) {
    this.spark = spark;
    this.options = options;
    this.config = config;
    this.runId = runId;
  }

  /**
   * Whether a stage lets go of the CoreNLP models it loaded once it has used them: true for a job
   * whose JVM runs its tasks (local mode) and ends with the run, so later stages get that heap;
   * false where the session is shared (tests, notebooks) and the next run would load them again.
   */
  public Pipeline releaseModelsAfterUse(boolean release) {
    this.releaseModelsAfterUse = release;
    return this;
  }

  /** The stages of a run, in the order they run: ingest, analysis, lexical statistics, topics. */
  static List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    stages.addAll(IngestStages.all());
    stages.addAll(AnalysisStages.all());
    stages.addAll(LexicalStages.all());
    stages.addAll(FramingStages.all());
    stages.addAll(TopicStages.all());
    return stages;
  }

  /**
   * The tables a stage added, written as soon as they are complete (its time includes theirs) and
   * read from their files afterwards: nothing holds a finished table in memory until the run ends,
   * and a later stage's plan starts at a file scan instead of the table's whole lineage.
   */
  private static void writeTables(RunState run, SnapshotStore store, Stage stage) {
    for (Stage.Uses use : stage.adds()) {
      RunData data = use.data();
      if (data.table() != null && run.has(data)) {
        long rows = run.stageTable(data);
        run.replaceWritten(data, store.readStaged(run.spark, data.table()));
        String why = rows == 0 ? stage.whyEmpty(run, data) : null;
        if (why != null) {
          run.skipped(data.table().tableName(), why);
        }
      }
    }
  }

  /**
   * The Spark job group of a stage's jobs: the Spark UI lists them under the stage's name, and a
   * listener can count what each stage starts.
   */
  public static String jobGroup(String stage) {
    return "atlas stage " + stage;
  }

  /** What the stages after this one may read (whether or not they will apply). */
  private static Set<RunData> readLater(List<Stage> later) {
    Set<RunData> read = EnumSet.noneOf(RunData.class);
    later.forEach(stage -> stage.reads().forEach(use -> read.add(use.data())));
    return read;
  }

  public RunSummary run() {
    Instant startedAt = Instant.now();
    List<String> missing =
        SentimentScorer.missingModels(SentimentScorer.parser(config.sentiment().parser()), true);
    if (!missing.isEmpty()) {
      throw new MissingModelException(
          "CoreNLP model files not on the classpath: "
              + missing
              + " (jobs/run.sh passes target/discourse-atlas-models.jar; with spark-submit add --jars <it>)");
    }
    var hadoopConf = spark.sparkContext().hadoopConfiguration();
    // Read before the output is touched: a malformed dictionary stops the run with nothing written.
    ReferenceFiles.Dictionaries dictionaries = ReferenceFiles.dictionaries(config, hadoopConf);
    // Closing the store releases the output's writer lease, whether the run published or failed.
    try (SnapshotStore store =
        SnapshotStore.open(options.output(), options.snapshot(), runId, hadoopConf)) {
      return run(store, startedAt, dictionaries);
    }
  }

  private RunSummary run(
      SnapshotStore store, Instant startedAt, ReferenceFiles.Dictionaries dictionaries) {
    var hadoopConf = spark.sparkContext().hadoopConfiguration();
    ZoneGazetteer gazetteer = ReferenceFiles.gazetteer(config.gazetteerPath(), hadoopConf);
    List<String> expressions = new ArrayList<>(config.lexical().multiwordExpressions());
    // Multiword zone names are kept whole as one term, like the configured expressions.
    expressions.addAll(gazetteer.multiwordAliases());
    Fingerprints fingerprints =
        Fingerprints.of(config, gazetteer, TopicFingerprint.of(config, expressions), dictionaries);
    BaseSnapshot base = BaseSnapshot.find(spark, store.snapshots(), options, fingerprints);
    StageLog log = new StageLog();
    try (RunState run =
        new RunState(
            spark,
            options,
            config,
            runId,
            store,
            gazetteer,
            dictionaries,
            expressions,
            fingerprints,
            base)) {
      run.releaseModelsAfterUse(releaseModelsAfterUse);
      List<Stage> stages = stages();
      for (int i = 0; i < stages.size(); i++) {
        Stage stage = stages.get(i);
        if (stage.appliesTo(run)) {
          run.check(stage.name(), "reads", stage.reads());
          spark.sparkContext().setJobGroup(jobGroup(stage.name()), stage.name(), false);
          long started = log.start();
          Stage.Counts counts = stage.run(run);
          run.check(stage.name(), "adds", stage.adds());
          writeTables(run, store, stage);
          run.stageState();
          counts = stage.afterWritten(run, counts);
          run.endStage(readLater(stages.subList(i + 1, stages.size())));
          long out = counts.out();
          for (RunData table : counts.outTables()) {
            out += store.rowCounts().getOrDefault(table.table(), 0L);
          }
          log.finish(stage.name(), counts.in(), out, counts.unit(), started);
        }
      }
      spark.sparkContext().setJobGroup(jobGroup(WRITE), WRITE, false);
      long started = log.start();
      run.models().forEach(store::stageModel);
      run.modelFiles().forEach(store::stageModelInfo);
      store.stageModelInfo(RefreshState.MARKER, RefreshState.marker());
      Map<String, Long> rowCounts = new LinkedHashMap<>();
      store.rowCounts().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rowCounts.put(e.getKey().tableName(), e.getValue()));
      log.finish(WRITE, rowCounts.size(), rowCounts.size(), "tables", started);

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
      store.commit(RunManifest.toJson(Manifest.of(run, summary, startedAt, log)));
      return summary;
    } finally {
      spark.sparkContext().clearJobGroup();
      log.close();
    }
  }
}
