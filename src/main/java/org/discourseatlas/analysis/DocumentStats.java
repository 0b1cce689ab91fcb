package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.schema.Columns;

/** Adds n_turns, n_sentences and n_tokens to documents; a duplicate gets its kept copy's counts. */
public final class DocumentStats {
  private DocumentStats() {}

  /**
   * The documents with their counts from {@code sentences}. Same content, same id: the join gives a
   * duplicate the counts of the copy that was analysed, also when that copy is a document of an
   * earlier run ({@code earlier}: documents rows).
   */
  public static Dataset<Row> withCounts(
      Dataset<Row> documents, Dataset<Row> sentences, Dataset<Row> earlier) {
    Dataset<Row> earlierCounts =
        earlier
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(Columns.DOC_ID, Columns.N_TURNS, Columns.N_SENTENCES, Columns.N_TOKENS);
    return documents.join(
        counts(sentences).unionByName(earlierCounts), new String[] {Columns.DOC_ID}, "left");
  }

  private static Dataset<Row> counts(Dataset<Row> sentences) {
    return sentences
        .groupBy(Columns.DOC_ID)
        .agg(
            countDistinct(col(Columns.TURN)).cast(DataTypes.IntegerType).as(Columns.N_TURNS),
            count(col(Columns.SENTENCE)).cast(DataTypes.IntegerType).as(Columns.N_SENTENCES),
            sum(col(Columns.N_TOKENS)).cast(DataTypes.LongType).as(Columns.N_TOKENS));
  }
}
