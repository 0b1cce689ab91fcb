package org.discourseatlas.job;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.bench.TableComparison;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.DocumentBootstrap;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SampleRun;
import org.discourseatlas.testing.SharedSpark;
import org.discourseatlas.topics.TopicModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics on data-sample through the job: the shared sample run fits the model; a second run into (a
 * copy of) its output reuses the saved model and writes a model-selection table, a third refits
 * with the same seed.
 */
class TopicsEndToEndTest {
  private static final String FITTED = SampleRun.SNAPSHOT;
  private static final String REUSED = "2017-08";
  private static final String REFITTED = "2017-09";
  private static final int K = 10;

  @TempDir static Path output;
  @TempDir static Path configDir;
  private static SparkSession spark;
  private static final Map<String, JsonNode> manifests = new HashMap<>();

  @BeforeAll
  static void runTheJobTwiceMore() throws IOException {
    spark = SharedSpark.session();
    Path config = configDir.resolve("topics.conf");
    Files.writeString(config, "discourse-atlas.topics.model-selection.k = [ 4, 8 ]\n");
    String input = Corpora.dataSample().toString();
    SampleRun.copyTo(output);
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input",
            input,
            "--output",
            output.toString(),
            "--snapshot",
            REUSED,
            "--config",
            config.toString()));
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input",
            input,
            "--output",
            output.toString(),
            "--snapshot",
            REFITTED,
            "--refit-topics"));
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(output.resolve(Snapshots.RUNS_DIR))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        JsonNode manifest = json.readTree(file.toFile());
        manifests.put(manifest.get("snapshot").asText(), manifest);
      }
    }
  }

  private static Dataset<Row> table(Table table, String snapshot) {
    return org.discourseatlas.testing.OutputTables.read(spark, output, snapshot, table);
  }

  private static List<String> topTerms(Dataset<Row> topics, int topic, int n) {
    List<String> terms = new ArrayList<>();
    for (Row row :
        topics
            .filter(col(Columns.TOPIC).equalTo(topic))
            .orderBy(Columns.RANK)
            .limit(n)
            .collectAsList()) {
      terms.add(row.getAs(Columns.TERM));
    }
    return terms;
  }

  @Test
  void topicsHaveTheirTopTermsLabelAndCoherence() {
    Dataset<Row> topics = table(Table.TOPICS, FITTED);
    assertEquals(K * 15, topics.count(), "k topics x topics.top-terms");
    for (int topic = 0; topic < K; topic++) {
      List<Row> rows =
          topics.filter(col(Columns.TOPIC).equalTo(topic)).orderBy(Columns.RANK).collectAsList();
      List<String> terms = topTerms(topics, topic, 3);
      assertEquals(
          String.join(", ", terms), rows.get(0).getAs(Columns.LABEL), "label = top three terms");
      double previous = Double.MAX_VALUE;
      for (Row row : rows) {
        double weight = row.getAs(Columns.WEIGHT);
        assertTrue(weight > 0 && weight <= previous, "weights fall with rank: " + rows);
        previous = weight;
      }
      double npmi = rows.get(0).getAs(Columns.COHERENCE_NPMI);
      double umass = rows.get(0).getAs(Columns.COHERENCE_UMASS);
      assertTrue(npmi >= -1 && npmi <= 1, "NPMI in [-1, 1]: " + npmi);
      assertTrue(umass <= 0.7, "UMass is a mean log of (D(w1,w2)+1)/D(w2): " + umass);
    }
  }

  @Test
  void aReaderRecognisesTheHumanitarianAndTheMilitaryTopics() {
    Dataset<Row> topics = table(Table.TOPICS, FITTED);
    Set<String> humanitarian =
        Set.of(
            "humanitarian",
            "aid",
            "convoy",
            "corridor",
            "evacuation",
            "water",
            "medical",
            "hospital",
            "food",
            "humanitarian aid",
            "supply",
            "medicine",
            "access",
            "pause",
            "icrc",
            "humanitarian corridors");
    Set<String> military =
        Set.of(
            "coalition",
            "isis",
            "terrorist",
            "airstrike",
            "iraqi",
            "operation",
            "force",
            "militant",
            "bomb",
            "attack",
            "fight",
            "military");
    boolean humanitarianTopic = false;
    boolean militaryTopic = false;
    List<List<String>> all = new ArrayList<>();
    for (int topic = 0; topic < K; topic++) {
      List<String> terms = topTerms(topics, topic, 15);
      all.add(terms);
      humanitarianTopic |= terms.stream().filter(humanitarian::contains).count() >= 3;
      militaryTopic |= terms.stream().filter(military::contains).count() >= 3;
    }
    assertTrue(humanitarianTopic, "a topic of humanitarian aid among " + all);
    assertTrue(militaryTopic, "a topic of the coalition and terrorism among " + all);
  }

  @Test
  void aleppoAndMosulHaveDifferentPrevalenceProfiles() {
    List<Row> comparison =
        table(Table.TOPIC_PREVALENCE_COMPARISONS, FITTED)
            .filter(
                col(Columns.TARGET).equalTo("aleppo").and(col(Columns.REFERENCE).equalTo("mosul")))
            .orderBy(Columns.TOPIC)
            .collectAsList();
    assertEquals(K, comparison.size());
    int moreAleppo = 0;
    int moreMosul = 0;
    for (Row row : comparison) {
      double difference = row.getAs(Columns.DIFFERENCE);
      double low = row.getAs(Columns.CI_LOW);
      double high = row.getAs(Columns.CI_HIGH);
      assertEquals(
          (double) row.getAs(Columns.MEAN_TARGET) - (double) row.getAs(Columns.MEAN_REFERENCE),
          difference,
          1e-12);
      assertTrue(low <= difference + 1e-12 && difference <= high + 1e-12, row.toString());
      moreAleppo += low > 0 ? 1 : 0;
      moreMosul += high < 0 ? 1 : 0;
    }
    assertTrue(
        moreAleppo >= 1 && moreMosul >= 1,
        "at least one topic is clearly more Aleppo's and one more Mosul's: " + comparison);
  }

  @Test
  void prevalenceIsTheMeanOfTheUnitsSharesAndSumsToOnePerGroup() {
    Dataset<Row> prevalence = table(Table.TOPIC_PREVALENCE, FITTED);
    // Shares of a unit sum to 1, so every group's mean shares do.
    for (Row group :
        prevalence
            .groupBy(Columns.ZONE, Columns.PERIOD, Columns.ROLE)
            .agg(
                org.apache.spark.sql.functions.sum(Columns.MEAN_SHARE),
                org.apache.spark.sql.functions.count(Columns.TOPIC))
            .collectAsList()) {
      assertEquals(1.0, group.getDouble(3), 1e-9, group.toString());
      assertEquals(K, group.getLong(4), group.toString());
    }
    // Recomputed by hand from topic_shares: Mosul's units, all time, all roles.
    List<Row> mosulUnits =
        table(Table.TOPIC_SHARES, FITTED)
            .filter(array_contains(col(Columns.ZONES), "mosul"))
            .collectAsList();
    double[] sums = new double[K];
    Set<String> documents = new java.util.HashSet<>();
    // Per document (by id), its units' share sums per topic and its unit count: what the bootstrap
    // resamples.
    Map<String, double[]> documentSums = new java.util.TreeMap<>();
    Map<String, Long> documentUnits = new java.util.TreeMap<>();
    for (Row unit : mosulUnits) {
      List<Double> shares = unit.getList(unit.fieldIndex(Columns.TOPIC_DISTRIBUTION));
      String document = unit.getAs(Columns.DOC_ID);
      double[] documentSum = documentSums.computeIfAbsent(document, d -> new double[K]);
      for (int t = 0; t < K; t++) {
        sums[t] += shares.get(t);
        documentSum[t] += shares.get(t);
      }
      documentUnits.merge(document, 1L, Long::sum);
      documents.add(document);
    }
    long[] unitCounts = documentUnits.values().stream().mapToLong(Long::longValue).toArray();
    List<Row> mosul =
        prevalence
            .filter(
                col(Columns.ZONE)
                    .equalTo("mosul")
                    .and(col(Columns.PERIOD).isNull())
                    .and(col(Columns.ROLE).isNull()))
            .orderBy(Columns.TOPIC)
            .collectAsList();
    for (int t = 0; t < K; t++) {
      Row row = mosul.get(t);
      assertEquals(sums[t] / mosulUnits.size(), row.<Double>getAs(Columns.MEAN_SHARE), 1e-12);
      assertEquals(mosulUnits.size(), row.<Long>getAs(Columns.N));
      assertEquals(documents.size(), row.<Long>getAs(Columns.N_DOCUMENTS));
      assertTrue(
          row.<Double>getAs(Columns.CI_LOW) <= row.<Double>getAs(Columns.MEAN_SHARE) + 1e-12);
      assertTrue(
          row.<Double>getAs(Columns.CI_HIGH) >= row.<Double>getAs(Columns.MEAN_SHARE) - 1e-12);
      // The interval is topic t's own bootstrap over Mosul's documents: reference.conf's 1000
      // resamples, seeded topics.seed ^ the group's key (zone|period|role, "-" where the level has
      // no such column), the same draws for every topic of the group.
      final int topic = t;
      double[] topicSums =
          documentSums.values().stream().mapToDouble(perTopic -> perTopic[topic]).toArray();
      DocumentBootstrap.Interval interval =
          DocumentBootstrap.interval(
              DocumentBootstrap.means(
                  topicSums, unitCounts, 1000, 20170314L ^ "mosul|-|-".hashCode()));
      assertEquals(interval.low(), row.<Double>getAs(Columns.CI_LOW), 1e-12);
      assertEquals(interval.high(), row.<Double>getAs(Columns.CI_HIGH), 1e-12);
    }
    // Per month and per role too; the corpus-wide rows have no zone.
    assertTrue(
        prevalence
                .filter(
                    col(Columns.ZONE)
                        .equalTo("aleppo")
                        .and(col(Columns.PERIOD).isNotNull())
                        .and(col(Columns.ROLE).isNull()))
                .count()
            >= 2 * K);
    assertTrue(
        prevalence
                .filter(
                    col(Columns.ZONE).equalTo("aleppo").and(col(Columns.ROLE).equalTo("question")))
                .count()
            >= K);
    assertEquals(
        K, prevalence.filter(col(Columns.ZONE).isNull().and(col(Columns.PERIOD).isNull())).count());
  }

  @Test
  void unitSharesAreDistributionsAndTheManifestAccountsForEveryUnit() {
    Dataset<Row> shares = table(Table.TOPIC_SHARES, FITTED);
    for (Row unit : shares.collectAsList()) {
      List<Double> distribution = unit.getList(unit.fieldIndex(Columns.TOPIC_DISTRIBUTION));
      assertEquals(K, distribution.size());
      double total = 0;
      int argmax = 0;
      for (int t = 0; t < K; t++) {
        total += distribution.get(t);
        argmax = distribution.get(t) > distribution.get(argmax) ? t : argmax;
      }
      assertEquals(1.0, total, 1e-9);
      assertEquals(argmax, (int) unit.<Integer>getAs(Columns.TOP_TOPIC));
      assertTrue(unit.<Integer>getAs(Columns.N_TERMS) >= 5);
    }
    JsonNode model = manifests.get(FITTED).get("topic_model");
    assertEquals("fitted", model.get("status").asText());
    assertEquals(shares.count(), model.get("units_modelled").asLong());
    assertEquals(
        table(Table.TURNS, FITTED).count(),
        model.get("units").asLong(),
        "turn units: one per turn");
    assertEquals(
        model.get("units").asLong(),
        model.get("units_modelled").asLong() + model.get("units_too_short").asLong());
    assertTrue(
        Files.isDirectory(
            output
                .resolve(manifests.get(FITTED).get("models").asText())
                .resolve(TopicModel.DIRECTORY)));
    assertEquals(manifests.get(FITTED).get("models").asText(), model.get("path").asText());
  }

  @Test
  void theModelSelectionTableComparesEachK() {
    List<Row> rows = table(Table.TOPIC_MODEL_SELECTION, REUSED).orderBy(Columns.K).collectAsList();
    assertEquals(List.of(4, 8), rows.stream().map(r -> r.<Integer>getAs(Columns.K)).toList());
    for (Row row : rows) {
      assertTrue(Double.isFinite(row.<Double>getAs(Columns.LOG_PERPLEXITY)), row.toString());
      assertTrue(
          row.<Long>getAs(Columns.N_HELDOUT_UNITS) > 0
              && row.<Long>getAs(Columns.N_TRAIN_UNITS) > row.<Long>getAs(Columns.N_HELDOUT_UNITS));
      assertTrue(
          row.<Double>getAs(Columns.COHERENCE_NPMI) >= -1
              && row.<Double>getAs(Columns.COHERENCE_NPMI) <= 1);
    }
    assertFalse(
        manifests.get(FITTED).get("tables").has(Table.TOPIC_MODEL_SELECTION.tableName()),
        "written only by a run configured for it");
  }

  @Test
  void aLaterRunReusesTheSavedModelSoUnitsGetTheSameShares() {
    JsonNode model = manifests.get(REUSED).get("topic_model");
    assertEquals("reused", model.get("status").asText());
    assertEquals(FITTED, model.get("reused_from").get("snapshot").asText());
    assertEquals(
        sortedRows(table(Table.TOPIC_SHARES, FITTED)),
        sortedRows(table(Table.TOPIC_SHARES, REUSED)));
    assertEquals(sortedRows(table(Table.TOPICS, FITTED)), sortedRows(table(Table.TOPICS, REUSED)));
  }

  @Test
  void refittingWithTheSameSeedGivesTheSameTables() {
    assertEquals("fitted", manifests.get(REFITTED).get("topic_model").get("status").asText());
    for (Table table : Table.values()) {
      if (table == Table.TOPIC_MODEL_SELECTION) {
        continue; // configured only in the first run
      }
      // The refit month is a refresh (its sentences carried over, partitioned otherwise): means
      // of the same doubles summed in another order may differ in the last bits, never more.
      TableComparison.Result refit =
          TableComparison.compare(
              spark,
              table.tableName(),
              TableComparison.folders(spark, output, FITTED, table),
              TableComparison.folders(spark, output, REFITTED, table),
              1e-12);
      assertTrue(refit.equal(), refit.summary());
    }
  }

  private static List<String> sortedRows(Dataset<Row> rows) {
    List<String> text = new ArrayList<>();
    rows.collectAsList().forEach(r -> text.add(r.toString()));
    text.sort(null);
    return text;
  }
}
