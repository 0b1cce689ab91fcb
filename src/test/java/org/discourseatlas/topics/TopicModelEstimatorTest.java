package org.discourseatlas.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.TopicCoherence;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vocabulary, the fit and the saved model, on small lexical units ({@link TopicFixtures}). */
class TopicModelEstimatorTest {
  private static SparkSession spark;
  private static Dataset<Row> lexicalUnits;
  private static JobConfig.Topics small;
  private static Dataset<Row> units;

  @BeforeAll
  static void fixtures() {
    spark = SharedSpark.session();
    lexicalUnits = TopicFixtures.pressConference(spark);
    small = TopicFixtures.small(JobConfigLoader.defaults().topics());
    units =
        TopicUnits.of(TopicFixtures.twoThemes(spark), JobConfig.TopicUnit.TURN, List.of()).cache();
  }

  @Test
  void vocabularyKeepsTermsWithinTheUnitFrequencyBoundsOrderedByFrequencyThenTerm() {
    Dataset<Row> turns = TopicUnits.of(lexicalUnits, JobConfig.TopicUnit.TURN, List.of());
    JobConfig.Topics defaults = JobConfigLoader.defaults().topics();
    // Unit frequencies over the three turns (no topic stopwords here): coalition 2, convoy 2;
    // airstrike, aleppo, corridor, isis, question, say 1 each (coalition twice in one turn counts
    // once).
    String[] ones = {"airstrike", "aleppo", "corridor", "isis", "question", "say"};
    List<String> all = new ArrayList<>(List.of("coalition", "convoy"));
    all.addAll(List.of(ones));
    // At most floor(0.67 x 3) = 2 units: everything, by frequency, then by term.
    assertArrayEquals(
        all.toArray(new String[0]),
        vocabulary(turns, TopicFixtures.withVocabulary(defaults, 10, 1, 0.67)));
    assertArrayEquals(
        new String[] {"coalition", "convoy"},
        vocabulary(turns, TopicFixtures.withVocabulary(defaults, 10, 2, 0.67)));
    assertArrayEquals(
        new String[] {"coalition", "convoy", "airstrike"},
        vocabulary(turns, TopicFixtures.withVocabulary(defaults, 3, 1, 0.67)));
    // At most floor(0.5 x 3) = 1 unit: the terms of two turns are dropped.
    assertArrayEquals(ones, vocabulary(turns, TopicFixtures.withVocabulary(defaults, 10, 1, 0.5)));
  }

  private static String[] vocabulary(Dataset<Row> turns, JobConfig.Topics settings) {
    return new TopicModelEstimator(settings).fitVocabulary(turns).vocabulary();
  }

  /**
   * Coherence counts units from their count vectors (the terms are not kept with the features): a
   * unit holds a term when its vector does, so the counts equal those of the units' own terms.
   */
  @Test
  void coherenceCountsFromFeaturesAreThoseOfTheUnitsTerms() {
    TopicModelEstimator estimator = new TopicModelEstimator(small);
    CountVectorizerModel vocabulary = estimator.fitVocabulary(units);
    Dataset<Row> features = estimator.features(vocabulary, units);
    List<String> terms = List.of(vocabulary.vocabulary());
    List<Double> weights = terms.stream().map(t -> 1.0).toList();
    TopicCoherence.Cooccurrences fromFeatures =
        TopicReport.cooccurrences(
            features,
            vocabulary.vocabulary(),
            List.of(new TopicTerms(0, terms, weights)),
            terms.size());
    // The reference: the modelled units' own terms, counted one unit at a time.
    TopicCoherence.Cooccurrences fromTerms = new TopicCoherence.Cooccurrences(terms);
    for (Row unit :
        units
            .join(
                features.select(Columns.DOC_ID, Columns.TURN),
                List.of(Columns.DOC_ID, Columns.TURN).toArray(new String[0]),
                "left_semi")
            .collectAsList()) {
      fromTerms.addUnit(unit.getList(unit.fieldIndex(Columns.TERMS)));
    }
    assertTrue(terms.size() > 3 && fromTerms.documents() > 3, "terms and units to count");
    assertEquals(fromTerms.documents(), fromFeatures.documents());
    for (String a : terms) {
      assertEquals(fromTerms.of(a), fromFeatures.of(a), a);
      for (String b : terms) {
        assertEquals(fromTerms.together(a, b), fromFeatures.together(a, b), a + " & " + b);
      }
    }
  }

  @Test
  void automaticMiniBatchesHoldAboutAThousandUnits() {
    JobConfig.Topics t = JobConfigLoader.defaults().topics();
    assertEquals(1.0, TopicModelEstimator.miniBatchFraction(t, 281));
    assertEquals(0.1, TopicModelEstimator.miniBatchFraction(t, 10_000), 1e-12);
    assertEquals(
        0.05,
        TopicModelEstimator.miniBatchFraction(t, 1_000_000),
        1e-12,
        "never below Spark's default");
  }

  @Test
  void fittingChangesNeitherItsInputDatasetsNorItsInputModels() {
    TopicModelEstimator estimator = new TopicModelEstimator(small);
    List<Row> unitsBefore = sorted(units);
    String schemaBefore = units.schema().json();
    CountVectorizerModel vocabulary =
        estimator.fitVocabulary(units).setInputCol("words").setOutputCol("counts");
    Dataset<Row> features = estimator.features(vocabulary, units).cache();
    String featuresSchema = features.schema().json();
    TopicModel model = estimator.fit(vocabulary, features, features.count());

    assertEquals("words", vocabulary.getInputCol(), "the vocabulary passed in keeps its columns");
    assertEquals("counts", vocabulary.getOutputCol());
    assertEquals(schemaBefore, units.schema().json());
    assertEquals(unitsBefore, sorted(units));
    assertEquals(featuresSchema, features.schema().json());
    assertEquals(2, model.k());

    // Nor do the stages the model hands out reach it.
    model.vocabularyModel().setInputCol("elsewhere");
    model.ldaModel().setFeaturesCol("elsewhere");
    ((CountVectorizerModel) model.pipeline().stages()[0]).setInputCol("elsewhere");
    Transformed stages = stages(model.pipeline());
    assertEquals(Columns.TERMS, stages.vocabulary().getInputCol());
    assertEquals(Columns.FEATURES, stages.lda().getFeaturesCol());
    assertEquals(
        sorted(TopicInference.shares(model, features)),
        sorted(TopicInference.shares(model, features)));
  }

  @Test
  void saveAndLoadRoundTripOnePipelineModelWithTheSameTopicDistributions(@TempDir Path dir) {
    TopicModelEstimator estimator = new TopicModelEstimator(small);
    TopicModel model = estimator.fit(units);
    String path = dir.resolve(TopicModel.DIRECTORY).toString();
    model.save(path);
    model.save(path); // overwrites

    PipelineModel saved = PipelineModel.load(path);
    assertEquals(2, saved.stages().length, "one PipelineModel: the vocabulary and the LDA");
    assertInstanceOf(CountVectorizerModel.class, saved.stages()[0]);
    assertInstanceOf(LocalLDAModel.class, saved.stages()[1]);
    assertTrue(Files.isDirectory(dir.resolve(TopicModel.DIRECTORY).resolve("stages")));

    TopicModel loaded = TopicModel.load(path);
    assertArrayEquals(model.vocabulary(), loaded.vocabulary());
    assertEquals(model.k(), loaded.k());
    assertEquals(model.describe(5), loaded.describe(5));
    Dataset<Row> features = estimator.features(model.vocabularyModel(), units);
    Dataset<Row> loadedFeatures = estimator.features(loaded.vocabularyModel(), units);
    assertEquals(sorted(features), sorted(loadedFeatures));
    List<Row> shares = sorted(TopicInference.shares(model, features));
    assertEquals(units.count(), shares.size());
    assertEquals(
        shares,
        sorted(TopicInference.shares(loaded, loadedFeatures)),
        "identical topic distributions");
  }

  @Test
  void theSchemaCheckNamesTheMissingColumnBeforeAnyWork() {
    TopicModelEstimator estimator = new TopicModelEstimator(small);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> estimator.fit(units.drop(Columns.TERMS)));
    assertTrue(e.getMessage().startsWith("topic units lack column terms "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> estimator.fitVocabulary(units.drop(Columns.DOC_ID, Columns.ZONES)));
    assertTrue(
        e.getMessage().startsWith("topic units lack columns doc_id, zones "), e.getMessage());
    CountVectorizerModel vocabulary = estimator.fitVocabulary(units);
    e = assertThrows(IllegalArgumentException.class, () -> estimator.fit(vocabulary, units, 24));
    assertTrue(
        e.getMessage().startsWith("topic features lack columns features, n_terms "),
        e.getMessage());
  }

  private record Transformed(CountVectorizerModel vocabulary, LocalLDAModel lda) {}

  private static Transformed stages(PipelineModel pipeline) {
    return new Transformed(
        (CountVectorizerModel) pipeline.stages()[0], (LocalLDAModel) pipeline.stages()[1]);
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH).collectAsList();
  }
}
