package org.discourseatlas.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.terms.TermExtractor;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Term frequencies on a corpus small enough to count by hand (the numbers are in comments). */
class TermFrequenciesTest {
  private static final StructType DOCUMENTS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.DATE, DataTypes.DateType)
          .add(Columns.SOURCE, DataTypes.StringType)
          .add(Columns.DUPLICATE_OF, DataTypes.StringType);
  private static final StructType TURNS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.ROLE, DataTypes.StringType);
  private static final StructType SENTENCES =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.SENTENCE, DataTypes.IntegerType)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType)
          .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.TOKENS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.N_TOKENS, DataTypes.IntegerType);

  /** (zone, period, term) -> row; "-" stands for null. */
  private static Map<String, Row> rows;

  @BeforeAll
  static void compute() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> documents =
        spark.createDataFrame(
            List.of(
                RowFactory.create("d1", Date.valueOf("2017-01-05"), "mfa-a", null),
                RowFactory.create("d2", Date.valueOf("2017-02-10"), "mfa-b", null),
                RowFactory.create(
                    "d1", Date.valueOf("2017-01-05"), "mirror", "d1")), // a duplicate copy
            DOCUMENTS);
    Dataset<Row> turns =
        spark.createDataFrame(
            List.of(
                RowFactory.create("d1", 1, "answer"),
                RowFactory.create("d2", 1, "question"),
                RowFactory.create("d2", 2, "answer")),
            TURNS);
    Dataset<Row> sentences =
        spark.createDataFrame(
            List.of(
                // terms: aleppo, civilians, freed — 4 running words
                sentence("d1", 1, List.of("aleppo"), "Aleppo", "civilians", "were", "freed", "."),
                // terms: liberation, aleppo, east — 6 running words (’s counts, "." does not)
                sentence(
                    "d1", 1, List.of("aleppo"), "The", "liberation", "of", "Aleppo", "’s", "east"),
                // terms: mosul, airstrikes, killed, civilians — 6 running words ("2017" counts)
                sentence(
                    "d2",
                    1,
                    List.of("mosul"),
                    "Mosul",
                    "airstrikes",
                    "killed",
                    "civilians",
                    "in",
                    "2017"),
                // terms: talks, geneva — 3 running words, no zone
                sentence("d2", 2, List.of(), "Talks", "in", "Geneva")),
            SENTENCES);
    Dataset<Row> units =
        LexicalUnits.of(
            LexicalUnits.withTermUnits(sentences, new TermExtractor(List.of(), 2)),
            turns,
            documents);
    Dataset<Row> frequencies = TermFrequencies.compute(units, 1, 2);
    rows = new HashMap<>();
    for (Row row : frequencies.collectAsList()) {
      String key =
          nullDash(row.getAs(Columns.ZONE))
              + "|"
              + nullDash(row.getAs(Columns.PERIOD))
              + "|"
              + nullDash(row.getAs(Columns.ROLE))
              + "|"
              + nullDash(row.getAs(Columns.SOURCE))
              + "|"
              + row.getAs(Columns.TERM);
      rows.put(key, row);
    }
  }

  private static int sentenceNumber;

  private static Row sentence(String docId, int turn, List<String> zones, String... tokens) {
    return RowFactory.create(
        docId,
        turn,
        ++sentenceNumber,
        1,
        RowValues.array(zones),
        RowValues.array(List.of(tokens)),
        TermExtractor.wordCount(List.of(tokens)));
  }

  private static String nullDash(String value) {
    return value == null ? "-" : value;
  }

  private static void assertRow(
      String key, long count, long docFreq, double relFreq, double tfIdf) {
    Row row = rows.get(key);
    assertTrue(row != null, "no row " + key + " in " + rows.keySet());
    assertEquals(count, row.<Long>getAs(Columns.COUNT), key + " count");
    assertEquals(docFreq, row.<Long>getAs(Columns.DOC_FREQ), key + " doc_freq");
    assertEquals(relFreq, row.<Double>getAs(Columns.REL_FREQ), 1e-9, key + " rel_freq");
    assertEquals(tfIdf, row.<Double>getAs(Columns.TF_IDF), 1e-9, key + " tf_idf");
    assertEquals(1, row.<Integer>getAs(Columns.NGRAM));
  }

  @Test
  void zoneCountsAreOverTheZonesSentences() {
    // Aleppo: 4 + 6 = 10 running words; "aleppo" twice in d1; corpus df 1 of N = 2 documents:
    // rel = 2 * 10,000 / 10 = 2,000; idf = ln((2 + 1) / (1 + 1)) = ln 1.5.
    assertRow("aleppo|-|-|-|aleppo", 2, 1, 2000.0, 2000.0 * Math.log(1.5));
    assertRow("aleppo|2017-01|-|-|aleppo", 2, 1, 2000.0, 2000.0 * Math.log(1.5));
    // Mosul: 6 running words; "civilians" is in both documents: idf = ln(3 / 3) = 0.
    assertRow("mosul|-|-|-|civilians", 1, 1, 10_000.0 / 6, 0.0);
  }

  @Test
  void theCorpusRowsCountEverySentenceOfTheAnalysedDocuments() {
    // Corpus: 4 + 6 + 6 + 3 = 19 running words; the duplicate's copy is not counted again.
    assertRow("-|-|-|-|civilians", 2, 2, 20_000.0 / 19, 0.0);
    assertRow("-|-|-|-|aleppo", 2, 1, 20_000.0 / 19, 20_000.0 / 19 * Math.log(1.5));
    // February: d2 alone, 9 running words.
    assertRow("-|2017-02|-|-|talks", 1, 1, 10_000.0 / 9, 10_000.0 / 9 * Math.log(1.5));
  }

  @Test
  void stopwordsAndNumbersAreNotTermsAndZonesHoldOnlyTheirTerms() {
    for (String key : rows.keySet()) {
      String term = key.substring(key.lastIndexOf('|') + 1);
      assertTrue(!List.of("the", "of", "in", "were", "2017", "’s", "'s", ".").contains(term), key);
    }
    assertTrue(!rows.containsKey("mosul|-|-|-|talks"));
    assertTrue(!rows.containsKey("aleppo|-|-|-|mosul"));
  }

  @Test
  void rolesAndSourcesAreGroupsOfTheirOwn() {
    // Answers: d1 (10 running words) + d2 turn 2 (3 words); questions: d2 turn 1 (6 words).
    assertRow("-|-|answer|-|talks", 1, 1, 10_000.0 / 13, 10_000.0 / 13 * Math.log(1.5));
    assertRow("-|-|question|-|civilians", 1, 1, 10_000.0 / 6, 0.0);
    assertRow("aleppo|-|answer|-|aleppo", 2, 1, 2000.0, 2000.0 * Math.log(1.5));
    // Source mfa-b is d2 alone: 9 running words.
    assertRow("-|-|-|mfa-b|geneva", 1, 1, 10_000.0 / 9, 10_000.0 / 9 * Math.log(1.5));
    assertTrue(!rows.containsKey("-|-|-|mirror|aleppo"), "the duplicate's source has no rows");
  }

  @Test
  void aRowGroupsByZoneOrSourceNeverBoth() {
    for (Row row : rows.values()) {
      assertTrue(
          row.isNullAt(row.fieldIndex(Columns.ZONE))
              || row.isNullAt(row.fieldIndex(Columns.SOURCE)),
          row.toString());
    }
  }
}
