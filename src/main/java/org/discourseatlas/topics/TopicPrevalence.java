package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
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
   * (seeded per group; every topic of a group uses the same resamples).
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
    List<Dataset<Row>> levels = new ArrayList<>();
    levels.add(level(perUnit, settings));
    levels.add(level(perUnit.filter(col(Columns.PERIOD).isNotNull()), settings, Columns.PERIOD));
    levels.add(level(perZone, settings, Columns.ZONE));
    levels.add(
        level(
            perZone.filter(col(Columns.PERIOD).isNotNull()),
            settings,
            Columns.ZONE,
            Columns.PERIOD));
    levels.add(
        level(perZone.filter(col(Columns.ROLE).isNotNull()), settings, Columns.ZONE, Columns.ROLE));
    levels.add(
        level(
            perZone.filter(col(Columns.PERIOD).isNotNull().and(col(Columns.ROLE).isNotNull())),
            settings,
            Columns.ZONE,
            Columns.PERIOD,
            Columns.ROLE));
    Dataset<Row> all = levels.get(0);
    for (Dataset<Row> level : levels.subList(1, levels.size())) {
      all = all.unionByName(level);
    }
    return all.join(broadcast(labels), Columns.TOPIC);
  }

  private static Dataset<Row> level(Dataset<Row> rows, JobConfig.Topics settings, String... keys) {
    List<String> groupKeys = new ArrayList<>(List.of(keys));
    groupKeys.add(Columns.TOPIC);
    // The seed key leaves the topic out: all topics of a group draw the same documents.
    List<Column> keyParts = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      keyParts.add(List.of(keys).contains(key) ? coalesce(col(key), lit("")) : lit("-"));
    }
    ClusteredMeans.Spec spec =
        new ClusteredMeans.Spec(
            groupKeys,
            SHARE,
            Columns.N,
            Columns.MEAN_SHARE,
            Map.of(),
            concat_ws("|", keyParts.toArray(new Column[0])),
            settings.bootstrapResamples(),
            settings.seed());
    Dataset<Row> groups = ClusteredMeans.of(rows, spec);
    List<Column> out = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      out.add(
          List.of(keys).contains(key) ? col(key) : lit(null).cast(DataTypes.StringType).as(key));
    }
    for (String column :
        List.of(
            Columns.TOPIC,
            Columns.MEAN_SHARE,
            Columns.CI_LOW,
            Columns.CI_HIGH,
            Columns.N,
            Columns.N_DOCUMENTS)) {
      out.add(col(column));
    }
    return groups.select(out.toArray(new Column[0]));
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
