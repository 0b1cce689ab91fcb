package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The boilerplate counts are additive (refresh state): data-sample's drafts counted in two halves,
 * the second on top of the first's counts, give the counts and the lines of one count over all of
 * them; and drafts counted again (a republished or re-read file) add nothing.
 */
@ExtendWith(SharedSpark.class)
class RepeatedLinesTest {
  private static final JobConfig CONFIG = JobConfigLoader.defaults();
  private static Dataset<Row> drafts;

  @BeforeAll
  static void readDataSample() {
    SparkSession spark = SharedSpark.session();
    drafts =
        TranscriptIngest.read(
                InputFiles.read(
                    InputFiles.list(spark, List.of(Corpora.dataSample().toString())),
                    CONFIG.parser().maxFileBytes()),
                CONFIG.parser(),
                Duration.ofSeconds(120))
            .cache();
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy(rows.columns()[0], rows.columns()).collectAsList();
  }

  @Test
  void countsOfTwoMonthsAddUpToTheCountsOfBoth() {
    int maxWords = CONFIG.repeatedLines().maxWords();
    // "June": the files before 2017 by name; "July": the rest (paths hold the dates).
    String beforeJuly = "/20(0|1[0-6])[^/]*$";
    Dataset<Row> june = drafts.filter(col(Columns.SOURCE_PATH).rlike(beforeJuly));
    Dataset<Row> july = drafts.filter(not(col(Columns.SOURCE_PATH).rlike(beforeJuly)));
    RepeatedLines.Counts juneCounts =
        RepeatedLines.count(june, RepeatedLines.Counts.none(SharedSpark.session()), maxWords);
    juneCounts =
        new RepeatedLines.Counts(
            juneCounts.documents().localCheckpoint(), juneCounts.lineCounts().localCheckpoint());
    RepeatedLines.Counts added = RepeatedLines.count(july, juneCounts, maxWords);
    RepeatedLines.Counts once =
        RepeatedLines.count(drafts, RepeatedLines.Counts.none(SharedSpark.session()), maxWords);

    assertFalse(june.isEmpty() || july.isEmpty(), "both months have drafts");
    assertEquals(sorted(once.documents()), sorted(added.documents()));
    assertEquals(sorted(once.lineCounts()), sorted(added.lineCounts()));
    Map<String, Set<String>> lines = RepeatedLines.learn(added, CONFIG.repeatedLines());
    assertFalse(lines.isEmpty(), "data-sample's sites have boilerplate");
    assertEquals(RepeatedLines.learn(once, CONFIG.repeatedLines()), lines);

    RepeatedLines.Counts again = RepeatedLines.count(july, added, maxWords);
    assertEquals(sorted(added.documents()), sorted(again.documents()));
    assertEquals(sorted(added.lineCounts()), sorted(again.lineCounts()));
  }
}
