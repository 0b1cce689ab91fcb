package org.discourseatlas.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * The only writer of the job. Tables go to a staging folder of the run, then each is moved to
 * {@code <output>/<table>/snapshot=YYYY-MM} by a rename, and the run manifest under
 * {@code _runs/} is written last: a run that dies before its manifest leaves the previous
 * snapshots as they were, and its staging folder is cleared by the next run.
 *
 * <p>The output root must be empty, absent, or hold {@code _runs/}: the job never writes into a
 * folder of someone else's files.
 */
public final class SnapshotStore {
  public static final String RUNS_DIR = "_runs";
  private static final String STAGING_DIR = "_staging";
  private static final String TRASH_DIR = "_trash";
  /** Fitted models of a snapshot (the topic model's vocabulary and LDA), beside the tables. */
  public static final String MODELS_DIR = "models";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path root;
  private final String snapshot;
  private final String runId;
  private final Map<Table, Long> rowCounts = new LinkedHashMap<>();
  private boolean modelsStaged;

  private SnapshotStore(FileSystem fs, Path root, String snapshot, String runId) {
    this.fs = fs;
    this.root = root;
    this.snapshot = snapshot;
    this.runId = runId;
  }

  /** Opens (and if absent creates) an output root; refuses a folder that is not a job output. */
  public static SnapshotStore open(String output, String snapshot, String runId, Configuration conf) {
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
        if (!empty && !fs.exists(new Path(root, RUNS_DIR))) {
          throw new OutputRefusedException(
              "--output "
                  + output
                  + " is a folder that is not a Discourse Atlas output (no "
                  + RUNS_DIR
                  + "/ in it); refusing to write there");
        }
      }
      fs.mkdirs(new Path(root, RUNS_DIR));
      SnapshotStore store = new SnapshotStore(fs, root, snapshot, runId);
      // A killed run leaves its staging folder; nothing in it was ever visible to readers.
      fs.delete(new Path(root, STAGING_DIR), true);
      fs.delete(new Path(root, TRASH_DIR), true);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output " + output, e);
    }
  }

  public Path root() {
    return root;
  }

  /** Where a table's snapshot of this run is visible once committed. */
  public Path tablePath(Table table) {
    return new Path(new Path(root, table.tableName()), "snapshot=" + snapshot);
  }

  /**
   * Writes a table to staging: its columns in contract order and types, rows sorted by its key.
   * Returns the number of rows written.
   */
  public long stage(Table table, Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      columns.add(functions.col(field.name()).cast(field.dataType()).as(field.name()));
    }
    List<Column> order = new ArrayList<>();
    for (String key : table.sortKey()) {
      order.add(functions.col(key).asc_nulls_first());
    }
    Dataset<Row> shaped = rows.select(columns.toArray(new Column[0])).orderBy(order.toArray(new Column[0]));
    shaped.write().mode(SaveMode.ErrorIfExists).parquet(stagingPath(table).toString());
    long count = countRows(shaped, table);
    rowCounts.put(table, count);
    return count;
  }

  private long countRows(Dataset<Row> shaped, Table table) {
    // Counted from the staged files: cheap (Parquet footers) and exactly what was written.
    return shaped.sparkSession().read().parquet(stagingPath(table).toString()).count();
  }

  /** Where this run's models are visible once committed: {@code <output>/models/snapshot=YYYY-MM}. */
  public Path modelsPath() {
    return new Path(new Path(root, MODELS_DIR), "snapshot=" + snapshot);
  }

  /** Writes a Spark ML model to staging, to be visible under {@link #modelsPath()}/name after commit. */
  public void stageModel(String name, MLWritable model) {
    try {
      model.write().save(new Path(stagingModelsPath(), name).toString());
      modelsStaged = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + name, e);
    }
  }

  /** Writes a small JSON file beside the staged models (what they were fitted with). */
  public void stageModelInfo(String name, Map<String, Object> info) {
    try (OutputStream out = fs.create(new Path(stagingModelsPath(), name), false)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
      modelsStaged = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  /** Whether a path relative to the output root exists (a model a manifest names, say). */
  public boolean holds(String relativePath) {
    try {
      return fs.exists(new Path(root, relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + relativePath + " under " + root, e);
    }
  }

  /**
   * The manifests of the complete runs in this output, oldest first (by finish time, then run id):
   * a run is complete when its manifest exists; staging folders are never read.
   */
  public List<Map<String, Object>> completedRuns() {
    try {
      List<Map<String, Object>> runs = new ArrayList<>();
      for (FileStatus file : fs.listStatus(new Path(root, RUNS_DIR))) {
        String name = file.getPath().getName();
        if (!file.isFile() || name.startsWith(".") || !name.endsWith(".json")) {
          continue;
        }
        try (InputStream in = fs.open(file.getPath())) {
          Map<String, Object> manifest = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
          if ("succeeded".equals(manifest.get("status"))) {
            runs.add(manifest);
          }
        }
      }
      runs.sort(
          Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("finished_at")))
              .thenComparing(m -> String.valueOf(m.get("run_id"))));
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifests under " + root, e);
    }
  }

  public Map<Table, Long> rowCounts() {
    return Map.copyOf(rowCounts);
  }

  /**
   * Makes every staged table visible as this run's snapshot, replacing an earlier run's snapshot of
   * the same month, then writes the manifest: the run is complete when its manifest exists.
   */
  public void commit(String manifestJson) {
    try {
      Path trash = new Path(new Path(root, TRASH_DIR), runId);
      for (Table table : rowCounts.keySet()) {
        Path target = tablePath(table);
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
          Path old = new Path(trash, table.tableName());
          fs.mkdirs(trash);
          rename(target, old);
        }
        rename(stagingPath(table), target);
      }
      if (modelsStaged) {
        Path target = modelsPath();
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
          fs.mkdirs(trash);
          rename(target, new Path(trash, MODELS_DIR));
        }
        rename(stagingModelsPath(), target);
      }
      Path manifest = new Path(new Path(root, RUNS_DIR), runId + ".json");
      Path partial = new Path(new Path(root, RUNS_DIR), "." + runId + ".json.partial");
      try (OutputStream out = fs.create(partial, false)) {
        out.write(manifestJson.getBytes(StandardCharsets.UTF_8));
      }
      rename(partial, manifest);
      fs.delete(new Path(root, TRASH_DIR), true);
      fs.delete(new Path(root, STAGING_DIR), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit snapshot " + snapshot + " under " + root, e);
    }
  }

  private Path stagingPath(Table table) {
    return new Path(new Path(new Path(root, STAGING_DIR), runId), table.tableName());
  }

  private Path stagingModelsPath() {
    return new Path(new Path(new Path(root, STAGING_DIR), runId), MODELS_DIR);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }
}
