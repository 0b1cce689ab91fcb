package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.schema.Columns;

/**
 * Term frequencies per group. Groups: each zone (the sentences in its windows) all-time, per month
 * and per speaker role; the whole corpus (zone null) all-time, per month, per role and per source.
 * Undated documents count only all-time (a null period would read as "all time").
 *
 * <ul>
 *   <li>{@code count}: occurrences of the n-gram in the group's sentences;
 *   <li>{@code doc_freq}: documents of the group whose sentences hold it;
 *   <li>{@code rel_freq}: count per 10,000 running words of the group (words: tokens with a letter
 *       or digit, stopwords included, as corpus linguists count running text);
 *   <li>{@code tf_idf}: rel_freq × ln((N + 1) / (df + 1)), N documents in the corpus and df those
 *       holding the n-gram anywhere: Spark ML's IDF formula, so an n-gram in every document scores
 *       0.
 * </ul>
 *
 * N-grams of 2 and 3 units are kept where their count reaches {@code minNgramCount}: a corpus has
 * millions of trigrams seen once, which no reader compares.
 *
 * <p>All seven levels come from one plan over one per-document count: each n-gram is counted once
 * per (document, role, zone or corpus); each such count is fanned out to the levels it belongs to
 * and summed per document (no shuffle: the units are partitioned by document), then per level,
 * where a document is one row and {@code doc_freq} a plain count. The corpus level's {@code
 * doc_freq} is the IDF's document frequency. The plan's size does not depend on the number of zones
 * or levels' rows, and no {@code countDistinct} (which Spark expands to one row per distinct
 * aggregate) is needed.
 */
public final class TermFrequencies {
  private static final String GROUP_TOKENS = "group_tokens";
  private static final String CORPUS_DOC_FREQ = "corpus_doc_freq";
  private static final String LEVEL = "level";
  private static final String LEVELS = "levels";
  private static final double PER_TOKENS = 10_000.0;

  /** The group columns, in table order. */
  private static final List<String> GROUP_COLUMNS =
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE);

  /**
   * A level of the table: the group columns it keys on (the others are null in its rows), over a
   * zone's sentences or the whole corpus's.
   */
  private record Level(boolean zone, List<String> keys) {
    /** Whether a row (zone null: the corpus's count) counts at this level. */
    Column applies() {
      Column applies = zone ? col(Columns.ZONE).isNotNull() : col(Columns.ZONE).isNull();
      // Undated documents count only all-time.
      return keys.contains(Columns.PERIOD) ? applies.and(col(Columns.PERIOD).isNotNull()) : applies;
    }
  }

  private static final List<Level> LEVEL_LIST =
      List.of(
          new Level(true, List.of(Columns.ZONE)),
          new Level(true, List.of(Columns.ZONE, Columns.PERIOD)),
          new Level(true, List.of(Columns.ZONE, Columns.ROLE)),
          new Level(false, List.of()),
          new Level(false, List.of(Columns.PERIOD)),
          new Level(false, List.of(Columns.ROLE)),
          new Level(false, List.of(Columns.SOURCE)));

  /** The corpus level, all-time: its doc_freq is the IDF's document frequency. */
  private static final int CORPUS_LEVEL = 3;

  private TermFrequencies() {}

  /** From {@link LexicalUnits} with n-grams: the term_frequencies table. */
  public static Dataset<Row> compute(Dataset<Row> units, int minNgramCount) {
    // Each n-gram occurrence once for the corpus (zone null) and once per zone of its sentence,
    // counted per document, role and zone.
    Dataset<Row> perDocument =
        units
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.SOURCE),
                explode(zoneOrCorpus()).as(Columns.ZONE),
                col(LexicalUnits.NGRAMS))
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.SOURCE),
                col(Columns.ZONE),
                explode(col(LexicalUnits.NGRAMS)).as("g"))
            .groupBy(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.SOURCE),
                col(Columns.ZONE),
                col("g." + Columns.TERM).as(Columns.TERM),
                col("g." + Columns.NGRAM).as(Columns.NGRAM))
            .agg(count(lit(1)).as(Columns.COUNT));
    List<Column> levelKeys = new ArrayList<>();
    levelKeys.add(col(LEVEL));
    GROUP_COLUMNS.forEach(c -> levelKeys.add(col(c)));
    List<Column> perDocumentKeys = new ArrayList<>(levelKeys);
    perDocumentKeys.add(col(Columns.DOC_ID));
    perDocumentKeys.add(col(Columns.TERM));
    perDocumentKeys.add(col(Columns.NGRAM));
    List<Column> termKeys = new ArrayList<>(levelKeys);
    termKeys.add(col(Columns.TERM));
    termKeys.add(col(Columns.NGRAM));
    Dataset<Row> counted =
        byLevel(perDocument, Columns.DOC_ID, Columns.TERM, Columns.NGRAM, Columns.COUNT)
            .groupBy(perDocumentKeys.toArray(new Column[0]))
            .agg(sum(Columns.COUNT).as(Columns.COUNT))
            // Each document is one row of its group now: doc_freq is a count of rows.
            .groupBy(termKeys.toArray(new Column[0]))
            .agg(sum(Columns.COUNT).as(Columns.COUNT), count(lit(1)).as(Columns.DOC_FREQ))
            .filter(col(Columns.NGRAM).equalTo(1).or(col(Columns.COUNT).geq(minNgramCount)));
    // A kept row's n-gram is kept at the corpus level too (no group counts it more often).
    Column corpusDocFreq =
        max(when(col(LEVEL).equalTo(CORPUS_LEVEL), col(Columns.DOC_FREQ)))
            .over(Window.partitionBy(Columns.TERM, Columns.NGRAM));

    Dataset<Row> sentenceTokens =
        units.select(
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.SOURCE),
            explode(zoneOrCorpus()).as(Columns.ZONE),
            col(Columns.N_TOKENS));
    Dataset<Row> groupTokens =
        byLevel(sentenceTokens, Columns.N_TOKENS)
            .groupBy(levelKeys.toArray(new Column[0]))
            .agg(sum(Columns.N_TOKENS).as(GROUP_TOKENS));
    Column sameGroup = counted.col(LEVEL).equalTo(groupTokens.col(LEVEL));
    for (String key : GROUP_COLUMNS) {
      sameGroup = sameGroup.and(counted.col(key).eqNullSafe(groupTokens.col(key)));
    }
    long documents = units.select(Columns.DOC_ID).distinct().count();
    Column idf = log(lit(documents + 1.0).divide(col(CORPUS_DOC_FREQ).plus(1.0)));
    Column relFreq = col(Columns.COUNT).multiply(PER_TOKENS).divide(col(GROUP_TOKENS));
    List<Column> out = new ArrayList<>();
    GROUP_COLUMNS.forEach(c -> out.add(counted.col(c)));
    out.add(col(Columns.TERM));
    out.add(col(Columns.NGRAM));
    out.add(col(Columns.COUNT));
    out.add(col(Columns.DOC_FREQ));
    out.add(relFreq.as(Columns.REL_FREQ));
    out.add(relFreq.multiply(idf).as(Columns.TF_IDF));
    // A few hundred groups: broadcast, so the counted rows are not shuffled again to meet them.
    return counted
        .withColumn(CORPUS_DOC_FREQ, corpusDocFreq)
        .join(broadcast(groupTokens), sameGroup)
        .select(out.toArray(new Column[0]));
  }

  /** The sentence's zones, and null for the corpus: each row counts for both. */
  private static Column zoneOrCorpus() {
    return concat(array(lit(null).cast(DataTypes.StringType)), col(Columns.ZONES));
  }

  /**
   * Rows with a zone column (null: the corpus's) fanned out to the levels they count at: level,
   * zone, period, role, source (null where the level does not key on it), then {@code carried}.
   */
  private static Dataset<Row> byLevel(Dataset<Row> rows, String... carried) {
    List<Column> levels = new ArrayList<>();
    for (int i = 0; i < LEVEL_LIST.size(); i++) {
      Level level = LEVEL_LIST.get(i);
      List<Column> fields = new ArrayList<>();
      fields.add(when(level.applies(), lit(i)).as(LEVEL));
      for (String column : GROUP_COLUMNS) {
        fields.add(
            (level.keys().contains(column) ? col(column) : lit(null).cast(DataTypes.StringType))
                .as(column));
      }
      levels.add(struct(fields.toArray(new Column[0])));
    }
    List<Column> out = new ArrayList<>();
    out.add(col(LEVELS + "." + LEVEL).as(LEVEL));
    GROUP_COLUMNS.forEach(c -> out.add(col(LEVELS + "." + c).as(c)));
    for (String column : carried) {
      out.add(col(column));
    }
    List<Column> exploded = new ArrayList<>();
    exploded.add(explode(array(levels.toArray(new Column[0]))).as(LEVELS));
    for (String column : carried) {
      exploded.add(col(column));
    }
    return rows.select(exploded.toArray(new Column[0]))
        .filter(col(LEVELS + "." + LEVEL).isNotNull())
        .select(out.toArray(new Column[0]));
  }
}
