package org.discourseatlas.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;

/** topic_model_selection: models of several k compared on held-out documents. */
public final class TopicModelSelection {
  private TopicModelSelection() {}

  /**
   * For each k of {@code topics.model-selection.k}, a model fitted on the units of documents
   * outside a seeded held-out share, its log perplexity on the held-out documents' units (Spark's
   * per-token bound, lower is better) and on its own units, and the mean coherence of its topics.
   *
   * @param features {@link TopicModelEstimator#features} rows over {@code vocabulary}
   */
  public static Dataset<Row> of(
      Dataset<Row> features, CountVectorizerModel vocabulary, JobConfig.Topics settings) {
    TopicSchema.require(features.schema(), "topic features", TopicSchema.FEATURE_COLUMNS);
    // Held out by document: turns of one document share its topics, so holding out turns of seen
    // documents would flatter the model.
    Column heldOut =
        pmod(xxhash64(col(Columns.DOC_ID), lit(settings.seed())), lit(1_000_000L))
            .lt(lit(Math.round(settings.heldoutShare() * 1_000_000)));
    Dataset<Row> train = features.filter(heldOut.unary_$bang());
    Dataset<Row> test = features.filter(heldOut);
    long nTrain = train.count();
    long nTest = test.count();
    TopicModelEstimator estimator = new TopicModelEstimator(settings);
    List<Row> rows = new ArrayList<>();
    for (int k : new TreeSet<>(settings.selectionK())) {
      long started = System.nanoTime();
      TopicModel model = estimator.withK(k).fit(vocabulary, train, nTrain);
      double seconds = (System.nanoTime() - started) / 1e9;
      List<TopicTerms> topics = model.describe(settings.coherenceTerms());
      Map<Integer, double[]> coherence =
          TopicReport.coherence(
              topics,
              TopicReport.cooccurrences(
                  train, vocabulary.vocabulary(), topics, settings.coherenceTerms()),
              settings.coherenceTerms());
      double npmi = coherence.values().stream().mapToDouble(c -> c[0]).average().orElse(Double.NaN);
      double umass =
          coherence.values().stream().mapToDouble(c -> c[1]).average().orElse(Double.NaN);
      double heldOutPerplexity = nTest == 0 ? Double.NaN : model.logPerplexity(test);
      rows.add(
          RowFactory.create(
              k,
              RowValues.nullIfNaN(heldOutPerplexity),
              RowValues.nullIfNaN(model.logPerplexity(train)),
              nTest == 0 ? null : RowValues.nullIfNaN(model.logLikelihood(test)),
              RowValues.nullIfNaN(npmi),
              RowValues.nullIfNaN(umass),
              nTrain,
              nTest,
              seconds));
    }
    return features.sparkSession().createDataFrame(rows, Table.TOPIC_MODEL_SELECTION.schema());
  }
}
