package org.discourseatlas.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.discourseatlas.schema.Table;

/**
 * The only writer of the job. Each run writes its tables into folders of its own, {@code
 * <output>/<table>/snapshot=YYYY-MM/run=<run_id>/}, that nothing points at yet; the run becomes
 * visible in one step, the rename of its manifest into {@code _runs/<run_id>.json}, which names
 * those folders. Readers go through the manifests ({@link Snapshots}), never through a folder
 * listing, so:
 *
 * <ul>
 *   <li>a run killed at any point before that rename leaves every earlier snapshot as it was (its
 *       own folders are orphans, deleted by the next run);
 *   <li>re-running a month replaces it in that same one step: the older run of the month is then
 *       superseded, and its folders are deleted after the rename, never before.
 * </ul>
 *
 * <p>The output root must be empty, absent, or hold {@code _runs/}: the job never writes into a
 * folder of someone else's files. One run at a time writes to an output root: the store holds its
 * {@link OutputLease} from before it touches anything until the run is published or abandoned.
 * Cleanup deletes only {@code run=<run id>} folders of this job's id shape ({@link RunIds}) that no
 * manifest names, never follows a symbolic link, and logs each deletion.
 */
public final class SnapshotStore implements AutoCloseable {
  /**
   * Fitted models and learned state of a snapshot (topic model, boilerplate lines), beside the
   * tables.
   */
  public static final String MODELS_DIR = "models";

  static final String RUN_PREFIX = "run=";
  static final String SNAPSHOT_PREFIX = "snapshot=";
  private static final Logger LOG = LogManager.getLogger(SnapshotStore.class);

  /** Folders of the layout before run folders existed: cleared when found. */
  private static final List<String> LEGACY_DIRS = List.of("_staging", "_trash");

  private final FileSystem fs;
  private final Path root;
  private final String snapshot;
  private final String runId;
  private final Map<Table, Long> rowCounts = new LinkedHashMap<>();

  /** Tables carried over: the earlier folders (as named) this run names before its own. */
  private final Map<Table, List<String>> carried = new LinkedHashMap<>();

  private final Snapshots snapshots;
  private final OutputLease lease;
  private boolean modelsStaged;

  private SnapshotStore(
      FileSystem fs,
      Path root,
      String snapshot,
      String runId,
      Snapshots snapshots,
      OutputLease lease) {
    this.fs = fs;
    this.root = root;
    this.snapshot = snapshot;
    this.runId = runId;
    this.snapshots = snapshots;
    this.lease = lease;
  }

  /**
   * Opens (and if absent creates) an output root and takes its writer lease; refuses a folder that
   * is not a job output, and an output another run is writing ({@link OutputBusyException}).
   */
  public static SnapshotStore open(
      String output, String snapshot, String runId, Configuration conf) {
    OutputLease lease = null;
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(conf);
      Path root = fs.makeQualified(path);
      if (fs.exists(root)) {
        FileStatus status = fs.getFileStatus(root);
        if (!status.isDirectory()) {
          throw new OutputRefusedException("--output " + output + " is a file, not a folder");
        }
        boolean empty = fs.listStatus(root).length == 0;
        if (!empty && !fs.exists(new Path(root, Snapshots.RUNS_DIR))) {
          throw new OutputRefusedException(
              "--output "
                  + output
                  + " is a folder that is not a Discourse Atlas output (no "
                  + Snapshots.RUNS_DIR
                  + "/ in it); refusing to write there");
        }
      }
      Path runs = new Path(root, Snapshots.RUNS_DIR);
      fs.mkdirs(runs);
      // Nothing below this line runs without the lease: a second writer changes nothing.
      lease = OutputLease.acquire(fs, runs, runId);
      for (String legacy : LEGACY_DIRS) {
        fs.delete(new Path(root, legacy), true);
      }
      Snapshots snapshots = Snapshots.open(root.toString(), conf);
      SnapshotStore store = new SnapshotStore(fs, root, snapshot, runId, snapshots, lease);
      // A killed run leaves run folders no manifest names; nothing in them was ever visible.
      new RunFolderCleanup(fs, root, runId).deleteUnnamedRunFolders();
      return store;
    } catch (IOException | RuntimeException e) {
      if (lease != null) {
        lease.close();
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot open output " + output, io);
      }
      throw (RuntimeException) e;
    }
  }

  public Path root() {
    return root;
  }

  /** The complete runs of this output as they were when the store was opened. */
  public Snapshots snapshots() {
    return snapshots;
  }

  /** Where this run writes a table; readers find it through the manifest once committed. */
  public Path tablePath(Table table) {
    return runFolder(new Path(root, table.tableName()));
  }

  /**
   * A table's folders as the manifest names them: this run's folder, relative to the output root;
   * for a carried table, a list of the earlier folders and this one.
   */
  public Object namedTableFolders(Table table) {
    List<String> earlier = carried.get(table);
    if (earlier == null) {
      return relative(tablePath(table));
    }
    List<String> all = new ArrayList<>(earlier);
    all.add(relative(tablePath(table)));
    return all;
  }

  /** Every folder a table of this run is read from (resolved). */
  private String[] tableFolders(Table table) {
    List<String> all = new ArrayList<>();
    for (String earlier : carried.getOrDefault(table, List.of())) {
      all.add(snapshots.resolve(earlier));
    }
    all.add(tablePath(table).toString());
    return all.toArray(new String[0]);
  }

  /**
   * Writes a table into this run's folder: its columns in contract order and types, rows sorted by
   * its key. Returns the number of rows written.
   */
  public long stage(Table table, Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      // Arrays read back from Parquet may hold nulls by their type (containsNull): the same type
      // to the contract, and one Spark cannot cast to the non-null one, so it is left as it is.
      boolean sameType =
          rows.schema().getFieldIndex(field.name()).isDefined()
              && rows.schema()
                  .apply(field.name())
                  .dataType()
                  .simpleString()
                  .equals(field.dataType().simpleString());
      Column column = functions.col(field.name());
      columns.add((sameType ? column : column.cast(field.dataType())).as(field.name()));
    }
    List<Column> order = new ArrayList<>();
    for (String key : table.sortKey()) {
      order.add(functions.col(key).asc_nulls_first());
    }
    Dataset<Row> shaped =
        rows.select(columns.toArray(new Column[0])).orderBy(order.toArray(new Column[0]));
    shaped.write().mode(SaveMode.ErrorIfExists).parquet(tablePath(table).toString());
    // Counted from the written files: cheap (Parquet footers) and exactly what was written.
    long count = shaped.sparkSession().read().parquet(tableFolders(table)).count();
    rowCounts.put(table, count);
    return count;
  }

  /**
   * Writes the rows a run adds to a table whose earlier rows stay where earlier runs wrote them:
   * {@code earlierFolders} (as the base's manifest names them) are named before this run's folder,
   * and nothing of them is copied. Returns the rows of the whole table.
   */
  public long stageAdded(Table table, Dataset<Row> added, List<String> earlierFolders) {
    if (!earlierFolders.isEmpty()) {
      carried.put(table, List.copyOf(earlierFolders));
    }
    return stage(table, added);
  }

  /** A table this run wrote (with the earlier folders it carries), read from its files. */
  public Dataset<Row> readStaged(SparkSession spark, Table table) {
    return spark.read().parquet(tableFolders(table));
  }

  /** Only the rows this run wrote to a table: its own folder, without the carried ones. */
  public Dataset<Row> readStagedOwnRows(SparkSession spark, Table table) {
    return spark.read().parquet(tablePath(table).toString());
  }

  /** Where this run's models go: {@code <output>/models/snapshot=YYYY-MM/run=<run_id>}. */
  public Path modelsPath() {
    return runFolder(new Path(root, MODELS_DIR));
  }

  public String relativeModelsPath() {
    return relative(modelsPath());
  }

  /** Writes a Spark ML model under {@link #modelsPath()}/name. */
  public void stageModel(String name, MLWritable model) {
    try {
      model.write().save(new Path(modelsPath(), name).toString());
      modelsStaged = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + name, e);
    }
  }

  /** Writes a small JSON file beside the models (what they were fitted with, learned lines). */
  public void stageModelInfo(String name, Object info) {
    try (OutputStream out = fs.create(new Path(modelsPath(), name), false)) {
      out.write(RunManifest.JSON.writeValueAsBytes(info));
      modelsStaged = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  /**
   * Writes a piece of refresh state, {@code rows}, under {@link #modelsPath()}/{@code
   * folder}/{@code name}: read back by the next month's run through this run's manifest.
   */
  public void stageState(String folder, String name, Dataset<Row> rows) {
    rows.write().mode(SaveMode.ErrorIfExists).parquet(statePath(folder, name));
    modelsStaged = true;
  }

  /** A piece of refresh state this run wrote ({@link #stageState}), read from its files. */
  public Dataset<Row> readStagedState(SparkSession spark, String folder, String name) {
    return spark.read().parquet(statePath(folder, name));
  }

  private String statePath(String folder, String name) {
    return new Path(new Path(modelsPath(), folder), name).toString();
  }

  /** Whether a path relative to the output root exists (a model a manifest names, say). */
  public boolean holds(String relativePath) {
    try {
      return fs.exists(new Path(root, relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + relativePath + " under " + root, e);
    }
  }

  /** The current manifests, oldest first: one per snapshot, the latest run of each month. */
  public List<Map<String, Object>> completedRuns() {
    return snapshots.current();
  }

  public Map<Table, Long> rowCounts() {
    return Map.copyOf(rowCounts);
  }

  /** Whether this run wrote any model or model file. */
  public boolean wroteModels() {
    return modelsStaged;
  }

  /**
   * Makes the run visible in one step: the manifest is written beside {@code _runs/} under a hidden
   * name and renamed into place, if this run still holds the lease. Then the folders of the month's
   * earlier run, superseded now, are deleted, and the lease is released. The month is published
   * once the rename is done: a failure of that cleanup is a warning (the next run retries it).
   */
  public void commit(String manifestJson) {
    lease.verifyHeld();
    try {
      Path manifest =
          new Path(new Path(root, Snapshots.RUNS_DIR), runId + Snapshots.MANIFEST_SUFFIX);
      Path partial = new Path(new Path(root, Snapshots.RUNS_DIR), "." + runId + ".json.partial");
      try (OutputStream out = fs.create(partial, false)) {
        out.write(manifestJson.getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(partial, manifest)) {
        throw new IOException("rename " + partial + " -> " + manifest + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit snapshot " + snapshot + " under " + root, e);
    }
    try {
      new RunFolderCleanup(fs, root, runId).deleteUnnamedRunFolders();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "snapshot {} is published; deleting the folders it superseded failed ({}), the next run"
              + " deletes them",
          snapshot,
          e.toString());
    }
    lease.close();
  }

  /** Releases the writer lease of a run that did not commit (failed, or stopped early). */
  @Override
  public void close() {
    lease.close();
  }

  private Path runFolder(Path tableRoot) {
    return new Path(new Path(tableRoot, SNAPSHOT_PREFIX + snapshot), RUN_PREFIX + runId);
  }

  private String relative(Path path) {
    return root.toUri().relativize(path.toUri()).getPath();
  }
}
