package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.TopicCoherence;

/**
 * The topics table: each topic's top terms with their weights, its label, coherence (NPMI and UMass
 * over the modelled units) and mean share. Prevalence is {@link TopicPrevalence}'s.
 */
public final class TopicReport {
  /** A unit's share of one topic, in exploded rows. */
  static final String SHARE = "share";

  private TopicReport() {}

  /**
   * Unit frequencies of the topics' top {@code n} terms and of their pairs, over the modelled units
   * (features rows): one accumulator per partition, merged on the driver. A unit holds a term when
   * its count vector over {@code vocabulary} does (the top terms are vocabulary terms, and the
   * vocabulary counts every occurrence), so the units' terms themselves need not be kept.
   */
  public static TopicCoherence.Cooccurrences cooccurrences(
      Dataset<Row> features, String[] vocabulary, List<TopicTerms> topics, int n) {
    Set<String> tracked = new TreeSet<>();
    topics.forEach(t -> tracked.addAll(t.terms().subList(0, Math.min(n, t.terms().size()))));
    List<String> terms = List.copyOf(tracked);
    MapPartitionsFunction<Row, TopicCoherence.Cooccurrences> count =
        rows -> {
          TopicCoherence.Cooccurrences counts = new TopicCoherence.Cooccurrences(terms);
          rows.forEachRemaining(
              r -> {
                List<String> present = new ArrayList<>();
                for (int index : r.<Vector>getAs(0).toSparse().indices()) {
                  present.add(vocabulary[index]);
                }
                counts.addUnit(present);
              });
          return List.of(counts).iterator();
        };
    return features
        .select(Columns.FEATURES)
        .mapPartitions(count, Encoders.javaSerialization(TopicCoherence.Cooccurrences.class))
        .reduce((ReduceFunction<TopicCoherence.Cooccurrences>) (a, b) -> a.merge(b));
  }

  /** NPMI and UMass coherence of each topic's top {@code n} terms. */
  public static Map<Integer, double[]> coherence(
      List<TopicTerms> topics, TopicCoherence.Cooccurrences counts, int n) {
    Map<Integer, double[]> coherence = new TreeMap<>();
    for (TopicTerms topic : topics) {
      List<String> top = topic.terms().subList(0, Math.min(n, topic.terms().size()));
      coherence.put(
          topic.topic(),
          new double[] {TopicCoherence.npmi(top, counts), TopicCoherence.umass(top, counts)});
    }
    return coherence;
  }

  /**
   * The topics table: per topic its top terms with weights, label, coherence and its mean share
   * over all modelled units.
   */
  public static Dataset<Row> topicsTable(
      SparkSession spark,
      List<TopicTerms> topics,
      Map<Integer, double[]> coherence,
      Map<Integer, Double> meanShares) {
    List<Row> rows = new ArrayList<>();
    for (TopicTerms topic : topics) {
      double[] c = coherence.get(topic.topic());
      for (int i = 0; i < topic.terms().size(); i++) {
        rows.add(
            RowFactory.create(
                topic.topic(),
                i + 1,
                topic.terms().get(i),
                topic.weights().get(i),
                topic.label(),
                RowValues.nullIfNaN(c[0]),
                RowValues.nullIfNaN(c[1]),
                meanShares.get(topic.topic())));
      }
    }
    return spark.createDataFrame(rows, Table.TOPICS.schema());
  }

  /** Mean share of each topic over all modelled units. */
  public static Map<Integer, Double> meanShares(Dataset<Row> shares) {
    Map<Integer, Double> means = new TreeMap<>();
    for (Row row :
        shares
            .select(
                posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}))
            .groupBy(Columns.TOPIC)
            .agg(org.apache.spark.sql.functions.avg(SHARE))
            .collectAsList()) {
      means.put(row.getInt(0), row.getDouble(1));
    }
    return means;
  }

  /** topic number, label: for joining labels onto prevalence rows. */
  public static Dataset<Row> labels(SparkSession spark, List<TopicTerms> topics) {
    List<Row> rows = new ArrayList<>();
    topics.forEach(t -> rows.add(RowFactory.create(t.topic(), t.label())));
    StructType schema =
        new StructType()
            .add(Columns.TOPIC, DataTypes.IntegerType, false)
            .add(Columns.LABEL, DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }
}
