package org.discourseatlas.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The read stage's per-file check: a listed file with no record fails the run, by name. */
class FileAccountingTest {
  private static final StructType PATHS =
      new StructType().add(Columns.SOURCE_PATH, DataTypes.StringType, false);

  private static Dataset<Row> paths(String... values) {
    SparkSession spark = SharedSpark.session();
    return spark.createDataFrame(
        java.util.Arrays.stream(values).map(v -> RowFactory.create(v)).toList(), PATHS);
  }

  @Test
  void filesWithTheirRecordsPassAJsonlFileByItsNumberedRecords() {
    assertDoesNotThrow(
        () ->
            RecordFiles.checkEveryFileRead(
                paths("file:/in/a.txt", "file:/in/feed.jsonl", "file:/in/b#1.txt"),
                paths("file:/in/a.txt", "file:/in/feed.jsonl#2", "file:/in/b#1.txt")));
  }

  @Test
  void aFileWithNoRecordFailsTheRunNamingIt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                RecordFiles.checkEveryFileRead(
                    paths("file:/in/a.txt", "file:/in/header-only.csv"), paths("file:/in/a.txt")));
    assertTrue(e.getMessage().contains("file:/in/header-only.csv"), e.getMessage());
    assertTrue(e.getMessage().startsWith("input accounting broken"), e.getMessage());
  }
}
