package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.KeynessStats;

/**
 * Keyness over the zone and corpus n-gram counts: which n-grams set a target (a zone or set of
 * zones) apart from a reference (another zone set, or the rest of the corpus). Counts are Spark
 * aggregations; only the per-row statistics are plain Java ({@link KeynessStats}), shared with
 * {@link Collocations}.
 */
public final class Keyness {
  private static final String SCORES = "scores";
  private static final String PRIOR = "prior";
  private static final String PRIOR_TOTAL = "prior_total";
  private static final String ENTRY = "entry";
  private static final String ZONE_COUNTS = "zone_counts";
  private static final String TOTAL = "total";
  private static final StructType SCORE_STRUCT =
      new StructType()
          .add(Columns.CHI2, DataTypes.DoubleType)
          .add(Columns.G2, DataTypes.DoubleType)
          .add(Columns.PMI, DataTypes.DoubleType)
          .add(Columns.P_VALUE, DataTypes.DoubleType)
          .add(Columns.P_VALUE_G2, DataTypes.DoubleType)
          .add(Columns.LOG_ODDS, DataTypes.DoubleType)
          .add(Columns.LOG_ODDS_Z, DataTypes.DoubleType);

  private Keyness() {}

  /** How keyness is scored. */
  public record Settings(double alpha0, KeynessStats.Correction correction, int minCount)
      implements Serializable {}

  /** N-gram counts over the units' sentences: term, ngram, count. */
  static Dataset<Row> ngramCounts(Dataset<Row> units) {
    return units
        .select(explode(col(LexicalUnits.NGRAMS)).as("g"))
        .groupBy(
            col("g." + Columns.TERM).as(Columns.TERM), col("g." + Columns.NGRAM).as(Columns.NGRAM))
        .count();
  }

  /**
   * What keyness is scored from: the zone and corpus n-gram counts; the candidates, one row per
   * n-gram of the corpus that can reach the minimum count (term, ngram, prior = its corpus count,
   * zone_counts = each zone's count of it, as a map); and the totals per n-gram order of each zone
   * and of the corpus, a few rows. Made once by {@link #counts} for every comparison.
   */
  public record Counts(
      Dataset<Row> zoneCounts,
      Dataset<Row> corpusCounts,
      Dataset<Row> candidates,
      Dataset<Row> zoneTotals,
      Dataset<Row> corpusTotals,
      List<String> zones) {}

  /**
   * The keyness inputs from the zone counts (zone, term, ngram, count) and the corpus counts (term,
   * ngram, count). The candidates are one aggregation of the zone rows with the corpus rows whose
   * count is at least half the minimum count: a row of a comparison needs target + reference >=
   * min-count, and each side counts at most the corpus's occurrences, so prior >= min-count / 2;
   * against the rest, target + reference is the prior itself. {@code keep} holds the candidates and
   * the totals (read by every comparison).
   */
  public static Counts counts(
      Dataset<Row> zoneCounts,
      Dataset<Row> corpusCounts,
      Settings settings,
      UnaryOperator<Dataset<Row>> keep) {
    long minPrior = (settings.minCount() + 1) / 2;
    StructType entryType =
        new StructType()
            .add(Columns.ZONE, DataTypes.StringType)
            .add(Columns.COUNT, DataTypes.LongType);
    Column entry =
        struct(col(Columns.ZONE), col(Columns.COUNT).cast(DataTypes.LongType).as(Columns.COUNT));
    Dataset<Row> zoneEntries =
        zoneCounts.select(
            col(Columns.TERM),
            col(Columns.NGRAM),
            lit(null).cast(DataTypes.LongType).as(PRIOR),
            entry.cast(entryType).as(ENTRY));
    Dataset<Row> priors =
        corpusCounts
            .filter(col(Columns.COUNT).geq(minPrior))
            .select(
                col(Columns.TERM),
                col(Columns.NGRAM),
                col(Columns.COUNT).cast(DataTypes.LongType).as(PRIOR),
                lit(null).cast(entryType).as(ENTRY));
    // One row per n-gram: collect_list skips the corpus rows' null entries, and a zone counts an
    // n-gram once, so the map's keys are distinct.
    Dataset<Row> candidates =
        keep.apply(
            zoneEntries
                .unionByName(priors)
                .groupBy(Columns.TERM, Columns.NGRAM)
                .agg(max(PRIOR).as(PRIOR), map_from_entries(collect_list(ENTRY)).as(ZONE_COUNTS))
                .filter(col(PRIOR).isNotNull()));
    // A few rows each (zones x orders): kept, and broadcast where they are joined.
    Dataset<Row> zoneTotals =
        keep.apply(
            zoneCounts
                .groupBy(Columns.ZONE, Columns.NGRAM)
                .agg(sum(Columns.COUNT).cast(DataTypes.LongType).as(TOTAL)));
    Dataset<Row> corpusTotals =
        keep.apply(
            corpusCounts
                .groupBy(Columns.NGRAM)
                .agg(sum(Columns.COUNT).cast(DataTypes.LongType).as(PRIOR_TOTAL)));
    List<String> zones =
        zoneTotals
            .select(Columns.ZONE)
            .distinct()
            .orderBy(Columns.ZONE)
            .as(Encoders.STRING())
            .collectAsList();
    return new Counts(zoneCounts, corpusCounts, candidates, zoneTotals, corpusTotals, zones);
  }

  /**
   * The keyness table for the comparisons. Totals are per n-gram order (unigrams against unigram
   * totals); the Dirichlet prior is the whole corpus's counts; rows below the minimum count (target
   * + reference) are left out. A side of one zone is read from the candidates' zone counts; a side
   * of several zones is counted from their sentences (each sentence once).
   */
  public static Dataset<Row> compute(
      Dataset<Row> units,
      Counts counts,
      List<JobConfig.KeynessComparison> comparisons,
      Settings settings) {
    Dataset<Row> all = null;
    for (JobConfig.KeynessComparison comparison : comparisons) {
      boolean oneZoneEach = comparison.target().size() == 1 && comparison.reference().size() <= 1;
      Dataset<Row> rows =
          oneZoneEach
              ? ofOneZoneEach(counts, comparison, settings)
              : ofZoneSets(units, counts, comparison, settings);
      rows =
          scored(
              rows.withColumn(Columns.TARGET, lit(comparison.targetLabel()))
                  .withColumn(Columns.REFERENCE, lit(comparison.referenceLabel())),
              settings);
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /** A comparison of one zone with another, or with the rest, from the candidates. */
  private static Dataset<Row> ofOneZoneEach(
      Counts counts, JobConfig.KeynessComparison comparison, Settings settings) {
    Column target = zoneCount(comparison.target().get(0));
    boolean againstRest = comparison.reference().isEmpty();
    Column reference =
        againstRest ? col(PRIOR).minus(target) : zoneCount(comparison.reference().get(0));
    Dataset<Row> rows =
        counts
            .candidates()
            .select(
                col(Columns.TERM),
                col(Columns.NGRAM),
                col(PRIOR),
                target.as(Columns.COUNT_TARGET),
                reference.as(Columns.COUNT_REFERENCE))
            .filter(
                col(Columns.COUNT_TARGET)
                    .plus(col(Columns.COUNT_REFERENCE))
                    .geq(settings.minCount()))
            .join(
                broadcast(zoneTotal(counts, comparison.target().get(0), Columns.TOTAL_TARGET)),
                Columns.NGRAM)
            .join(broadcast(counts.corpusTotals()), Columns.NGRAM);
    return againstRest
        ? rows.withColumn(
            Columns.TOTAL_REFERENCE, col(PRIOR_TOTAL).minus(col(Columns.TOTAL_TARGET)))
        : rows.join(
            broadcast(zoneTotal(counts, comparison.reference().get(0), Columns.TOTAL_REFERENCE)),
            Columns.NGRAM);
  }

  /** A zone's count of each candidate: 0 where the zone does not hold the n-gram. */
  private static Column zoneCount(String zone) {
    return coalesce(try_element_at(col(ZONE_COUNTS), lit(zone)), lit(0L));
  }

  /** One zone's totals per order (ngram, name). */
  private static Dataset<Row> zoneTotal(Counts counts, String zone, String name) {
    return counts
        .zoneTotals()
        .filter(col(Columns.ZONE).equalTo(zone))
        .select(col(Columns.NGRAM), col(TOTAL).as(name));
  }

  /** A comparison where a side is a set of zones: counted from the sentences, each once. */
  private static Dataset<Row> ofZoneSets(
      Dataset<Row> units,
      Counts counts,
      JobConfig.KeynessComparison comparison,
      Settings settings) {
    Dataset<Row> target = side(units, counts.zoneCounts(), comparison.target());
    Dataset<Row> reference =
        comparison.reference().isEmpty()
            ? rest(counts.corpusCounts(), target)
            : side(units, counts.zoneCounts(), comparison.reference());
    Dataset<Row> prior =
        counts
            .corpusCounts()
            .select(col(Columns.TERM), col(Columns.NGRAM), col(Columns.COUNT).as(PRIOR));
    return pair(target, reference)
        .filter(
            col(Columns.COUNT_TARGET).plus(col(Columns.COUNT_REFERENCE)).geq(settings.minCount()))
        .join(totals(target, Columns.TOTAL_TARGET), Columns.NGRAM)
        .join(totals(reference, Columns.TOTAL_REFERENCE), Columns.NGRAM)
        .join(prior, new String[] {Columns.TERM, Columns.NGRAM})
        .join(broadcast(counts.corpusTotals()), Columns.NGRAM);
  }

  /**
   * Every zone against the rest of the corpus, in one plan for all zones (not one plan per zone):
   * each candidate whose corpus count reaches the minimum, once per zone (exploded), with target =
   * the zone's count and reference = the corpus's count minus the zone's. Exact, since the corpus
   * counts each sentence once. A zone without n-grams of an order has no rows of that order.
   */
  public static Dataset<Row> eachZoneVersusRest(Counts counts, Settings settings) {
    Column zones =
        array(counts.zones().stream().map(functions::lit).toArray(Column[]::new))
            .cast(DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> rows =
        counts
            .candidates()
            .filter(col(PRIOR).geq(settings.minCount()))
            .select(
                col(Columns.TERM),
                col(Columns.NGRAM),
                col(PRIOR),
                col(ZONE_COUNTS),
                explode(zones).as(Columns.ZONE))
            .withColumn(
                Columns.COUNT_TARGET,
                coalesce(try_element_at(col(ZONE_COUNTS), col(Columns.ZONE)), lit(0L)))
            .withColumn(Columns.COUNT_REFERENCE, col(PRIOR).minus(col(Columns.COUNT_TARGET)))
            .join(
                broadcast(counts.zoneTotals().withColumnRenamed(TOTAL, Columns.TOTAL_TARGET)),
                new String[] {Columns.ZONE, Columns.NGRAM})
            .join(broadcast(counts.corpusTotals()), Columns.NGRAM)
            .withColumn(Columns.TOTAL_REFERENCE, col(PRIOR_TOTAL).minus(col(Columns.TOTAL_TARGET)))
            .withColumn(Columns.TARGET, col(Columns.ZONE))
            .withColumn(Columns.REFERENCE, lit(JobConfig.KeynessComparison.REST));
    return scored(rows, settings);
  }

  /**
   * Scores rows holding target, reference, term, ngram, counts, totals, prior and prior_total. A
   * side with no n-grams of an order (a zone whose windows cover the whole corpus leaves no rest)
   * has nothing to compare: those rows are left out rather than scored against nothing.
   */
  private static Dataset<Row> scored(Dataset<Row> rows, Settings settings) {
    UserDefinedFunction score = scoreFunction(settings);
    return rows.filter(col(Columns.TOTAL_TARGET).gt(0).and(col(Columns.TOTAL_REFERENCE).gt(0)))
        .withColumn(
            SCORES,
            score.apply(
                col(Columns.COUNT_TARGET),
                col(Columns.COUNT_REFERENCE),
                col(Columns.TOTAL_TARGET),
                col(Columns.TOTAL_REFERENCE),
                col(PRIOR),
                col(PRIOR_TOTAL)))
        .select(
            col(Columns.TARGET),
            col(Columns.REFERENCE),
            col(Columns.TERM),
            col(Columns.NGRAM),
            col(Columns.COUNT_TARGET),
            col(Columns.COUNT_REFERENCE),
            col(Columns.TOTAL_TARGET),
            col(Columns.TOTAL_REFERENCE),
            col(SCORES + "." + Columns.G2).as(Columns.G2),
            col(SCORES + "." + Columns.CHI2).as(Columns.CHI2),
            nanToNull(col(SCORES + "." + Columns.PMI)).as(Columns.PMI),
            nanToNull(col(SCORES + "." + Columns.LOG_ODDS)).as(Columns.LOG_ODDS),
            nanToNull(col(SCORES + "." + Columns.LOG_ODDS_Z)).as(Columns.LOG_ODDS_Z),
            col(SCORES + "." + Columns.P_VALUE).as(Columns.P_VALUE),
            col(SCORES + "." + Columns.P_VALUE_G2).as(Columns.P_VALUE_G2));
  }

  /**
   * Undefined values (PMI of a term absent from the target, log-odds without prior weight) are NaN
   * in {@link KeynessStats}; Spark sorts NaN above every number, so the table holds null.
   */
  static Column nanToNull(Column value) {
    return when(isnan(value), lit(null).cast(DataTypes.DoubleType)).otherwise(value);
  }

  static UserDefinedFunction scoreFunction(Settings settings) {
    UDF6<Long, Long, Long, Long, Long, Long, Row> scoreRow =
        (a, b, targetTotal, referenceTotal, priorCount, priorTotal) -> {
          KeynessStats.Scores s =
              KeynessStats.score(
                  a,
                  b,
                  targetTotal,
                  referenceTotal,
                  priorCount,
                  priorTotal,
                  settings.alpha0(),
                  settings.correction());
          return RowFactory.create(
              s.chi2(), s.g2(), s.pmi(), s.pValueChi2(), s.pValueG2(), s.logOdds(), s.logOddsZ());
        };
    return udf(scoreRow, SCORE_STRUCT);
  }

  /**
   * Counts of one side: a single zone from the zone counts; a set, from its sentences (each once).
   */
  private static Dataset<Row> side(
      Dataset<Row> units, Dataset<Row> zoneCounts, List<String> zones) {
    if (zones.size() == 1) {
      return zoneCounts.filter(col(Columns.ZONE).equalTo(zones.get(0))).drop(Columns.ZONE);
    }
    List<Column> ids = new ArrayList<>();
    zones.forEach(z -> ids.add(lit(z)));
    return ngramCounts(
        units.filter(arrays_overlap(col(Columns.ZONES), array(ids.toArray(new Column[0])))));
  }

  /** The corpus minus the target: exact, since the corpus counts each sentence once. */
  private static Dataset<Row> rest(Dataset<Row> corpusCounts, Dataset<Row> target) {
    Dataset<Row> t = target.withColumnRenamed(Columns.COUNT, "target_count");
    return corpusCounts
        .join(t, new String[] {Columns.TERM, Columns.NGRAM}, "left")
        .select(
            col(Columns.TERM),
            col(Columns.NGRAM),
            col(Columns.COUNT).minus(coalesce(col("target_count"), lit(0L))).as(Columns.COUNT));
  }

  /** Both sides' counts of each n-gram either holds (0 where one does not). */
  private static Dataset<Row> pair(Dataset<Row> target, Dataset<Row> reference) {
    return target
        .withColumnRenamed(Columns.COUNT, Columns.COUNT_TARGET)
        .join(
            reference.withColumnRenamed(Columns.COUNT, Columns.COUNT_REFERENCE),
            new String[] {Columns.TERM, Columns.NGRAM},
            "full_outer")
        .na()
        .fill(0L, new String[] {Columns.COUNT_TARGET, Columns.COUNT_REFERENCE});
  }

  private static Dataset<Row> totals(Dataset<Row> side, String name) {
    return side.groupBy(Columns.NGRAM).agg(sum(Columns.COUNT).cast(DataTypes.LongType).as(name));
  }
}
