package org.discourseatlas.pipeline.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.discourseatlas.ingest.InputFiles;
import org.discourseatlas.ingest.TranscriptIngest;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.schema.Columns;

/** Input files to records, and records back to their files: what the ingest stages share. */
final class RecordFiles {
  /** A record's suffix on its file's path (JSON Lines, CSV): {@code <path>#<line>}. */
  private static final String RECORD_SUFFIX = "#[0-9]+$";

  private RecordFiles() {}

  /**
   * Reads {@code files} into {@link RunData#ALL_RECORDS} (and them as {@link RunData#READ_FILES});
   * checks that every file gave a record. Returns the records read.
   */
  static long read(RunState run, Dataset<Row> files) {
    // Flat: every later ingest plan (new records, drafts, rejects) starts at a scan of these rows,
    // not at the typed reads' serializers, whose text put the refresh's plans over Spark's limit.
    Dataset<Row> read =
        run.keepFlat(
            TranscriptIngest.read(
                InputFiles.read(files, run.config.parser().maxFileBytes()),
                run.config.parser(),
                java.time.Duration.ofSeconds(run.config.maxSecondsPerFile())));
    run.put(RunData.READ_FILES, files);
    run.put(RunData.ALL_RECORDS, read);
    long records = read.count();
    checkEveryFileRead(files, read);
    return records;
  }

  /**
   * Records = documents + duplicates + rejects is checked per record; this checks it per file:
   * every input file gave at least one record (a draft or a reject), so no file can vanish from the
   * accounting, as a CSV with only its header line once did.
   */
  static void checkEveryFileRead(Dataset<Row> inputFiles, Dataset<Row> read) {
    List<Row> lost =
        inputFiles.select(col(Columns.SOURCE_PATH)).except(files(read)).limit(5).collectAsList();
    if (!lost.isEmpty()) {
      throw new IllegalStateException(
          "input accounting broken: input files with no document, duplicate or reject row, e.g. "
              + lost);
    }
  }

  /**
   * The file of each record: its path, or for a JSONL or CSV record the path before "#<record>";
   * both are given, a join with the listing keeps the one that is a file.
   */
  private static Dataset<Row> files(Dataset<Row> read) {
    return withFilePath(read.select(Columns.SOURCE_PATH));
  }

  /** {@code records} twice: as they are, and with each path cut to its file's ({@link #files}). */
  private static Dataset<Row> withFilePath(Dataset<Row> records) {
    Column path = col(Columns.SOURCE_PATH);
    return records.union(
        records.withColumn(Columns.SOURCE_PATH, regexp_replace(path, RECORD_SUFFIX, "")));
  }

  /** Keeps the records whose input's content hash is not among {@code seen}. */
  static FilterFunction<Row> notSeen(RunState run, Set<String> seen) {
    Broadcast<Set<String>> hashes =
        JavaSparkContext.fromSparkContext(run.spark.sparkContext()).broadcast(seen);
    // By position: rows of a typed map carry no schema.
    int hashAt = TranscriptIngest.READ_SCHEMA.fieldIndex(Columns.CONTENT_HASH);
    return row -> !hashes.value().contains(row.getString(hashAt));
  }

  /** Each record's file path (both candidates, see {@link #files}) with its content hash. */
  static Dataset<Row> withHashes(Dataset<Row> read) {
    return withFilePath(read.select(Columns.SOURCE_PATH, Columns.CONTENT_HASH)).distinct();
  }
}
