package org.discourseatlas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topic units on a small press conference laid out as lexical units ({@link
 * TopicFixtures#pressConference}).
 */
class TopicUnitsTest {
  private static SparkSession spark;
  private static Dataset<Row> lexicalUnits;

  @BeforeAll
  static void lexicalUnits() {
    spark = SharedSpark.session();
    lexicalUnits = TopicFixtures.pressConference(spark);
  }

  private static List<Row> units(JobConfig.TopicUnit unit) {
    return TopicUnits.of(lexicalUnits, unit, List.of("say", "question"))
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
    assertEquals(
        List.of("airstrike", "coalition", "coalition", "convoy", "corridor"), sortedTerms(answer));
    assertEquals(List.of("aleppo", "mosul"), answer.getList(answer.fieldIndex(Columns.ZONES)));
    assertEquals(
        List.of("aleppo", "convoy"),
        sortedTerms(turns.get(0)),
        "'say' is a topic stopword; bigrams are not counted");
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
  void theSchemaCheckNamesAMissingLexicalUnitColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TopicUnits.of(
                    lexicalUnits.drop(LexicalUnits.TERM_UNITS),
                    JobConfig.TopicUnit.TURN,
                    List.of()));
    assertTrue(
        e.getMessage().startsWith("lexical units lack column " + LexicalUnits.TERM_UNITS + " "),
        e.getMessage());
  }
}
