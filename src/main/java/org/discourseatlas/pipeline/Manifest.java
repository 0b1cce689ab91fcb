package org.discourseatlas.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.discourseatlas.pipeline.stages.StageReports;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.topics.TopicModelInfo;

/**
 * A run's manifest, as typed records: what ran (config, versions, inputs), what it built on, what
 * came in (counts), what went out (rows and folders per table), how long each stage took. Written
 * by {@link org.discourseatlas.store.RunManifest} with snake_case keys; its rename into {@code
 * _runs/} is what publishes the run.
 */
public record Manifest(
    String runId,
    String snapshot,
    String status,
    @JsonProperty(Snapshots.LAYOUT) String layout,
    String startedAt,
    String finishedAt,
    List<String> inputs,
    Map<String, String> versions,
    String sparkMaster,
    String config,
    Map<String, String> fingerprints,
    Refresh refresh,
    InputCounts inputCounts,
    Map<String, Integer> boilerplateLinesLearned,
    TopicModelInfo topicModel,
    List<SkippedAnalysis> skipped,
    Map<String, Long> rowCounts,
    Map<String, Object> tables,
    String models,
    List<StageLog.StageTiming> stages,
    StageLog.JvmMemory driverJvm) {

  /** The manifest of a finished run, from what its stages reported. */
  static Manifest of(RunState run, RunSummary summary, Instant startedAt, StageLog log) {
    StageReports.SnapshotCounts snapshot = run.fact(StageReports.SnapshotCounts.class);
    StageReports.SeenInputs seen = run.fact(StageReports.SeenInputs.class);
    StageReports.NewDocuments fresh = run.fact(StageReports.NewDocuments.class);
    StageReports.SentimentCounts sentiment = run.fact(StageReports.SentimentCounts.class);
    Manifest.InputCounts inputCounts =
        new Manifest.InputCounts(
            summary.inputFiles(),
            seen.filesAlreadySeen(),
            run.fact(StageReports.InputsRead.class).filesRead(),
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
            base.exists() ? !base.termCountsHold() : null,
            base.exists() ? !base.collocationCountsHold() : null,
            base.exists() ? !base.frameCountsHold() : null,
            base.exists() ? !base.actorRowsHold() : null,
            run.findFact(TopicModelInfo.class).orElseThrow().sharesWereReused());
    Map<String, Object> tables = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      if (run.store.rowCounts().containsKey(table)) {
        tables.put(table.tableName(), run.store.namedTableFolders(table));
      }
    }
    return new Manifest(
        run.runId,
        run.options.snapshot(),
        "succeeded",
        Snapshots.LAYOUT_RUN_FOLDERS,
        startedAt.toString(),
        Instant.now().toString(),
        run.options.inputs(),
        versions(run.spark.version()),
        run.spark.sparkContext().master(),
        run.config.rendered(),
        run.fingerprints.toMap(),
        refresh,
        inputCounts,
        run.fact(StageReports.Boilerplate.class).countsBySource(),
        run.findFact(TopicModelInfo.class).orElseThrow(),
        run.skippedAnalyses(),
        summary.rowCounts(),
        tables,
        run.store.wroteModels() ? run.store.relativeModelsPath() : null,
        log.timings(),
        // In local mode the driver's JVM runs the executor threads too: its heap is the whole
        // job's.
        log.jvmMemory());
  }

  private static Map<String, String> versions(String sparkVersion) {
    Properties props = new Properties();
    try (InputStream in =
        Manifest.class.getResourceAsStream("/discourse-atlas-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("discourse_atlas", props.getProperty("version", "unknown"));
    versions.put("spark", sparkVersion);
    versions.put("corenlp", props.getProperty("corenlp", "unknown"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  /**
   * The snapshot's totals (earlier records and this run's: records = documents + duplicates +
   * rejects), then what this run read.
   */
  public record InputCounts(
      long inputFiles,
      long inputFilesAlreadySeen,
      long inputFilesRead,
      long records,
      long documents,
      long duplicates,
      long nearDuplicates,
      long sentencesTooLongForSentiment,
      long sentencesParsedForSentiment,
      long rejects,
      Map<String, Long> rejectsByReason,
      long documentsWithoutDate,
      @JsonProperty("new") NewRecords newRecords) {}

  /** This run's new records: records = documents + duplicates + rejects. */
  public record NewRecords(
      long records, long documents, long duplicates, long nearDuplicates, long rejects) {}

  /**
   * Whether the run built on an earlier snapshot, and what it redid there (a full run: no base).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Refresh(
      String mode,
      String reason,
      Base base,
      Boolean zonesRetagged,
      Boolean sentimentRescored,
      Boolean termsCountedAgain,
      Boolean collocationsCountedAgain,
      Boolean framesCountedAgain,
      Boolean actorsNamedAgain,
      boolean topicSharesReused) {}

  /** The run a refresh built on. */
  public record Base(String snapshot, String runId) {}
}
