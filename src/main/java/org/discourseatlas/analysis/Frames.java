package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.dictionary.DocumentFrameCounts;
import org.discourseatlas.dictionary.Hit;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.DocumentBootstrap;
import org.discourseatlas.terms.TermLevel;

/**
 * Framing categories per zone: each document's dictionary hits and running words in each group it
 * belongs to ({@link DocumentFrameCounts}, one document at a time), then per group and category the
 * hits, the rate per 10,000 running words and its 95% interval from a bootstrap over the group's
 * documents (a document brings all its words, with or without hits: the rate's denominator), and
 * per configured comparison the difference of rates with its interval.
 */
public final class Frames {
  private static final double PER_WORDS = 10_000.0;
  private static final String LEVEL = "level";
  private static final String COMPARISON = "comparison";
  private static final String SIDE_TARGET = "side_target";
  private static final String HITS = "hits";
  private static final String DOCS = "docs";

  /** One document's words and hits in one group: {@link #perDocument}'s rows. */
  public static final StructType PER_DOCUMENT =
      new StructType()
          .add(LEVEL, DataTypes.IntegerType, true)
          .add(Columns.ZONE, DataTypes.StringType, true)
          .add(Columns.PERIOD, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, true)
          .add(Columns.SOURCE, DataTypes.StringType, true)
          .add(COMPARISON, DataTypes.IntegerType, false)
          .add(SIDE_TARGET, DataTypes.BooleanType, false)
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.RUNNING_WORDS, DataTypes.LongType, false)
          .add(HITS, DataTypes.createArrayType(DataTypes.LongType, false), false);

  private Frames() {}

  /**
   * Every analysed document's words and hits per group, partitioned and sorted by document.
   *
   * @param sentences doc_id, turn, zones, tokens, n_tokens
   * @param turns doc_id, turn, role
   * @param documents doc_id, date, source, duplicate_of
   */
  public static Dataset<Row> perDocument(
      Dataset<Row> sentences,
      Dataset<Row> turns,
      Dataset<Row> documents,
      DocumentFrameCounts counter) {
    Dataset<Row> input =
        LexicalUnits.byDocument(
                sentences.select(
                    Columns.DOC_ID, Columns.TURN, Columns.ZONES, Columns.TOKENS, Columns.N_TOKENS),
                turns,
                documents)
            .select(
                Columns.DOC_ID,
                Columns.PERIOD,
                Columns.SOURCE,
                Columns.ROLE,
                Columns.ZONES,
                Columns.TOKENS,
                Columns.N_TOKENS);
    return input.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows -> new OneDocumentAtATime(rows, document -> perGroup(document, counter)),
        Encoders.row(PER_DOCUMENT));
  }

  /** The frames table from {@link #perDocument}. */
  public static Dataset<Row> byGroup(
      Dataset<Row> perDocument, DocumentFrameCounts counter, JobConfig.Frames settings) {
    List<DocumentFrameCounts.CategoryId> categories = counter.categories();
    int resamples = settings.bootstrapResamples();
    long seed = settings.seed();
    FlatMapFunction<Row, Row> toRows =
        group -> {
          List<Row> docs = new ArrayList<>(group.getList(5));
          // Sorted by document id: the resamples do not depend on the order rows arrived in.
          docs.sort(Comparator.comparing(r -> r.getString(0)));
          int n = docs.size();
          long[] words = new long[n];
          long[][] hits = new long[n][];
          long totalWords = 0;
          for (int i = 0; i < n; i++) {
            words[i] = docs.get(i).getLong(1);
            hits[i] = toLongs(docs.get(i).getList(2), categories.size());
            totalWords += words[i];
          }
          String seedKey =
              group.get(0)
                  + "|"
                  + group.get(1)
                  + "|"
                  + group.get(2)
                  + "|"
                  + group.get(3)
                  + "|"
                  + group.get(4);
          double[][] rates =
              DocumentBootstrap.ratioDistributions(
                  hits, words, categories.size(), resamples, seed ^ seedKey.hashCode());
          List<Row> out = new ArrayList<>(categories.size());
          for (int c = 0; c < categories.size(); c++) {
            long count = 0;
            long with = 0;
            for (long[] doc : hits) {
              count += doc[c];
              with += doc[c] > 0 ? 1 : 0;
            }
            DocumentBootstrap.Interval interval = DocumentBootstrap.interval(rates[c]);
            out.add(
                RowFactory.create(
                    categories.get(c).dictionary(),
                    categories.get(c).category(),
                    group.get(1),
                    group.get(2),
                    group.get(3),
                    group.get(4),
                    count,
                    totalWords,
                    totalWords == 0 ? 0.0 : count * PER_WORDS / totalWords,
                    (long) n,
                    with,
                    n == 0 ? 0.0 : (double) with / n,
                    RowValues.nullIfNaN(interval.low() * PER_WORDS),
                    RowValues.nullIfNaN(interval.high() * PER_WORDS)));
          }
          return out.iterator();
        };
    return perDocument
        .filter(col(COMPARISON).lt(0))
        .groupBy(LEVEL, Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE)
        .agg(
            collect_list(struct(col(Columns.DOC_ID), col(Columns.RUNNING_WORDS), col(HITS)))
                .as(DOCS))
        .flatMap(toRows, Encoders.row(Table.FRAMES.schema()));
  }

  /**
   * frame_comparisons: per comparison and category, the two sides' rates and the difference with a
   * 95% interval from independent document bootstraps of the two sides. Each side's per-document
   * rows are collected (one row per document of the side).
   */
  public static Dataset<Row> comparisons(
      Dataset<Row> perDocument, DocumentFrameCounts counter, JobConfig.Frames settings) {
    SparkSession spark = perDocument.sparkSession();
    List<DocumentFrameCounts.CategoryId> categories = counter.categories();
    List<Row> sides =
        perDocument
            .filter(col(COMPARISON).geq(0))
            .select(COMPARISON, SIDE_TARGET, Columns.DOC_ID, Columns.RUNNING_WORDS, HITS)
            .orderBy(COMPARISON, SIDE_TARGET, Columns.DOC_ID)
            .collectAsList();
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < settings.comparisons().size(); k++) {
      JobConfig.KeynessComparison comparison = settings.comparisons().get(k);
      List<Row> target = new ArrayList<>();
      List<Row> reference = new ArrayList<>();
      for (Row row : sides) {
        if (row.getInt(0) == k) {
          (row.getBoolean(1) ? target : reference).add(row);
        }
      }
      for (int c = 0; c < categories.size(); c++) {
        Side t = side(target, c, categories.size());
        Side r = side(reference, c, categories.size());
        String label =
            comparison.targetLabel()
                + "|"
                + comparison.referenceLabel()
                + "|"
                + categories.get(c).dictionary()
                + "|"
                + categories.get(c).category();
        DocumentBootstrap.Comparison result =
            DocumentBootstrap.compare(
                t.hits,
                t.words,
                r.hits,
                r.words,
                settings.bootstrapResamples(),
                settings.seed() ^ label.hashCode());
        out.add(
            RowFactory.create(
                comparison.targetLabel(),
                comparison.referenceLabel(),
                categories.get(c).dictionary(),
                categories.get(c).category(),
                t.count,
                r.count,
                (long) result.documentsTarget(),
                (long) result.documentsReference(),
                RowValues.nullIfNaN(result.meanTarget()),
                RowValues.nullIfNaN(result.meanReference()),
                RowValues.nullIfNaN(result.meanDifference()),
                RowValues.nullIfNaN(result.difference().low()),
                RowValues.nullIfNaN(result.difference().high())));
      }
    }
    return spark.createDataFrame(out, Table.FRAME_COMPARISONS.schema());
  }

  /** One side's documents: hits of one category scaled to the rate's unit, words, total hits. */
  private record Side(double[] hits, long[] words, long count) {}

  private static Side side(List<Row> rows, int category, int categories) {
    double[] hits = new double[rows.size()];
    long[] words = new long[rows.size()];
    long count = 0;
    for (int i = 0; i < rows.size(); i++) {
      long h = toLongs(rows.get(i).getList(4), categories)[category];
      hits[i] = h * PER_WORDS;
      words[i] = rows.get(i).getLong(3);
      count += h;
    }
    return new Side(hits, words, count);
  }

  /**
   * frame_mentions: the dictionary hits of the sentences in zone windows, one row per zone, with
   * context tokens; a hit of a parent category that a child category also has at the same tokens is
   * listed once, under the child.
   *
   * @param sentences doc_id, turn, sentence, zones, tokens
   */
  public static Dataset<Row> mentions(
      Dataset<Row> sentences, DocumentFrameCounts counter, int contextTokens) {
    FlatMapFunction<Row, Row> find =
        row -> {
          List<String> tokens = row.getList(4);
          List<String> zones = row.getList(3);
          List<Hit> hits = counter.find(tokens);
          List<Row> out = new ArrayList<>();
          for (Hit hit : hits) {
            if (hasChildAtSameTokens(hit, hits)) {
              continue;
            }
            String left =
                String.join(
                    " ", tokens.subList(Math.max(0, hit.begin() - contextTokens), hit.begin()));
            String match = String.join(" ", tokens.subList(hit.begin(), hit.end()));
            String right =
                String.join(
                    " ",
                    tokens.subList(hit.end(), Math.min(tokens.size(), hit.end() + contextTokens)));
            for (String zone : zones) {
              out.add(
                  RowFactory.create(
                      zone,
                      row.getString(0),
                      row.getInt(1),
                      row.getInt(2),
                      hit.dictionary(),
                      hit.category(),
                      hit.pattern(),
                      left,
                      match,
                      right));
            }
          }
          return out.iterator();
        };
    return sentences
        .filter(size(col(Columns.ZONES)).gt(0))
        .select(Columns.DOC_ID, Columns.TURN, Columns.SENTENCE, Columns.ZONES, Columns.TOKENS)
        .flatMap(find, Encoders.row(Table.FRAME_MENTIONS.schema()));
  }

  private static boolean hasChildAtSameTokens(Hit hit, List<Hit> hits) {
    for (Hit other : hits) {
      if (other.dictionary().equals(hit.dictionary())
          && other.begin() == hit.begin()
          && other.end() == hit.end()
          && other.category().startsWith(hit.category() + "/")) {
        return true;
      }
    }
    return false;
  }

  private static long[] toLongs(List<Long> values, int size) {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** One document's rows (doc_id, period, source, role, zones, tokens, n_tokens) per group. */
  private static List<Row> perGroup(List<Row> document, DocumentFrameCounts counter) {
    Row first = document.get(0);
    String docId = first.getString(0);
    String period = first.getString(1);
    String source = first.getString(2);
    List<DocumentFrameCounts.Sentence> sentences = new ArrayList<>(document.size());
    for (Row row : document) {
      sentences.add(
          new DocumentFrameCounts.Sentence(
              row.getList(4), row.getString(3), row.getList(5), row.getInt(6)));
    }
    List<Row> out = new ArrayList<>();
    for (DocumentFrameCounts.Counts c : counter.count(sentences, period != null)) {
      DocumentFrameCounts.Group g = c.group();
      TermLevel level = g.level();
      Long[] hits = new Long[c.hits().length];
      for (int i = 0; i < hits.length; i++) {
        hits[i] = c.hits()[i];
      }
      out.add(
          RowFactory.create(
              level == null ? null : level.ordinal(),
              g.zone(),
              level != null && level.byPeriod() ? period : null,
              g.role(),
              level != null && level.bySource() ? source : null,
              g.comparison(),
              g.target(),
              docId,
              c.words(),
              hits));
    }
    return out;
  }
}
