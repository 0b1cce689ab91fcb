package org.discourseatlas.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.store.SnapshotStore;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * What a run's stages share: the settings, the base snapshot, the datasets passed from stage to
 * stage (by {@link RunData} name) and the facts each stage reports for the manifest (typed records,
 * each recorded once). Datasets are cached while later stages read them: the pipeline releases each
 * after the last stage that declares it reads it ({@link #endStage}), and a stage's own caches when
 * the stage ends.
 */
public final class RunState implements AutoCloseable {
  /** Between stages, datasets that are read more than once stay in memory, spilling to disk. */
  private static final StorageLevel KEEP = StorageLevel.MEMORY_AND_DISK();

  public final SparkSession spark;
  public final JobOptions options;
  public final JobConfig config;
  public final String runId;
  public final SnapshotStore store;
  public final ZoneGazetteer gazetteer;

  /** The framing dictionaries and the actor dictionary (null when actors are off). */
  public final ReferenceFiles.Dictionaries dictionaries;

  public final Fingerprints fingerprints;

  /** The gazetteer's multiword names and the configured expressions, each kept whole as a term. */
  public final List<String> multiwordExpressions;

  private BaseSnapshot base;
  private boolean releaseModelsAfterUse;
  private final Map<RunData, Dataset<Row>> datasets = new EnumMap<>(RunData.class);
  private final Map<Class<?>, Record> facts = new HashMap<>();
  private final List<SkippedAnalysis> skipped = new ArrayList<>();
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  /** The view name of each kept dataset (by identity: datasets do not define equality). */
  private final Map<Dataset<Row>, String> cacheNames = new IdentityHashMap<>();

  private final Map<String, MLWritable> models = new LinkedHashMap<>();
  private final Map<String, Object> modelFiles = new LinkedHashMap<>();
  private final Map<RefreshState, Dataset<Row>> stateToWrite = new EnumMap<>(RefreshState.class);

  /** The rows a run adds to tables it carries over from the base ({@link #putCarried}). */
  private final Map<RunData, Dataset<Row>> added = new EnumMap<>(RunData.class);

  RunState(
      SparkSession spark,
      JobOptions options,
      JobConfig config,
      String runId,
      SnapshotStore store,
      ZoneGazetteer gazetteer,
      ReferenceFiles.Dictionaries dictionaries,
      List<String> multiwordExpressions,
      Fingerprints fingerprints,
      BaseSnapshot base) {
    this.spark = spark;
    this.options = options;
    this.config = config;
    this.runId = runId;
    this.store = store;
    this.gazetteer = gazetteer;
    this.dictionaries = dictionaries;
    this.multiwordExpressions = List.copyOf(multiwordExpressions);
    this.fingerprints = fingerprints;
    this.base = base;
  }

  void releaseModelsAfterUse(boolean release) {
    this.releaseModelsAfterUse = release;
  }

  /** Whether a stage lets go of the models it loaded once its tables are written (see Pipeline). */
  public boolean releasesModelsAfterUse() {
    return releaseModelsAfterUse;
  }

  public BaseSnapshot base() {
    return base;
  }

  /** Replaces the base, when what was learned from the inputs rules it out. */
  public void rebase(BaseSnapshot newBase) {
    base = newBase;
  }

  public Dataset<Row> get(RunData data) {
    Dataset<Row> dataset = datasets.get(data);
    if (dataset == null) {
      throw new IllegalStateException(data + " is read before any stage added it");
    }
    return dataset;
  }

  public boolean has(RunData data) {
    return datasets.containsKey(data);
  }

  public void put(RunData data, Dataset<Row> dataset) {
    datasets.put(data, dataset);
    added.remove(data);
  }

  /**
   * A table that is the base's rows, unchanged, plus {@code addedRows}: the pipeline writes only
   * the added rows and names the base's folders beside them (carried rows are written once, by the
   * run that made them). Readers in this run see the whole table.
   */
  public void putCarried(RunData data, Dataset<Row> addedRows) {
    datasets.put(data, base.table(data.table()).unionByName(addedRows));
    added.put(data, addedRows);
  }

  /**
   * The rows of {@code rows} that belong to this run's new documents (those with turns: only they
   * have sentences and units). A stage that reads this must declare {@code Uses.of(NEW_TURNS,
   * DOC_ID)}.
   */
  public Dataset<Row> onlyNewDocuments(Dataset<Row> rows) {
    return rows.join(
        get(RunData.NEW_TURNS).select(Columns.DOC_ID).distinct(),
        new String[] {Columns.DOC_ID},
        "left_semi");
  }

  /**
   * Writes a table (whole, or a carried table's added rows beside the base's folders); returns the
   * rows of the whole table.
   */
  long stageTable(RunData data) {
    Dataset<Row> addedRows = added.get(data);
    return addedRows == null
        ? store.stage(data.table(), get(data))
        : store.stageAdded(data.table(), addedRows, base.tableFolders(data.table()));
  }

  /**
   * Caches {@code dataset} until it is released or its stage ends (unless a later stage reads it).
   *
   * <p>Cached under a name: an unnamed cache is named by its whole plan's text (Spark's {@code
   * CachedRDDBuilder}), a string of 10^5-10^6 characters for a dataset with the ingest behind it,
   * built and truncated at every cache.
   */
  public Dataset<Row> keep(Dataset<Row> dataset) {
    String name = "atlas_kept_" + cacheNames.size();
    dataset.createOrReplaceTempView(name);
    spark.catalog().cacheTable(name, KEEP);
    persisted.add(dataset);
    cacheNames.put(dataset, name);
    return dataset;
  }

  /**
   * Caches a dataset behind a plan of its own (its rows, from its RDD): later stages plan over a
   * scan of it instead of the whole upstream query, whose plan text reached 10^7 characters and
   * cost seconds per action. The RDD lineage stays, so lost blocks are recomputed.
   */
  public Dataset<Row> keepFlat(Dataset<Row> dataset) {
    return keep(spark.createDataFrame(dataset.javaRDD(), dataset.schema()));
  }

  /** Frees the named datasets' memory: no later stage reads them. */
  void release(RunData... names) {
    for (RunData name : names) {
      Dataset<Row> dataset = datasets.remove(name);
      if (dataset != null) {
        unpersist(dataset);
      }
    }
  }

  /**
   * A table's dataset replaced by a read of what was written: later stages scan the files (a plan
   * of one node, the columns they need) instead of holding the table in memory.
   */
  void replaceWritten(RunData table, Dataset<Row> written) {
    Dataset<Row> before = datasets.put(table, written);
    if (before != null) {
      unpersist(before);
    }
    if (added.containsKey(table)) {
      added.put(table, store.readStagedOwnRows(spark, table.table()));
    }
  }

  /**
   * The rows of a table that belong to this run's new documents: when the table is carried ({@link
   * #putCarried}) and written, the rows this run added, read from its own folder (no scan of the
   * base's folders: the sentences of the whole UN corpus are 225 MB); else {@link
   * #onlyNewDocuments} of the whole table. A stage that reads this must declare {@code
   * Uses.of(NEW_TURNS, DOC_ID)} and read the table after the stage that adds it.
   */
  public Dataset<Row> newDocumentRows(RunData table) {
    Dataset<Row> own = added.get(table);
    return own != null ? own : onlyNewDocuments(get(table));
  }

  /**
   * After a stage: every dataset no later stage reads is released (tables were written and are read
   * from their files), and so is every cache the stage made for itself. What stays in memory is
   * what a later stage will read.
   */
  void endStage(Set<RunData> readLater) {
    List<RunData> unread =
        datasets.keySet().stream()
            .filter(data -> data.table() == null && !readLater.contains(data))
            .toList();
    release(unread.toArray(new RunData[0]));
    for (Dataset<Row> kept : List.copyOf(persisted)) {
      if (datasets.values().stream().noneMatch(dataset -> dataset == kept)) {
        unpersist(kept);
      }
    }
  }

  private void unpersist(Dataset<Row> dataset) {
    if (persisted.removeIf(kept -> kept == dataset)) {
      dataset.unpersist();
      spark.catalog().dropTempView(cacheNames.get(dataset));
    }
  }

  /** Records a stage's typed report for the manifest; each kind of fact is recorded once. */
  public <T extends Record> void report(T fact) {
    if (facts.putIfAbsent(fact.getClass(), fact) != null) {
      throw new IllegalStateException(fact.getClass().getSimpleName() + " reported twice");
    }
  }

  public <T extends Record> T fact(Class<T> kind) {
    Record fact = facts.get(kind);
    if (fact == null) {
      throw new IllegalStateException(
          kind.getSimpleName() + " is read before any stage reported it");
    }
    return kind.cast(fact);
  }

  /**
   * Records that an analysis had too little data to say anything (no model, an empty table): the
   * run goes on, the log says so now and the manifest's {@code skipped} list says so for good.
   */
  public void skipped(String analysis, String reason) {
    skipped.add(new SkippedAnalysis(analysis, reason));
    StageLog.note(analysis + " skipped: " + reason);
  }

  /** The analyses skipped so far, in the order they were. */
  public List<SkippedAnalysis> skippedAnalyses() {
    return List.copyOf(skipped);
  }

  /** A fact, when a stage reported it (the topic model exists only when one was fitted). */
  public <T extends Record> java.util.Optional<T> findFact(Class<T> kind) {
    return Optional.ofNullable(facts.get(kind)).map(kind::cast);
  }

  /**
   * Fails, naming the stage, the dataset and the columns, when a dataset a stage uses is missing or
   * lacks a column: the contract is checked on schemas, before any Spark job runs.
   */
  void check(String stage, String verb, List<Stage.Uses> uses) {
    for (Stage.Uses use : uses) {
      if (!datasets.containsKey(use.data())) {
        throw new IllegalStateException(
            "stage " + stage + " " + verb + " " + use.data() + ", which no stage added");
      }
      Set<String> present =
          new TreeSet<>(Arrays.asList(datasets.get(use.data()).schema().fieldNames()));
      List<String> missing = use.columns().stream().filter(c -> !present.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "stage "
                + stage
                + " "
                + verb
                + " "
                + use.data()
                + " with columns "
                + missing
                + "; it has "
                + present);
      }
    }
  }

  /** A model to save beside the tables (the pipeline writes it; stages never write). */
  public void saveModel(String name, MLWritable model) {
    models.put(name, model);
  }

  /** A JSON file to save beside the models: what a later run needs to build on this one. */
  public void saveModelFile(String name, Object json) {
    modelFiles.put(name, json);
  }

  /**
   * A piece of refresh state for the next run; the pipeline writes it when the stage ends, while
   * the datasets it is computed from are still cached.
   */
  public void saveState(RefreshState piece, Dataset<Row> rows) {
    if (stateToWrite.put(piece, rows) != null) {
      throw new IllegalStateException("refresh state " + piece + " saved twice");
    }
  }

  /**
   * A piece of refresh state written now, and its rows as read back from the files: for state the
   * rest of the run scans several times, the files are the copy later stages read, instead of a
   * cache built beside them (the term counts: 7.9 M rows on the whole UN corpus, decision 0035).
   */
  public Dataset<Row> saveStateAndRead(RefreshState piece, Dataset<Row> rows) {
    if (stateToWrite.containsKey(piece)) {
      throw new IllegalStateException("refresh state " + piece + " saved twice");
    }
    store.stageState(RefreshState.FOLDER, piece.folder(), rows);
    return store.readStagedState(spark, RefreshState.FOLDER, piece.folder());
  }

  /** Writes the refresh state saved since the last call, once each. */
  void stageState() {
    stateToWrite.forEach(
        (piece, rows) -> store.stageState(RefreshState.FOLDER, piece.folder(), rows));
    stateToWrite.clear();
  }

  Map<String, MLWritable> models() {
    return models;
  }

  Map<String, Object> modelFiles() {
    return modelFiles;
  }

  /** The datasets that are tables of the snapshot, in table order. */
  Map<RunData, Dataset<Row>> tables() {
    Map<RunData, Dataset<Row>> tables = new EnumMap<>(RunData.class);
    datasets.forEach(
        (data, dataset) -> {
          if (data.table() != null) {
            tables.put(data, dataset);
          }
        });
    return tables;
  }

  @Override
  public void close() {
    List.copyOf(persisted).forEach(this::unpersist);
  }
}
