package org.discourseatlas.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topic units and vocabulary on a small press conference laid out as lexical units: document d1
 * has turn 1 (a question, one paragraph) and turn 2 (an answer of two paragraphs), d2 one turn.
 */
class TopicsTest {
  private static final StructType LEXICAL_UNITS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType)
          .add(Columns.SENTENCE, DataTypes.IntegerType)
          .add(Columns.PERIOD, DataTypes.StringType)
          .add(Columns.ROLE, DataTypes.StringType)
          .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType))
          .add(LexicalUnits.NGRAMS, DataTypes.createArrayType(LexicalUnits.NGRAM_STRUCT));

  private static SparkSession spark;
  private static Dataset<Row> lexicalUnits;

  @BeforeAll
  static void lexicalUnits() {
    spark = SharedSpark.session();
    lexicalUnits =
        spark.createDataFrame(
            List.of(
                sentence("d1", 1, 1, 1, "question", List.of("aleppo"), "convoy", "say", "aleppo"),
                sentence("d1", 2, 1, 2, "answer", List.of("aleppo"), "convoy", "corridor"),
                sentence("d1", 2, 2, 3, "answer", List.of("mosul"), "coalition", "airstrike", "question"),
                sentence("d1", 2, 2, 4, "answer", List.of(), "coalition"),
                sentence("d2", 1, 1, 1, "statement", List.of("mosul"), "coalition", "isis")),
            LEXICAL_UNITS);
  }

  /** A sentence's unigrams, and one bigram that topics must not count. */
  private static Row sentence(String doc, int turn, int paragraph, int sentence, String role, List<String> zones, String... terms) {
    List<Row> ngrams = new ArrayList<>();
    for (String term : terms) {
      ngrams.add(RowFactory.create(term, 1, null, null));
    }
    ngrams.add(RowFactory.create(terms[0] + " " + terms[terms.length - 1], 2, terms[0], terms[terms.length - 1]));
    return RowFactory.create(doc, turn, paragraph, sentence, "2016-12", role, RowValues.array(zones), RowValues.array(ngrams));
  }

  private static List<Row> units(JobConfig.TopicUnit unit) {
    return Topics.units(lexicalUnits, unit, List.of("say", "question"))
        .orderBy(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH)
        .collectAsList();
  }

  private static List<String> sortedTerms(Row unit) {
    List<String> terms = new ArrayList<>(unit.getList(unit.fieldIndex(Columns.TERMS)));
    terms.sort(null);
    return terms;
  }

  @Test
  void turnUnitsHoldTheirSentencesUnigramsWithoutTopicStopwordsAndTheUnionOfZones() {
    List<Row> turns = units(JobConfig.TopicUnit.TURN);
    assertEquals(3, turns.size());
    Row answer = turns.get(1);
    assertEquals(2, (int) answer.<Integer>getAs(Columns.TURN));
    assertNull(answer.getAs(Columns.PARAGRAPH));
    assertEquals("answer", answer.getAs(Columns.ROLE));
    assertEquals(List.of("airstrike", "coalition", "coalition", "convoy", "corridor"), sortedTerms(answer));
    assertEquals(List.of("aleppo", "mosul"), answer.getList(answer.fieldIndex(Columns.ZONES)));
    assertEquals(List.of("aleppo", "convoy"), sortedTerms(turns.get(0)), "'say' is a topic stopword; bigrams are not counted");
  }

  @Test
  void paragraphAndDocumentUnitsGroupAccordingly() {
    List<Row> paragraphs = units(JobConfig.TopicUnit.PARAGRAPH);
    assertEquals(4, paragraphs.size());
    Row second = paragraphs.get(2);
    assertEquals(2, (int) second.<Integer>getAs(Columns.PARAGRAPH));
    assertEquals(List.of("airstrike", "coalition", "coalition"), sortedTerms(second));
    assertEquals(List.of("mosul"), second.getList(second.fieldIndex(Columns.ZONES)));

    List<Row> documents = units(JobConfig.TopicUnit.DOCUMENT);
    assertEquals(2, documents.size());
    assertNull(documents.get(0).getAs(Columns.TURN));
    assertNull(documents.get(0).getAs(Columns.ROLE), "a document holds several roles");
    assertEquals(7, sortedTerms(documents.get(0)).size());
  }

  @Test
  void vocabularyKeepsTermsWithinTheUnitFrequencyBoundsOrderedByFrequencyThenTerm() {
    Dataset<Row> turns = Topics.units(lexicalUnits, JobConfig.TopicUnit.TURN, List.of());
    JobConfig.Topics defaults = JobConfigLoader.defaults().topics();
    // Unit frequencies over the three turns (no topic stopwords here): coalition 2, convoy 2;
    // airstrike, aleppo, corridor, isis, question, say 1 each (coalition twice in one turn counts once).
    String[] ones = {"airstrike", "aleppo", "corridor", "isis", "question", "say"};
    List<String> all = new ArrayList<>(List.of("coalition", "convoy"));
    all.addAll(List.of(ones));
    // At most floor(0.67 x 3) = 2 units: everything, by frequency, then by term.
    assertArrayEquals(all.toArray(new String[0]), Topics.vocabulary(turns, withVocabulary(defaults, 10, 1, 0.67)).vocabulary());
    assertArrayEquals(new String[] {"coalition", "convoy"}, Topics.vocabulary(turns, withVocabulary(defaults, 10, 2, 0.67)).vocabulary());
    assertArrayEquals(new String[] {"coalition", "convoy", "airstrike"}, Topics.vocabulary(turns, withVocabulary(defaults, 3, 1, 0.67)).vocabulary());
    // At most floor(0.5 x 3) = 1 unit: the terms of two turns are dropped.
    assertArrayEquals(ones, Topics.vocabulary(turns, withVocabulary(defaults, 10, 1, 0.5)).vocabulary());
  }

  @Test
  void theFingerprintChangesWithWhatShapesTheModelOnly() {
    JobConfig config = JobConfigLoader.defaults();
    String base = Topics.fingerprint(config, List.of("eastern aleppo"));
    assertEquals(base, Topics.fingerprint(config, List.of("eastern aleppo")));
    assertNotEquals(base, Topics.fingerprint(config, List.of("eastern aleppo", "old city")));
    JobConfig.Topics t = config.topics();
    JobConfig otherK =
        new JobConfig(
            config.parser(), config.repeatedLines(), config.nearDuplicates(), config.gazetteerPath(), config.zoneWindow(),
            config.minTermLength(), config.extraStopwords(), config.lexical(), config.sentiment(),
            new JobConfig.Topics(
                t.enabled(), t.unit(), t.extraStopwords(), t.minUnitTerms(), t.k() + 1, t.optimizer(), t.maxIterations(),
                t.seed(), t.miniBatchFraction(), t.docConcentration(), t.topicConcentration(), t.learningOffset(),
                t.learningDecay(), t.partitions(), t.vocabularySize(), t.minDocFreq(), t.maxDocShare(), t.topTerms(),
                t.coherenceTerms(), t.bootstrapResamples(), t.comparisons(), t.selectionK(), t.heldoutShare(), t.reuseModel()),
            config.rendered());
    assertNotEquals(base, Topics.fingerprint(otherK, List.of("eastern aleppo")));
  }

  @Test
  void automaticMiniBatchesHoldAboutAThousandUnits() {
    JobConfig.Topics t = JobConfigLoader.defaults().topics();
    assertEquals(1.0, Topics.miniBatchFraction(t, 281));
    assertEquals(0.1, Topics.miniBatchFraction(t, 10_000), 1e-12);
    assertEquals(0.05, Topics.miniBatchFraction(t, 1_000_000), 1e-12, "never below Spark's default");
  }

  private static JobConfig.Topics withVocabulary(JobConfig.Topics t, int size, int minDocFreq, double maxDocShare) {
    return new JobConfig.Topics(
        t.enabled(), t.unit(), t.extraStopwords(), t.minUnitTerms(), t.k(), t.optimizer(), t.maxIterations(), t.seed(),
        t.miniBatchFraction(), t.docConcentration(), t.topicConcentration(), t.learningOffset(), t.learningDecay(),
        t.partitions(), size, minDocFreq, maxDocShare, t.topTerms(), t.coherenceTerms(), t.bootstrapResamples(),
        t.comparisons(), t.selectionK(), t.heldoutShare(), t.reuseModel());
  }
}
