package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.schema.Columns;

/**
 * Each unit's topic shares: inferred with a model, or kept from an earlier run of the same model.
 */
public final class TopicInference {
  private TopicInference() {}

  /**
   * Each unit's topic distribution (shares summing to 1) from the model, with its most prevalent
   * topic.
   *
   * @param features {@link TopicModelEstimator#features} rows
   * @return doc_id, turn, paragraph, period, role, zones, n_terms, topic_distribution, top_topic,
   *     top_share
   */
  public static Dataset<Row> shares(TopicModel model, Dataset<Row> features) {
    TopicSchema.require(features.schema(), "topic features", TopicSchema.FEATURE_COLUMNS);
    Dataset<Row> inferred = model.topicVectors(features);
    Column distribution =
        org.apache.spark.ml.functions.vector_to_array(col(TopicModel.TOPIC_VECTOR), "float64");
    return inferred
        .withColumn(Columns.TOPIC_DISTRIBUTION, distribution)
        .select(
            col(Columns.DOC_ID),
            col(Columns.TURN),
            col(Columns.PARAGRAPH),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.ZONES),
            col(Columns.N_TERMS),
            col(Columns.TOPIC_DISTRIBUTION),
            // array_position is 1-based and takes the first of equal maxima.
            array_position(
                    col(Columns.TOPIC_DISTRIBUTION), array_max(col(Columns.TOPIC_DISTRIBUTION)))
                .minus(1)
                .cast(DataTypes.IntegerType)
                .as(Columns.TOP_TOPIC),
            array_max(col(Columns.TOPIC_DISTRIBUTION)).as(Columns.TOP_SHARE));
  }

  /**
   * As {@link #shares}, but units with a row in {@code previous} (topic_shares rows inferred by the
   * same model) keep that row's distribution and are not inferred again; their grouping columns
   * (period, role, zones) come from {@code features}, so re-tagged zones are followed.
   */
  public static Dataset<Row> sharesReusing(
      TopicModel model, Dataset<Row> features, Dataset<Row> previous) {
    String prefix = "earlier_";
    Dataset<Row> earlier =
        keyRenamed(
            previous, prefix, Columns.TOPIC_DISTRIBUTION, Columns.TOP_TOPIC, Columns.TOP_SHARE);
    Column sameUnit = sameUnit(prefix);
    Dataset<Row> inferred = shares(model, features.join(earlier, sameUnit, "left_anti"));
    Dataset<Row> kept =
        features
            .join(earlier, sameUnit, "inner")
            .select(
                col(Columns.DOC_ID),
                col(Columns.TURN),
                col(Columns.PARAGRAPH),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.ZONES),
                col(Columns.N_TERMS),
                col(Columns.TOPIC_DISTRIBUTION),
                col(Columns.TOP_TOPIC),
                col(Columns.TOP_SHARE));
    return inferred.unionByName(kept);
  }

  /**
   * Each unit of {@code features} with its row of {@code shares} (same unit, as {@link
   * TopicInference} made them): the features' columns and the shares' topic distribution.
   */
  static Dataset<Row> withShares(Dataset<Row> features, Dataset<Row> shares) {
    String prefix = "shares_";
    return features
        .join(keyRenamed(shares, prefix, Columns.TOPIC_DISTRIBUTION), sameUnit(prefix), "inner")
        .drop(UNIT_KEY.stream().map(k -> prefix + k).toArray(String[]::new));
  }

  /** What identifies a topic unit: turn and paragraph are null for coarser units. */
  private static final List<String> UNIT_KEY =
      List.of(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH);

  /** {@code rows}' unit key renamed with {@code prefix}, and the {@code carried} columns. */
  private static Dataset<Row> keyRenamed(Dataset<Row> rows, String prefix, String... carried) {
    List<Column> columns = new ArrayList<>();
    UNIT_KEY.forEach(k -> columns.add(col(k).as(prefix + k)));
    for (String c : carried) {
      columns.add(col(c));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  /** The unit's key equals the prefixed key; turn and paragraph null-safe (coarser units). */
  private static Column sameUnit(String prefix) {
    return col(Columns.DOC_ID)
        .equalTo(col(prefix + Columns.DOC_ID))
        .and(col(Columns.TURN).eqNullSafe(col(prefix + Columns.TURN)))
        .and(col(Columns.PARAGRAPH).eqNullSafe(col(prefix + Columns.PARAGRAPH)));
  }
}
