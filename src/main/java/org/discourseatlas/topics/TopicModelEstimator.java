package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;

/**
 * Fits a {@link TopicModel} on topic units ({@link TopicUnits#of}), as Spark ML's
 * CountVectorizer/LDA estimators do, with every parameter in one place: the topic settings ({@code
 * topics.*}) and k. Inputs are never changed; the schema is checked before any work.
 *
 * <p>Determinism: the vocabulary is ordered by unit frequency then term; the units are fitted on a
 * fixed number of partitions ({@code topics.partitions}), hash-partitioned by document and sorted,
 * so the seeded mini-batch sampling sees the same units in the same order on any master.
 */
public final class TopicModelEstimator {
  /** Mini-batches of about this many units when {@code topics.mini-batch-fraction} is automatic. */
  private static final double AUTO_BATCH_UNITS = 1000;

  private static final double MIN_AUTO_FRACTION = 0.05;

  private final JobConfig.Topics settings;
  private final int k;

  /** An estimator with the configured k. */
  public TopicModelEstimator(JobConfig.Topics settings) {
    this(settings, settings.k());
  }

  private TopicModelEstimator(JobConfig.Topics settings, int k) {
    this.settings = settings;
    this.k = k;
  }

  /** This estimator with another number of topics (model selection). */
  public TopicModelEstimator withK(int k) {
    return new TopicModelEstimator(settings, k);
  }

  public JobConfig.Topics settings() {
    return settings;
  }

  public int k() {
    return k;
  }

  /**
   * Checks that {@code schema} holds the topic unit columns.
   *
   * @throws IllegalArgumentException naming the missing columns
   */
  public void validateUnits(StructType schema) {
    TopicSchema.require(schema, "topic units", TopicSchema.UNIT_COLUMNS);
  }

  /** Vocabulary, term counts and LDA on {@code units}, as the job does, in one call. */
  public TopicModel fit(Dataset<Row> units) {
    validateUnits(units.schema());
    CountVectorizerModel vocabulary = fitVocabulary(units);
    Dataset<Row> features = features(vocabulary, units);
    return fit(vocabulary, features, features.count());
  }

  /**
   * The vocabulary: terms in at least {@code minDocFreq} units and at most {@code maxDocShare} of
   * them, the {@code vocabularySize} most frequent by unit frequency (ties by term, so the order,
   * which seeds LDA's initial topics, is the same every run). Not Spark's CountVectorizer.fit,
   * whose order among equal frequencies is not fixed.
   */
  public CountVectorizerModel fitVocabulary(Dataset<Row> units) {
    return vocabularyModel(vocabularyTerms(units));
  }

  /**
   * The terms of {@link #fitVocabulary}, in its order; may be empty (a corpus too small for any
   * term to reach {@code minDocFreq}), which no CountVectorizerModel accepts.
   */
  public String[] vocabularyTerms(Dataset<Row> units) {
    validateUnits(units.schema());
    long n = units.count();
    long maxUnits = (long) Math.floor(settings.maxDocShare() * n);
    List<Row> rows =
        units
            .select(explode(array_distinct(col(Columns.TERMS))).as(Columns.TERM))
            .groupBy(Columns.TERM)
            .agg(count(lit(1)).as(Columns.DOC_FREQ))
            .filter(
                col(Columns.DOC_FREQ)
                    .geq(settings.minDocFreq())
                    .and(col(Columns.DOC_FREQ).leq(maxUnits)))
            .orderBy(col(Columns.DOC_FREQ).desc(), col(Columns.TERM).asc())
            .limit(settings.vocabularySize())
            .collectAsList();
    return rows.stream().map(r -> r.getString(0)).toArray(String[]::new);
  }

  /** A vocabulary model over {@code terms}, which must not be empty. */
  public static CountVectorizerModel vocabularyModel(String[] terms) {
    return new CountVectorizerModel(terms)
        .setInputCol(Columns.TERMS)
        .setOutputCol(Columns.FEATURES);
  }

  /**
   * The units the model sees: term counts over {@code vocabulary} (not changed: a copy counts),
   * units with fewer than {@code minUnitTerms} vocabulary terms left out, on {@code partitions}
   * partitions by document, sorted.
   *
   * @return the unit columns but terms, plus features and n_terms
   */
  public Dataset<Row> features(CountVectorizerModel vocabulary, Dataset<Row> units) {
    return partitioned(counted(vocabulary, units));
  }

  /**
   * {@link #features} as counted, in the units' partitions: for a refresh, which lays them out with
   * its base's kept features ({@link #partitioned} of the union, one shuffle).
   */
  public Dataset<Row> counted(CountVectorizerModel vocabulary, Dataset<Row> units) {
    validateUnits(units.schema());
    UDF1<Vector, Integer> total =
        v -> {
          double s = 0;
          for (double x : v.toSparse().values()) {
            s += x;
          }
          return (int) Math.round(s);
        };
    Dataset<Row> counted =
        TopicModel.vocabularyWithColumns(vocabulary)
            .transform(units)
            .withColumn(
                Columns.N_TERMS, udf(total, DataTypes.IntegerType).apply(col(Columns.FEATURES)));
    return counted.drop(Columns.TERMS).filter(col(Columns.N_TERMS).geq(settings.minUnitTerms()));
  }

  /**
   * Features rows on {@code topics.partitions} partitions by document, sorted: how {@link
   * #features} gives them, and how a refresh lays out its base's kept features with its new ones.
   */
  public Dataset<Row> partitioned(Dataset<Row> features) {
    return features
        .repartition(settings.partitions(), col(Columns.DOC_ID))
        .sortWithinPartitions(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH);
  }

  /**
   * Fits LDA on {@code features} ({@link #features} rows, {@code units} of them) and makes the
   * model of it and {@code vocabulary}.
   */
  public TopicModel fit(CountVectorizerModel vocabulary, Dataset<Row> features, long units) {
    TopicSchema.require(features.schema(), "topic features", TopicSchema.FEATURE_COLUMNS);
    return TopicModel.of(vocabulary, fitLda(features, units));
  }

  /** Fits LDA with the configured optimizer, seed and iterations; an EM model is made local. */
  private LocalLDAModel fitLda(Dataset<Row> features, long units) {
    LDA lda =
        new LDA()
            .setK(k)
            .setMaxIter(settings.maxIterations())
            .setSeed(settings.seed())
            .setOptimizer(settings.optimizer())
            .setFeaturesCol(Columns.FEATURES)
            .setTopicDistributionCol(TopicModel.TOPIC_VECTOR);
    if (settings.optimizer().equals("online")) {
      // Spark's online defaults (alpha = eta = 1/k, offset 1024) left one topic holding most of
      // every unit on data-sample; see docs/decisions/0012-topic-model.md.
      lda.setSubsamplingRate(miniBatchFraction(settings, units))
          .setDocConcentration(
              settings.docConcentration() > 0 ? settings.docConcentration() : 50.0 / k)
          .setTopicConcentration(
              settings.topicConcentration() > 0 ? settings.topicConcentration() : 0.1)
          .setOptimizeDocConcentration(false)
          .setLearningOffset(settings.learningOffset())
          .setLearningDecay(settings.learningDecay());
    } else {
      if (settings.docConcentration() > 0) {
        lda.setDocConcentration(settings.docConcentration());
      }
      if (settings.topicConcentration() > 0) {
        lda.setTopicConcentration(settings.topicConcentration());
      }
    }
    // Only the features column, as a plan of its own: Spark's LDA persists the vectors it converts
    // (and checks for NaN) only when its input is not cached, and the features are (keepFlat).
    // Given the cached features themselves, every online iteration converted and checked every
    // unit again to sample its mini-batch: a fifth of the stage's profile (decision 0016). Same
    // rows, same partitions, same order: the same model.
    LDAModel model = lda.fit(features.select(col(Columns.FEATURES)));
    return model instanceof DistributedLDAModel distributed
        ? distributed.toLocal()
        : (LocalLDAModel) model;
  }

  /**
   * The online optimizer's mini-batch share: as configured, or automatically batches of about a
   * thousand units (at least 5%, Spark's default), the whole corpus when it is smaller.
   */
  public static double miniBatchFraction(JobConfig.Topics settings, long units) {
    if (settings.miniBatchFraction() > 0) {
      return settings.miniBatchFraction();
    }
    return units == 0 ? 1.0 : Math.min(1.0, Math.max(MIN_AUTO_FRACTION, AUTO_BATCH_UNITS / units));
  }
}
