package org.discourseatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.SnapshotStore;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Tables of two outputs: identical ones found by Spark, the others compared row by row. */
@ExtendWith(SharedSpark.class)
class CompareSnapshotsTest {
  @TempDir Path temp;

  /**
   * An output with one committed rejects table of these paths (rows in another order each time).
   */
  private Path output(SparkSession spark, String name, String... paths) {
    Path root = temp.resolve(name);
    SnapshotStore store =
        SnapshotStore.open(
            root.toString(), "2026-11", "run-" + name, spark.sparkContext().hadoopConfiguration());
    List<Row> rows = new ArrayList<>();
    for (String path : paths) {
      rows.add(RowFactory.create(path, "empty", "0 bytes", 0L, "hash-" + path));
    }
    store.stage(Table.REJECTS, spark.createDataFrame(rows, Table.REJECTS.schema()).repartition(3));
    store.commit(
        "{\"run_id\":\"run-"
            + name
            + "\",\"snapshot\":\"2026-11\",\"status\":\"succeeded\",\"layout\":\""
            + Snapshots.LAYOUT_RUN_FOLDERS
            + "\",\"finished_at\":\"2026-11-28T00:00:00Z\",\"tables\":{\"rejects\":\""
            + store.namedTableFolders(Table.REJECTS)
            + "\"}}");
    return root;
  }

  @Test
  void identicalTablesAreFoundWithoutCollectingThemAndADifferenceIsShown(SparkSession spark) {
    Path a = output(spark, "a", "x", "y", "z");
    Path b = output(spark, "b", "z", "y", "x");
    Path c = output(spark, "c", "x", "y", "w");

    TableComparison.Result same =
        CompareSnapshots.compare(spark, Table.REJECTS, a, b, "2026-11", 0.0);
    assertTrue(same.equal(), same.summary());
    assertEquals(3, same.rows());

    TableComparison.Result different =
        CompareSnapshots.compare(spark, Table.REJECTS, a, c, "2026-11", 0.0);
    assertFalse(different.equal(), different.summary());
    assertTrue(different.summary().contains("w"), different.summary());
  }
}
