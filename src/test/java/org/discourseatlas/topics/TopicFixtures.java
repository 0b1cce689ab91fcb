package org.discourseatlas.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;

/** Lexical unit rows and topic settings for the topic tests. */
final class TopicFixtures {
  static final StructType LEXICAL_UNITS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType)
          .add(Columns.SENTENCE, DataTypes.IntegerType)
          .add(Columns.PERIOD, DataTypes.StringType)
          .add(Columns.ROLE, DataTypes.StringType)
          .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType))
          .add(LexicalUnits.TERM_UNITS, DataTypes.createArrayType(DataTypes.StringType));

  private TopicFixtures() {}

  /** A sentence's term units, and a break (a stopword's null) that topics must not count. */
  static Row sentence(
      String doc,
      int turn,
      int paragraph,
      int sentence,
      String role,
      List<String> zones,
      String... terms) {
    List<String> units = new ArrayList<>(List.of(terms));
    units.add(1, null);
    return RowFactory.create(
        doc,
        turn,
        paragraph,
        sentence,
        "2016-12",
        role,
        RowValues.array(zones),
        RowValues.array(units));
  }

  /**
   * A small press conference: document d1 has turn 1 (a question, one paragraph) and turn 2 (an
   * answer of two paragraphs), d2 one turn.
   */
  static Dataset<Row> pressConference(SparkSession spark) {
    return spark.createDataFrame(
        List.of(
            sentence("d1", 1, 1, 1, "question", List.of("aleppo"), "convoy", "say", "aleppo"),
            sentence("d1", 2, 1, 2, "answer", List.of("aleppo"), "convoy", "corridor"),
            sentence(
                "d1", 2, 2, 3, "answer", List.of("mosul"), "coalition", "airstrike", "question"),
            sentence("d1", 2, 2, 4, "answer", List.of(), "coalition"),
            sentence("d2", 1, 1, 1, "statement", List.of("mosul"), "coalition", "isis")),
        LEXICAL_UNITS);
  }

  private static final List<String> WAR =
      List.of("convoy", "airstrike", "corridor", "siege", "ceasefire", "shelling");
  private static final List<String> TRADE =
      List.of("tariff", "export", "quota", "customs", "investment", "market");

  /**
   * Twelve documents of two turns each, one turn on war, one on trade, each turn of six terms drawn
   * deterministically from its theme (and one shared term): enough for a two-topic model.
   */
  static Dataset<Row> twoThemes(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 12; d++) {
      for (int turn = 1; turn <= 2; turn++) {
        List<String> theme = (d + turn) % 2 == 0 ? WAR : TRADE;
        String[] terms = new String[7];
        for (int i = 0; i < 6; i++) {
          terms[i] = theme.get((d * 3 + i * (turn + 1)) % theme.size());
        }
        terms[6] = "minister";
        rows.add(
            sentence(
                "d" + d,
                turn,
                1,
                turn,
                turn == 1 ? "question" : "answer",
                List.of(theme == WAR ? "aleppo" : "mosul"),
                terms));
      }
    }
    return spark.createDataFrame(rows, LEXICAL_UNITS);
  }

  /** Settings fitting a small model fast: k = 2, every term, units of 3 terms or more. */
  static JobConfig.Topics small(JobConfig.Topics t) {
    return new JobConfig.Topics(
        t.enabled(),
        t.unit(),
        t.extraStopwords(),
        3,
        2,
        t.optimizer(),
        10,
        t.seed(),
        t.miniBatchFraction(),
        t.docConcentration(),
        t.topicConcentration(),
        t.learningOffset(),
        t.learningDecay(),
        2,
        100,
        1,
        1.0,
        t.topTerms(),
        t.coherenceTerms(),
        t.bootstrapResamples(),
        t.comparisons(),
        t.selectionK(),
        t.heldoutShare(),
        t.reuseModel());
  }

  static JobConfig.Topics withVocabulary(
      JobConfig.Topics t, int size, int minDocFreq, double maxDocShare) {
    return new JobConfig.Topics(
        t.enabled(),
        t.unit(),
        t.extraStopwords(),
        t.minUnitTerms(),
        t.k(),
        t.optimizer(),
        t.maxIterations(),
        t.seed(),
        t.miniBatchFraction(),
        t.docConcentration(),
        t.topicConcentration(),
        t.learningOffset(),
        t.learningDecay(),
        t.partitions(),
        size,
        minDocFreq,
        maxDocShare,
        t.topTerms(),
        t.coherenceTerms(),
        t.bootstrapResamples(),
        t.comparisons(),
        t.selectionK(),
        t.heldoutShare(),
        t.reuseModel());
  }
}
