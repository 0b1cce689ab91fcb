package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.io.Columns;
import org.discourseatlas.io.RowValues;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.text.DocumentBootstrap;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sentiment stages: CoreNLP's sentiment for the sentences in zone windows (or every sentence,
 * {@code sentiment.scope = all}), then per zone, month and role the mean score with a bootstrap
 * interval over documents and the share of each class, and the configured zone comparisons.
 */
public final class Sentiment {
  public static final String SCORED = "scored";
  public static final String TOO_LONG = "too_long";

  private static final String DOC_SUM = "doc_sum";
  private static final String DOC_N = "doc_n";
  private static final String DOCS = "docs";
  private static final String INTERVAL = "interval";
  private static final StructType SCORE_ROWS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.SENTENCE, DataTypes.IntegerType, false)
          .add(Columns.SENTIMENT_LABEL, DataTypes.StringType, true)
          .add(Columns.SENTIMENT_SCORE, DataTypes.DoubleType, true)
          .add(Columns.SENTIMENT_PROBS, DataTypes.createArrayType(DataTypes.DoubleType, false), true)
          .add(Columns.SENTIMENT_STATUS, DataTypes.StringType, false);

  private Sentiment() {}

  /**
   * Adds sentiment_label, sentiment_score, sentiment_probs and sentiment_status to sentences
   * (doc_id, sentence, text, tokens, zones). A sentence in scope longer than
   * {@code maxTokens} tokens is not parsed (status too_long); out of scope, all four are null.
   */
  public static Dataset<Row> score(Dataset<Row> sentences, JobConfig.Sentiment settings) {
    Column inScope = settings.allSentences() ? lit(true) : size(col(Columns.ZONES)).gt(0);
    Column tooLong = size(col(Columns.TOKENS)).gt(settings.maxTokens());
    SentimentScorer.Parser parser = SentimentScorer.parser(settings.parser());
    int batchSize = settings.batchSize();
    Dataset<Row> toScore =
        sentences.filter(inScope.and(tooLong.unary_$bang())).select(Columns.DOC_ID, Columns.SENTENCE, Columns.TEXT);
    MapPartitionsFunction<Row, Row> scoreBatches =
        rows ->
            new Iterator<Row>() {
              private final List<Row> out = new ArrayList<>();
              private int next;

              @Override
              public boolean hasNext() {
                if (next < out.size()) {
                  return true;
                }
                out.clear();
                next = 0;
                List<Row> batch = new ArrayList<>(batchSize);
                while (rows.hasNext() && batch.size() < batchSize) {
                  batch.add(rows.next());
                }
                if (batch.isEmpty()) {
                  return false;
                }
                List<String> texts = new ArrayList<>(batch.size());
                batch.forEach(r -> texts.add(r.getString(2)));
                List<SentimentScorer.Score> scores = SentimentScorer.score(texts, parser);
                for (int i = 0; i < batch.size(); i++) {
                  SentimentScorer.Score s = scores.get(i);
                  out.add(
                      RowFactory.create(
                          batch.get(i).getString(0), batch.get(i).getInt(1),
                          s == null ? null : s.label(), s == null ? null : s.score(),
                          s == null ? null : RowValues.array(s.probabilities()), SCORED));
                }
                return true;
              }

              @Override
              public Row next() {
                if (!hasNext()) {
                  throw new java.util.NoSuchElementException();
                }
                return out.get(next++);
              }
            };
    Dataset<Row> scored = toScore.mapPartitions(scoreBatches, Encoders.row(SCORE_ROWS));
    Dataset<Row> skipped =
        sentences.filter(inScope.and(tooLong))
            .select(
                col(Columns.DOC_ID), col(Columns.SENTENCE),
                lit(null).cast(DataTypes.StringType).as(Columns.SENTIMENT_LABEL),
                lit(null).cast(DataTypes.DoubleType).as(Columns.SENTIMENT_SCORE),
                lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType, false)).as(Columns.SENTIMENT_PROBS),
                lit(TOO_LONG).as(Columns.SENTIMENT_STATUS));
    return sentences.join(scored.unionByName(skipped), new String[] {Columns.DOC_ID, Columns.SENTENCE}, "left");
  }

  /**
   * zone_sentiment: per zone, zone x month and zone x role, over scored sentences: n sentences,
   * n documents, mean score with a 95% bootstrap interval (documents resampled, seeded per
   * group), and the share of each class.
   */
  public static Dataset<Row> byZone(
      Dataset<Row> sentences, Dataset<Row> turns, Dataset<Row> documents, JobConfig.Sentiment settings) {
    Dataset<Row> rows = zoneRows(sentences, turns, documents);
    List<Dataset<Row>> levels = new ArrayList<>();
    levels.add(level(rows, settings, Columns.ZONE));
    levels.add(level(rows.filter(col(Columns.PERIOD).isNotNull()), settings, Columns.ZONE, Columns.PERIOD));
    levels.add(level(rows, settings, Columns.ZONE, Columns.ROLE));
    Dataset<Row> all = levels.get(0);
    for (Dataset<Row> level : levels.subList(1, levels.size())) {
      all = all.unionByName(level);
    }
    return all;
  }

  /**
   * zone_sentiment_comparisons: for each configured comparison, all time, the difference of
   * mean scores (target minus reference) with a 95% interval from independent document
   * bootstraps of the two sides. Per-document sums are collected: one row per document, not
   * the corpus.
   */
  public static Dataset<Row> comparisons(
      Dataset<Row> sentences, List<JobConfig.KeynessComparison> comparisons, JobConfig.Sentiment settings) {
    SparkSession spark = sentences.sparkSession();
    Dataset<Row> scored = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(SCORED).and(col(Columns.SENTIMENT_SCORE).isNotNull()));
    List<Row> rows = new ArrayList<>();
    for (JobConfig.KeynessComparison comparison : comparisons) {
      Dataset<Row> target = scored.filter(overlaps(comparison.target()));
      Dataset<Row> reference =
          comparison.reference().isEmpty()
              ? scored.filter(overlaps(comparison.target()).unary_$bang())
              : scored.filter(overlaps(comparison.reference()));
      DocSums t = docSums(target);
      DocSums r = docSums(reference);
      long seed = settings.seed() ^ (comparison.targetLabel() + "|" + comparison.referenceLabel()).hashCode();
      double[] tMeans = DocumentBootstrap.means(t.sums, t.counts, settings.bootstrapResamples(), seed);
      double[] rMeans = DocumentBootstrap.means(r.sums, r.counts, settings.bootstrapResamples(), seed + 1);
      DocumentBootstrap.Interval interval = DocumentBootstrap.difference(tMeans, rMeans, seed + 2);
      double meanT = t.mean();
      double meanR = r.mean();
      rows.add(
          RowFactory.create(
              comparison.targetLabel(), comparison.referenceLabel(), t.sentences(), r.sentences(),
              (long) t.sums.length, (long) r.sums.length, nullIfNaN(meanT), nullIfNaN(meanR),
              nullIfNaN(meanT - meanR), nullIfNaN(interval.low()), nullIfNaN(interval.high())));
    }
    StructType schema =
        new StructType()
            .add(Columns.TARGET, DataTypes.StringType, false)
            .add(Columns.REFERENCE, DataTypes.StringType, false)
            .add(Columns.N_TARGET, DataTypes.LongType, false)
            .add(Columns.N_REFERENCE, DataTypes.LongType, false)
            .add(Columns.N_DOCUMENTS_TARGET, DataTypes.LongType, false)
            .add(Columns.N_DOCUMENTS_REFERENCE, DataTypes.LongType, false)
            .add(Columns.MEAN_TARGET, DataTypes.DoubleType, true)
            .add(Columns.MEAN_REFERENCE, DataTypes.DoubleType, true)
            .add(Columns.DIFFERENCE, DataTypes.DoubleType, true)
            .add(Columns.CI_LOW, DataTypes.DoubleType, true)
            .add(Columns.CI_HIGH, DataTypes.DoubleType, true);
    return spark.createDataFrame(rows, schema);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static Column overlaps(List<String> zones) {
    List<Column> ids = new ArrayList<>();
    zones.forEach(z -> ids.add(lit(z)));
    return arrays_overlap(col(Columns.ZONES), array(ids.toArray(new Column[0])));
  }

  /** Per-document score sums and sentence counts of one side. */
  private record DocSums(double[] sums, long[] counts) {
    long sentences() {
      long n = 0;
      for (long c : counts) {
        n += c;
      }
      return n;
    }

    double mean() {
      double s = 0;
      for (double v : sums) {
        s += v;
      }
      return s / sentences();
    }
  }

  private static DocSums docSums(Dataset<Row> scored) {
    List<Row> docs =
        scored.groupBy(Columns.DOC_ID)
            .agg(sum(Columns.SENTIMENT_SCORE).as(DOC_SUM), count(lit(1)).as(DOC_N))
            .orderBy(Columns.DOC_ID)
            .collectAsList();
    double[] sums = new double[docs.size()];
    long[] counts = new long[docs.size()];
    for (int i = 0; i < docs.size(); i++) {
      sums[i] = docs.get(i).getDouble(1);
      counts[i] = docs.get(i).getLong(2);
    }
    return new DocSums(sums, counts);
  }

  /** One row per (zone, scored sentence) with period, role, score and label. */
  private static Dataset<Row> zoneRows(Dataset<Row> sentences, Dataset<Row> turns, Dataset<Row> documents) {
    Dataset<Row> periods =
        documents.filter(col(Columns.DUPLICATE_OF).isNull())
            .select(col(Columns.DOC_ID), date_format(col(Columns.DATE), "yyyy-MM").as(Columns.PERIOD));
    return sentences
        .filter(col(Columns.SENTIMENT_STATUS).equalTo(SCORED).and(col(Columns.SENTIMENT_SCORE).isNotNull()))
        .join(turns.select(Columns.DOC_ID, Columns.TURN, Columns.ROLE), new String[] {Columns.DOC_ID, Columns.TURN})
        .join(periods, Columns.DOC_ID)
        .select(
            explode(col(Columns.ZONES)).as(Columns.ZONE), col(Columns.DOC_ID), col(Columns.PERIOD), col(Columns.ROLE),
            col(Columns.SENTIMENT_SCORE), col(Columns.SENTIMENT_LABEL));
  }

  private static Dataset<Row> level(Dataset<Row> rows, JobConfig.Sentiment settings, String... keys) {
    List<Column> docKeys = new ArrayList<>();
    List<Column> groupKeys = new ArrayList<>();
    for (String key : keys) {
      docKeys.add(col(key));
      groupKeys.add(col(key));
    }
    docKeys.add(col(Columns.DOC_ID));
    List<Column> perDocumentAggregates = new ArrayList<>();
    perDocumentAggregates.add(count(lit(1)).as(DOC_N));
    for (String label : SentimentScorer.LABELS) {
      perDocumentAggregates.add(
          sum(when(col(Columns.SENTIMENT_LABEL).equalTo(label), 1).otherwise(0)).as("n_" + label));
    }
    Dataset<Row> perDocument =
        rows.groupBy(docKeys.toArray(new Column[0]))
            .agg(sum(Columns.SENTIMENT_SCORE).as(DOC_SUM), perDocumentAggregates.toArray(new Column[0]));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(sum(DOC_N).as(Columns.N_SENTENCES));
    aggregates.add(countDistinct(Columns.DOC_ID).as(Columns.N_DOCUMENTS));
    aggregates.add(sum(DOC_SUM).divide(sum(DOC_N)).as(Columns.MEAN_SCORE));
    aggregates.add(collect_list(struct(col(Columns.DOC_ID), col(DOC_SUM), col(DOC_N))).as(DOCS));
    for (String label : SentimentScorer.LABELS) {
      aggregates.add(sum("n_" + label).divide(sum(DOC_N)).as(Columns.SHARE_PREFIX + label));
    }
    Dataset<Row> groups =
        perDocument.groupBy(groupKeys.toArray(new Column[0]))
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
    int resamples = settings.bootstrapResamples();
    long seed = settings.seed();
    UDF2<Seq<Row>, String, Row> bootstrap =
        (docs, groupKey) -> {
          // Sorted by document id, so the resamples do not depend on the order rows arrived in.
          List<Row> list = new ArrayList<>(CollectionConverters.asJava(docs));
          list.sort(java.util.Comparator.comparing(r -> r.getString(0)));
          double[] sums = new double[list.size()];
          long[] counts = new long[list.size()];
          for (int i = 0; i < list.size(); i++) {
            sums[i] = list.get(i).getDouble(1);
            counts[i] = list.get(i).getLong(2);
          }
          DocumentBootstrap.Interval interval =
              DocumentBootstrap.interval(DocumentBootstrap.means(sums, counts, resamples, seed ^ groupKey.hashCode()));
          return RowFactory.create(interval.low(), interval.high());
        };
    StructType intervalType =
        new StructType().add(Columns.CI_LOW, DataTypes.DoubleType).add(Columns.CI_HIGH, DataTypes.DoubleType);
    List<Column> keyParts = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      keyParts.add(List.of(keys).contains(key) ? org.apache.spark.sql.functions.coalesce(col(key), lit("")) : lit("-"));
    }
    Column groupKey = org.apache.spark.sql.functions.concat_ws("|", keyParts.toArray(new Column[0]));
    Dataset<Row> withInterval =
        groups.withColumn(INTERVAL, udf(bootstrap, intervalType).apply(col(DOCS), groupKey));
    List<Column> out = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      out.add(List.of(keys).contains(key) ? col(key) : lit(null).cast(DataTypes.StringType).as(key));
    }
    out.add(col(Columns.N_SENTENCES));
    out.add(col(Columns.N_DOCUMENTS));
    out.add(col(Columns.MEAN_SCORE));
    out.add(col(INTERVAL + "." + Columns.CI_LOW).as(Columns.CI_LOW));
    out.add(col(INTERVAL + "." + Columns.CI_HIGH).as(Columns.CI_HIGH));
    for (String label : SentimentScorer.LABELS) {
      out.add(col(Columns.SHARE_PREFIX + label));
    }
    return withInterval.select(out.toArray(new Column[0]));
  }
}
