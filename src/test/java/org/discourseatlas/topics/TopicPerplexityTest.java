package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model's log perplexity from its units' shares ({@link TopicModel#logPerplexity(Dataset,
 * Dataset)}) against Spark's own bound, on a two-topic model of twelve documents' turns.
 */
class TopicPerplexityTest {
  private static TopicModel model;
  private static Dataset<Row> features;
  private static Dataset<Row> shares;

  @BeforeAll
  static void fit() {
    SparkSession spark = SharedSpark.session();
    JobConfig.Topics small = TopicFixtures.small(JobConfigLoader.defaults().topics());
    Dataset<Row> units =
        TopicUnits.of(TopicFixtures.twoThemes(spark), JobConfig.TopicUnit.TURN, List.of());
    TopicModelEstimator estimator = new TopicModelEstimator(small);
    model = estimator.fit(units);
    features = estimator.features(model.vocabularyModel(), units).cache();
    shares = TopicInference.shares(model, features).cache();
  }

  /**
   * Spark's LocalLDAModel.logLikelihood of one unit alone, in one partition, infers its gamma with
   * the model's seed (seed + row id 0), as transform does for the shares: so Spark's value is the
   * unit's part plus the topic part, to rounding. Reference: Spark's logLikelihoodBound itself.
   */
  @Test
  void eachUnitsBoundIsSparksLogLikelihoodOfThatUnitAlone() {
    double topicsPart = model.bound().topicsPart();
    List<Row> units = features.select(Columns.DOC_ID, Columns.TURN).collectAsList();
    assertEquals(24, units.size());
    double sparkUnitParts = 0;
    double tokens = 0;
    for (Row unit : units) {
      Column isUnit =
          col(Columns.DOC_ID)
              .equalTo(unit.getString(0))
              .and(col(Columns.TURN).equalTo(unit.getInt(1)));
      Dataset<Row> alone = features.filter(isUnit).coalesce(1);
      Dataset<Row> itsShares = shares.filter(isUnit);
      double spark = model.logLikelihood(alone);
      double unitTokens = -spark / model.logPerplexity(alone);
      double ours = -model.logPerplexity(alone, itsShares) * unitTokens;
      assertEquals(spark, ours, Math.abs(spark) * 1e-9, "unit " + unit);
      sparkUnitParts += spark - topicsPart;
      tokens += unitTokens;
    }
    double expected = -(sparkUnitParts + topicsPart) / tokens;
    assertEquals(expected, model.logPerplexity(features, shares), Math.abs(expected) * 1e-9);
  }

  @Test
  void theValueDoesNotDependOnHowTheUnitsArePartitioned() {
    double one = model.logPerplexity(features.coalesce(1), shares);
    double three = model.logPerplexity(features.repartition(3), shares.repartition(2));
    assertEquals(one, three, Math.abs(one) * 1e-12);
    assertTrue(one > 0, "a per-token log perplexity is positive: " + one);
    // Spark's own (each unit seeded by its position) is the same bound at another gamma: close.
    double sparks = model.logPerplexity(features);
    assertEquals(sparks, one, Math.abs(sparks) * 1e-3);
  }
}
