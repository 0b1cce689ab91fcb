package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

  @Test
  void aSupersetJustOverTheThresholdIsANearDuplicateAndJustUnderIsNot() {
    // 100 words give 100 - 5 + 1 = 96 shingles of five words. Ten more words give 106 shingles,
    // all 96 of the shorter text among them: Jaccard 96 / 106 = 0.9057 >= 0.9. Eleven more give
    // 107: 96 / 107 = 0.8972 < 0.9. Each group's words are its own, so groups never share one.
    List<Row> rows =
        List.of(
            document("over-short", "g1/a.txt", words("g1", 0, 100)),
            document("over-long", "g1/b.txt", words("g1", 0, 110)),
            document("under-short", "g2/a.txt", words("g2", 0, 100)),
            document("under-long", "g2/b.txt", words("g2", 0, 111)));
    Dataset<Row> fresh = spark.createDataFrame(rows, DOCUMENTS);
    Dataset<Row> earlier =
        spark
            .createDataFrame(List.of(), DOCUMENTS)
            .select(col(Columns.DOC_ID), col(Columns.SOURCE_PATH), col(Columns.TURN_LIST));

    Map<String, Row> marked = new HashMap<>();
    for (Row row :
        NearDuplicates.markAgainst(fresh, earlier, RULE)
            .select(Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.DUPLICATE_SIMILARITY)
            .collectAsList()) {
      marked.put(row.getString(0), row);
    }

    assertEquals(4, marked.size());
    // The first by source path is the copy kept.
    assertNull(marked.get("over-short").get(1));
    assertEquals("over-short", marked.get("over-long").getString(1));
    assertEquals(96.0 / 106.0, marked.get("over-long").getDouble(2), 1e-12);
    assertNull(marked.get("under-short").get(1));
    assertNull(marked.get("under-long").get(1));
  }
}
