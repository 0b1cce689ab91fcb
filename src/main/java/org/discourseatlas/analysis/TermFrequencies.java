package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.terms.DocumentTermCounts;
import org.discourseatlas.terms.TermLevel;

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
 * <p>One pass: each document's counts in every group it belongs to are made by {@link
 * DocumentTermCounts} (plain Java, one map per document; the units arrive partitioned and sorted by
 * document); one aggregation then sums them over documents, where a document is one row: {@code
 * doc_freq} is a count of rows, no {@code countDistinct}. These sums, with no threshold and with
 * the groups' running words (rows with n = 0), are the term counts ({@link #COUNTS_SCHEMA}), which
 * a refresh keeps and adds a month's documents to; the table is derived from them. The corpus
 * level's {@code doc_freq} is the IDF's document frequency. The plan's size does not depend on the
 * number of zones or levels.
 */
public final class TermFrequencies {
  private static final String GROUP_TOKENS = "group_tokens";
  private static final String CORPUS_DOC_FREQ = "corpus_doc_freq";
  private static final String CORPUS_TERM = "corpus_term";
  private static final String CORPUS_NGRAM = "corpus_ngram";

  /** The term-count level ({@link TermLevel} ordinal): a column of the term counts only. */
  public static final String LEVEL = "level";

  private static final double PER_TOKENS = 10_000.0;

  /** The group columns, in table order. */
  private static final List<String> GROUP_COLUMNS =
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE);

  /** What identifies a row of the term counts: its level, group and n-gram. */
  private static final List<String> KEY_COLUMNS =
      List.of(
          LEVEL,
          Columns.ZONE,
          Columns.PERIOD,
          Columns.ROLE,
          Columns.SOURCE,
          Columns.TERM,
          Columns.NGRAM);

  /** One document's count in one group ({@link DocumentTermCounts.Count}, with month, source). */
  private static final StructType PER_DOCUMENT =
      new StructType()
          .add(LEVEL, DataTypes.IntegerType, false)
          .add(Columns.ZONE, DataTypes.StringType, true)
          .add(Columns.PERIOD, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, true)
          .add(Columns.SOURCE, DataTypes.StringType, true)
          .add(Columns.TERM, DataTypes.StringType, true)
          .add(Columns.NGRAM, DataTypes.IntegerType, false)
          .add(Columns.COUNT, DataTypes.LongType, false);

  /**
   * The term-count state (decision 0025): every group's count and documents of every n-gram up to
   * the longest, with no threshold, and each group's running words (term null, n 0). Counts and
   * document counts are sums over documents, so the state of two disjoint sets of documents is the
   * sum of theirs ({@link #add}), and the table is a function of the state ({@link #table}).
   */
  public static final StructType COUNTS_SCHEMA =
      PER_DOCUMENT.add(Columns.DOC_FREQ, DataTypes.LongType, false);

  private TermFrequencies() {}

  /**
   * From {@link LexicalUnits} (doc_id, period, role, source, zones, n_tokens, term_units): the
   * term_frequencies table.
   */
  public static Dataset<Row> compute(Dataset<Row> units, int maxN, int minNgramCount) {
    return table(counts(units, maxN).cache(), minNgramCount);
  }

  /**
   * The term counts ({@link #COUNTS_SCHEMA}) of the documents whose units these are (doc_id,
   * period, role, source, zones, n_tokens, term_units).
   */
  public static Dataset<Row> counts(Dataset<Row> units, int maxN) {
    Dataset<Row> input =
        units
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.SOURCE),
                col(Columns.ROLE),
                col(Columns.ZONES),
                col(LexicalUnits.TERM_UNITS),
                col(Columns.N_TOKENS))
            .sortWithinPartitions(Columns.DOC_ID);
    return sumOverDocuments(input, maxN, countKeys());
  }

  /**
   * The counts of two disjoint sets of documents (a base snapshot's and a month's new ones) as one:
   * what {@link #counts} gives over both, since every column summed is a sum over documents. {@code
   * addedRows} is {@code added}'s row count: up to {@link #LOOKUP_MAX_ADDED_ROWS} they are merged
   * by lookup, more by aggregation.
   *
   * <p>By lookup: the earlier rows hold each key once, so they need no aggregation; each looks its
   * key up in the added rows, broadcast, where it is read (no shuffle), and the added rows whose
   * key no earlier row has are appended. On the whole UN corpus the aggregation was half the
   * term_frequencies stage of a refresh (7.9 M earlier rows spilled through a hash aggregate to
   * merge 0.3 M added ones; decision 0027). The earlier rows are scanned twice (the lookup, and the
   * added keys they hold); nothing is cached here: the caller writes the result as state and reads
   * it back.
   */
  public static Dataset<Row> add(Dataset<Row> earlier, Dataset<Row> added, long addedRows) {
    Dataset<Row> earlierCounts = Columns.select(earlier, COUNTS_SCHEMA.fieldNames());
    Dataset<Row> addedCounts = Columns.select(added, COUNTS_SCHEMA.fieldNames());
    if (addedRows > LOOKUP_MAX_ADDED_ROWS) {
      return earlierCounts
          .unionByName(addedCounts)
          .groupBy(countKeys().toArray(new Column[0]))
          .agg(sum(Columns.COUNT).as(Columns.COUNT), sum(Columns.DOC_FREQ).as(Columns.DOC_FREQ));
    }
    Dataset<Row> lookup = prefixed(addedCounts, COUNTS_SCHEMA.fieldNames());
    Column addedCount = col(ADDED + Columns.COUNT);
    List<Column> out = new ArrayList<>();
    for (String c : KEY_COLUMNS) {
      out.add(col(c));
    }
    out.add(col(Columns.COUNT).plus(coalesce(addedCount, lit(0L))).as(Columns.COUNT));
    out.add(
        col(Columns.DOC_FREQ)
            .plus(coalesce(col(ADDED + Columns.DOC_FREQ), lit(0L)))
            .as(Columns.DOC_FREQ));
    Dataset<Row> lookedUp =
        earlierCounts
            .join(broadcast(lookup), sameKey(), "left_outer")
            .select(out.toArray(new Column[0]));
    // The added keys some earlier row holds: at most addedRows rows, broadcast in turn.
    Dataset<Row> addedKeys = prefixed(addedCounts, KEY_COLUMNS.toArray(new String[0]));
    Dataset<Row> heldKeys =
        prefixed(
            earlierCounts.join(broadcast(addedKeys), sameKey(), "left_semi"),
            KEY_COLUMNS.toArray(new String[0]));
    Dataset<Row> unmatched = addedCounts.join(broadcast(heldKeys), sameKey(), "left_anti");
    return lookedUp.unionByName(Columns.select(unmatched, COUNTS_SCHEMA.fieldNames()));
  }

  /**
   * The most added rows {@link #add} merges by lookup: they are broadcast (about 100 bytes a row,
   * held twice while the lookup table is built). A month of 1% of the UN corpus adds about 300,000.
   */
  public static final long LOOKUP_MAX_ADDED_ROWS = 500_000;

  private static final String ADDED = "added_";

  /** The columns, named with the {@link #ADDED} prefix (the other side of {@link #sameKey}). */
  private static Dataset<Row> prefixed(Dataset<Row> rows, String... columns) {
    return rows.select(
        Arrays.stream(columns).map(c -> col(c).as(ADDED + c)).toArray(Column[]::new));
  }

  /** The key columns equal (nulls equal: a level's unused group columns are null) to ADDED's. */
  private static Column sameKey() {
    Column same = null;
    for (String c : KEY_COLUMNS) {
      Column each = col(c).eqNullSafe(col(ADDED + c));
      same = same == null ? each : same.and(each);
    }
    return same;
  }

  /**
   * The term_frequencies table from the term counts (read several times: cached or read from
   * files). N-grams of 2 and 3 units are kept where their count in the group reaches {@code
   * minNgramCount}; the groups' running words (n = 0) are a few hundred rows, collected and
   * broadcast back, and the corpus level's documents with units (its n = 0 doc_freq) is the IDF's
   * N.
   */
  public static Dataset<Row> table(Dataset<Row> counts, int minNgramCount) {
    // The running words of each group and, at the corpus level, its documents: a few hundred rows.
    List<Row> totalRows =
        Columns.select(counts.filter(col(Columns.NGRAM).equalTo(0)), COUNTS_SCHEMA.fieldNames())
            .collectAsList();
    long documents = 0;
    for (Row total : totalRows) {
      if (total.getInt(total.fieldIndex(LEVEL)) == TermLevel.CORPUS.ordinal()) {
        documents = total.getLong(total.fieldIndex(Columns.DOC_FREQ));
      }
    }
    Dataset<Row> groupTokens =
        counts
            .sparkSession()
            .createDataFrame(totalRows, COUNTS_SCHEMA)
            .select(
                col(LEVEL).as("group_" + LEVEL),
                col(Columns.ZONE).as("group_" + Columns.ZONE),
                col(Columns.PERIOD).as("group_" + Columns.PERIOD),
                col(Columns.ROLE).as("group_" + Columns.ROLE),
                col(Columns.SOURCE).as("group_" + Columns.SOURCE),
                col(Columns.COUNT).as(GROUP_TOKENS));
    Dataset<Row> counted =
        counts.filter(
            col(Columns.NGRAM)
                .equalTo(1)
                .or(col(Columns.NGRAM).geq(2).and(col(Columns.COUNT).geq(minNgramCount))));
    // A kept row's n-gram is kept at the corpus level too (no group counts it more often), so the
    // corpus level's kept rows hold every document frequency the IDF needs: on the whole UN corpus
    // 479,417 rows of 2,467,704 (about 40 MB), broadcast. A window over (term, n) did the same with
    // one more shuffle and sort of every kept row; the gain was not measurable under host drift
    // (decision 0029, docs/benchmarks.md).
    Dataset<Row> corpusDocFreqs =
        counted
            .filter(col(LEVEL).equalTo(TermLevel.CORPUS.ordinal()))
            .select(
                col(Columns.TERM).as(CORPUS_TERM),
                col(Columns.NGRAM).as(CORPUS_NGRAM),
                col(Columns.DOC_FREQ).as(CORPUS_DOC_FREQ));
    Column sameGroup = col(LEVEL).equalTo(col("group_" + LEVEL));
    for (String key : GROUP_COLUMNS) {
      sameGroup = sameGroup.and(col(key).eqNullSafe(col("group_" + key)));
    }
    Column idf = log(lit(documents + 1.0).divide(col(CORPUS_DOC_FREQ).plus(1.0)));
    Column relFreq = col(Columns.COUNT).multiply(PER_TOKENS).divide(col(GROUP_TOKENS));
    List<Column> out = new ArrayList<>();
    GROUP_COLUMNS.forEach(c -> out.add(col(c)));
    out.add(col(Columns.TERM));
    out.add(col(Columns.NGRAM));
    out.add(col(Columns.COUNT));
    out.add(col(Columns.DOC_FREQ));
    out.add(relFreq.as(Columns.REL_FREQ));
    out.add(relFreq.multiply(idf).as(Columns.TF_IDF));
    // A few hundred groups: broadcast, so the counted rows are not shuffled again to meet them.
    Column sameTerm =
        col(Columns.TERM)
            .equalTo(col(CORPUS_TERM))
            .and(col(Columns.NGRAM).equalTo(col(CORPUS_NGRAM)));
    return counted
        .join(broadcast(corpusDocFreqs), sameTerm)
        .join(broadcast(groupTokens), sameGroup)
        .select(out.toArray(new Column[0]));
  }

  /**
   * Counts at the all-time level of each zone (zone, term, ngram, count; n >= 1): the per-zone
   * n-gram counts keyness compares, read from the term counts instead of counted again.
   */
  public static Dataset<Row> zoneCounts(Dataset<Row> counts) {
    return counts
        .filter(col(LEVEL).equalTo(TermLevel.ZONE.ordinal()).and(col(Columns.NGRAM).geq(1)))
        .select(col(Columns.ZONE), col(Columns.TERM), col(Columns.NGRAM), col(Columns.COUNT));
  }

  /** Counts over the whole corpus, all time (term, ngram, count; n >= 1), from the term counts. */
  public static Dataset<Row> corpusCounts(Dataset<Row> counts) {
    return counts
        .filter(col(LEVEL).equalTo(TermLevel.CORPUS.ordinal()).and(col(Columns.NGRAM).geq(1)))
        .select(col(Columns.TERM), col(Columns.NGRAM), col(Columns.COUNT));
  }

  private static List<Column> countKeys() {
    return KEY_COLUMNS.stream().map(c -> col(c)).toList();
  }

  /**
   * Every group's count and documents of each n-gram up to {@code maxN} units (with maxN 0, only
   * the groups' running words): a row per document, group and n-gram, summed by Spark, where a
   * document's row counts it once.
   *
   * <p>Summing a partition's documents in a Java map first was tried: the same rows reached the
   * shuffle (Spark's partial aggregation had combined them as well), at more CPU and heap.
   */
  private static Dataset<Row> sumOverDocuments(Dataset<Row> input, int maxN, List<Column> keys) {
    return input
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> new OneDocumentAtATime(rows, document -> countsOf(document, maxN)),
            Encoders.row(PER_DOCUMENT))
        .groupBy(keys.toArray(new Column[0]))
        .agg(sum(Columns.COUNT).as(Columns.COUNT), count(lit(1)).as(Columns.DOC_FREQ));
  }

  /** One document's rows (doc_id, period, source, role, zones, term_units, n_tokens) counted. */
  private static List<Row> countsOf(List<Row> document, int maxN) {
    Row first = document.get(0);
    String period = first.getString(1);
    String source = first.getString(2);
    List<DocumentTermCounts.Sentence> sentences = new ArrayList<>(document.size());
    for (Row row : document) {
      sentences.add(
          new DocumentTermCounts.Sentence(
              row.getList(4), row.getString(3), row.getList(5), row.getInt(6)));
    }
    List<Row> out = new ArrayList<>();
    for (DocumentTermCounts.Count c : DocumentTermCounts.count(sentences, period != null, maxN)) {
      TermLevel level = c.level();
      out.add(
          RowFactory.create(
              level.ordinal(),
              c.zone(),
              level.byPeriod() ? period : null,
              c.role(),
              level.bySource() ? source : null,
              c.term(),
              c.n(),
              c.count()));
    }
    return out;
  }
}
