package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 */
public final class TermFrequencies {
  private static final String GROUP_TOKENS = "group_tokens";
  private static final String CORPUS_DOC_FREQ = "corpus_doc_freq";
  private static final double PER_TOKENS = 10_000.0;

  /** The group columns, in table order. */
  private static final List<String> GROUP_COLUMNS =
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE);

  private TermFrequencies() {}

  /** From {@link LexicalUnits}: the term_frequencies table. */
  public static Dataset<Row> compute(Dataset<Row> units, int minNgramCount) {
    Dataset<Row> terms =
        units
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.SOURCE),
                col(Columns.ZONES),
                explode(col(LexicalUnits.NGRAMS)).as("g"))
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.SOURCE),
                col(Columns.ZONES),
                col("g." + Columns.TERM).as(Columns.TERM),
                col("g." + Columns.NGRAM).as(Columns.NGRAM));
    // Counted once per document and group key first: every level below sums these.
    Dataset<Row> byZone =
        terms
            .select(
                explode(col(Columns.ZONES)).as(Columns.ZONE),
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ROLE),
                col(Columns.TERM),
                col(Columns.NGRAM))
            .groupBy(
                Columns.ZONE,
                Columns.DOC_ID,
                Columns.PERIOD,
                Columns.ROLE,
                Columns.TERM,
                Columns.NGRAM)
            .count();
    Dataset<Row> byCorpus =
        terms
            .groupBy(
                Columns.DOC_ID,
                Columns.PERIOD,
                Columns.ROLE,
                Columns.SOURCE,
                Columns.TERM,
                Columns.NGRAM)
            .count();
    Dataset<Row> zoneTokens =
        units.select(
            explode(col(Columns.ZONES)).as(Columns.ZONE),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.N_TOKENS));
    long documents = units.select(Columns.DOC_ID).distinct().count();

    List<Dataset<Row>> levels = new ArrayList<>();
    levels.add(level(byZone, zoneTokens, Columns.ZONE));
    levels.add(
        level(
            byZone.filter(col(Columns.PERIOD).isNotNull()),
            zoneTokens,
            Columns.ZONE,
            Columns.PERIOD));
    levels.add(level(byZone, zoneTokens, Columns.ZONE, Columns.ROLE));
    levels.add(level(byCorpus, units, new String[0]));
    levels.add(level(byCorpus.filter(col(Columns.PERIOD).isNotNull()), units, Columns.PERIOD));
    levels.add(level(byCorpus, units, Columns.ROLE));
    levels.add(level(byCorpus, units, Columns.SOURCE));
    Dataset<Row> all = levels.get(0);
    for (Dataset<Row> level : levels.subList(1, levels.size())) {
      all = all.unionByName(level);
    }
    Dataset<Row> corpusDocFreq =
        byCorpus
            .groupBy(Columns.TERM, Columns.NGRAM)
            .agg(countDistinct(Columns.DOC_ID).as(CORPUS_DOC_FREQ));
    Column idf = log(lit(documents + 1.0).divide(col(CORPUS_DOC_FREQ).plus(1.0)));
    return all.filter(col(Columns.NGRAM).equalTo(1).or(col(Columns.COUNT).geq(minNgramCount)))
        .join(corpusDocFreq, new String[] {Columns.TERM, Columns.NGRAM})
        .select(
            col(Columns.ZONE),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.SOURCE),
            col(Columns.TERM),
            col(Columns.NGRAM),
            col(Columns.COUNT),
            col(Columns.DOC_FREQ),
            col(Columns.REL_FREQ),
            col(Columns.REL_FREQ).multiply(idf).as(Columns.TF_IDF));
  }

  /**
   * One level: counts summed over {@code keys}, documents counted, divided by the group's running
   * words; the group columns not in {@code keys} are null.
   */
  private static Dataset<Row> level(Dataset<Row> counts, Dataset<Row> tokenRows, String... keys) {
    List<Column> groupBy = new ArrayList<>();
    List<Column> tokenGroupBy = new ArrayList<>();
    for (String key : keys) {
      groupBy.add(col(key));
      tokenGroupBy.add(col(key).as("group_" + key));
    }
    groupBy.add(col(Columns.TERM));
    groupBy.add(col(Columns.NGRAM));
    Dataset<Row> aggregated =
        counts
            .groupBy(groupBy.toArray(new Column[0]))
            .agg(
                sum("count").as(Columns.COUNT), countDistinct(Columns.DOC_ID).as(Columns.DOC_FREQ));
    Dataset<Row> withTotals;
    if (keys.length == 0) {
      long total = tokenRows.agg(sum(Columns.N_TOKENS)).first().getLong(0);
      withTotals = aggregated.withColumn(GROUP_TOKENS, lit(total));
    } else {
      // Renamed keys: both sides derive from the same units, and a self-join needs two names.
      Dataset<Row> totals =
          tokenRows
              .groupBy(tokenGroupBy.toArray(new Column[0]))
              .agg(sum(Columns.N_TOKENS).as(GROUP_TOKENS));
      Column same = null;
      for (String key : keys) {
        Column equal = col(key).eqNullSafe(col("group_" + key));
        same = same == null ? equal : same.and(equal);
      }
      withTotals = aggregated.join(totals, same);
    }
    List<Column> out = new ArrayList<>();
    for (String column : GROUP_COLUMNS) {
      out.add(
          List.of(keys).contains(column)
              ? col(column)
              : lit(null).cast(DataTypes.StringType).as(column));
    }
    out.add(col(Columns.TERM));
    out.add(col(Columns.NGRAM));
    out.add(col(Columns.COUNT));
    out.add(col(Columns.DOC_FREQ));
    out.add(col(Columns.COUNT).multiply(PER_TOKENS).divide(col(GROUP_TOKENS)).as(Columns.REL_FREQ));
    return withTotals.select(out.toArray(new Column[0]));
  }
}
