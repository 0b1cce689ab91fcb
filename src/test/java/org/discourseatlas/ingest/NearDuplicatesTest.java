package org.discourseatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Near duplicates at the edge of the threshold, where the shingle-count filter of the candidate
 * pairs is tightest: a document that contains all of another's shingles has Jaccard similarity
 * exactly |A| / |B|, the size filter's own bound, so a filter off by one shingle or by rounding
 * drops a pair that reaches the threshold.
 */
@ExtendWith(SharedSpark.class)
class NearDuplicatesTest {
  private static final StructType TURN =
      new StructType()
          .add(Columns.SPEAKER, DataTypes.StringType)
          .add(Columns.ROLE, DataTypes.StringType)
          .add(Columns.TEXT, DataTypes.StringType);
  private static final StructType DOCUMENTS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.SOURCE_PATH, DataTypes.StringType)
          .add(Columns.TURN_LIST, DataTypes.createArrayType(TURN))
          .add(Columns.DUPLICATE_OF, DataTypes.StringType)
          .add(Columns.DUPLICATE_SIMILARITY, DataTypes.DoubleType);
  private static final JobConfig.NearDuplicates RULE =
      new JobConfig.NearDuplicates(true, 0.9, 5, 20170314L);

  private final SparkSession spark;

  NearDuplicatesTest(SparkSession spark) {
    this.spark = spark;
  }

  /** {@code count} distinct words of one group ("g1w0 g1w1 ..."), so no shingle repeats. */
  private static String words(String group, int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(group + "w" + i);
    }
    return String.join(" ", out);
  }

  private static Row document(String id, String path, String text) {
    return RowFactory.create(
        id, path, List.of(RowFactory.create("Speaker", "statement", text)), null, null);
  }

  private Dataset<Row> documents(List<Row> rows) {
    return spark.createDataFrame(rows, DOCUMENTS);
  }

  private NearDuplicates.Earlier nothingEarlier() {
    return new NearDuplicates.Earlier(
        spark.createDataFrame(List.of(), DOCUMENTS).select(Columns.DOC_ID),
        spark.createDataFrame(List.of(), NearDuplicates.SIGNATURE_SCHEMA),
        spark.createDataFrame(List.of(), TURNS));
  }

  private static final StructType TURNS =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType)
          .add(Columns.TURN, DataTypes.IntegerType)
          .add(Columns.TEXT, DataTypes.StringType);

  private static Map<String, Row> marks(NearDuplicates.Marked marked) {
    Map<String, Row> byId = new HashMap<>();
    for (Row row :
        marked
            .documents()
            .select(Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.DUPLICATE_SIMILARITY)
            .collectAsList()) {
      byId.put(row.getString(0), row);
    }
    return byId;
  }

  private static List<String> ids(Dataset<Row> signatures) {
    return signatures
        .select(Columns.DOC_ID)
        .orderBy(Columns.DOC_ID)
        .as(Encoders.STRING())
        .collectAsList();
  }

  /**
   * A refresh marks its new documents from the earlier ones' kept signatures and their turns,
   * exactly as one pass over all of them does: the same duplicate, the same similarity; and it
   * keeps the signatures of what it analysed (not of the new duplicate) for the month after.
   */
  /** The search in Spark (no document on the driver) and on the driver (every one). */
  private static final int SPARK = 0;

  private static final int DRIVER = Integer.MAX_VALUE;

  @ParameterizedTest(name = "at most {0} new documents on the driver")
  @ValueSource(ints = {SPARK, DRIVER})
  void aRefreshFindsANearCopyOfAnEarlierDocumentFromItsKeptSignature(int maxOnDriver) {
    Row earlierKept = document("e-kept", "a/1.txt", words("g3", 0, 100));
    Row earlierOther = document("e-other", "a/2.txt", words("g4", 0, 80));
    Row copy = document("n-copy", "b/1.txt", words("g3", 0, 105));
    Row unrelated = document("n-new", "b/2.txt", words("g5", 0, 90));
    NearDuplicates.Marked june =
        NearDuplicates.markAgainst(
            documents(List.of(earlierKept, earlierOther)), nothingEarlier(), RULE, maxOnDriver);
    assertEquals(List.of("e-kept", "e-other"), ids(june.signatures()));
    // The earlier month as a refresh reads it back: ids, kept signatures, turns (doc_id, turn,
    // text).
    Dataset<Row> juneTurns =
        spark.createDataFrame(
            List.of(
                RowFactory.create("e-kept", 0, words("g3", 0, 50)),
                RowFactory.create("e-kept", 1, words("g3", 50, 50)),
                RowFactory.create("e-other", 0, words("g4", 0, 80))),
            TURNS);
    NearDuplicates.Earlier earlier =
        new NearDuplicates.Earlier(
            documents(List.of(earlierKept, earlierOther)).select(Columns.DOC_ID),
            spark.createDataFrame(
                june.signatures().collectAsList(), NearDuplicates.SIGNATURE_SCHEMA),
            juneTurns);

    NearDuplicates.Marked july =
        NearDuplicates.markAgainst(documents(List.of(copy, unrelated)), earlier, RULE, maxOnDriver);
    Map<String, Row> refreshed = marks(july);
    Map<String, Row> together =
        marks(
            NearDuplicates.markAgainst(
                documents(List.of(earlierKept, earlierOther, copy, unrelated)),
                nothingEarlier(),
                RULE,
                maxOnDriver));

    assertEquals(2, refreshed.size(), "only the new documents come back");
    // 100 words in 96 shingles, all among the copy's 101: 96 / 101.
    assertEquals("e-kept", refreshed.get("n-copy").getString(1));
    assertEquals(96.0 / 101.0, refreshed.get("n-copy").getDouble(2), 1e-12);
    assertNull(refreshed.get("n-new").get(1));
    for (String id : List.of("n-copy", "n-new")) {
      assertEquals(together.get(id), refreshed.get(id), id + " as one pass over all marks it");
    }
    assertEquals(List.of("e-kept", "e-other", "n-new"), ids(july.signatures()));
  }

  @ParameterizedTest(name = "at most {0} new documents on the driver")
  @ValueSource(ints = {SPARK, DRIVER})
  void aSupersetJustOverTheThresholdIsANearDuplicateAndJustUnderIsNot(int maxOnDriver) {
    // 100 words give 100 - 5 + 1 = 96 shingles of five words. Ten more words give 106 shingles,
    // all 96 of the shorter text among them: Jaccard 96 / 106 = 0.9057 >= 0.9. Eleven more give
    // 107: 96 / 107 = 0.8972 < 0.9. Each group's words are its own, so groups never share one.
    List<Row> rows =
        List.of(
            document("over-short", "g1/a.txt", words("g1", 0, 100)),
            document("over-long", "g1/b.txt", words("g1", 0, 110)),
            document("under-short", "g2/a.txt", words("g2", 0, 100)),
            document("under-long", "g2/b.txt", words("g2", 0, 111)));
    Map<String, Row> marked =
        marks(NearDuplicates.markAgainst(documents(rows), nothingEarlier(), RULE, maxOnDriver));

    assertEquals(4, marked.size());
    // The first by source path is the copy kept.
    assertNull(marked.get("over-short").get(1));
    assertEquals("over-short", marked.get("over-long").getString(1));
    assertEquals(96.0 / 106.0, marked.get("over-long").getDouble(2), 1e-12);
    assertNull(marked.get("under-short").get(1));
    assertNull(marked.get("under-long").get(1));
  }

  /**
   * A month whose new documents are near copies of an earlier one and of each other, at both sides
   * of the threshold: the search on the driver marks them as the search in Spark does, and as one
   * pass over every document does (the same heads, the same similarities).
   */
  @Test
  void theSearchOnTheDriverMarksAMonthAsTheSearchInSparkDoes() {
    Row earlierShort = document("e-short", "a/1.txt", words("g1", 0, 100));
    Row earlierOther = document("e-other", "a/2.txt", words("g4", 0, 80));
    List<Row> month =
        List.of(
            document("n-over", "b/1.txt", words("g1", 0, 110)), // 96 / 106 with e-short
            document("n-under", "b/2.txt", words("g1", 0, 111)), // 96 / 107; 106 / 107 with n-over
            document("n-apart", "b/3.txt", words("g1", 200, 100)), // none shared
            document("n-new", "b/4.txt", words("g5", 0, 90)));
    NearDuplicates.Marked june =
        NearDuplicates.markAgainst(
            documents(List.of(earlierShort, earlierOther)), nothingEarlier(), RULE, SPARK);
    NearDuplicates.Earlier earlier =
        new NearDuplicates.Earlier(
            documents(List.of(earlierShort, earlierOther)).select(Columns.DOC_ID),
            spark.createDataFrame(
                june.signatures().collectAsList(), NearDuplicates.SIGNATURE_SCHEMA),
            spark.createDataFrame(
                List.of(
                    RowFactory.create("e-short", 1, words("g1", 40, 60)),
                    RowFactory.create("e-short", 0, words("g1", 0, 40)),
                    RowFactory.create("e-other", 0, words("g4", 0, 80))),
                TURNS));

    Map<String, Row> onDriver =
        marks(NearDuplicates.markAgainst(documents(month), earlier, RULE, DRIVER));
    Map<String, Row> inSpark =
        marks(NearDuplicates.markAgainst(documents(month), earlier, RULE, SPARK));
    List<Row> all = new ArrayList<>(List.of(earlierShort, earlierOther));
    all.addAll(month);
    Map<String, Row> onePass =
        marks(NearDuplicates.markAgainst(documents(all), nothingEarlier(), RULE, SPARK));

    assertEquals(inSpark, onDriver);
    // A duplicate's similarity is its highest to another member of the cluster: n-under's.
    assertEquals("e-short", onDriver.get("n-over").getString(1));
    assertEquals(106.0 / 107.0, onDriver.get("n-over").getDouble(2), 1e-12);
    // Under the threshold with e-short, but over it with n-over: in e-short's cluster.
    assertEquals("e-short", onDriver.get("n-under").getString(1));
    assertEquals(106.0 / 107.0, onDriver.get("n-under").getDouble(2), 1e-12);
    assertNull(onDriver.get("n-apart").get(1));
    assertNull(onDriver.get("n-new").get(1));
    for (String id : onDriver.keySet()) {
      assertEquals(onePass.get(id), onDriver.get(id), id + " as one pass over all marks it");
    }
  }
}
