package org.discourseatlas.schema;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * One table's definition (what it holds, sort key, columns with meanings) and the builders the
 * {@code *Tables} classes write them with.
 *
 * <p>A column's meaning is given where it is declared ({@link #field(String, DataType, boolean,
 * String)}); {@link #also(String, DataType, boolean)} declares a column documented together with
 * the one before it (one row of the data dictionary, e.g. {@code left, match, right}).
 */
record TableDefinition(Table.About about, List<String> sortKey, List<Table.Column> columns) {

  static TableDefinition define(Table.About about, List<String> sortKey, Table.Column... columns) {
    return new TableDefinition(about, sortKey, List.of(columns));
  }

  static Table.About about(String rows) {
    return new Table.About(rows, null, null, null, null);
  }

  static Table.Column field(String name, DataType type, boolean nullable, String meaning) {
    if (meaning == null) {
      throw new IllegalArgumentException(
          name + ": a meaning, or also(...) to share the one before");
    }
    return new Table.Column(new StructField(name, type, nullable, Metadata.empty()), meaning);
  }

  /** A column documented in the same data dictionary row as the column before it. */
  static Table.Column also(String name, DataType type, boolean nullable) {
    return new Table.Column(new StructField(name, type, nullable, Metadata.empty()), null);
  }
}
