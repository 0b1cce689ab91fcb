package org.discourseatlas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** What a run keeps in memory, and when it lets go. */
class RunStateTest {
  private final SparkSession spark = SharedSpark.session();

  private RunState run() {
    return new RunState(spark, null, null, "test-run", null, null, null, List.of(), null, null);
  }

  private Dataset<Row> rows(int n) {
    return spark.range(n).toDF("id");
  }

  @Test
  void aKeptDatasetIsCachedAndServesItsReaders() {
    try (RunState run = run()) {
      Dataset<Row> kept = run.keep(rows(10).filter("id % 2 = 0"));
      assertEquals(StorageLevel.MEMORY_AND_DISK(), kept.storageLevel());
      assertEquals(5, kept.count());
      // A plan over it reads the cache, not the range again.
      String plan = kept.groupBy().count().queryExecution().optimizedPlan().toString();
      assertTrue(plan.contains("InMemoryRelation"), plan);
    }
  }

  @Test
  void afterAStageOnlyWhatALaterStageReadsStaysCached() {
    try (RunState run = run()) {
      Dataset<Row> readLater = run.keep(rows(3));
      Dataset<Row> notReadLater = run.keep(rows(4));
      Dataset<Row> stageOwn = run.keep(rows(5));
      run.put(RunData.NEW_TURNS, readLater);
      run.put(RunData.NEW_REJECTS, notReadLater);
      run.endStage(Set.of(RunData.NEW_TURNS));
      assertEquals(StorageLevel.MEMORY_AND_DISK(), readLater.storageLevel());
      assertEquals(StorageLevel.NONE(), notReadLater.storageLevel());
      assertEquals(StorageLevel.NONE(), stageOwn.storageLevel());
      assertTrue(run.has(RunData.NEW_TURNS));
      assertFalse(run.has(RunData.NEW_REJECTS), "a dataset no later stage reads is dropped");
    }
  }

  @Test
  void aWrittenTableIsReadFromItsFilesAndItsCacheFreed() {
    try (RunState run = run()) {
      Dataset<Row> table = run.keep(rows(6));
      run.put(RunData.TURNS, table);
      Dataset<Row> written = rows(6).filter("id >= 0");
      run.replaceWritten(RunData.TURNS, written);
      run.endStage(Set.of());
      assertEquals(StorageLevel.NONE(), table.storageLevel());
      assertTrue(run.get(RunData.TURNS) == written, "tables stay, read from what was written");
    }
  }

  @Test
  void theEndOfARunFreesEverything() {
    Dataset<Row> kept;
    try (RunState run = run()) {
      kept = run.keep(rows(7));
      run.put(RunData.NEW_TURNS, kept);
      kept.count();
    }
    assertEquals(StorageLevel.NONE(), kept.storageLevel());
  }
}
