package org.discourseatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only writer: contract columns, sorted rows, a snapshot replaced whole, foreign folders
 * refused.
 */
@ExtendWith(SharedSpark.class)
class SnapshotStoreTest {
  private static final StructType REJECT_ROWS =
      new StructType()
          .add(Columns.BYTES, DataTypes.IntegerType) // wrong type and order: the store fixes both
          .add(Columns.REASON, DataTypes.StringType)
          .add(Columns.SOURCE_PATH, DataTypes.StringType)
          .add(Columns.DETAIL, DataTypes.StringType)
          .add("internal_column", DataTypes.StringType)
          .add(Columns.CONTENT_HASH, DataTypes.StringType);

  @TempDir Path temp;

  private static Dataset<Row> rejects(SparkSession spark, String... paths) {
    List<Row> rows = new java.util.ArrayList<>();
    for (String path : paths) {
      rows.add(
          RowFactory.create(7, "empty", path, "file has 0 bytes", "not written", "hash-" + path));
    }
    return spark.createDataFrame(rows, REJECT_ROWS);
  }

  private SnapshotStore store(String runId) {
    return SnapshotStore.open(
        temp.resolve("out").toString(),
        "2017-03",
        runId,
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  /** The manifest a run commits, reduced to what readers use. */
  private static String manifest(SnapshotStore store, String runId, String finishedAt) {
    return "{\"run_id\":\""
        + runId
        + "\",\"snapshot\":\"2017-03\",\"status\":\"succeeded\",\"layout\":\""
        + Snapshots.LAYOUT_RUN_FOLDERS
        + "\",\"finished_at\":\""
        + finishedAt
        + "\",\"tables\":{\"rejects\":\""
        + store.relativeTablePath(Table.REJECTS)
        + "\"}}";
  }

  private Dataset<Row> current(SparkSession spark) {
    return spark
        .read()
        .parquet(
            Snapshots.tablePath(
                temp.resolve("out").toString(),
                "2017-03",
                Table.REJECTS,
                spark.sparkContext().hadoopConfiguration()));
  }

  private List<String> runFolders() throws IOException {
    try (var list = Files.list(temp.resolve("out/rejects/snapshot=2017-03"))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCommittedTableHasTheContractColumnsSortedAndAManifest(SparkSession spark)
      throws IOException {
    SnapshotStore store = store("run-1");
    assertEquals(3, store.stage(Table.REJECTS, rejects(spark, "c", "a", "b")));
    assertEquals("rejects/snapshot=2017-03/run=run-1", store.relativeTablePath(Table.REJECTS));
    store.commit(manifest(store, "run-1", "2017-03-31T00:00:00Z"));

    Dataset<Row> written = current(spark);
    assertEquals(
        List.of(Table.REJECTS.schema().fieldNames()), List.of(written.schema().fieldNames()));
    assertEquals(DataTypes.LongType, written.schema().apply(Columns.BYTES).dataType());
    List<String> paths =
        written
            .select(Columns.SOURCE_PATH)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(List.of("a", "b", "c"), paths);
    assertTrue(Files.exists(temp.resolve("out/_runs/run-1.json")));
    assertFalse(Files.exists(temp.resolve("out/_runs/.run-1.json.partial")));
  }

  @Test
  void rerunningAMonthReplacesItsSnapshotWholeInOneStep(SparkSession spark) throws IOException {
    SnapshotStore first = store("run-1");
    first.stage(Table.REJECTS, rejects(spark, "a", "b", "c"));
    first.commit(manifest(first, "run-1", "2017-03-31T00:00:00Z"));
    SnapshotStore second = store("run-2");
    second.stage(Table.REJECTS, rejects(spark, "d"));
    // Written but not committed: readers still see the first run, whole.
    assertEquals(3, current(spark).count());
    assertEquals(List.of("run=run-1", "run=run-2"), runFolders());
    second.commit(manifest(second, "run-2", "2017-04-01T00:00:00Z"));
    assertEquals(1, current(spark).count(), "replaced, never appended");
    assertEquals(List.of("run=run-2"), runFolders(), "the superseded run's folder is gone");
    assertTrue(
        Files.exists(temp.resolve("out/_runs/run-1.json")), "its manifest stays as the record");
  }

  @Test
  void aRunThatDiesBeforeCommitLeavesThePreviousSnapshotAndNoTrace(SparkSession spark)
      throws IOException {
    SnapshotStore first = store("run-1");
    first.stage(Table.REJECTS, rejects(spark, "a"));
    first.commit(manifest(first, "run-1", "2017-03-31T00:00:00Z"));
    store("run-2").stage(Table.REJECTS, rejects(spark, "x", "y")); // never committed
    assertEquals(1, current(spark).count());
    store("run-3"); // the next run deletes the dead run's folder
    assertEquals(List.of("run=run-1"), runFolders());
    assertEquals(1, current(spark).count());
  }

  @Test
  void aFolderOfSomeoneElsesFilesIsRefused() throws IOException {
    Path foreign = Files.createDirectories(temp.resolve("out"));
    Files.writeString(foreign.resolve("data.csv"), "a,b\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> store("run-1"));
    assertTrue(e.getMessage().contains("not a Discourse Atlas output"), e.getMessage());
    assertEquals(List.of(foreign.resolve("data.csv")), Files.list(foreign).toList());
  }

  @Test
  void aFileIsRefusedAsOutput() throws IOException {
    Files.writeString(temp.resolve("out"), "x");
    assertThrows(OutputRefusedException.class, () -> store("run-1"));
  }
}
