package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.stats.KeynessStats;
import org.discourseatlas.testing.SharedSpark;
import org.discourseatlas.zones.ZoneGazetteer;
import org.discourseatlas.zones.ZoneMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The keyness stage on the test vector, laid out as two zones' sentences: group A
 * {terrorists 30, humanitarian 10, coalition 5, the 155}, group B {10, 20, 25, 145}; the corpus is
 * A + B, so the prior is the pooled shares; alpha0 = 100. Expected values: the issue (computed from
 * Monroe et al. 2008 and quanteda's textstat_keyness).
 */
class KeynessTest {

  private static Dataset<Row> units;
  private static Map<String, Row> aVersusB;
  private static Map<String, Row> aVersusRest;

  @BeforeAll
  static void compute() {
    SparkSession spark = SharedSpark.session();
    units =
        spark.createDataFrame(
            List.of(
                unit(
                    "d1",
                    "a",
                    Map.of("terrorists", 30, "humanitarian", 10, "coalition", 5, "the", 155)),
                unit(
                    "d2",
                    "b",
                    Map.of("terrorists", 10, "humanitarian", 20, "coalition", 25, "the", 145))),
            UnitCounts.UNITS);
    Dataset<Row> zoneCounts = UnitCounts.zoneCounts(units);
    Dataset<Row> corpusCounts = UnitCounts.corpusCounts(units);
    Keyness.Settings settings = new Keyness.Settings(100, KeynessStats.Correction.NONE, 1);
    Dataset<Row> keyness =
        Keyness.compute(
            units,
            Keyness.counts(zoneCounts, corpusCounts, settings, Dataset::cache),
            List.of(
                new JobConfig.KeynessComparison(List.of("a"), List.of("b")),
                new JobConfig.KeynessComparison(List.of("a"), List.of())),
            settings);
    aVersusB = byTerm(keyness.filter(col(Columns.REFERENCE).equalTo("b")));
    aVersusRest = byTerm(keyness.filter(col(Columns.REFERENCE).equalTo("rest")));
  }

  private static Row unit(String docId, String zone, Map<String, Integer> counts) {
    List<Row> ngrams = new ArrayList<>();
    counts.forEach(
        (term, n) -> {
          for (int i = 0; i < n; i++) {
            ngrams.add(RowFactory.create(term, 1, null, null));
          }
        });
    return RowFactory.create(docId, RowValues.array(List.of(zone)), RowValues.array(ngrams));
  }

  private static Map<String, Row> byTerm(Dataset<Row> rows) {
    Map<String, Row> byTerm = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      byTerm.put(row.getAs(Columns.TERM), row);
    }
    return byTerm;
  }

  @Test
  void logOddsZMatchesTheTestVector() {
    assertEquals(2.801620, aVersusB.get("terrorists").<Double>getAs(Columns.LOG_ODDS_Z), 1e-6);
    assertEquals(-1.595957, aVersusB.get("humanitarian").<Double>getAs(Columns.LOG_ODDS_Z), 1e-6);
    assertEquals(-3.087598, aVersusB.get("coalition").<Double>getAs(Columns.LOG_ODDS_Z), 1e-6);
    assertEquals(1.887330, aVersusB.get("the").<Double>getAs(Columns.LOG_ODDS_Z), 1e-6);
  }

  @Test
  void chi2G2AndPmiMatchTheTestVector() {
    Row terrorists = aVersusB.get("terrorists");
    assertEquals(11.111111, terrorists.<Double>getAs(Columns.CHI2), 1e-6);
    assertEquals(11.576647, terrorists.<Double>getAs(Columns.G2), 1e-6);
    assertEquals(0.405465, terrorists.<Double>getAs(Columns.PMI), 1e-6);
    assertEquals(30L, terrorists.<Long>getAs(Columns.COUNT_TARGET));
    assertEquals(10L, terrorists.<Long>getAs(Columns.COUNT_REFERENCE));
    assertEquals(200L, terrorists.<Long>getAs(Columns.TOTAL_TARGET));
    assertEquals(200L, terrorists.<Long>getAs(Columns.TOTAL_REFERENCE));
    // Signed: less in the target is negative.
    assertTrue(aVersusB.get("coalition").<Double>getAs(Columns.G2) < 0);
  }

  @Test
  void theRestOfTheCorpusIsTheCorpusMinusTheTarget() {
    // Here the rest of the corpus is exactly zone b, so both comparisons agree.
    for (String term : List.of("terrorists", "humanitarian", "coalition", "the")) {
      for (String column : List.of(Columns.COUNT_REFERENCE, Columns.G2, Columns.LOG_ODDS_Z)) {
        assertEquals(
            aVersusB.get(term).<Object>getAs(column),
            aVersusRest.get(term).<Object>getAs(column),
            term + " " + column);
      }
    }
  }

  private static Dataset<Row> unitsOf(SparkSession spark, String doc, List<Row> ngrams) {
    return spark.createDataFrame(
        List.<Row>of(
            RowFactory.create(doc, RowValues.array(List.of("aleppo")), RowValues.array(ngrams))),
        UnitCounts.UNITS);
  }

  @Test
  void collocationsRankAttractedPairsByG2() {
    SparkSession spark = SharedSpark.session();
    // "humanitarian corridors" 6 times together; "humanitarian" and "corridors" otherwise apart.
    List<Row> ngrams = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ngrams.add(RowFactory.create("humanitarian corridors", 2, "humanitarian", "corridors"));
    }
    for (String[] pair :
        new String[][] {
          {"humanitarian", "aid"},
          {"safe", "corridors"},
          {"city", "council"},
          {"city", "council"},
          {"city", "council"},
          {"aid", "convoy"},
          {"aid", "convoy"},
          {"aid", "convoy"}
        }) {
      ngrams.add(RowFactory.create(pair[0] + " " + pair[1], 2, pair[0], pair[1]));
    }
    Dataset<Row> rows =
        spark.createDataFrame(
            List.<Row>of(
                RowFactory.create(
                    "d1", RowValues.array(List.of("aleppo")), RowValues.array(ngrams))),
            UnitCounts.UNITS);
    List<Row> top =
        Collocations.collocations(Collocations.counts(rows), 3, 10)
            .orderBy(Columns.RANK)
            .collectAsList();
    // The counts of two sets of sentences, added, give the same collocations as counting both at
    // once (a month's counts on a base's): "city council" is in the first set twice and in the
    // second once, under the minimum count in the second, and reaches it only added.
    List<Row> base = new ArrayList<>(ngrams.subList(0, 10));
    List<Row> month = new ArrayList<>(ngrams.subList(10, ngrams.size()));
    Dataset<Row> added =
        Collocations.addCounts(
            Collocations.counts(unitsOf(spark, "d1", base)),
            Collocations.counts(unitsOf(spark, "d2", month)));
    assertEquals(
        top, Collocations.collocations(added, 3, 10).orderBy(Columns.RANK).collectAsList());
    // Pairs that never occur apart ("aid convoy", "city council": a = 3, b = c = 0, d = 11) are
    // the most attracted: G2 = 2 (3 ln(3 / (3 * 3 / 14)) + 11 ln(11 / (11 * 11 / 14))); a tie
    // is broken by the term.
    double perfect = 2 * (3 * Math.log(14.0 / 3) + 11 * Math.log(14.0 / 11));
    assertEquals(
        List.of("aid convoy", "city council", "humanitarian corridors"),
        top.stream().map(r -> r.<String>getAs(Columns.TERM)).toList());
    assertEquals(perfect, top.get(0).<Double>getAs(Columns.G2), 1e-9);
    // "humanitarian corridors": a = 6, head total 7, tail total 7, N = 14, so every expected
    // count is 3.5 and O = [6, 1, 1, 6]: G2 = 2 (12 ln(6 / 3.5) + 2 ln(1 / 3.5)).
    double expected = 2 * (12 * Math.log(6 / 3.5) + 2 * Math.log(1 / 3.5));
    assertEquals(expected, top.get(2).<Double>getAs(Columns.G2), 1e-9);
    assertEquals(3, top.get(2).<Integer>getAs(Columns.RANK));
  }

  @Test
  void mentionsCarryTheAliasTheMatchAndTenWordsOfContext() {
    SparkSession spark = SharedSpark.session();
    ZoneGazetteer gazetteer =
        ZoneGazetteer.fromCsv(
            new java.io.StringReader(
                "id,name,aliases,parent,latitude,longitude\naleppo,Aleppo,eastern Aleppo,Syria,36.2,37.1\n"),
            "test");
    StructType schema =
        new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType)
            .add(Columns.TURN, DataTypes.IntegerType)
            .add(Columns.SENTENCE, DataTypes.IntegerType)
            .add(Columns.TEXT, DataTypes.StringType);
    String text =
        "One two three four five six seven eight nine ten eleven in Eastern Aleppo the convoys"
            + " arrived on Monday with medicines water food and blankets for the families";
    List<Row> mentions =
        Mentions.of(
                spark.createDataFrame(List.of(RowFactory.create("d1", 2, 7, text)), schema),
                new ZoneMatcher(gazetteer),
                10)
            .collectAsList();
    assertEquals(1, mentions.size());
    Row m = mentions.get(0);
    assertEquals("aleppo", m.getAs(Columns.ZONE));
    assertEquals("eastern Aleppo", m.getAs(Columns.ALIAS));
    assertEquals("Eastern Aleppo", m.getAs(Columns.MATCH));
    assertEquals("three four five six seven eight nine ten eleven in", m.getAs(Columns.LEFT));
    assertEquals(
        "the convoys arrived on Monday with medicines water food and", m.getAs(Columns.RIGHT));
    assertEquals(7, m.<Integer>getAs(Columns.SENTENCE));
  }

  @Test
  void aZoneThatCoversTheWholeCorpusHasNoRestAndIsLeftOut() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> everywhere =
        spark.createDataFrame(
            List.of(
                unit("d1", "aleppo", Map.of("convoy", 6, "medicine", 3)),
                unit("d2", "aleppo", Map.of("convoy", 2))),
            UnitCounts.UNITS);
    Keyness.Settings settings = new Keyness.Settings(100, KeynessStats.Correction.NONE, 1);
    Dataset<Row> rows =
        Keyness.eachZoneVersusRest(
            Keyness.counts(
                UnitCounts.zoneCounts(everywhere),
                UnitCounts.corpusCounts(everywhere),
                settings,
                Dataset::cache),
            settings);
    assertEquals(0, rows.count(), "nothing to compare with, and no failure");
  }
}
