package org.discourseatlas.io;

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
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The only writer: contract columns, sorted rows, a snapshot replaced whole, foreign folders refused. */
@ExtendWith(SharedSpark.class)
class SnapshotStoreTest {
  private static final StructType REJECT_ROWS =
      new StructType()
          .add(Columns.BYTES, DataTypes.IntegerType) // wrong type and order: the store fixes both
          .add(Columns.REASON, DataTypes.StringType)
          .add(Columns.SOURCE_PATH, DataTypes.StringType)
          .add(Columns.DETAIL, DataTypes.StringType)
          .add("internal_column", DataTypes.StringType);

  @TempDir Path temp;

  private static Dataset<Row> rejects(SparkSession spark, String... paths) {
    List<Row> rows = new java.util.ArrayList<>();
    for (String path : paths) {
      rows.add(RowFactory.create(7, "empty", path, "file has 0 bytes", "not written"));
    }
    return spark.createDataFrame(rows, REJECT_ROWS);
  }

  private SnapshotStore store(String runId) {
    return SnapshotStore.open(
        temp.resolve("out").toString(), "2017-03", runId,
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  @Test
  void aCommittedTableHasTheContractColumnsSortedAndAManifest(SparkSession spark) throws IOException {
    SnapshotStore store = store("run-1");
    assertEquals(3, store.stage(Table.REJECTS, rejects(spark, "c", "a", "b")));
    store.commit("{\"run_id\":\"run-1\"}");

    Dataset<Row> written = spark.read().parquet(store.tablePath(Table.REJECTS).toString());
    assertEquals(List.of(Table.REJECTS.schema().fieldNames()), List.of(written.schema().fieldNames()));
    assertEquals(DataTypes.LongType, written.schema().apply(Columns.BYTES).dataType());
    List<String> paths = written.select(Columns.SOURCE_PATH).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("a", "b", "c"), paths);
    assertTrue(Files.exists(temp.resolve("out/_runs/run-1.json")));
    assertFalse(Files.exists(temp.resolve("out/_staging")), "staging cleared");
  }

  @Test
  void rerunningAMonthReplacesItsSnapshotWhole(SparkSession spark) {
    SnapshotStore first = store("run-1");
    first.stage(Table.REJECTS, rejects(spark, "a", "b", "c"));
    first.commit("{}");
    SnapshotStore second = store("run-2");
    second.stage(Table.REJECTS, rejects(spark, "d"));
    second.commit("{}");
    Dataset<Row> written = spark.read().parquet(second.tablePath(Table.REJECTS).toString());
    assertEquals(1, written.count(), "replaced, never appended");
    assertFalse(Files.exists(temp.resolve("out/_trash")));
  }

  @Test
  void aRunThatDiesBeforeCommitLeavesThePreviousSnapshotAndNoTrace(SparkSession spark) {
    SnapshotStore first = store("run-1");
    first.stage(Table.REJECTS, rejects(spark, "a"));
    first.commit("{}");
    store("run-2").stage(Table.REJECTS, rejects(spark, "x", "y")); // never committed
    assertEquals(1, spark.read().parquet(first.tablePath(Table.REJECTS).toString()).count());
    store("run-3"); // the next run clears the dead run's staging
    assertFalse(Files.exists(temp.resolve("out/_staging")));
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
