package org.discourseatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  // Run ids of the job's shape (RunIds): cleanup deletes only folders named so.
  private static final String RUN_1 = "20170331T000000Z-0000000a";
  private static final String RUN_2 = "20170401T000000Z-0000000b";
  private static final String RUN_3 = "20170402T000000Z-0000000c";

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
        + store.namedTableFolders(Table.REJECTS)
        + "\"}}";
  }

  private Dataset<Row> current(SparkSession spark) {
    return spark
        .read()
        .parquet(
            Snapshots.tablePaths(
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
    SnapshotStore store = store(RUN_1);
    assertEquals(3, store.stage(Table.REJECTS, rejects(spark, "c", "a", "b")));
    assertEquals("rejects/snapshot=2017-03/run=" + RUN_1, store.namedTableFolders(Table.REJECTS));
    store.commit(manifest(store, RUN_1, "2017-03-31T00:00:00Z"));

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
    assertTrue(Files.exists(temp.resolve("out/_runs/" + RUN_1 + ".json")));
    assertFalse(Files.exists(temp.resolve("out/_runs/." + RUN_1 + ".json.partial")));
  }

  @Test
  void rerunningAMonthReplacesItsSnapshotWholeInOneStep(SparkSession spark) throws IOException {
    SnapshotStore first = store(RUN_1);
    first.stage(Table.REJECTS, rejects(spark, "a", "b", "c"));
    first.commit(manifest(first, RUN_1, "2017-03-31T00:00:00Z"));
    SnapshotStore second = store(RUN_2);
    second.stage(Table.REJECTS, rejects(spark, "d"));
    // Written but not committed: readers still see the first run, whole.
    assertEquals(3, current(spark).count());
    assertEquals(List.of("run=" + RUN_1, "run=" + RUN_2), runFolders());
    second.commit(manifest(second, RUN_2, "2017-04-01T00:00:00Z"));
    assertEquals(1, current(spark).count(), "replaced, never appended");
    assertEquals(List.of("run=" + RUN_2), runFolders(), "the superseded run's folder is gone");
    assertTrue(
        Files.exists(temp.resolve("out/_runs/" + RUN_1 + ".json")),
        "its manifest stays as the record");
  }

  @Test
  void aRunThatDiesBeforeCommitLeavesThePreviousSnapshotAndNoTrace(SparkSession spark)
      throws IOException, InterruptedException {
    SnapshotStore first = store(RUN_1);
    first.stage(Table.REJECTS, rejects(spark, "a"));
    first.commit(manifest(first, RUN_1, "2017-03-31T00:00:00Z"));
    store(RUN_2).stage(Table.REJECTS, rejects(spark, "x", "y")); // never committed
    assertEquals(1, current(spark).count());
    Leases.heldByAnEndedProcess(temp.resolve("out"), RUN_2); // as kill -9 leaves it
    store(RUN_3); // the next run takes the dead run's lease over and deletes its folder
    assertEquals(List.of("run=" + RUN_1), runFolders());
    assertEquals(1, current(spark).count());
  }

  @Test
  void aSecondWriterIsRefusedWhateverThePathSpellingAndChangesNothing(SparkSession spark)
      throws IOException {
    SnapshotStore first = store(RUN_1);
    first.commit(manifest(first, RUN_1, "2017-03-31T00:00:00Z"));
    SnapshotStore writing = store(RUN_2);
    writing.stage(Table.REJECTS, rejects(spark, "a"));
    Map<String, Long> before = listing(temp.resolve("out"));
    var conf = spark.sparkContext().hadoopConfiguration();
    for (String spelling :
        List.of(
            temp.resolve("out").toString(),
            temp.resolve("out/../out/.").toString(),
            temp.resolve("out").toUri().toString())) {
      OutputBusyException busy =
          assertThrows(
              OutputBusyException.class,
              () -> SnapshotStore.open(spelling, "2017-03", RUN_3, conf),
              spelling);
      assertTrue(busy.getMessage().contains("is being written by run " + RUN_2), busy.getMessage());
    }
    assertEquals(before, listing(temp.resolve("out")), "the second writer changed nothing");
    writing.commit(manifest(writing, RUN_2, "2017-04-01T00:00:00Z"));
    assertFalse(Files.exists(Leases.file(temp.resolve("out"))), "released once published");
    store(RUN_3).close(); // free again
  }

  @Test
  void aRunWhoseLeaseWasTakenOverDoesNotPublish(SparkSession spark) throws IOException {
    SnapshotStore store = store(RUN_1);
    store.stage(Table.REJECTS, rejects(spark, "a"));
    Leases.heldByAnotherRun(temp.resolve("out"), RUN_2);
    IllegalStateException lost =
        assertThrows(
            IllegalStateException.class,
            () -> store.commit(manifest(store, RUN_1, "2017-03-31T00:00:00Z")));
    assertTrue(lost.getMessage().contains("lost the writer lease"), lost.getMessage());
    assertFalse(Files.exists(temp.resolve("out/_runs/" + RUN_1 + ".json")));
    store.close();
    assertTrue(Files.exists(Leases.file(temp.resolve("out"))), "the new holder's lease stays");
  }

  @Test
  void cleanupDeletesOnlyTheJobsRunFoldersAndNeverFollowsALink(SparkSession spark)
      throws IOException {
    SnapshotStore first = store(RUN_1);
    first.stage(Table.REJECTS, rejects(spark, "a"));
    first.commit(manifest(first, RUN_1, "2017-03-31T00:00:00Z"));
    Path month = temp.resolve("out/rejects/snapshot=2017-03");
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "a user's file on another disk");
    Path backup = Files.createDirectories(month.resolve("run=" + RUN_1 + ".bak"));
    Files.writeString(backup.resolve("part-0.parquet"), "a user's copy");
    Path exports = Files.createDirectories(month.resolve("exports"));
    Files.writeString(exports.resolve("aleppo.csv"), "zone,count\n");
    Files.writeString(month.resolve("NOTES.md"), "notes");
    // A link named like a run folder, and a table-like top folder that is a link: neither followed.
    Path linkedRun =
        Files.createSymbolicLink(month.resolve("run=20170101T000000Z-deadbeef"), elsewhere);
    Path outside = Files.createDirectories(temp.resolve("outside/snapshot=2017-03"));
    Files.createDirectories(outside.resolve("run=20170102T000000Z-deadbeef"));
    Path linkedTable =
        Files.createSymbolicLink(temp.resolve("out/linked"), temp.resolve("outside"));
    // A dead run's folder: the one thing cleanup is for.
    Path dead = Files.createDirectories(month.resolve("run=20170103T000000Z-0000dead"));

    SnapshotStore second = store(RUN_2);
    second.stage(Table.REJECTS, rejects(spark, "b"));
    second.commit(manifest(second, RUN_2, "2017-04-01T00:00:00Z"));

    assertFalse(Files.exists(dead), "the dead run's folder is deleted");
    assertFalse(Files.exists(month.resolve("run=" + RUN_1)), "the superseded run's folder too");
    assertTrue(Files.exists(backup.resolve("part-0.parquet")));
    assertTrue(Files.exists(exports.resolve("aleppo.csv")));
    assertTrue(Files.exists(month.resolve("NOTES.md")));
    assertTrue(Files.isSymbolicLink(linkedRun));
    assertTrue(Files.exists(elsewhere.resolve("keep.txt")));
    assertTrue(Files.isSymbolicLink(linkedTable));
    assertTrue(Files.isDirectory(outside.resolve("run=20170102T000000Z-deadbeef")));
  }

  private static Map<String, Long> listing(Path root) throws IOException {
    Map<String, Long> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.size(file));
      }
    }
    return files;
  }

  private SnapshotStore store(String runId, String snapshot) {
    return SnapshotStore.open(
        temp.resolve("out").toString(),
        snapshot,
        runId,
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  /** A manifest naming the rejects table as the store names it (one folder, or a list). */
  private static String manifest(
      SnapshotStore store, String runId, String snapshot, String finishedAt) throws IOException {
    Map<String, Object> manifest = new java.util.LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("snapshot", snapshot);
    manifest.put("status", "succeeded");
    manifest.put(Snapshots.LAYOUT, Snapshots.LAYOUT_RUN_FOLDERS);
    manifest.put("finished_at", finishedAt);
    manifest.put("tables", Map.of("rejects", store.namedTableFolders(Table.REJECTS)));
    return RunManifest.JSON.writeValueAsString(manifest);
  }

  /**
   * A refresh writes only the rows it adds and names the month before's folder with its own; the
   * table reads as their union, and the carried folder stays even when its month is rerun.
   */
  @Test
  void aCarriedTableIsTheEarlierFoldersAndTheAddedRowsAndOutlivesARerunOfItsMonth(
      SparkSession spark) throws IOException {
    SnapshotStore march = store(RUN_1, "2017-03");
    march.stage(Table.REJECTS, rejects(spark, "a.pdf", "b.pdf"));
    String marchFolder = (String) march.namedTableFolders(Table.REJECTS);
    march.commit(manifest(march, RUN_1, "2017-03", "2017-04-01T00:00:00Z"));

    SnapshotStore april = store(RUN_2, "2017-04");
    assertEquals(3, april.stageAdded(Table.REJECTS, rejects(spark, "c.pdf"), List.of(marchFolder)));
    assertEquals(
        List.of(marchFolder, "rejects/snapshot=2017-04/run=" + RUN_2),
        april.namedTableFolders(Table.REJECTS));
    assertEquals(1, spark.read().parquet(april.tablePath(Table.REJECTS).toString()).count());
    april.commit(manifest(april, RUN_2, "2017-04", "2017-05-01T00:00:00Z"));

    SnapshotStore marchAgain = store(RUN_3, "2017-03");
    marchAgain.stage(Table.REJECTS, rejects(spark, "a.pdf", "b.pdf"));
    marchAgain.commit(manifest(marchAgain, RUN_3, "2017-03", "2017-05-02T00:00:00Z"));

    assertTrue(
        Files.isDirectory(temp.resolve("out").resolve(marchFolder)),
        "April still names March's first run's folder: it is kept");
    String[] aprilFolders =
        Snapshots.tablePaths(
            temp.resolve("out").toString(),
            "2017-04",
            Table.REJECTS,
            spark.sparkContext().hadoopConfiguration());
    assertEquals(
        List.of("a.pdf", "b.pdf", "c.pdf"),
        spark
            .read()
            .parquet(aprilFolders)
            .orderBy(Columns.SOURCE_PATH)
            .select(Columns.SOURCE_PATH)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  @Test
  void aFolderOfSomeoneElsesFilesIsRefused() throws IOException {
    Path foreign = Files.createDirectories(temp.resolve("out"));
    Files.writeString(foreign.resolve("data.csv"), "a,b\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> store(RUN_1));
    assertTrue(e.getMessage().contains("not a Discourse Atlas output"), e.getMessage());
    assertEquals(List.of(foreign.resolve("data.csv")), Files.list(foreign).toList());
  }

  @Test
  void aFileIsRefusedAsOutput() throws IOException {
    Files.writeString(temp.resolve("out"), "x");
    assertThrows(OutputRefusedException.class, () -> store(RUN_1));
  }
}
