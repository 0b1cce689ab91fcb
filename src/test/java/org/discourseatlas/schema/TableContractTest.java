package org.discourseatlas.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.junit.jupiter.api.Test;

/**
 * The table contract written once, in {@link Table}, and generated from there into the two places
 * that repeat it (golden files, as Spark's SQLQueryTestSuite does with its query results):
 *
 * <ul>
 *   <li>README.md's data dictionary, between {@link #BEGIN} and {@link #END};
 *   <li>{@code notebooks/atlas_tables.py}, the columns (with types and keys) atlas.py checks.
 * </ul>
 *
 * The test fails, with the differing lines, when either file differs from what {@link Table} says.
 * {@code mvn test -Dtest=TableContractTest -Datlas.regenerate=true} rewrites them instead.
 */
class TableContractTest {
  static final String REGENERATE = "atlas.regenerate";
  static final String COMMAND = "mvn test -Dtest=TableContractTest -D" + REGENERATE + "=true";
  static final String BEGIN =
      "<!-- tables:begin (generated from schema/Table.java by TableContractTest; "
          + COMMAND
          + ") -->";
  static final String END = "<!-- tables:end -->";
  static final Path README = Path.of("README.md");
  static final Path PYTHON = Path.of("notebooks", "atlas_tables.py");

  @Test
  void readmeDataDictionaryIsGeneratedFromTable() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertTrue(
        begin >= 0 && end > begin,
        "README.md has the markers\n"
            + BEGIN
            + "\n"
            + END
            + "\naround its data dictionary's tables");
    String expected =
        readme.substring(0, begin)
            + BEGIN
            + "\n\n"
            + dataDictionary()
            + END
            + readme.substring(end + END.length());
    compareOrRegenerate(README, readme, expected);
  }

  @Test
  void notebookColumnsAreGeneratedFromTable() throws IOException {
    String actual = Files.exists(PYTHON) ? Files.readString(PYTHON, StandardCharsets.UTF_8) : "";
    compareOrRegenerate(PYTHON, actual, pythonModule());
  }

  @Test
  void everyKeyColumnIsInItsTableAndEveryTableHasRows() {
    for (Table table : Table.values()) {
      Set<String> names = new TreeSet<>(List.of(table.schema().fieldNames()));
      assertEquals(table.schema().length(), names.size(), table.tableName() + ": a column twice");
      assertTrue(
          names.containsAll(table.sortKey()),
          table.tableName() + ": key " + table.sortKey() + " not in " + names);
      assertTrue(
          table.about().rows() != null && !table.about().rows().isBlank(), table.tableName());
      assertEquals(table.schema().length(), table.columns().size());
      for (Table.Column column : table.columns()) {
        assertTrue(table.meaning(column.name()) != null, table.tableName() + "." + column.name());
      }
    }
  }

  /** The README's tables: one section per {@link Table}, in declaration order. */
  static String dataDictionary() {
    StringBuilder out = new StringBuilder();
    for (Table table : Table.values()) {
      Table.About about = table.about();
      if (about.section() != null) {
        out.append("### ")
            .append(about.sectionHeading())
            .append("\n\n")
            .append(about.section().strip())
            .append("\n\n");
      }
      out.append("### ").append(table.tableName()).append(" — ").append(about.rows());
      out.append(", key `").append(String.join(", ", table.sortKey())).append("`\n\n");
      if (about.note() != null) {
        out.append(about.note().strip()).append("\n\n");
      }
      out.append("| column | type | meaning |\n|---|---|---|\n");
      for (List<Table.Column> row : rows(table)) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Table.Column column : row) {
          names.add(column.name());
          types.add(typeName(column.field().dataType()));
        }
        String type = new TreeSet<>(types).size() == 1 ? types.get(0) : String.join(", ", types);
        String meaning = row.get(0).meaning();
        out.append("| ").append(String.join(", ", names)).append(" | ").append(type).append(" | ");
        out.append(meaning.isEmpty() ? "|" : meaning + " |").append('\n');
      }
      out.append('\n');
      if (about.after() != null) {
        out.append(about.after().strip()).append("\n\n");
      }
    }
    return out.toString();
  }

  /**
   * The columns grouped into the data dictionary's rows: a column without a meaning joins the row
   * before.
   */
  private static List<List<Table.Column>> rows(Table table) {
    List<List<Table.Column>> rows = new ArrayList<>();
    for (Table.Column column : table.columns()) {
      if (column.meaning() != null) {
        rows.add(new ArrayList<>());
      }
      rows.get(rows.size() - 1).add(column);
    }
    return rows;
  }

  /** notebooks/atlas_tables.py: every table's columns in order with their types, and its key. */
  static String pythonModule() {
    StringBuilder out = new StringBuilder();
    out.append(
        "\"\"\"The output tables' columns, in order, with their types, and each table's sort key.\n\n");
    out.append(
        "Generated from src/main/java/org/discourseatlas/schema/Table.java by TableContractTest: do not edit;\n");
    out.append(COMMAND).append(" rewrites it.\n");
    out.append("The README's data dictionary says what each column means.\n\"\"\"\n\n");
    out.append("TABLES: dict[str, dict[str, str]] = {\n");
    for (Table table : Table.values()) {
      out.append("    \"").append(table.tableName()).append("\": {\n");
      for (Table.Column column : table.columns()) {
        out.append("        \"").append(column.name()).append("\": \"");
        out.append(typeName(column.field().dataType())).append("\",\n");
      }
      out.append("    },\n");
    }
    out.append("}\n\n");
    out.append("TABLE_KEYS: dict[str, list[str]] = {\n");
    for (Table table : Table.values()) {
      out.append("    \"").append(table.tableName()).append("\": [");
      out.append(String.join(", ", table.sortKey().stream().map(k -> "\"" + k + "\"").toList()))
          .append("],\n");
    }
    out.append("}\n\n");
    out.append(
        "TABLE_COLUMNS: dict[str, list[str]] = {table: list(columns) for table, columns in TABLES.items()}\n");
    return out.toString();
  }

  /**
   * Spark's type names as the README writes them: {@code int}, {@code long}, {@code array<string>}.
   */
  static String typeName(DataType type) {
    if (type instanceof ArrayType array) {
      return "array<" + typeName(array.elementType()) + ">";
    }
    if (type instanceof MapType map) {
      return "map<" + typeName(map.keyType()) + "," + typeName(map.valueType()) + ">";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "int";
    }
    return type.typeName();
  }

  private static void compareOrRegenerate(Path file, String actual, String expected)
      throws IOException {
    if (actual.equals(expected)) {
      return;
    }
    if (Boolean.getBoolean(REGENERATE)) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      System.out.println("TableContractTest rewrote " + file.toAbsolutePath());
      return;
    }
    fail(
        file
            + " differs from what schema/Table.java says (- in the file, + generated); change Table.java,"
            + " then run\n  "
            + COMMAND
            + "\n"
            + diff(actual, expected));
  }

  /**
   * The lines only in one of the two texts (a longest-common-subsequence diff), with line numbers.
   */
  static String diff(String actual, String expected) {
    String[] a = actual.split("\n", -1);
    String[] b = expected.split("\n", -1);
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    int shown = 0;
    while ((i < a.length || j < b.length) && shown < 80) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
        out.append(String.format("-%5d  %s%n", i + 1, a[i++]));
        shown++;
      } else {
        out.append(String.format("+%5d  %s%n", j + 1, b[j++]));
        shown++;
      }
    }
    if (shown == 80) {
      out.append("... (more)\n");
    }
    return out.toString();
  }
}
