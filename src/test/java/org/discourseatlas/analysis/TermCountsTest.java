package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.OutputTables;
import org.discourseatlas.testing.SampleRun;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The term counts a refresh keeps (decision 0025), on data-sample's sentences: the counts of two
 * disjoint halves of the documents, added, are the counts of all of them, the table derived from
 * either is the same, and the per-zone and corpus counts keyness reads from them are the ones it
 * counted from the units before.
 */
class TermCountsTest {
  private static final int MAX_N = 3;
  private static Dataset<Row> units;
  private static Dataset<Row> all;

  @BeforeAll
  static void count() {
    SparkSession spark = SharedSpark.session();
    Path output = SampleRun.output();
    Dataset<Row> sentences = OutputTables.read(spark, output, SampleRun.SNAPSHOT, Table.SENTENCES);
    Dataset<Row> turns = OutputTables.read(spark, output, SampleRun.SNAPSHOT, Table.TURNS);
    Dataset<Row> documents = OutputTables.read(spark, output, SampleRun.SNAPSHOT, Table.DOCUMENTS);
    // The sentences carry the run's term units (lemmas, its multiword names whole).
    units = LexicalUnits.of(sentences, turns, documents).cache();
    all = TermFrequencies.counts(units, MAX_N).cache();
  }

  @Test
  void countsOfTwoDisjointHalvesAddUpToTheCountsOfAll() {
    Column firstHalf = functions.substring(col(Columns.DOC_ID), 1, 1).leq("7");
    Dataset<Row> first = TermFrequencies.counts(units.filter(firstHalf), MAX_N);
    Dataset<Row> second = TermFrequencies.counts(units.filter(functions.not(firstHalf)), MAX_N);
    assertTrue(first.count() > 1000 && second.count() > 1000, "both halves hold documents");
    Dataset<Row> added = TermFrequencies.add(first, second, Long.MAX_VALUE).cache();
    assertSameRows(all, added);
    // N-grams seen once in each half are twice in all: kept only by a state that kept them.
    Column once = col(Columns.NGRAM).geq(2).and(col(Columns.COUNT).equalTo(1));
    long crossing =
        first
            .filter(once)
            .unionByName(second.filter(once))
            .groupBy(
                TermFrequencies.LEVEL,
                Columns.ZONE,
                Columns.PERIOD,
                Columns.ROLE,
                Columns.SOURCE,
                Columns.TERM,
                Columns.NGRAM)
            .count()
            .filter(col("count").equalTo(2))
            .count();
    assertTrue(crossing > 0, "some n-gram crosses min-ngram-count 2 only when the halves add");
    assertSameRows(TermFrequencies.table(all, 2), TermFrequencies.table(added, 2));
  }

  /**
   * A month's few rows merged by lookup (the earlier rows not aggregated again) give what the
   * aggregation gives: every key of both, summed where both have it, the added-only keys appended.
   */
  @Test
  void addingFewRowsByLookupEqualsAddingThemByAggregation() {
    Column firstHalf = functions.substring(col(Columns.DOC_ID), 1, 1).leq("c");
    Dataset<Row> earlier = TermFrequencies.counts(units.filter(firstHalf), MAX_N).cache();
    Dataset<Row> added =
        TermFrequencies.counts(units.filter(functions.not(firstHalf)), MAX_N).cache();
    long addedRows = added.count();
    assertTrue(addedRows <= TermFrequencies.LOOKUP_MAX_ADDED_ROWS, "merged by lookup");
    Dataset<Row> byLookup = TermFrequencies.add(earlier, added, addedRows).cache();
    assertSameRows(all, byLookup);
    long summed = earlier.count() + addedRows - byLookup.count();
    assertTrue(summed > 0 && summed < addedRows, "some added keys are earlier keys, some new");
    // Told there are more rows than the lookup takes, the same rows go through the aggregation.
    assertSameRows(TermFrequencies.add(earlier, added, Long.MAX_VALUE), byLookup);
  }

  @Test
  void keynessCountsAreLevelsOfTheTermCounts() {
    Dataset<Row> ngrams = LexicalUnits.withNgrams(units, MAX_N);
    assertSameRows(UnitCounts.zoneCounts(ngrams), TermFrequencies.zoneCounts(all));
    assertSameRows(UnitCounts.corpusCounts(ngrams), TermFrequencies.corpusCounts(all));
    assertTrue(TermFrequencies.zoneCounts(all).count() > 100, "zones hold n-grams");
  }

  @Test
  void theSampleRunKeptTheTermCountsOfItsDocuments() {
    Dataset<Row> kept =
        SharedSpark.session().read().parquet(SampleRun.stateFolder("term_counts").toString());
    assertSameRows(all, kept);
  }

  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    Column[] columns = Arrays.stream(expected.columns()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> a = expected.select(columns);
    Dataset<Row> b = actual.select(columns);
    assertEquals(a.count(), b.count(), "rows");
    assertEquals(0, a.exceptAll(b).count(), "rows only in the expected");
    assertEquals(0, b.exceptAll(a).count(), "rows only in the actual");
  }
}
