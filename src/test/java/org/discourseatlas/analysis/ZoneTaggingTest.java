package org.discourseatlas.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.ingest.TranscriptIngest;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.testing.SharedSpark;
import org.discourseatlas.zones.ZoneGazetteer;
import org.discourseatlas.zones.ZoneMatcher;
import org.discourseatlas.zones.ZoneWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Spark zone stage applies the window rule of {@link ZoneWindow} turn by turn. */
@ExtendWith(SharedSpark.class)
class ZoneTaggingTest {
  private static final ZoneGazetteer GAZETTEER =
      ZoneGazetteer.fromCsv(
          new StringReader(
              "id,name,aliases,parent,latitude,longitude\n"
                  + "aleppo,Aleppo,eastern Aleppo|Halab,Syria,36.2,37.1\n"
                  + "mosul,Mosul,Mawsil,Iraq,36.3,43.1\n"),
          "test");
  private static final StructType SENTENCES =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.SENTENCE, DataTypes.IntegerType)
          .add(Columns.TEXT, DataTypes.StringType);

  /** Two turns of one document; sentence numbers run through the document. */
  private static final List<Row> ROWS =
      List.of(
          RowFactory.create("d1", 1, 1, "What happened in eastern Aleppo?"),
          RowFactory.create("d1", 1, 2, "Civilians were evacuated."),
          RowFactory.create("d1", 1, 3, "The corridors stayed open."),
          RowFactory.create("d1", 1, 4, "Nothing else was said."),
          RowFactory.create("d1", 2, 5, "The city is calm."),
          RowFactory.create("d1", 2, 6, "In Mosul and Halab the coalition differs."),
          RowFactory.create("d1", 2, 7, "Mosul is another matter."),
          RowFactory.create("d1", 2, 8, "Its old city is in ruins."));

  private static List<List<String>> zones(SparkSession spark, int window, String column) {
    Dataset<Row> tagged =
        ZoneTagging.tag(spark.createDataFrame(ROWS, SENTENCES), new ZoneMatcher(GAZETTEER), window)
            .orderBy(Columns.SENTENCE);
    List<List<String>> zones = new ArrayList<>();
    for (Row row : tagged.select(column).collectAsList()) {
      zones.add(row.getList(0));
    }
    return zones;
  }

  @Test
  void namedZonesAreTheZonesEachSentenceNames(SparkSession spark) {
    assertEquals(
        List.of(
            List.of("aleppo"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("aleppo", "mosul"),
            List.of("mosul"),
            List.of()),
        zones(spark, 2, Columns.NAMED_ZONES));
  }

  @Test
  void zonesCarryForwardWithinTheTurnUpToTheWindow(SparkSession spark) {
    List<List<String>> expected =
        List.of(
            List.of("aleppo"),
            List.of("aleppo"),
            List.of("aleppo"),
            List.of(), // window 2 ends
            List.of(), // a new turn: nothing carried across
            List.of("aleppo", "mosul"),
            List.of("mosul"),
            List.of("mosul")); // nearest naming wins
    assertEquals(expected, zones(spark, 2, Columns.ZONES));
  }

  @Test
  void theSparkStageAgreesWithThePlainJavaRule(SparkSession spark) {
    for (int window : new int[] {0, 1, 3}) {
      List<List<String>> named = zones(spark, window, Columns.NAMED_ZONES);
      List<List<String>> expected = new ArrayList<>();
      expected.addAll(ZoneWindow.carry(named.subList(0, 4), window));
      expected.addAll(ZoneWindow.carry(named.subList(4, 8), window));
      assertEquals(expected, zones(spark, window, Columns.ZONES), "window " + window);
    }
  }

  /**
   * New documents are split and tagged in one pass per document ({@link
   * Segmentation#taggedSentences}); a base snapshot's sentences by the window functions of {@link
   * ZoneTagging#tag}. Both must give every sentence the same number and zones.
   */
  @Test
  void theOnePassOverDocumentsAgreesWithTheWindowFunctions(SparkSession spark) {
    StructType documents =
        new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType)
            .add(Columns.DUPLICATE_OF, DataTypes.StringType)
            .add(Columns.TURN_LIST, DataTypes.createArrayType(TranscriptIngest.TURN_STRUCT));
    List<Row> turns = new ArrayList<>();
    for (int turn = 1; turn <= 2; turn++) {
      StringBuilder text = new StringBuilder();
      for (Row row : ROWS) {
        if (row.getInt(1) == turn) {
          text.append(row.getString(3)).append(' ');
        }
      }
      turns.add(
          RowFactory.create("Speaker", "official", null, "statement", text.toString().strip()));
    }
    Dataset<Row> input =
        spark.createDataFrame(
            List.of(
                RowFactory.create("d1", null, RowValues.array(turns)),
                RowFactory.create("d1-copy", "d1", RowValues.array(turns))),
            documents);
    for (int window : new int[] {0, 1, 2, 3}) {
      Dataset<Row> onePass =
          Segmentation.taggedSentences(input, new ZoneMatcher(GAZETTEER), window)
              .orderBy(Columns.SENTENCE);
      List<Row> numbered =
          onePass
              .select(Columns.DOC_ID, Columns.TURN, Columns.SENTENCE, Columns.TEXT)
              .collectAsList();
      assertEquals(ROWS, numbered, "the duplicate is skipped; sentences numbered through d1");
      for (String column : List.of(Columns.NAMED_ZONES, Columns.ZONES)) {
        List<List<String>> got = new ArrayList<>();
        for (Row row : onePass.select(column).collectAsList()) {
          got.add(row.getList(0));
        }
        assertEquals(zones(spark, window, column), got, column + ", window " + window);
      }
    }
  }
}
