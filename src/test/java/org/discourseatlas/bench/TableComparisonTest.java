package org.discourseatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster test's table comparison: order-free, exact but for doubles, and loud on a difference.
 */
class TableComparisonTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("term", DataTypes.StringType)
          .add("count", DataTypes.LongType)
          .add("score", DataTypes.DoubleType)
          .add("probs", DataTypes.createArrayType(DataTypes.DoubleType));

  @TempDir Path temp;

  private Path write(String name, List<Row> rows) {
    SparkSession spark = SharedSpark.session();
    Path root = temp.resolve(name);
    spark.createDataFrame(rows, SCHEMA).repartition(2).write().parquet(root.toString());
    return root;
  }

  private static Row row(String term, long count, double score, double... probs) {
    List<Double> values = java.util.Arrays.stream(probs).boxed().toList();
    return RowFactory.create(term, count, score, RowValues.array(values));
  }

  private TableComparison.Result compare(List<Row> expected, List<Row> actual) {
    return TableComparison.compare(
        SharedSpark.session(), "t", write("expected", expected), write("actual", actual), 1e-6);
  }

  @Test
  void rowsInAnotherOrderAndLastBitDifferencesAreEqual() {
    TableComparison.Result result =
        compare(
            List.of(
                row("aleppo", 3, 0.25, 0.1, 0.9),
                row("mosul", 2, -0.5, 0.5, 0.5),
                row("zero", 1, 0.0, 1.0)),
            List.of(
                row("zero", 1, 1e-17, 1.0),
                row("mosul", 2, -0.5 * (1 + 1e-12), 0.5, 0.5),
                row("aleppo", 3, 0.25, 0.1, 0.9 + 1e-15)));
    assertTrue(result.equal(), result.summary());
    assertEquals(3, result.rows());
    assertTrue(
        result.maxRelativeDifference() > 0 && result.maxRelativeDifference() < 1e-9,
        result.summary());
  }

  @Test
  void aDoubleBeyondTheToleranceIsADifference() {
    TableComparison.Result result =
        compare(
            List.of(row("aleppo", 3, 0.25, 0.1, 0.9)),
            List.of(row("aleppo", 3, 0.25, 0.1, 0.9001)));
    assertFalse(result.equal());
    assertTrue(result.summary().contains("probs[1]"), result.summary());
  }

  @Test
  void aDifferentStringOrCountOrAMissingRowIsADifference() {
    TableComparison.Result result =
        compare(
            List.of(row("aleppo", 3, 0.25, 0.1, 0.9), row("mosul", 2, -0.5, 0.5, 0.5)),
            List.of(row("aleppo", 4, 0.25, 0.1, 0.9)));
    assertFalse(result.equal());
    String summary = result.summary();
    assertTrue(summary.contains("1 rows, the reference has 2"), summary);
    assertTrue(summary.contains("only in the reference: term=aleppo | count=3"), summary);
    assertTrue(summary.contains("only here: term=aleppo | count=4"), summary);
  }
}
