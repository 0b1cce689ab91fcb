package org.discourseatlas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Compares one table of two job outputs: same schema, same rows in any order. Every value but a
 * floating-point one must be equal; doubles may differ by a relative {@code tolerance} (sums of
 * doubles merged in another order differ in the last bits), or by at most {@link #ABSOLUTE_FLOOR}
 * (values next to zero, where a relative difference says nothing). NaN equals NaN.
 */
public final class TableComparison {
  /** Differences below this pass whatever the values (a difference of two equal means, say). */
  static final double ABSOLUTE_FLOOR = 1e-12;

  private static final int SHOWN_MISMATCHES = 5;

  /** What a comparison found: rows, the largest relative difference and where, the mismatches. */
  public record Result(
      String table,
      long rows,
      double maxRelativeDifference,
      String maxAt,
      List<String> mismatches) {
    public boolean equal() {
      return mismatches.isEmpty();
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "%-28s %7d rows  %s",
          table,
          rows,
          equal()
              ? (maxRelativeDifference == 0
                  ? "identical"
                  : String.format(
                      Locale.ROOT,
                      "equal, max relative difference %.2e (%s)",
                      maxRelativeDifference,
                      maxAt))
              : "DIFFERENT:\n      " + String.join("\n      ", mismatches));
    }
  }

  /**
   * A row made comparable: the text of every non-floating value in column order (doubles stand as
   * '#'), and the doubles apart, with their column names.
   */
  private record CanonicalRow(String exact, double[] numbers, String[] numberColumns) {}

  private TableComparison() {}

  /** Compares a table of two job outputs' snapshot, each read through its current manifest. */
  public static Result compare(
      SparkSession spark,
      Table table,
      Path expectedRoot,
      Path actualRoot,
      String snapshot,
      double tolerance) {
    return compare(
        spark,
        table.tableName(),
        folders(spark, expectedRoot, snapshot, table),
        folders(spark, actualRoot, snapshot, table),
        tolerance);
  }

  /**
   * A table's folders in the current run of a snapshot (one, or a carried table's list), as local
   * paths.
   */
  public static List<Path> folders(SparkSession spark, Path root, String snapshot, Table table) {
    List<Path> folders = new ArrayList<>();
    for (String path :
        Snapshots.tablePaths(
            root.toString(), snapshot, table, spark.sparkContext().hadoopConfiguration())) {
      folders.add(Path.of(java.net.URI.create(path.startsWith("file:") ? path : "file:" + path)));
    }
    return folders;
  }

  /** Compares the Parquet folder of one table (a single folder each). */
  public static Result compare(
      SparkSession spark, String table, Path expectedDir, Path actualDir, double tolerance) {
    return compare(spark, table, List.of(expectedDir), List.of(actualDir), tolerance);
  }

  /** Compares the Parquet folders of one table, each side the union of its folders. */
  public static Result compare(
      SparkSession spark,
      String table,
      List<Path> expectedDirs,
      List<Path> actualDirs,
      double tolerance) {
    List<String> mismatches = new ArrayList<>();
    for (Path actualDir : actualDirs) {
      if (!Files.isDirectory(actualDir)) {
        mismatches.add("missing: " + actualDir);
        return new Result(table, 0, 0, "", mismatches);
      }
    }
    var expected = spark.read().parquet(strings(expectedDirs));
    var actual = spark.read().parquet(strings(actualDirs));
    // Column names and types; not whether an array may hold nulls (Parquet keeps that either way).
    if (!expected.schema().simpleString().equals(actual.schema().simpleString())) {
      mismatches.add(
          "schema " + actual.schema().simpleString() + " != " + expected.schema().simpleString());
      return new Result(table, 0, 0, "", mismatches);
    }
    return compareRows(table, expected, actual, tolerance, 0);
  }

  /**
   * Compares two sets of rows of one schema on the driver (they are collected): rows paired by
   * their exact part, doubles to {@code tolerance}. {@code rowsLeftOut} rows equal on both sides
   * were taken out before (a big table's identical rows), counted in the result's rows.
   */
  public static Result compareRows(
      String table,
      Dataset<Row> expected,
      Dataset<Row> actual,
      double tolerance,
      long rowsLeftOut) {
    List<String> mismatches = new ArrayList<>();
    List<CanonicalRow> left = canonical(expected.collectAsList(), expected.schema());
    List<CanonicalRow> right = canonical(actual.collectAsList(), actual.schema());
    if (left.size() != right.size()) {
      mismatches.add(
          (right.size() + rowsLeftOut) + " rows, the reference has " + (left.size() + rowsLeftOut));
    }
    double maxRelative = 0;
    String maxAt = "";
    int i = 0;
    int j = 0;
    while (i < left.size() && j < right.size()) {
      CanonicalRow a = left.get(i);
      CanonicalRow b = right.get(j);
      int order = a.exact().compareTo(b.exact());
      if (order != 0) {
        // A row only one side has: report it, skip it on that side, go on.
        if (mismatches.size() < SHOWN_MISMATCHES) {
          mismatches.add(
              order < 0
                  ? "only in the reference: " + shorten(a.exact())
                  : "only here: " + shorten(b.exact()));
        } else if (mismatches.size() == SHOWN_MISMATCHES) {
          mismatches.add("...");
        }
        if (order < 0) {
          i++;
        } else {
          j++;
        }
        continue;
      }
      for (int k = 0; k < a.numbers().length; k++) {
        double x = a.numbers()[k];
        double y = b.numbers()[k];
        if (Double.compare(x, y) == 0) {
          continue;
        }
        double difference = Math.abs(x - y);
        double scale = Math.max(Math.abs(x), Math.abs(y));
        double relative = difference / scale;
        if (scale > ABSOLUTE_FLOOR && relative > maxRelative) {
          maxRelative = relative;
          maxAt = a.numberColumns()[k];
        }
        if (!(difference <= ABSOLUTE_FLOOR || relative <= tolerance)) {
          if (mismatches.size() < SHOWN_MISMATCHES) {
            mismatches.add(
                String.format(
                    Locale.ROOT,
                    "%s = %s, the reference has %s (relative difference %.2e) in %s",
                    a.numberColumns()[k],
                    y,
                    x,
                    relative,
                    shorten(a.exact())));
          } else if (mismatches.size() == SHOWN_MISMATCHES) {
            mismatches.add("...");
          }
        }
      }
      i++;
      j++;
    }
    for (; i < left.size() && mismatches.size() < SHOWN_MISMATCHES; i++) {
      mismatches.add("only in the reference: " + shorten(left.get(i).exact()));
    }
    for (; j < right.size() && mismatches.size() < SHOWN_MISMATCHES; j++) {
      mismatches.add("only here: " + shorten(right.get(j).exact()));
    }
    return new Result(table, right.size() + rowsLeftOut, maxRelative, maxAt, mismatches);
  }

  /** Rows in a canonical order: by their exact part, then their doubles. */
  private static List<CanonicalRow> canonical(List<Row> rows, StructType schema) {
    List<CanonicalRow> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      StringBuilder exact = new StringBuilder();
      List<Double> numbers = new ArrayList<>();
      List<String> columns = new ArrayList<>();
      StructField[] fields = schema.fields();
      for (int f = 0; f < fields.length; f++) {
        if (f > 0) {
          exact.append(" | ");
        }
        exact.append(fields[f].name()).append('=');
        append(row.get(f), fields[f].name(), exact, numbers, columns);
      }
      double[] values = numbers.stream().mapToDouble(Double::doubleValue).toArray();
      out.add(new CanonicalRow(exact.toString(), values, columns.toArray(new String[0])));
    }
    out.sort(
        Comparator.comparing(CanonicalRow::exact)
            .thenComparing(CanonicalRow::numbers, TableComparison::compareArrays));
    return out;
  }

  private static void append(
      Object value,
      String column,
      StringBuilder exact,
      List<Double> numbers,
      List<String> columns) {
    if (value == null) {
      exact.append("null");
    } else if (value instanceof Double || value instanceof Float) {
      exact.append('#');
      numbers.add(((Number) value).doubleValue());
      columns.add(column);
    } else if (value instanceof scala.collection.Seq<?> seq) {
      exact.append('[');
      int index = 0;
      for (Object element : CollectionConverters.asJava(seq)) {
        if (index > 0) {
          exact.append(", ");
        }
        append(element, column + "[" + index + "]", exact, numbers, columns);
        index++;
      }
      exact.append(']');
    } else if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      CollectionConverters.asJava(map)
          .forEach((k, v) -> sorted.put(String.valueOf(k), String.valueOf(v)));
      exact.append(sorted);
    } else if (value instanceof Row struct) {
      exact.append('{');
      for (int f = 0; f < struct.size(); f++) {
        if (f > 0) {
          exact.append(", ");
        }
        append(
            struct.get(f),
            column + "." + struct.schema().fields()[f].name(),
            exact,
            numbers,
            columns);
      }
      exact.append('}');
    } else if (value instanceof byte[] bytes) {
      exact.append(java.util.HexFormat.of().formatHex(bytes));
    } else {
      exact.append(value);
    }
  }

  private static String shorten(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + " ...";
  }

  private static int compareArrays(double[] a, double[] b) {
    for (int k = 0; k < Math.min(a.length, b.length); k++) {
      int c = Double.compare(a[k], b[k]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static String[] strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toArray(String[]::new);
  }
}
