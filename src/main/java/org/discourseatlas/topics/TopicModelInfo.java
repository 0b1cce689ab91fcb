package org.discourseatlas.topics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The run manifest's {@code topic_model} entry (and {@value #FILE} beside the saved model): what
 * the topic stage did. Refresh runs read it back from earlier manifests ({@link SavedTopicModel},
 * the base snapshot's model id), by their snake_case keys ({@code store.RunManifest} names them);
 * null fields are left out.
 *
 * @param status fitted, reused, skipped or disabled
 * @param fingerprint {@link TopicFingerprint#of}
 * @param unit turn, paragraph or document
 * @param modelId the run that fitted the model
 * @param reusedFrom the run whose saved model was reused
 * @param unitsTooShort units with fewer than {@code topics.min-unit-terms} vocabulary terms
 * @param path the models folder, relative to the output root
 * @param miniBatchFraction the online optimizer's mini-batch share, when this run fitted online
 * @param sharesReused whether the base snapshot's topic shares were kept
 * @param featuresKept whether the base snapshot's units' features were kept (only the new
 *     documents' units counted over the vocabulary)
 * @param logPerplexity the per-token log perplexity over the modelled units: Spark's bound, each
 *     unit at the gamma of its shares (TopicModel#logPerplexity(Dataset, Dataset))
 * @param reason why no model was fitted (skipped)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicModelInfo(
    String status,
    String fingerprint,
    String unit,
    String modelId,
    ReusedFrom reusedFrom,
    Long units,
    Long unitsModelled,
    Long unitsTooShort,
    Integer vocabularySize,
    Integer k,
    String optimizer,
    String path,
    Double miniBatchFraction,
    Boolean sharesReused,
    Boolean featuresKept,
    Double logPerplexity,
    String reason) {
  /** The file of it beside the saved model. */
  public static final String FILE = "topic-model.json";

  public static final String FITTED = "fitted";
  public static final String REUSED = "reused";
  public static final String SKIPPED = "skipped";
  public static final String DISABLED = "disabled";

  /** The earlier run (and its snapshot) whose model a run reused. */
  public record ReusedFrom(String runId, String snapshot) {}

  public static TopicModelInfo disabled() {
    return new TopicModelInfo(
        DISABLED, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** Whether the base snapshot's topic shares were kept (false when there were none). */
  public boolean sharesWereReused() {
    return Boolean.TRUE.equals(sharesReused);
  }
}
