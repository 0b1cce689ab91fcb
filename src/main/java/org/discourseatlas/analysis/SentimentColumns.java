package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.io.Columns;

/**
 * The sentiment columns of the sentences table before any sentence is scored: typed nulls, which
 * is what the table contract says an unscored sentence carries. The CoreNLP sentiment stage
 * (issue "CoreNLP sentiment per zone") replaces this for the sentences in zone windows.
 */
public final class SentimentColumns {
  private SentimentColumns() {}

  public static Dataset<Row> unscored(Dataset<Row> sentences) {
    return sentences
        .withColumn(Columns.SENTIMENT_LABEL, lit(null).cast(DataTypes.StringType))
        .withColumn(Columns.SENTIMENT_SCORE, lit(null).cast(DataTypes.DoubleType))
        .withColumn(
            Columns.SENTIMENT_PROBS,
            lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType, false)));
  }
}
