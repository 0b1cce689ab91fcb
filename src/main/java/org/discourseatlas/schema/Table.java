package org.discourseatlas.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables: name, schema (columns in order, with types), sort key, and what each table and
 * column means. This is the one copy of the table contract with the notebooks: {@code
 * TableContractTest} generates the README's data dictionary and {@code notebooks/atlas_tables.py}
 * from it (and fails when they drift), and {@code
 * DataSampleEndToEndTest.everyTableHasItsContractSchema} checks that the job writes these schemas.
 *
 * <p>Each table's definition lives in {@link CorpusTables}, {@link LexicalTables}, {@link
 * SentimentTables} or {@link TopicTables}, built with {@link TableDefinition}'s helpers.
 */
public enum Table {
  DOCUMENTS(CorpusTables.DOCUMENTS),
  REJECTS(CorpusTables.REJECTS),
  TURNS(CorpusTables.TURNS),
  SENTENCES(CorpusTables.SENTENCES),
  TERM_FREQUENCIES(LexicalTables.TERM_FREQUENCIES),
  KEYNESS(LexicalTables.KEYNESS),
  ZONE_SENTIMENT(SentimentTables.ZONE_SENTIMENT),
  ZONE_SENTIMENT_COMPARISONS(SentimentTables.ZONE_SENTIMENT_COMPARISONS),
  FRAMES(FramingTables.FRAMES),
  FRAME_COMPARISONS(FramingTables.FRAME_COMPARISONS),
  FRAME_MENTIONS(FramingTables.FRAME_MENTIONS),
  ACTOR_EVENTS(FramingTables.ACTOR_EVENTS),
  ACTORS(FramingTables.ACTORS),
  MENTIONS(CorpusTables.MENTIONS),
  COLLOCATIONS(LexicalTables.COLLOCATIONS),
  ZONES(CorpusTables.ZONES),
  TOPICS(TopicTables.TOPICS),
  TOPIC_PREVALENCE(TopicTables.TOPIC_PREVALENCE),
  TOPIC_PREVALENCE_COMPARISONS(TopicTables.TOPIC_PREVALENCE_COMPARISONS),
  TOPIC_SHARES(TopicTables.TOPIC_SHARES),
  TOPIC_MODEL_SELECTION(TopicTables.TOPIC_MODEL_SELECTION);

  /**
   * What the data dictionary says about a table: which rows it holds ("one row per ..."), and
   * optional prose: a {@code section} (heading and text) that introduces it and the tables after
   * it, a {@code note} between its heading and its columns, and text {@code after} its columns.
   * Prose is Markdown, kept with its line breaks; null where there is none.
   */
  public record About(
      String rows, String sectionHeading, String section, String note, String after) {
    About section(String heading, String text) {
      return new About(rows, heading, text, note, after);
    }

    About note(String text) {
      return new About(rows, sectionHeading, section, text, after);
    }

    About after(String text) {
      return new About(rows, sectionHeading, section, note, text);
    }
  }

  /**
   * A column and what it means. A null meaning: documented together with the column before it (same
   * data dictionary row).
   */
  public record Column(StructField field, String meaning) {
    public String name() {
      return field.name();
    }
  }

  private final About about;
  private final List<String> sortKey;
  private final StructType schema;
  private final List<Column> columns;

  Table(TableDefinition definition) {
    List<Column> columns = definition.columns();
    if (columns.isEmpty() || columns.get(0).meaning() == null) {
      throw new IllegalArgumentException("the first column of " + name() + " needs a meaning");
    }
    this.about = definition.about();
    this.sortKey = definition.sortKey();
    this.columns = columns;
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(column.field());
    }
    this.schema = new StructType(fields.toArray(StructField[]::new));
  }

  /** The folder name under the output root. */
  public String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public StructType schema() {
    return schema;
  }

  /** Rows are written sorted by these columns, so two runs give byte-comparable tables. */
  public List<String> sortKey() {
    return sortKey;
  }

  /** What the data dictionary says about the table as a whole. */
  public About about() {
    return about;
  }

  /** The schema's columns in order, each with its meaning (null: as the column before it). */
  public List<Column> columns() {
    return columns;
  }

  /** What a column means: its own text, or that of the column it is documented with. */
  public String meaning(String column) {
    String meaning = null;
    for (Column c : columns) {
      if (c.meaning() != null) {
        meaning = c.meaning();
      }
      if (c.name().equals(column)) {
        return meaning;
      }
    }
    throw new IllegalArgumentException(tableName() + " has no column " + column);
  }
}
