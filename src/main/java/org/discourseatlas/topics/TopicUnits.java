package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;

/** The units topics are modelled over: speaker turns, paragraphs or documents. */
public final class TopicUnits {
  /** The lexical unit columns the topic units are built from. */
  static final List<String> LEXICAL_COLUMNS =
      List.of(
          Columns.DOC_ID,
          Columns.TURN,
          Columns.PARAGRAPH,
          Columns.PERIOD,
          Columns.ROLE,
          Columns.ZONES,
          LexicalUnits.TERM_UNITS);

  /**
   * The features rows ({@code TopicModelEstimator.features}): what a run keeps as refresh state, so
   * that a refresh using the same model counts only its new documents' units. The unit columns but
   * terms (counted into the features: kept, they would weigh as much as the corpus).
   */
  public static final StructType FEATURES_SCHEMA =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.TURN, DataTypes.IntegerType, true)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType, true)
          .add(Columns.PERIOD, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, true)
          .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType, true), true)
          .add(Columns.FEATURES, SQLDataTypes.VectorType(), true)
          .add(Columns.N_TERMS, DataTypes.IntegerType, true);

  private TopicUnits() {}

  /**
   * The topic units: one row per turn, paragraph or document of the analysed documents, with the
   * lexical unigrams of its sentences (lemmas, multiword names whole, stopwords removed) but for
   * the topic stopwords.
   *
   * @param lexicalUnits {@link LexicalUnits#of} rows
   * @return doc_id, turn, paragraph, period, role, zones (sorted, distinct), terms
   * @throws IllegalArgumentException when a lexical unit column is missing
   */
  public static Dataset<Row> of(
      Dataset<Row> lexicalUnits, JobConfig.TopicUnit unit, List<String> extraStopwords) {
    TopicSchema.require(lexicalUnits.schema(), "lexical units", LEXICAL_COLUMNS);
    Object[] stopwords = extraStopwords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toArray();
    Column unigrams =
        filter(
            col(LexicalUnits.TERM_UNITS), u -> u.isNotNull().and(u.isin(stopwords).unary_$bang()));
    List<Column> keys = new ArrayList<>();
    keys.add(col(Columns.DOC_ID));
    if (unit != JobConfig.TopicUnit.DOCUMENT) {
      keys.add(col(Columns.TURN));
    }
    if (unit == JobConfig.TopicUnit.PARAGRAPH) {
      keys.add(col(Columns.PARAGRAPH));
    }
    Dataset<Row> grouped =
        lexicalUnits
            .withColumn(Columns.TERMS, unigrams)
            .groupBy(keys.toArray(new Column[0]))
            .agg(
                flatten(collect_list(col(Columns.TERMS))).as(Columns.TERMS),
                array_sort(array_distinct(flatten(collect_list(col(Columns.ZONES)))))
                    .as(Columns.ZONES),
                first(col(Columns.PERIOD)).as(Columns.PERIOD),
                first(col(Columns.ROLE)).as(Columns.ROLE));
    return grouped.select(
        col(Columns.DOC_ID),
        unit == JobConfig.TopicUnit.DOCUMENT
            ? lit(null).cast(DataTypes.IntegerType).as(Columns.TURN)
            : col(Columns.TURN),
        unit == JobConfig.TopicUnit.PARAGRAPH
            ? col(Columns.PARAGRAPH)
            : lit(null).cast(DataTypes.IntegerType).as(Columns.PARAGRAPH),
        col(Columns.PERIOD),
        // A document holds several speakers' roles: its role is not defined.
        unit == JobConfig.TopicUnit.DOCUMENT
            ? lit(null).cast(DataTypes.StringType).as(Columns.ROLE)
            : col(Columns.ROLE),
        col(Columns.ZONES),
        col(Columns.TERMS));
  }
}
