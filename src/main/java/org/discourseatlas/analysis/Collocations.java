package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.KeynessStats;

/**
 * Collocations around each zone: which n-grams of 2 and 3 units hold together in its sentences more
 * than chance, scored like keyness ({@link Keyness#scoreFunction}) on each n-gram's 2x2 table.
 */
public final class Collocations {
  private static final String SCORES = "scores";
  private static final String HEAD_COUNT = "head_count";
  private static final String TAIL_COUNT = "tail_count";
  private static final String ORDER_TOTAL = "order_total";

  private Collocations() {}

  /** Per zone, the count of each n-gram of 2 and 3 units, with its head and tail. */
  public static final StructType COUNTS_SCHEMA =
      new StructType()
          .add(Columns.ZONE, DataTypes.StringType)
          .add(Columns.NGRAM, DataTypes.IntegerType)
          .add(Columns.TERM, DataTypes.StringType)
          .add(Columns.HEAD, DataTypes.StringType)
          .add(Columns.TAIL, DataTypes.StringType)
          .add(Columns.COUNT, DataTypes.LongType);

  /**
   * The counts collocations are scored from ({@link #COUNTS_SCHEMA}): every n-gram of 2 and 3 units
   * in each zone's sentences, however rare (a rare one can reach the minimum count when a later
   * month's documents are added). Sums over sentences: the counts of two disjoint sets of documents
   * add ({@link #addCounts}).
   */
  public static Dataset<Row> counts(Dataset<Row> units) {
    return units
        .select(explode(col(Columns.ZONES)).as(Columns.ZONE), col(LexicalUnits.NGRAMS))
        .select(col(Columns.ZONE), explode(col(LexicalUnits.NGRAMS)).as("g"))
        .filter(col("g." + Columns.NGRAM).geq(2))
        .groupBy(
            col(Columns.ZONE),
            col("g." + Columns.NGRAM).as(Columns.NGRAM),
            col("g." + Columns.TERM).as(Columns.TERM),
            col("g." + Columns.HEAD).as(Columns.HEAD),
            col("g." + Columns.TAIL).as(Columns.TAIL))
        .count();
  }

  /** The collocation counts of two disjoint sets of documents as one (a base's and a month's). */
  public static Dataset<Row> addCounts(Dataset<Row> earlier, Dataset<Row> added) {
    List<Column> keys = new ArrayList<>();
    for (String name : COUNTS_SCHEMA.fieldNames()) {
      if (!name.equals(Columns.COUNT)) {
        keys.add(col(name));
      }
    }
    return Columns.select(earlier, COUNTS_SCHEMA.fieldNames())
        .unionByName(Columns.select(added, COUNTS_SCHEMA.fieldNames()))
        .groupBy(keys.toArray(new Column[0]))
        .agg(sum(Columns.COUNT).as(Columns.COUNT));
  }

  /**
   * Collocations around each zone: n-grams of 2 and 3 units in the zone's sentences whose head
   * (first units) and tail (last unit) occur together more than chance, by Dunning's (1993)
   * log-likelihood G2 on the 2x2 table [head then tail, head then other; other then tail, other
   * then other] of the zone's n-grams of that order; PMI alongside. Kept: count >= minCount and
   * attraction (G2 > 0); the top {@code top} per zone and order, ranked by G2.
   *
   * @param ngrams {@link #counts} rows
   */
  public static Dataset<Row> collocations(Dataset<Row> ngrams, int minCount, int top) {
    Dataset<Row> heads =
        ngrams
            .groupBy(Columns.ZONE, Columns.NGRAM, Columns.HEAD)
            .agg(sum(Columns.COUNT).as(HEAD_COUNT));
    Dataset<Row> tails =
        ngrams
            .groupBy(Columns.ZONE, Columns.NGRAM, Columns.TAIL)
            .agg(sum(Columns.COUNT).as(TAIL_COUNT));
    Dataset<Row> orders =
        ngrams.groupBy(Columns.ZONE, Columns.NGRAM).agg(sum(Columns.COUNT).as(ORDER_TOTAL));
    // 2x2 as a keyness table: "target" = n-grams starting with the head, "reference" = the others.
    UserDefinedFunction score =
        Keyness.scoreFunction(new Keyness.Settings(1.0, KeynessStats.Correction.NONE, minCount));
    Column a = col(Columns.COUNT);
    Column b = col(TAIL_COUNT).minus(a);
    Column targetTotal = col(HEAD_COUNT);
    Column referenceTotal = col(ORDER_TOTAL).minus(col(HEAD_COUNT));
    Dataset<Row> scored =
        ngrams
            .filter(col(Columns.COUNT).geq(minCount))
            .join(heads, new String[] {Columns.ZONE, Columns.NGRAM, Columns.HEAD})
            .join(tails, new String[] {Columns.ZONE, Columns.NGRAM, Columns.TAIL})
            .join(orders, new String[] {Columns.ZONE, Columns.NGRAM})
            // Every n-gram of the order starts with this head: no 2x2 table to test.
            .filter(referenceTotal.gt(0))
            .withColumn(SCORES, score.apply(a, b, targetTotal, referenceTotal, lit(1L), lit(1L)))
            .filter(col(SCORES + "." + Columns.G2).gt(0));
    return scored
        .withColumn(
            Columns.RANK,
            row_number()
                .over(
                    Window.partitionBy(Columns.ZONE, Columns.NGRAM)
                        .orderBy(col(SCORES + "." + Columns.G2).desc(), col(Columns.TERM))))
        .filter(col(Columns.RANK).leq(top))
        .select(
            col(Columns.ZONE),
            col(Columns.NGRAM),
            col(Columns.RANK),
            col(Columns.TERM),
            col(Columns.HEAD),
            col(Columns.TAIL),
            col(Columns.COUNT),
            col(HEAD_COUNT).as(Columns.COUNT_HEAD),
            col(TAIL_COUNT).as(Columns.COUNT_TAIL),
            col(SCORES + "." + Columns.G2).as(Columns.G2),
            Keyness.nanToNull(col(SCORES + "." + Columns.PMI)).as(Columns.PMI),
            col(SCORES + "." + Columns.P_VALUE_G2).as(Columns.P_VALUE_G2));
  }
}
