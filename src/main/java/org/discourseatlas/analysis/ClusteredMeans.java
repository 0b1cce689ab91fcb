package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.DocumentBootstrap;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Group means of a per-observation value (a sentence's sentiment score, a unit's topic share) with
 * a 95% interval from a bootstrap over documents ({@link DocumentBootstrap}): observations of one
 * document are not independent, so documents are resampled, each with all its observations.
 */
public final class ClusteredMeans {
  private static final String DOC_SUM = "doc_sum";
  private static final String DOC_N = "doc_n";
  private static final String DOCS = "docs";
  private static final String INTERVAL = "interval";

  /**
   * What to compute.
   *
   * @param keys the group columns
   * @param value the column averaged
   * @param countColumn the output column counting observations
   * @param meanColumn the output column of the mean
   * @param shares further per-observation expressions (output name to expression) averaged over the
   *     group's observations, without intervals
   * @param seedKey a string per group from its key columns: the group's bootstrap seed is {@code
   *     seed ^ seedKey.hashCode()}, so it does not depend on the order groups are computed
   */
  public record Spec(
      List<String> keys,
      String value,
      String countColumn,
      String meanColumn,
      Map<String, Column> shares,
      Column seedKey,
      int resamples,
      long seed) {}

  private ClusteredMeans() {}

  /**
   * One level of a stacked computation ({@link #stack}).
   *
   * @param rows the level's observations
   * @param keys its group columns, some of the stack's keys
   */
  public record Level(Dataset<Row> rows, List<String> keys) {}

  /** The level's number in a stack ({@link #stack}). */
  public static final String LEVEL = "clustered_means_level";

  /**
   * A stacked row's seed key ({@link #stack}): per key of the stack, in order, the row's value (""
   * for null) where its level groups by the key and "-" where it does not, joined by "|".
   */
  public static final String SEED_KEY = "clustered_means_seed_key";

  /**
   * The rows of several levels (the same observations grouped by different columns) as one dataset:
   * each level's rows tagged with its number ({@link #LEVEL}) and seed key ({@link #SEED_KEY}), the
   * keys it does not group by set to null (strings). Grouped by the level, the keys and the seed
   * key, the stack gives every level's groups in one aggregation: two shuffles in all instead of
   * two per level (a level's aggregations over a few thousand groups were a handful of small Spark
   * jobs each, whose fixed costs were most of a refresh's time in these stages, decision 0034).
   */
  public static Dataset<Row> stack(List<Level> levels, List<String> keys) {
    Dataset<Row> stacked = null;
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      List<Column> seedParts = new ArrayList<>();
      for (String key : keys) {
        seedParts.add(level.keys().contains(key) ? coalesce(col(key), lit("")) : lit("-"));
      }
      Dataset<Row> rows =
          level
              .rows()
              .withColumn(LEVEL, lit(i))
              .withColumn(SEED_KEY, concat_ws("|", seedParts.toArray(new Column[0])));
      for (String key : keys) {
        if (!level.keys().contains(key)) {
          rows = rows.withColumn(key, lit(null).cast(DataTypes.StringType));
        }
      }
      stacked = stacked == null ? rows : stacked.unionByName(rows);
    }
    return stacked;
  }

  /**
   * Every level's groups, as {@link #of} gives each level's, from one aggregation of their {@link
   * #stack} by the spec's keys. The spec's seedKey is not used (pass null): each group's is its
   * {@link #SEED_KEY}.
   *
   * @return the spec's keys (null where a level does not group by them), count, n_documents, mean,
   *     ci_low, ci_high, then the shares
   */
  public static Dataset<Row> ofLevels(List<Level> levels, Spec spec) {
    List<String> keys = new ArrayList<>();
    keys.add(LEVEL);
    keys.addAll(spec.keys());
    keys.add(SEED_KEY);
    Spec stackedSpec =
        new Spec(
            keys,
            spec.value(),
            spec.countColumn(),
            spec.meanColumn(),
            spec.shares(),
            col(SEED_KEY),
            spec.resamples(),
            spec.seed());
    return of(stack(levels, spec.keys()), stackedSpec).drop(LEVEL, SEED_KEY);
  }

  /**
   * @param rows one row per observation: the keys, doc_id and the value
   * @return keys, count, n_documents, mean, ci_low, ci_high, then the shares
   */
  public static Dataset<Row> of(Dataset<Row> rows, Spec spec) {
    List<Column> groupKeys = new ArrayList<>();
    spec.keys().forEach(k -> groupKeys.add(col(k)));
    List<Column> docKeys = new ArrayList<>(groupKeys);
    docKeys.add(col(Columns.DOC_ID));
    List<Column> perDocument = new ArrayList<>();
    perDocument.add(count(lit(1)).as(DOC_N));
    Map<String, String> shareSums = new LinkedHashMap<>();
    spec.shares()
        .forEach(
            (name, expression) -> {
              String sumName = "sum_" + name;
              shareSums.put(name, sumName);
              perDocument.add(sum(expression).as(sumName));
            });
    Dataset<Row> documents =
        rows.groupBy(docKeys.toArray(new Column[0]))
            .agg(sum(spec.value()).as(DOC_SUM), perDocument.toArray(new Column[0]));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(countDistinct(Columns.DOC_ID).as(Columns.N_DOCUMENTS));
    aggregates.add(sum(DOC_SUM).divide(sum(DOC_N)).as(spec.meanColumn()));
    aggregates.add(collect_list(struct(col(Columns.DOC_ID), col(DOC_SUM), col(DOC_N))).as(DOCS));
    shareSums.forEach((name, sumName) -> aggregates.add(sum(sumName).divide(sum(DOC_N)).as(name)));
    Dataset<Row> groups =
        documents
            .groupBy(groupKeys.toArray(new Column[0]))
            .agg(sum(DOC_N).as(spec.countColumn()), aggregates.toArray(new Column[0]));
    int resamples = spec.resamples();
    long seed = spec.seed();
    UDF2<Seq<Row>, String, Row> bootstrap =
        (docs, seedKey) -> {
          // Sorted by document id, so the resamples do not depend on the order rows arrived in.
          List<Row> list = new ArrayList<>(CollectionConverters.asJava(docs));
          list.sort(Comparator.comparing(r -> r.getString(0)));
          double[] sums = new double[list.size()];
          long[] counts = new long[list.size()];
          for (int i = 0; i < list.size(); i++) {
            sums[i] = list.get(i).getDouble(1);
            counts[i] = list.get(i).getLong(2);
          }
          DocumentBootstrap.Interval interval =
              DocumentBootstrap.interval(
                  DocumentBootstrap.means(sums, counts, resamples, seed ^ seedKey.hashCode()));
          return RowFactory.create(interval.low(), interval.high());
        };
    StructType intervalType =
        new StructType()
            .add(Columns.CI_LOW, DataTypes.DoubleType)
            .add(Columns.CI_HIGH, DataTypes.DoubleType);
    List<Column> out = new ArrayList<>(groupKeys);
    out.add(col(spec.countColumn()));
    out.add(col(Columns.N_DOCUMENTS));
    out.add(col(spec.meanColumn()));
    out.add(col(INTERVAL + "." + Columns.CI_LOW).as(Columns.CI_LOW));
    out.add(col(INTERVAL + "." + Columns.CI_HIGH).as(Columns.CI_HIGH));
    spec.shares().keySet().forEach(name -> out.add(col(name)));
    return groups
        .withColumn(INTERVAL, udf(bootstrap, intervalType).apply(col(DOCS), spec.seedKey()))
        .select(out.toArray(new Column[0]));
  }
}
