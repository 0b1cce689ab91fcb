package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.nlp.SentenceSplitter;
import org.discourseatlas.nlp.SplitSentence;
import org.discourseatlas.parse.Paragraphs;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.terms.TermExtractor;

/** Segmentation stages: documents to speaker turns, turns to sentences (CoreNLP's splitter). */
public final class Segmentation {
  /** Sentences between stages: the table's first columns plus their tokens. */
  public static final StructType SENTENCE_SCHEMA =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.TURN, DataTypes.IntegerType, false)
          .add(Columns.SENTENCE, DataTypes.IntegerType, false)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType, false)
          .add(Columns.TEXT, DataTypes.StringType, false)
          .add(Columns.TOKENS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(Columns.N_TOKENS, DataTypes.IntegerType, false);

  private Segmentation() {}

  /**
   * One row per speaker turn of the documents analysed (duplicates are not), numbered from 1 in the
   * order they were spoken.
   */
  public static Dataset<Row> turns(Dataset<Row> documents) {
    return documents
        .filter(col(Columns.DUPLICATE_OF).isNull())
        .select(col(Columns.DOC_ID), posexplode(col(Columns.TURN_LIST)))
        .select(
            col(Columns.DOC_ID),
            col("pos").plus(1).cast(DataTypes.IntegerType).as(Columns.TURN),
            col("col." + Columns.SPEAKER).as(Columns.SPEAKER),
            col("col." + Columns.ROLE).as(Columns.ROLE),
            col("col." + Columns.TEXT).as(Columns.TEXT));
  }

  /**
   * The sentences of turns, with their paragraph in the turn, tokens and word count; numbered from
   * 1 through the document, so (doc_id, sentence) is a key and sentence order follows turn order.
   */
  public static Dataset<Row> sentences(Dataset<Row> turns) {
    String inTurn = "sentence_in_turn";
    StructType splitSchema =
        new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType, false)
            .add(Columns.TURN, DataTypes.IntegerType, false)
            .add(inTurn, DataTypes.IntegerType, false)
            .add(Columns.PARAGRAPH, DataTypes.IntegerType, false)
            .add(Columns.TEXT, DataTypes.StringType, false)
            .add(Columns.TOKENS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(Columns.N_TOKENS, DataTypes.IntegerType, false);
    int docIdAt = turns.schema().fieldIndex(Columns.DOC_ID);
    int turnAt = turns.schema().fieldIndex(Columns.TURN);
    int textAt = turns.schema().fieldIndex(Columns.TEXT);
    FlatMapFunction<Row, Row> split =
        turn -> {
          String docId = turn.getString(docIdAt);
          int turnNumber = turn.getInt(turnAt);
          String text = turn.getString(textAt);
          Paragraphs paragraphs = Paragraphs.of(text);
          List<Row> rows = new ArrayList<>();
          for (SplitSentence s : SentenceSplitter.split(text)) {
            rows.add(
                RowFactory.create(
                    docId,
                    turnNumber,
                    rows.size() + 1,
                    paragraphs.numberAt(s.begin()),
                    s.text(),
                    RowValues.array(s.tokens()),
                    TermExtractor.wordCount(s.tokens())));
          }
          return rows.iterator();
        };
    return turns
        .flatMap(split, Encoders.row(splitSchema))
        .withColumn(
            Columns.SENTENCE,
            row_number().over(Window.partitionBy(Columns.DOC_ID).orderBy(Columns.TURN, inTurn)))
        .select(
            Arrays.stream(SENTENCE_SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new));
  }
}
