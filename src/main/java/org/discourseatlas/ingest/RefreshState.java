package org.discourseatlas.ingest;

import org.apache.spark.sql.types.StructType;
import org.discourseatlas.analysis.Actors;
import org.discourseatlas.analysis.Collocations;
import org.discourseatlas.analysis.Frames;
import org.discourseatlas.analysis.TermFrequencies;
import org.discourseatlas.topics.TopicUnits;

/**
 * What a run keeps of its ingest, beside its models, so that the next month's run reads only its
 * new inputs: each piece is a sum over the inputs ingested so far, and the next run adds its own to
 * it (decision 0024). A piece is written by every run, full or not, into {@code
 * <models>/state/<piece>/}; a base snapshot without {@link #MARKER} (an older job) is not built on.
 */
public enum RefreshState {
  /** Every input file ingested: path, length, modification time and content hash. */
  SEEN_FILES("seen_files", InputFiles.SEEN_SCHEMA),
  /** The distinct documents the boilerplate counts were taken over, per source. */
  BOILERPLATE_DOCUMENTS("boilerplate_documents", RepeatedLines.DOCUMENTS_SCHEMA),
  /** Per source, each short paragraph's document count. */
  BOILERPLATE_LINE_COUNTS("boilerplate_line_counts", RepeatedLines.LINE_COUNTS_SCHEMA),
  /** The MinHash signature of every analysed document. */
  MINHASH_SIGNATURES("minhash_signatures", NearDuplicates.SIGNATURE_SCHEMA),
  /**
   * Per term-frequency group, every n-gram's count and documents, with no threshold, and the
   * group's running words (decision 0025).
   */
  TERM_COUNTS("term_counts", TermFrequencies.COUNTS_SCHEMA),
  /**
   * Each analysed document's running words and frame dictionary hits per group. Added within
   * version 2: a base without it has no frames fingerprint either, and counts frames again.
   */
  FRAME_COUNTS("frame_counts", Frames.PER_DOCUMENT),
  /**
   * Every topic unit's term counts over the vocabulary of the run's topic model (units of too few
   * terms left out), when it had a model. Added within version 2, like the frame counts.
   */
  TOPIC_FEATURES("topic_features", TopicUnits.FEATURES_SCHEMA),
  /**
   * Each actor of each parsed sentence and zone, with the sentence's score, when actors were found.
   * Added within version 2, like the frame counts.
   */
  ACTOR_MENTIONS("actor_mentions", Actors.PER_SENTENCE),
  /**
   * Per zone, every n-gram of 2 and 3 units of its sentences with head, tail and count, however
   * rare: collocations are scored from these. Added within version 2, like the frame counts.
   */
  COLLOCATION_COUNTS("collocation_counts", Collocations.COUNTS_SCHEMA);

  /** The folder, beside the models, that holds the pieces. */
  public static final String FOLDER = "state";

  /**
   * The file beside the models that says the state is whole and of which version; written with the
   * models, so a run killed before its manifest leaves no half state a later run could take.
   */
  public static final String MARKER = "refresh-state.json";

  /**
   * Raised when a piece changes meaning or one is added: a base with another version is not built
   * on. 2: the term counts.
   */
  public static final int VERSION = 2;

  private final String folder;
  private final StructType schema;

  RefreshState(String folder, StructType schema) {
    this.folder = folder;
    this.schema = schema;
  }

  /** The marker's content: the version and the pieces written. */
  public static java.util.Map<String, Object> marker() {
    java.util.Map<String, Object> marker = new java.util.LinkedHashMap<>();
    marker.put("version", VERSION);
    marker.put("pieces", java.util.Arrays.stream(values()).map(RefreshState::folder).toList());
    return marker;
  }

  public String folder() {
    return folder;
  }

  public StructType schema() {
    return schema;
  }
}
