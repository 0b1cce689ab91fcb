package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.LdaBound;

/**
 * A fitted topic model, as {@link TopicModelEstimator} makes it: one Spark ML {@link PipelineModel}
 * of two stages, the vocabulary ({@link CountVectorizerModel}, unit terms to term counts) and the
 * LDA over it ({@link LocalLDAModel}). It is saved and loaded in one call ({@link #save}, {@link
 * #load}).
 *
 * <p>Immutable: its stages are copies with their columns set, made when it is built; the stages it
 * hands out are copies again, so nothing a caller does to them reaches the model.
 */
public final class TopicModel {
  /** The folder of the saved model under a run's models folder. */
  public static final String DIRECTORY = "topic-model";

  /** The folders of a model saved before the single PipelineModel (vocabulary and LDA apart). */
  public static final List<String> OLD_LAYOUT_DIRECTORIES =
      List.of("topic-vocabulary", "topic-lda");

  /** The LDA stage's output: each unit's topic distribution as a vector. */
  static final String TOPIC_VECTOR = "topic_vector";

  private final PipelineModel pipeline;
  private final CountVectorizerModel vocabulary;
  private final LocalLDAModel lda;

  private TopicModel(PipelineModel pipeline) {
    Transformer[] stages = pipeline.stages();
    if (stages.length != 2
        || !(stages[0] instanceof CountVectorizerModel vocabularyStage)
        || !(stages[1] instanceof LocalLDAModel ldaStage)) {
      List<String> found = new ArrayList<>();
      for (Transformer stage : stages) {
        found.add(stage.getClass().getSimpleName());
      }
      throw new IllegalArgumentException(
          "a topic model is a PipelineModel of a CountVectorizerModel and a LocalLDAModel, not of "
              + found);
    }
    this.pipeline = pipeline;
    this.vocabulary = vocabularyStage;
    this.lda = ldaStage;
  }

  /**
   * The model of a vocabulary and an LDA model fitted over its counts. Neither is changed: the
   * stages are copies, with terms in, features between them and a topic vector out.
   */
  public static TopicModel of(CountVectorizerModel vocabulary, LocalLDAModel lda) {
    List<Transformer> stages =
        List.of(
            vocabularyWithColumns(vocabulary),
            lda.copy(ParamMap.empty())
                .setFeaturesCol(Columns.FEATURES)
                .setTopicDistributionCol(TOPIC_VECTOR));
    return new TopicModel(new PipelineModel(Identifiable.randomUID("topicModel"), stages));
  }

  /** A copy of {@code vocabulary} reading unit terms and writing features. */
  static CountVectorizerModel vocabularyWithColumns(CountVectorizerModel vocabulary) {
    return vocabulary
        .copy(ParamMap.empty())
        .setInputCol(Columns.TERMS)
        .setOutputCol(Columns.FEATURES);
  }

  /**
   * Loads a model {@link #save}d (or written by {@code SnapshotStore.stageModel}) at {@code path}.
   */
  public static TopicModel load(String path) {
    return new TopicModel(PipelineModel.load(path));
  }

  /** Writes the model, both stages, to {@code path} in one call, replacing what is there. */
  public void save(String path) {
    try {
      pipeline.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the topic model to " + path, e);
    }
  }

  /** The model as one Spark ML PipelineModel (a copy): what is saved. */
  public PipelineModel pipeline() {
    return pipeline.copy(ParamMap.empty());
  }

  public int k() {
    return lda.getK();
  }

  /** The vocabulary's terms, in the order of the term counts. */
  public String[] vocabulary() {
    return vocabulary.vocabulary().clone();
  }

  public int vocabularySize() {
    return vocabulary.vocabulary().length;
  }

  /** The vocabulary stage (a copy). */
  public CountVectorizerModel vocabularyModel() {
    return vocabulary.copy(ParamMap.empty());
  }

  /** The LDA stage (a copy). */
  public LocalLDAModel ldaModel() {
    return lda.copy(ParamMap.empty());
  }

  /** The LDA stage's output on {@code features}: the rows with a {@value #TOPIC_VECTOR} column. */
  Dataset<Row> topicVectors(Dataset<Row> features) {
    TopicSchema.require(features.schema(), "topic features", List.of(Columns.FEATURES));
    return lda.transform(features);
  }

  /**
   * Spark's per-token log perplexity bound of the model on {@code features} (lower is better): each
   * unit inferred again, seeded by its row position. For model selection over held-out units.
   */
  public double logPerplexity(Dataset<Row> features) {
    return lda.logPerplexity(features);
  }

  /**
   * The per-token log perplexity of the model on its units (lower is better): minus the variational
   * bound on their log likelihood over their tokens, by Spark's formula ({@link LdaBound}), each
   * unit's part at the gamma its topic shares normalise instead of a second inference seeded by its
   * row position. So the value is the units' own (not their partitioning's), costs no inference (a
   * unit's shares, kept or inferred, are all it needs) and matches Spark's {@code logPerplexity}
   * where Spark's seed is the model's (a unit at position 0).
   *
   * @param features {@link TopicModelEstimator#features} rows
   * @param shares the same units' {@link TopicInference} rows by this model
   * @return NaN when the units have no tokens
   */
  public double logPerplexity(Dataset<Row> features, Dataset<Row> shares) {
    LdaBound bound = bound();
    Broadcast<LdaBound> shared =
        JavaSparkContext.fromSparkContext(features.sparkSession().sparkContext()).broadcast(bound);
    double[] sums =
        TopicInference.withShares(features, shares)
            .select(col(Columns.FEATURES), col(Columns.TOPIC_DISTRIBUTION))
            .javaRDD()
            .map(row -> unitBoundAndTokens(shared.value(), row))
            .fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    shared.destroy();
    double tokens = sums[1];
    return tokens == 0 ? Double.NaN : -(sums[0] + bound.topicsPart()) / tokens;
  }

  /** A unit's part of the bound and its tokens; no part for a unit without terms, as Spark. */
  private static double[] unitBoundAndTokens(LdaBound bound, Row row) {
    SparseVector counts = ((Vector) row.get(0)).toSparse();
    double tokens = 0;
    for (double count : counts.values()) {
      tokens += count;
    }
    if (counts.indices().length == 0) {
      return new double[] {0, tokens};
    }
    List<Double> shareList = row.getList(1);
    double[] shares = new double[shareList.size()];
    for (int k = 0; k < shares.length; k++) {
      shares[k] = shareList.get(k);
    }
    double[] gamma = bound.gammaOfShares(shares, tokens);
    return new double[] {bound.unitPart(counts.indices(), counts.values(), gamma), tokens};
  }

  /** The model's bound: Spark's alpha, eta and topic-term matrix (terms by topics). */
  LdaBound bound() {
    Matrix topics = lda.topicsMatrix();
    double[][] lambda = new double[topics.numRows()][topics.numCols()];
    for (int w = 0; w < lambda.length; w++) {
      for (int k = 0; k < lambda[w].length; k++) {
        lambda[w][k] = topics.apply(w, k);
      }
    }
    return new LdaBound(
        lda.estimatedDocConcentration().toArray(),
        lda.oldLocalModel().topicConcentration(),
        lambda);
  }

  public double logLikelihood(Dataset<Row> features) {
    return lda.logLikelihood(features);
  }

  /** Each topic's {@code n} most probable terms, topics in order. */
  public List<TopicTerms> describe(int n) {
    String[] terms = vocabulary.vocabulary();
    List<TopicTerms> topics = new ArrayList<>();
    for (Row row : lda.describeTopics(n).orderBy(Columns.TOPIC).collectAsList()) {
      List<Integer> indices = row.getList(row.fieldIndex("termIndices"));
      List<Double> weights = row.getList(row.fieldIndex("termWeights"));
      List<String> top = new ArrayList<>();
      indices.forEach(i -> top.add(terms[i]));
      topics.add(
          new TopicTerms(row.getInt(row.fieldIndex(Columns.TOPIC)), top, List.copyOf(weights)));
    }
    return topics;
  }
}
