package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.analysis.ClusteredMeans;
import org.discourseatlas.analysis.ZoneTagging;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.DocumentBootstrap;

/**
 * topic_prevalence and topic_prevalence_comparisons: mean topic shares of units per group, with
 * intervals from bootstraps over documents.
 */
public final class TopicPrevalence {
  private static final String SHARE = TopicReport.SHARE;

  private TopicPrevalence() {}

  /**
   * topic_prevalence: the mean topic share of units over the corpus, per month, per zone, zone x
   * month, zone x role and zone x month x role, with 95% intervals from a bootstrap over documents
   * (seeded per group; every topic of a group uses the same resamples, drawn once for all topics).
   *
   * <p>The six levels are stacked, each unit's rows tagged with its level, and aggregated together:
   * two shuffles for all levels instead of two per level (each level's small queries were most of
   * this stage's time in a refresh, decision 0034).
   *
   * @param labels topic number to label
   */
  public static Dataset<Row> prevalence(
      Dataset<Row> shares, Dataset<Row> labels, JobConfig.Topics settings) {
    Dataset<Row> perUnit =
        shares.select(
            col(Columns.DOC_ID),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.ZONES),
            posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}));
    Dataset<Row> perZone = perUnit.withColumn(Columns.ZONE, explode(col(Columns.ZONES)));
    Column dated = col(Columns.PERIOD).isNotNull();
    Column withRole = col(Columns.ROLE).isNotNull();
    List<ClusteredMeans.Level> levels =
        List.of(
            new ClusteredMeans.Level(perUnit, List.of()),
            new ClusteredMeans.Level(perUnit.filter(dated), List.of(Columns.PERIOD)),
            new ClusteredMeans.Level(perZone, List.of(Columns.ZONE)),
            new ClusteredMeans.Level(perZone.filter(dated), List.of(Columns.ZONE, Columns.PERIOD)),
            new ClusteredMeans.Level(perZone.filter(withRole), List.of(Columns.ZONE, Columns.ROLE)),
            new ClusteredMeans.Level(
                perZone.filter(dated.and(withRole)),
                List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)));
    // The seed key leaves the topic out: all topics of a group draw the same documents.
    Dataset<Row> stacked = ClusteredMeans.stack(levels, GROUP_COLUMNS);
    List<Column> groupKeys = new ArrayList<>();
    for (String key : LEVEL_KEYS) {
      groupKeys.add(col(key));
    }
    List<Column> documentKeys = new ArrayList<>(groupKeys);
    documentKeys.add(col(Columns.DOC_ID));
    documentKeys.add(col(Columns.TOPIC));
    Dataset<Row> documents =
        stacked
            .groupBy(documentKeys.toArray(new Column[0]))
            .agg(sum(SHARE).as(DOC_SUM), count(lit(1)).as(DOC_N));
    Dataset<Row> groups =
        documents
            .groupBy(groupKeys.toArray(new Column[0]))
            .agg(collect_list(struct(Columns.DOC_ID, Columns.TOPIC, DOC_SUM, DOC_N)).as(DOCS));
    int resamples = settings.bootstrapResamples();
    long seed = settings.seed();
    Dataset<Row> means =
        groups.flatMap(
            (FlatMapFunction<Row, Row>) group -> groupMeans(group, resamples, seed).iterator(),
            Encoders.row(GROUP_MEANS));
    return means.join(broadcast(labels), Columns.TOPIC);
  }

  private static final String DOC_SUM = "doc_sum";
  private static final String DOC_N = "doc_n";
  private static final String DOCS = "docs";

  /** The group columns of the levels, in seed-key order. */
  private static final List<String> GROUP_COLUMNS =
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE);

  /** A group: its level, the group columns (null where the level has none) and its seed key. */
  private static final List<String> LEVEL_KEYS = new ArrayList<>();

  static {
    LEVEL_KEYS.add(ClusteredMeans.LEVEL);
    LEVEL_KEYS.addAll(GROUP_COLUMNS);
    LEVEL_KEYS.add(ClusteredMeans.SEED_KEY);
  }

  private static final StructType GROUP_MEANS =
      new StructType()
          .add(Columns.ZONE, DataTypes.StringType, true)
          .add(Columns.PERIOD, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, true)
          .add(Columns.TOPIC, DataTypes.IntegerType, false)
          .add(Columns.MEAN_SHARE, DataTypes.DoubleType, false)
          .add(Columns.CI_LOW, DataTypes.DoubleType, true)
          .add(Columns.CI_HIGH, DataTypes.DoubleType, true)
          .add(Columns.N, DataTypes.LongType, false)
          .add(Columns.N_DOCUMENTS, DataTypes.LongType, false);

  /**
   * One group's rows, a row per topic: the mean share (the documents' share sums over their unit
   * counts) and its interval. Documents are sorted by id, so the resamples do not depend on the
   * order rows arrived in; the seed key leaves the topic out, so all topics of a group draw the
   * same documents, and are drawn once ({@link DocumentBootstrap#meanDistributions}).
   */
  private static List<Row> groupMeans(Row group, int resamples, long seed) {
    List<Row> docTopics = new ArrayList<>(group.getList(5));
    docTopics.sort(
        Comparator.comparing((Row r) -> r.getString(0)).thenComparingInt(r -> r.getInt(1)));
    int topics = 0;
    for (Row r : docTopics) {
      topics = Math.max(topics, r.getInt(1) + 1);
    }
    List<double[]> sums = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    String document = null;
    for (Row r : docTopics) {
      if (!r.getString(0).equals(document)) {
        document = r.getString(0);
        sums.add(new double[topics]);
        counts.add(r.getLong(3));
      }
      sums.get(sums.size() - 1)[r.getInt(1)] = r.getDouble(2);
    }
    int n = counts.size();
    long[] unitCounts = new long[n];
    long units = 0;
    double[] totals = new double[topics];
    for (int i = 0; i < n; i++) {
      unitCounts[i] = counts.get(i);
      units += unitCounts[i];
      for (int t = 0; t < topics; t++) {
        totals[t] += sums.get(i)[t];
      }
    }
    double[][] distributions =
        DocumentBootstrap.meanDistributions(
            sums.toArray(new double[0][]),
            unitCounts,
            topics,
            resamples,
            seed ^ group.getString(4).hashCode());
    List<Row> out = new ArrayList<>(topics);
    for (int t = 0; t < topics; t++) {
      DocumentBootstrap.Interval interval = DocumentBootstrap.interval(distributions[t]);
      out.add(
          RowFactory.create(
              group.getString(1),
              group.getString(2),
              group.getString(3),
              t,
              totals[t] / units,
              interval.low(),
              interval.high(),
              units,
              (long) n));
    }
    return out;
  }

  /**
   * topic_prevalence_comparisons: for each configured comparison, per topic the mean share of the
   * target's units and of the reference's (or of all other units), and the difference with a 95%
   * interval from independent document bootstraps of the two sides.
   */
  public static Dataset<Row> comparisons(
      Dataset<Row> shares,
      List<TopicTerms> topics,
      List<JobConfig.KeynessComparison> comparisons,
      JobConfig.Topics settings) {
    SparkSession spark = shares.sparkSession();
    Dataset<Row> perDocument =
        shares.select(
            col(Columns.DOC_ID),
            col(Columns.ZONES),
            posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}));
    List<Row> rows = new ArrayList<>();
    for (JobConfig.KeynessComparison comparison : comparisons) {
      Column inTarget = ZoneTagging.inAnyZone(comparison.target());
      Column inReference =
          comparison.reference().isEmpty()
              ? inTarget.unary_$bang()
              : ZoneTagging.inAnyZone(comparison.reference());
      Map<Integer, DocumentSums> target = documentSums(perDocument.filter(inTarget), topics.size());
      Map<Integer, DocumentSums> reference =
          documentSums(perDocument.filter(inReference), topics.size());
      long seed =
          settings.seed()
              ^ (comparison.targetLabel() + "|" + comparison.referenceLabel()).hashCode();
      for (TopicTerms topic : topics) {
        DocumentSums t = target.get(topic.topic());
        DocumentSums r = reference.get(topic.topic());
        DocumentBootstrap.Comparison c =
            DocumentBootstrap.compare(
                t.sums(), t.counts(), r.sums(), r.counts(), settings.bootstrapResamples(), seed);
        rows.add(
            RowFactory.create(
                comparison.targetLabel(),
                comparison.referenceLabel(),
                topic.topic(),
                topic.label(),
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
    }
    return spark.createDataFrame(rows, Table.TOPIC_PREVALENCE_COMPARISONS.schema());
  }

  /** Per topic, each document's sum of unit shares and its unit count, documents by id. */
  private record DocumentSums(double[] sums, long[] counts) {}

  private static Map<Integer, DocumentSums> documentSums(Dataset<Row> perUnitTopic, int k) {
    List<Row> rows =
        perUnitTopic
            .groupBy(Columns.TOPIC, Columns.DOC_ID)
            .agg(sum(SHARE), count(lit(1)))
            .orderBy(Columns.TOPIC, Columns.DOC_ID)
            .collectAsList();
    Map<Integer, List<Row>> byTopic = new LinkedHashMap<>();
    for (int topic = 0; topic < k; topic++) {
      byTopic.put(topic, new ArrayList<>());
    }
    rows.forEach(r -> byTopic.get(r.getInt(0)).add(r));
    Map<Integer, DocumentSums> sums = new LinkedHashMap<>();
    byTopic.forEach(
        (topic, list) -> {
          double[] s = new double[list.size()];
          long[] c = new long[list.size()];
          for (int i = 0; i < list.size(); i++) {
            s[i] = list.get(i).getDouble(2);
            c[i] = list.get(i).getLong(3);
          }
          sums.put(topic, new DocumentSums(s, c));
        });
    return sums;
  }
}
