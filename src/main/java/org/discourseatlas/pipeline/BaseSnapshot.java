package org.discourseatlas.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;

/**
 * What a run builds on: the current run of the latest month before its own (its documents,
 * sentences with their sentiment, topic shares, the boilerplate it learned and the hashes of the
 * inputs it saw), or nothing, when the run analyses every input (no earlier snapshot, --full, an
 * earlier snapshot of an older layout, changed ingest settings). Every accessor answers for both
 * cases, so the pipeline has one path: with nothing to build on, the earlier tables are empty.
 *
 * <p>Building on the month before, not on an earlier run of the same month, is what makes a rerun
 * of a month give the same tables as its first run.
 */
public final class BaseSnapshot {
  /** The file beside the models where a run keeps the boilerplate lines it used, per source. */
  public static final String REPEATED_LINES = "repeated-lines.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final Snapshots snapshots;
  private final Map<String, Object> manifest;
  private final String fullReason;

  /** The fingerprints ({@link Fingerprints#toMap} names) that differ from the base's. */
  private final Set<String> changed;

  private Set<String> seenHashes;
  private final Map<RefreshState, Boolean> keptPieces = new EnumMap<>(RefreshState.class);

  private BaseSnapshot(
      SparkSession spark,
      Snapshots snapshots,
      Map<String, Object> manifest,
      String fullReason,
      Set<String> changed) {
    this.spark = spark;
    this.snapshots = snapshots;
    this.manifest = manifest;
    this.fullReason = fullReason;
    this.changed = Set.copyOf(changed);
  }

  /** The base of a run writing {@code snapshot}, with a line saying what is reused or redone. */
  static BaseSnapshot find(
      SparkSession spark, Snapshots snapshots, JobOptions options, Fingerprints now) {
    if (options.full()) {
      return none(spark, snapshots, "--full: every input is analysed");
    }
    Map<String, Object> base = snapshots.before(options.snapshot()).orElse(null);
    if (base == null) {
      return none(
          spark,
          snapshots,
          "no snapshot before " + options.snapshot() + ": every input is analysed");
    }
    String from = "snapshot " + base.get("snapshot") + " (run " + base.get("run_id") + ")";
    Object recorded = base.get("fingerprints");
    if (!(recorded instanceof Map<?, ?> fingerprints)
        || !Snapshots.LAYOUT_RUN_FOLDERS.equals(base.get(Snapshots.LAYOUT))) {
      return none(
          spark, snapshots, from + " was written before refreshes: every input is analysed");
    }
    if (!hasStateMarker(spark, snapshots, base)) {
      return none(
          spark,
          snapshots,
          from
              + " kept no refresh state of version "
              + RefreshState.VERSION
              + " (an older job wrote it): every input is analysed");
    }
    if (!now.ingest().equals(fingerprints.get(Fingerprints.INGEST))) {
      return none(
          spark,
          snapshots,
          "the ingest settings changed since " + from + ": every input is analysed");
    }
    // A base written before a fingerprint existed (frames, actors) has none: its piece is redone.
    Set<String> changed = new TreeSet<>();
    now.toMap()
        .forEach(
            (name, value) -> {
              if (REDONE.containsKey(name) && !value.equals(fingerprints.get(name))) {
                changed.add(name);
              }
            });
    StageLog.note("refresh: building on " + from + "; only inputs not seen there are analysed");
    for (String name : changed) {
      StageLog.note(
          "refresh: the " + name + " settings changed since " + from + ": " + REDONE.get(name));
    }
    return new BaseSnapshot(spark, snapshots, base, null, changed);
  }

  /** What a refresh makes again over the base's documents when a fingerprint changed. */
  private static final Map<String, String> REDONE =
      Map.of(
          Fingerprints.ZONES,
          "its sentences are tagged again (and scored where they newly fall in a zone window);"
              + " term counts, frame counts, zone mentions and actor rows are made again",
          Fingerprints.SENTIMENT,
          "its sentences are scored again and their actors named again",
          Fingerprints.LEXICAL,
          "term counts are counted again over every document",
          Fingerprints.FRAMES,
          "frames and zone mentions are found again over every document",
          Fingerprints.ACTORS,
          "actors are named again in every parsed sentence");

  /** Whether a run's models folder holds refresh state this job can build on. */
  private static boolean hasStateMarker(
      SparkSession spark, Snapshots snapshots, Map<String, Object> manifest) {
    Object models = manifest.get("models");
    if (models == null) {
      return false;
    }
    Path marker = new Path(snapshots.resolve(String.valueOf(models)), RefreshState.MARKER);
    try {
      FileSystem fs = marker.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(marker)) {
        return false;
      }
      try (InputStream in = fs.open(marker)) {
        return RefreshState.VERSION == JSON.readTree(in).path("version").asInt();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the refresh state marker " + marker, e);
    }
  }

  private static BaseSnapshot none(SparkSession spark, Snapshots snapshots, String reason) {
    StageLog.note("refresh: " + reason);
    return new BaseSnapshot(spark, snapshots, null, reason, Set.of());
  }

  /**
   * This base, or none when the boilerplate learned from every input now differs, for a source of
   * the base's documents, from the lines the base removed (its earlier documents would be cleaned
   * otherwise today).
   */
  public BaseSnapshot unlessBoilerplateChanged(Map<String, Set<String>> learnedNow) {
    if (manifest == null) {
      return this;
    }
    Map<String, Set<String>> then = repeatedLines();
    List<String> sources =
        table(Table.DOCUMENTS)
            .select(
                org.apache.spark.sql.functions.coalesce(
                    org.apache.spark.sql.functions.col(Columns.SOURCE),
                    org.apache.spark.sql.functions.lit(
                        org.discourseatlas.ingest.RepeatedLines.NO_SOURCE)))
            .distinct()
            .as(Encoders.STRING())
            .collectAsList();
    List<String> changed = new java.util.ArrayList<>();
    for (String source : new TreeSet<>(sources)) {
      if (!then.getOrDefault(source, Set.of()).equals(learnedNow.getOrDefault(source, Set.of()))) {
        changed.add(
            "'"
                + source
                + "' ("
                + then.getOrDefault(source, Set.of()).size()
                + " -> "
                + learnedNow.getOrDefault(source, Set.of()).size()
                + " lines)");
      }
    }
    if (changed.isEmpty()) {
      return this;
    }
    return none(
        spark,
        snapshots,
        "the new inputs change the boilerplate learned for "
            + String.join(", ", changed)
            + " since snapshot "
            + manifest.get("snapshot")
            + ": every input is analysed");
  }

  public boolean exists() {
    return manifest != null;
  }

  /** Why every input is analysed (null when building on a snapshot). */
  public String fullReason() {
    return fullReason;
  }

  public boolean zonesChanged() {
    return changed.contains(Fingerprints.ZONES);
  }

  public boolean sentimentChanged() {
    return changed.contains(Fingerprints.SENTIMENT);
  }

  /**
   * Whether the base's term counts hold for its documents now: the term units (lexical settings)
   * and the zones that group them are unchanged. Otherwise they are counted again over every
   * document.
   */
  public boolean termCountsHold() {
    return manifest != null && !zonesChanged() && !changed.contains(Fingerprints.LEXICAL);
  }

  /**
   * Whether the base's collocation counts stand for its documents: its term units and zone windows
   * are those of this run (the term counts hold), and it kept the piece.
   */
  public boolean collocationCountsHold() {
    return termCountsHold() && hasState(RefreshState.COLLOCATION_COUNTS);
  }

  /**
   * Whether the base's per-document frame counts and frame mentions hold for its documents now: the
   * framing settings (dictionaries, comparisons, context) and the zones are unchanged, and it kept
   * the counts.
   */
  public boolean frameCountsHold() {
    return mentionsHold() && hasState(RefreshState.FRAME_COUNTS);
  }

  /**
   * Whether the base's zone mentions (KWIC) hold for its sentences now: the gazetteer and the KWIC
   * context (part of the framing settings) are unchanged. A mention is a function of its sentence.
   */
  public boolean mentionsHold() {
    return manifest != null && !zonesChanged() && !changed.contains(Fingerprints.FRAMES);
  }

  /**
   * Whether the base's actor rows per sentence and its actor events hold for its sentences now: the
   * parse (sentiment settings), the zones and the actor dictionary are unchanged, and it kept the
   * rows (a run with actors off keeps none).
   */
  public boolean actorRowsHold() {
    return manifest != null
        && !zonesChanged()
        && !sentimentChanged()
        && !changed.contains(Fingerprints.ACTORS)
        && hasState(RefreshState.ACTOR_MENTIONS);
  }

  public Map<String, Object> manifest() {
    return manifest;
  }

  /** A table of the base run, as written; empty with the table's schema when there is no base. */
  public Dataset<Row> table(Table table) {
    List<String> paths = manifest == null ? List.of() : snapshots.tablePaths(manifest, table);
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().parquet(paths.toArray(new String[0]));
  }

  /**
   * A table's folders as the base's manifest names them (relative to the output root): what a run
   * that carries the table over names before its own folder. Empty without a base.
   */
  public List<String> tableFolders(Table table) {
    return manifest == null ? List.of() : Snapshots.namedFolders(manifest, table.tableName());
  }

  /** Sentiment results to reuse: the base's sentences, or null when they must be scored again. */
  public Dataset<Row> sentimentResults() {
    return manifest == null || sentimentChanged() ? null : table(Table.SENTENCES);
  }

  /**
   * A piece of the base's refresh state, as written; empty with the piece's schema when there is no
   * base.
   */
  public Dataset<Row> state(RefreshState piece) {
    if (manifest == null) {
      return spark.createDataFrame(List.of(), piece.schema());
    }
    return spark.read().schema(piece.schema()).parquet(statePath(piece).toString());
  }

  /**
   * Whether the base kept this piece of state: a piece is written only where its stage ran (no
   * topic features without a topic model), and pieces added within a state version are missing from
   * bases written before them.
   */
  public boolean hasState(RefreshState piece) {
    if (manifest == null) {
      return false;
    }
    // Looked up once per piece: the stage and the manifest both ask.
    return keptPieces.computeIfAbsent(
        piece,
        p -> {
          Path folder = statePath(p);
          try {
            return folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the refresh state " + folder, e);
          }
        });
  }

  private Path statePath(RefreshState piece) {
    return new Path(
        new Path(snapshots.resolve(String.valueOf(manifest.get("models"))), RefreshState.FOLDER),
        piece.folder());
  }

  /**
   * The hashes of every input the base and the runs before it ingested (its documents', duplicates
   * too, and rejects'), from the refresh state: read once.
   */
  public Set<String> seenHashes() {
    if (seenHashes == null) {
      seenHashes =
          manifest == null
              ? Set.of()
              : new HashSet<>(
                  state(RefreshState.SEEN_FILES)
                      .select(Columns.CONTENT_HASH)
                      .distinct()
                      .as(Encoders.STRING())
                      .collectAsList());
    }
    return seenHashes;
  }

  /** The boilerplate lines the base removed, per source (a source without lines is absent). */
  public Map<String, Set<String>> repeatedLines() {
    Object models = manifest == null ? null : manifest.get("models");
    if (models == null) {
      return Map.of();
    }
    Path file = new Path(snapshots.resolve(String.valueOf(models)), REPEATED_LINES);
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(file)) {
        Map<String, List<String>> read =
            JSON.readValue(in, new TypeReference<Map<String, List<String>>>() {});
        Map<String, Set<String>> lines = new TreeMap<>();
        read.forEach((source, list) -> lines.put(source, new TreeSet<>(list)));
        return lines;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the boilerplate lines of snapshot "
              + manifest.get("snapshot")
              + " at "
              + file
              + " (--full analyses every input without them)",
          e);
    }
  }

  /** The topic units the base counted (modelled or not), as its manifest says; 0 without. */
  public long topicUnits() {
    Object info = manifest == null ? null : manifest.get("topic_model");
    return info instanceof Map<?, ?> model && model.get("units") instanceof Number units
        ? units.longValue()
        : 0;
  }

  /** The id of the topic model whose shares the base wrote (null without one). */
  public String topicModelId() {
    Object info = manifest == null ? null : manifest.get("topic_model");
    return info instanceof Map<?, ?> model && model.get("model_id") != null
        ? String.valueOf(model.get("model_id"))
        : null;
  }
}
