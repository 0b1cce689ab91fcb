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
import org.discourseatlas.io.Columns;
import org.discourseatlas.io.RowValues;
import org.discourseatlas.testing.SharedSpark;
import org.discourseatlas.text.TermExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Term frequencies on a corpus small enough to count by hand (the numbers are in comments). */
class TermFrequenciesTest {
  private static final StructType DOCUMENTS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.DATE, DataTypes.DateType)
          .add(Columns.DUPLICATE_OF, DataTypes.StringType);
  private static final StructType SENTENCES =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
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
                RowFactory.create("d1", Date.valueOf("2017-01-05"), null),
                RowFactory.create("d2", Date.valueOf("2017-02-10"), null),
                RowFactory.create("d1", Date.valueOf("2017-01-05"), "d1")), // a duplicate copy
            DOCUMENTS);
    Dataset<Row> sentences =
        spark.createDataFrame(
            List.of(
                // terms: aleppo, civilians, freed — 4 running words
                sentence("d1", List.of("aleppo"), "Aleppo", "civilians", "were", "freed", "."),
                // terms: liberation, aleppo, east — 6 running words (’s counts, "." does not)
                sentence("d1", List.of("aleppo"), "The", "liberation", "of", "Aleppo", "’s", "east"),
                // terms: mosul, airstrikes, killed, civilians — 6 running words ("2017" counts)
                sentence("d2", List.of("mosul"), "Mosul", "airstrikes", "killed", "civilians", "in", "2017"),
                // terms: talks, geneva — 3 running words, no zone
                sentence("d2", List.of(), "Talks", "in", "Geneva")),
            SENTENCES);
    Dataset<Row> frequencies =
        TermFrequencies.compute(sentences, documents, new TermExtractor(List.of(), 2));
    rows = new HashMap<>();
    for (Row row : frequencies.collectAsList()) {
      String key =
          nullDash(row.getAs(Columns.ZONE)) + "|" + nullDash(row.getAs(Columns.PERIOD)) + "|" + row.getAs(Columns.TERM);
      rows.put(key, row);
    }
  }

  private static Row sentence(String docId, List<String> zones, String... tokens) {
    return RowFactory.create(
        docId, RowValues.array(zones), RowValues.array(List.of(tokens)),
        TermExtractor.wordCount(List.of(tokens)));
  }

  private static String nullDash(String value) {
    return value == null ? "-" : value;
  }

  private static void assertRow(String key, long count, long docFreq, double relFreq, double tfIdf) {
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
    assertRow("aleppo|-|aleppo", 2, 1, 2000.0, 2000.0 * Math.log(1.5));
    assertRow("aleppo|2017-01|aleppo", 2, 1, 2000.0, 2000.0 * Math.log(1.5));
    // Mosul: 6 running words; "civilians" is in both documents: idf = ln(3 / 3) = 0.
    assertRow("mosul|-|civilians", 1, 1, 10_000.0 / 6, 0.0);
  }

  @Test
  void theCorpusRowsCountEverySentenceOfTheAnalysedDocuments() {
    // Corpus: 4 + 6 + 6 + 3 = 19 running words; the duplicate's copy is not counted again.
    assertRow("-|-|civilians", 2, 2, 20_000.0 / 19, 0.0);
    assertRow("-|-|aleppo", 2, 1, 20_000.0 / 19, 20_000.0 / 19 * Math.log(1.5));
    // February: d2 alone, 9 running words.
    assertRow("-|2017-02|talks", 1, 1, 10_000.0 / 9, 10_000.0 / 9 * Math.log(1.5));
  }

  @Test
  void stopwordsAndNumbersAreNotTermsAndZonesHoldOnlyTheirTerms() {
    for (String key : rows.keySet()) {
      String term = key.substring(key.lastIndexOf('|') + 1);
      assertTrue(!List.of("the", "of", "in", "were", "2017", "’s", "'s", ".").contains(term), key);
    }
    assertTrue(!rows.containsKey("mosul|-|talks"));
    assertTrue(!rows.containsKey("aleppo|-|mosul"));
    // Corpus: 10 terms all-time, 5 in January + 6 in February; Aleppo 5 x 2; Mosul 4 x 2.
    assertEquals((10 + 5 + 6) + 5 * 2 + 4 * 2, rows.size());
  }

  @Test
  void roleAndSourceAreNullUntilTheyAreGrouped() {
    for (Row row : rows.values()) {
      assertTrue(row.isNullAt(row.fieldIndex(Columns.ROLE)) && row.isNullAt(row.fieldIndex(Columns.SOURCE)));
    }
  }
}
