package org.discourseatlas.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
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
    Map<String, Long> rowCounts,
    Map<String, String> tables,
    String models,
    List<StageLog.StageTiming> stages,
    StageLog.JvmMemory driverJvm) {

  /**
   * The snapshot's totals (earlier records and this run's: records = documents + duplicates +
   * rejects), then what this run read.
   */
  public record InputCounts(
      long inputFiles,
      long inputFilesAlreadySeen,
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

  /** Whether the run built on an earlier snapshot, and what it redid there. */
  public record Refresh(
      String mode,
      String reason,
      Base base,
      Boolean zonesRetagged,
      Boolean sentimentRescored,
      boolean topicSharesReused) {}

  /** The run a refresh built on. */
  public record Base(String snapshot, String runId) {}
}
