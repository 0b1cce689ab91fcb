package org.discourseatlas.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;

/** The columns the topic steps read, checked before any work (as Spark ML's transformSchema). */
final class TopicSchema {
  /** What {@link TopicUnits#of} writes and the model reads. */
  static final List<String> UNIT_COLUMNS =
      List.of(
          Columns.DOC_ID,
          Columns.TURN,
          Columns.PARAGRAPH,
          Columns.PERIOD,
          Columns.ROLE,
          Columns.ZONES,
          Columns.TERMS);

  /** The unit columns but terms, and what the vocabulary adds: the units the LDA model sees. */
  static final List<String> FEATURE_COLUMNS = List.of(TopicUnits.FEATURES_SCHEMA.fieldNames());

  private TopicSchema() {}

  /**
   * @throws IllegalArgumentException naming the missing columns, when {@code schema} lacks any of
   *     {@code columns}
   */
  static void require(StructType schema, String what, List<String> columns) {
    List<String> have = List.of(schema.fieldNames());
    List<String> missing = new ArrayList<>(columns);
    missing.removeAll(have);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " lack column"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + " (needed: "
              + String.join(", ", columns)
              + "; present: "
              + String.join(", ", have)
              + ")");
    }
  }
}
