package org.discourseatlas.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.io.Snapshots;
import org.discourseatlas.io.Table;

/**
 * Compares every table of one snapshot in two job outputs (say, a refresh and a full run over the
 * same inputs) with {@link TableComparison}; prints a line per table, writes the findings as JSON,
 * exits 1 when a table differs.
 *
 * <p>Usage: {@code CompareSnapshots <expected output> <actual output> <snapshot> <tolerance> <result.json>}
 */
public final class CompareSnapshots {
  private CompareSnapshots() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: CompareSnapshots <expected output> <actual output> <snapshot> <tolerance> <result.json>");
      System.exit(2);
    }
    Path expected = Path.of(args[0]);
    Path actual = Path.of(args[1]);
    String snapshot = args[2];
    double tolerance = Double.parseDouble(args[3]);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("discourse-atlas-compare-snapshots")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    List<Map<String, Object>> tables = new ArrayList<>();
    boolean allEqual = true;
    try {
      Map<String, Object> manifest =
          Snapshots.open(expected.toString(), spark.sparkContext().hadoopConfiguration()).of(snapshot).orElseThrow(
              () -> new IllegalArgumentException("no complete run of snapshot " + snapshot + " in " + expected));
      Map<?, ?> written = (Map<?, ?>) manifest.get("tables");
      for (Table table : Table.values()) {
        // Model selection is a report on candidate models, written only when configured.
        if (table == Table.TOPIC_MODEL_SELECTION || !written.containsKey(table.tableName())) {
          continue;
        }
        TableComparison.Result result = TableComparison.compare(spark, table, expected, actual, snapshot, tolerance);
        System.out.println(result.summary());
        allEqual &= result.equal();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", table.tableName());
        row.put("rows", result.rows());
        row.put("equal", result.equal());
        row.put("max_relative_difference", result.maxRelativeDifference());
        row.put("mismatches", result.mismatches());
        tables.add(row);
      }
    } finally {
      spark.stop();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expected", expected.toString());
    out.put("actual", actual.toString());
    out.put("snapshot", snapshot);
    out.put("tolerance", tolerance);
    out.put("all_equal", allEqual);
    out.put("tables", tables);
    Files.writeString(Path.of(args[4]), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    System.exit(allEqual ? 0 : 1);
  }
}
