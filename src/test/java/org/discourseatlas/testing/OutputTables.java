package org.discourseatlas.testing;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;

/** Reads a job output's tables as a notebook does: through the current manifest of a snapshot. */
public final class OutputTables {
  private OutputTables() {}

  /** The folders of a table in the current run of a snapshot (one, or a carried table's list). */
  public static String[] paths(Path output, String snapshot, Table table) {
    return Snapshots.tablePaths(
        output.toString(),
        snapshot,
        table,
        SharedSpark.session().sparkContext().hadoopConfiguration());
  }

  public static Dataset<Row> read(SparkSession spark, Path output, String snapshot, Table table) {
    return spark.read().parquet(paths(output, snapshot, table));
  }
}
