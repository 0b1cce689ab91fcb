package org.discourseatlas.job;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on the real transcript it exists for (a ministry page saved as text, with the site's
 * menu, address, phone and fax lines and counter around the Q&A about Aleppo and Mosul).
 */
class SeedTranscriptEndToEndTest {
  /** Site furniture in the saved page: none of it may reach a sentence or a turn. */
  private static final List<String> BOILERPLATE =
      List.of(
          "English",
          "Türkçe",
          "Embassy of the Russian Federation",
          "in Turkey",
          "Adress",
          "Andrey Karlov",
          "Kavaklıdere",
          "+90-312",
          "Tel.",
          "Fax",
          "consular issues",
          "press issues",
          "Rambler",
          "Top100");

  @TempDir static Path output;
  private static SparkSession spark;

  @BeforeAll
  static void runTheJob() {
    spark = SharedSpark.session();
    int exit =
        DiscourseAtlasJob.execute(
            "--input",
            Corpora.seedFolder().toString(),
            "--output",
            output.toString(),
            "--snapshot",
            "2017-03");
    assertEquals(0, exit);
  }

  private static Dataset<Row> table(Table table) {
    return org.discourseatlas.testing.OutputTables.read(spark, output, "2017-03", table);
  }

  @Test
  void aleppoAndMosulAreBothFound() {
    Dataset<Row> sentences = table(Table.SENTENCES);
    long aleppo = sentences.filter(array_contains(col(Columns.NAMED_ZONES), "aleppo")).count();
    long mosul = sentences.filter(array_contains(col(Columns.NAMED_ZONES), "mosul")).count();
    assertTrue(aleppo >= 5, "sentences naming Aleppo: " + aleppo);
    assertTrue(mosul >= 3, "sentences naming Mosul: " + mosul);
    // "the city’s liberation", right after "... in Aleppo, and particularly in its eastern part,".
    Row liberation =
        sentences.filter(col(Columns.TEXT).startsWith("After the city was freed")).first();
    assertTrue(liberation.getList(liberation.fieldIndex(Columns.ZONES)).contains("aleppo"));
  }

  @Test
  void noBoilerplateInAnySentenceOrTurn() {
    for (Table table : List.of(Table.SENTENCES, Table.TURNS)) {
      for (Row row : table(table).select(Columns.TEXT).collectAsList()) {
        for (String furniture : BOILERPLATE) {
          assertFalse(
              row.getString(0).contains(furniture), table + " holds '" + furniture + "': " + row);
        }
      }
    }
  }

  @Test
  void theTitleDatePlaceAndTurnsAreRead() {
    Row document = table(Table.DOCUMENTS).first();
    assertEquals("2017-03-14", String.valueOf(document.<java.sql.Date>getAs(Columns.DATE)));
    assertEquals("Moscow", document.getAs(Columns.PLACE));
    assertTrue(document.<String>getAs(Columns.TITLE).startsWith("Foreign Minister Sergey Lavrov"));
    List<Row> turns = table(Table.TURNS).orderBy(Columns.TURN).collectAsList();
    assertEquals(4, turns.size());
    assertEquals("question", turns.get(0).getAs(Columns.ROLE));
    assertEquals("Sergey Lavrov", turns.get(1).getAs(Columns.SPEAKER));
    assertEquals("answer", turns.get(1).getAs(Columns.ROLE));
    assertEquals("question", turns.get(2).getAs(Columns.ROLE));
    assertEquals("answer", turns.get(3).getAs(Columns.ROLE));
  }

  @Test
  void aleppoAndMosulSentencesAreScoredAndCompared() {
    Dataset<Row> sentences = table(Table.SENTENCES);
    // Every sentence in a zone window is scored (or counted as too long); none outside is.
    assertEquals(
        0,
        sentences
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .size(col(Columns.ZONES))
                    .gt(0)
                    .and(col(Columns.SENTIMENT_STATUS).isNull()))
            .count());
    assertEquals(
        0,
        sentences
            .filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .size(col(Columns.ZONES))
                    .equalTo(0)
                    .and(col(Columns.SENTIMENT_STATUS).isNotNull()))
            .count());
    Row scored = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo("scored")).first();
    // The default model is the diplomatic one (decision 0023): 3 probabilities, and CoreNLP's own
    // 5-class label kept beside it.
    assertEquals(3, scored.getList(scored.fieldIndex(Columns.SENTIMENT_PROBS)).size());
    assertTrue(
        List.of("negative", "neutral", "positive")
            .contains(scored.getString(scored.fieldIndex(Columns.SENTIMENT_LABEL))));
    assertTrue(
        List.of("very_negative", "negative", "neutral", "positive", "very_positive")
            .contains(scored.getString(scored.fieldIndex(Columns.CORENLP_LABEL))));

    Dataset<Row> zoneSentiment = table(Table.ZONE_SENTIMENT);
    for (String zone : List.of("aleppo", "mosul")) {
      Row overall =
          zoneSentiment
              .filter(
                  col(Columns.ZONE)
                      .equalTo(zone)
                      .and(col(Columns.PERIOD).isNull())
                      .and(col(Columns.ROLE).isNull()))
              .first();
      double mean = overall.getAs(Columns.MEAN_SCORE);
      assertTrue(overall.<Long>getAs(Columns.N_SENTENCES) >= 3, zone);
      // One document: resampling documents cannot move the mean.
      assertEquals(mean, overall.<Double>getAs(Columns.CI_LOW), 1e-9);
      assertEquals(mean, overall.<Double>getAs(Columns.CI_HIGH), 1e-9);
      double shares = 0;
      for (String label :
          List.of("very_negative", "negative", "neutral", "positive", "very_positive")) {
        shares += overall.<Double>getAs("share_" + label);
      }
      assertEquals(1.0, shares, 1e-9);
    }
    Row comparison = table(Table.ZONE_SENTIMENT_COMPARISONS).first();
    assertEquals("aleppo", comparison.getAs(Columns.TARGET));
    assertEquals("mosul", comparison.getAs(Columns.REFERENCE));
    assertEquals(
        comparison.<Double>getAs(Columns.MEAN_TARGET)
            - comparison.<Double>getAs(Columns.MEAN_REFERENCE),
        comparison.<Double>getAs(Columns.DIFFERENCE),
        1e-12);
    assertTrue(
        comparison.<Double>getAs(Columns.CI_LOW) <= comparison.<Double>getAs(Columns.DIFFERENCE));
  }

  /**
   * The framing the seed argues: Aleppo's windows speak of liberation ("the liberation of Aleppo",
   * "After the city was freed"), Mosul's of civilian harm ("the civilians in Mosul", "more people
   * have fled Mosul"), and the coalition acts in Mosul's ("members of what is called an
   * anti-terrorist coalition are conducting operations").
   */
  @Test
  void aleppoIsFramedAsLiberationMosulAsCivilianHarmWithTheCoalitionActing() {
    Dataset<Row> allTime =
        table(Table.FRAMES)
            .filter(
                col(Columns.DICTIONARY)
                    .equalTo("conflict-framing")
                    .and(col(Columns.PERIOD).isNull())
                    .and(col(Columns.ROLE).isNull())
                    .and(col(Columns.SOURCE).isNull()));
    assertTrue(count(allTime, "aleppo", "liberation") >= 3, "Aleppo's liberation hits");
    assertTrue(count(allTime, "mosul", "civilian_harm") >= 1, "Mosul's civilian-harm hits");
    assertTrue(
        rate(allTime, "aleppo", "liberation") > rate(allTime, "mosul", "liberation"),
        "liberation is Aleppo's frame more than Mosul's");
    List<Row> coalition =
        table(Table.ACTOR_EVENTS)
            .filter(col(Columns.ZONE).equalTo("mosul").and(col(Columns.AGENT).equalTo("COALITION")))
            .collectAsList();
    assertEquals(1, coalition.size(), "the coalition as an agent in Mosul: " + coalition);
    assertEquals("conduct", coalition.get(0).getAs(Columns.VERB));
    Row actor =
        table(Table.ACTORS)
            .filter(
                col(Columns.ZONE)
                    .equalTo("mosul")
                    .and(col(Columns.PERIOD).isNull())
                    .and(col(Columns.ACTOR).equalTo("COALITION")))
            .first();
    assertEquals(1L, actor.<Long>getAs(Columns.AS_AGENT));
  }

  private static long count(Dataset<Row> frames, String zone, String category) {
    return frames
        .filter(col(Columns.ZONE).equalTo(zone).and(col(Columns.CATEGORY).equalTo(category)))
        .first()
        .getAs(Columns.COUNT);
  }

  private static double rate(Dataset<Row> frames, String zone, String category) {
    return frames
        .filter(col(Columns.ZONE).equalTo(zone).and(col(Columns.CATEGORY).equalTo(category)))
        .first()
        .getAs(Columns.RATE);
  }
}
