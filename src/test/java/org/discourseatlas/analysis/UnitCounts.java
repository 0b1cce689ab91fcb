package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;

/**
 * Keyness's per-zone and corpus n-gram counts counted straight from the units (with n-grams), as
 * the job counted them before the term-count state (decision 0025): the reference the counts the
 * job now reads from {@link TermFrequencies#zoneCounts}/{@link TermFrequencies#corpusCounts} are
 * tested against, and an easy way to give {@link Keyness#compute} its counts in a test.
 */
final class UnitCounts {
  private UnitCounts() {}

  /** Units as keyness reads them: a sentence's document, zones and n-grams. */
  static final StructType UNITS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType))
          .add(LexicalUnits.NGRAMS, DataTypes.createArrayType(LexicalUnits.NGRAM_STRUCT));

  /** zone, term, ngram, count (a sentence counts for each of its zones). */
  static Dataset<Row> zoneCounts(Dataset<Row> units) {
    return units
        .select(explode(col(Columns.ZONES)).as(Columns.ZONE), col(LexicalUnits.NGRAMS))
        .select(col(Columns.ZONE), explode(col(LexicalUnits.NGRAMS)).as("g"))
        .groupBy(
            col(Columns.ZONE),
            col("g." + Columns.TERM).as(Columns.TERM),
            col("g." + Columns.NGRAM).as(Columns.NGRAM))
        .count();
  }

  /** term, ngram, count over every sentence. */
  static Dataset<Row> corpusCounts(Dataset<Row> units) {
    return Keyness.ngramCounts(units);
  }
}
