package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.nlp.DiplomaticSentiment;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.FramingTables;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.DocumentBootstrap;

/**
 * Sentiment stages: CoreNLP's sentiment for the sentences in zone windows (or every sentence,
 * {@code sentiment.scope = all}), then per zone, month and role the mean score with a bootstrap
 * interval over documents and the share of each class, and the configured zone comparisons.
 */
public final class Sentiment {
  public static final String SCORED = "scored";
  public static final String TOO_LONG = "too_long";

  /** Scoring tasks per core: short enough that the last one to finish leaves little idle. */
  private static final int SCORING_PARTITIONS_PER_CORE = 16;

  /**
   * Up to this many sentences in scope, their results are broadcast to the sentences instead of
   * both sides being shuffled and sorted for a join: on the UN corpus 57,091 results (about 10 MB)
   * against 1.5 million sentences with their text and tokens (562 MB shuffled). The bound keeps the
   * broadcast (built on the driver, sent to every executor) near Spark's own 10 MB default.
   */
  static final long BROADCAST_MAX_RESULTS = 100_000;

  private static final String DOC_SUM = "doc_sum";
  private static final String DOC_N = "doc_n";
  private static final StructType SCORE_ROWS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.SENTENCE, DataTypes.IntegerType, false)
          .add(Columns.SENTIMENT_LABEL, DataTypes.StringType, true)
          .add(Columns.SENTIMENT_SCORE, DataTypes.DoubleType, true)
          .add(
              Columns.SENTIMENT_PROBS, DataTypes.createArrayType(DataTypes.DoubleType, false), true)
          .add(Columns.CORENLP_LABEL, DataTypes.StringType, true)
          .add(Columns.CORENLP_SCORE, DataTypes.DoubleType, true)
          .add(Columns.SENTIMENT_STATUS, DataTypes.StringType, false)
          .add(Columns.ENTITIES, DataTypes.createArrayType(FramingTables.ENTITY, false), true)
          .add(Columns.EVENTS, DataTypes.createArrayType(FramingTables.EVENT, false), true);

  private Sentiment() {}

  /**
   * Adds sentiment_label, sentiment_score, sentiment_probs (the configured model's: CoreNLP's or
   * the diplomatic model's, decision 0023), corenlp_label, corenlp_score and sentiment_status to
   * sentences (doc_id, sentence, text, tokens, zones), and where {@code actors} the entities and
   * events read from the same parse (null otherwise). A sentence in scope longer than {@code
   * maxTokens} tokens is not parsed (status too_long); out of scope, all four are null. Earlier
   * results are reused: a sentence in scope with a row in {@code previous} (doc_id, sentence,
   * sentiment_label, sentiment_score, sentiment_probs, corenlp_label, corenlp_score,
   * sentiment_status; scored under the same sentiment settings) keeps it and is not parsed again
   * ({@code previous} may be null). {@code parsed}, when given, counts the sentences handed to
   * CoreNLP. {@code sentencesInScope} (see {@link #inScope}) bounds the number of results and
   * decides how they are joined back to the sentences.
   */
  public static Dataset<Row> score(
      Dataset<Row> sentences,
      JobConfig.Sentiment settings,
      boolean actors,
      Dataset<Row> previous,
      LongAccumulator parsed,
      long sentencesInScope) {
    Column inScope = inScope(settings);
    Column tooLong = size(col(Columns.TOKENS)).gt(settings.maxTokens());
    SentimentScorer.Parser parser = SentimentScorer.parser(settings.parser());
    int batchSize = settings.batchSize();
    boolean diplomatic = settings.diplomatic();
    String[] key = {Columns.DOC_ID, Columns.SENTENCE};
    Dataset<Row> reused = null;
    Dataset<Row> notReused = sentences;
    if (previous != null) {
      Dataset<Row> earlier =
          previous
              .filter(col(Columns.SENTIMENT_STATUS).isNotNull())
              .select(
                  col(Columns.DOC_ID),
                  col(Columns.SENTENCE),
                  col(Columns.SENTIMENT_LABEL),
                  col(Columns.SENTIMENT_SCORE),
                  col(Columns.SENTIMENT_PROBS),
                  col(Columns.CORENLP_LABEL),
                  col(Columns.CORENLP_SCORE),
                  col(Columns.SENTIMENT_STATUS),
                  col(Columns.ENTITIES),
                  col(Columns.EVENTS));
      reused =
          sentences.filter(inScope).select(Columns.DOC_ID, Columns.SENTENCE).join(earlier, key);
      notReused =
          sentences.join(earlier.select(Columns.DOC_ID, Columns.SENTENCE), key, "left_anti");
    }
    // Sentences in zone windows cluster in some documents: spread over many small partitions, the
    // last task to finish is short (a parse is about 10 ms), and no core waits on a long one.
    Dataset<Row> toScore =
        CpuBoundWork.spread(
            notReused
                .filter(inScope.and(tooLong.unary_$bang()))
                .select(Columns.DOC_ID, Columns.SENTENCE, Columns.TEXT),
            SCORING_PARTITIONS_PER_CORE,
            col(Columns.DOC_ID),
            col(Columns.SENTENCE));
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
                if (parsed != null) {
                  parsed.add(texts.size());
                }
                List<SentimentScorer.Score> scores =
                    SentimentScorer.score(texts, parser, actors, diplomatic);
                for (int i = 0; i < batch.size(); i++) {
                  SentimentScorer.Score s = scores.get(i);
                  DiplomaticSentiment.Prediction d = s == null ? null : s.diplomatic();
                  out.add(
                      RowFactory.create(
                          batch.get(i).getString(0),
                          batch.get(i).getInt(1),
                          s == null ? null : diplomatic ? d.label() : s.label(),
                          s == null ? null : diplomatic ? d.score() : s.score(),
                          s == null
                              ? null
                              : RowValues.array(diplomatic ? d.probabilities() : s.probabilities()),
                          s == null ? null : s.label(),
                          s == null ? null : s.score(),
                          SCORED,
                          s == null || s.agency() == null ? null : Actors.entityRows(s.agency()),
                          s == null || s.agency() == null ? null : Actors.eventRows(s.agency())));
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
        notReused
            .filter(inScope.and(tooLong))
            .select(
                col(Columns.DOC_ID),
                col(Columns.SENTENCE),
                lit(null).cast(DataTypes.StringType).as(Columns.SENTIMENT_LABEL),
                lit(null).cast(DataTypes.DoubleType).as(Columns.SENTIMENT_SCORE),
                lit(null)
                    .cast(DataTypes.createArrayType(DataTypes.DoubleType, false))
                    .as(Columns.SENTIMENT_PROBS),
                lit(null).cast(DataTypes.StringType).as(Columns.CORENLP_LABEL),
                lit(null).cast(DataTypes.DoubleType).as(Columns.CORENLP_SCORE),
                lit(TOO_LONG).as(Columns.SENTIMENT_STATUS),
                lit(null)
                    .cast(DataTypes.createArrayType(FramingTables.ENTITY, false))
                    .as(Columns.ENTITIES),
                lit(null)
                    .cast(DataTypes.createArrayType(FramingTables.EVENT, false))
                    .as(Columns.EVENTS));
    Dataset<Row> results = scored.unionByName(skipped);
    if (reused != null) {
      results = results.unionByName(reused);
    }
    boolean small = sentencesInScope <= BROADCAST_MAX_RESULTS;
    return sentences.join(small ? broadcast(results) : results, key, "left");
  }

  /** Whether a sentence (doc_id, sentence, zones, ...) is in the scope sentiment is scored for. */
  public static Column inScope(JobConfig.Sentiment settings) {
    return settings.allSentences() ? lit(true) : size(col(Columns.ZONES)).gt(0);
  }

  /**
   * zone_sentiment: per zone, zone x month and zone x role, over scored sentences: n sentences, n
   * documents, mean score with a 95% bootstrap interval (documents resampled, seeded per group),
   * and the share of each class.
   */
  public static Dataset<Row> byZone(
      Dataset<Row> sentences,
      Dataset<Row> turns,
      Dataset<Row> documents,
      JobConfig.Sentiment settings) {
    Dataset<Row> rows = zoneRows(sentences, turns, documents);
    List<ClusteredMeans.Level> levels =
        List.of(
            new ClusteredMeans.Level(rows, List.of(Columns.ZONE)),
            new ClusteredMeans.Level(
                rows.filter(col(Columns.PERIOD).isNotNull()),
                List.of(Columns.ZONE, Columns.PERIOD)),
            new ClusteredMeans.Level(rows, List.of(Columns.ZONE, Columns.ROLE)));
    Map<String, Column> shares = new LinkedHashMap<>();
    for (String label : SentimentScorer.LABELS) {
      shares.put(
          Columns.SHARE_PREFIX + label,
          when(col(Columns.SENTIMENT_LABEL).equalTo(label), 1).otherwise(0));
    }
    ClusteredMeans.Spec spec =
        new ClusteredMeans.Spec(
            List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE),
            Columns.SENTIMENT_SCORE,
            Columns.N_SENTENCES,
            Columns.MEAN_SCORE,
            shares,
            null,
            settings.bootstrapResamples(),
            settings.seed());
    Dataset<Row> groups = ClusteredMeans.ofLevels(levels, spec);
    List<Column> out = new ArrayList<>();
    for (String column : Table.ZONE_SENTIMENT.schema().fieldNames()) {
      out.add(col(column));
    }
    return groups.select(out.toArray(new Column[0]));
  }

  /**
   * zone_sentiment_comparisons: for each configured comparison, all time, the difference of mean
   * scores (target minus reference) with a 95% interval from independent document bootstraps of the
   * two sides. Per-document sums are collected: one row per document, not the corpus.
   */
  public static Dataset<Row> comparisons(
      Dataset<Row> sentences,
      List<JobConfig.KeynessComparison> comparisons,
      JobConfig.Sentiment settings) {
    SparkSession spark = sentences.sparkSession();
    Dataset<Row> scored =
        sentences.filter(
            col(Columns.SENTIMENT_STATUS)
                .equalTo(SCORED)
                .and(col(Columns.SENTIMENT_SCORE).isNotNull()));
    List<Row> rows = new ArrayList<>();
    for (JobConfig.KeynessComparison comparison : comparisons) {
      Dataset<Row> target = scored.filter(ZoneTagging.inAnyZone(comparison.target()));
      Dataset<Row> reference =
          comparison.reference().isEmpty()
              ? scored.filter(ZoneTagging.inAnyZone(comparison.target()).unary_$bang())
              : scored.filter(ZoneTagging.inAnyZone(comparison.reference()));
      DocSums t = docSums(target);
      DocSums r = docSums(reference);
      long seed =
          settings.seed()
              ^ (comparison.targetLabel() + "|" + comparison.referenceLabel()).hashCode();
      DocumentBootstrap.Comparison c =
          DocumentBootstrap.compare(
              t.sums, t.counts, r.sums, r.counts, settings.bootstrapResamples(), seed);
      rows.add(
          RowFactory.create(
              comparison.targetLabel(),
              comparison.referenceLabel(),
              c.nTarget(),
              c.nReference(),
              (long) c.documentsTarget(),
              (long) c.documentsReference(),
              RowValues.nullIfNaN(c.meanTarget()),
              RowValues.nullIfNaN(c.meanReference()),
              RowValues.nullIfNaN(c.meanDifference()),
              RowValues.nullIfNaN(c.difference().low()),
              RowValues.nullIfNaN(c.difference().high())));
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

  /** Per-document score sums and sentence counts of one side. */
  private record DocSums(double[] sums, long[] counts) {}

  private static DocSums docSums(Dataset<Row> scored) {
    List<Row> docs =
        scored
            .groupBy(Columns.DOC_ID)
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
  private static Dataset<Row> zoneRows(
      Dataset<Row> sentences, Dataset<Row> turns, Dataset<Row> documents) {
    Dataset<Row> periods =
        LexicalUnits.analysedDocuments(documents).select(Columns.DOC_ID, Columns.PERIOD);
    return sentences
        .filter(
            col(Columns.SENTIMENT_STATUS)
                .equalTo(SCORED)
                .and(col(Columns.SENTIMENT_SCORE).isNotNull()))
        .join(
            turns.select(Columns.DOC_ID, Columns.TURN, Columns.ROLE),
            new String[] {Columns.DOC_ID, Columns.TURN})
        .join(periods, Columns.DOC_ID)
        .select(
            explode(col(Columns.ZONES)).as(Columns.ZONE),
            col(Columns.DOC_ID),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.SENTIMENT_SCORE),
            col(Columns.SENTIMENT_LABEL));
  }
}
