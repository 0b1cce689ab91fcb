package org.discourseatlas.job;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SampleRun;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole job on data-sample/, through its entry point (run once, shared: {@link SampleRun}),
 * checked against what the corpus holds (src/test/resources/data-sample-expected.tsv: each
 * transcript's date and the zones it names).
 */
class DataSampleEndToEndTest {
  private static final String SNAPSHOT = SampleRun.SNAPSHOT;

  /** The zones the expected file was computed for (the gazetteer has a few more). */
  private static final Set<String> EXPECTED_ZONE_IDS =
      Set.of(
          "aleppo",
          "mosul",
          "raqqa",
          "idlib",
          "homs",
          "palmyra",
          "yemen",
          "libya",
          "donbass",
          "crimea",
          "afghanistan",
          "syria",
          "iraq",
          "ukraine");

  private static Path output;
  private static SparkSession spark;
  private static Map<String, Row> documentsBySource;
  private static List<ExpectedDocument> expected;

  /** One line of data-sample-expected.tsv. */
  record ExpectedDocument(String source, String date, Set<String> zones, boolean duplicate) {}

  @BeforeAll
  static void runTheJob() throws IOException {
    spark = SharedSpark.session();
    output = SampleRun.output();
    documentsBySource = new HashMap<>();
    for (Row row : table(Table.DOCUMENTS).collectAsList()) {
      documentsBySource.put(relativeToSample(row.getAs(Columns.SOURCE_PATH)), row);
    }
    expected = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/data-sample-expected.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Set<String> zones = f[2].isEmpty() ? Set.of() : Set.of(f[2].split(","));
      expected.add(new ExpectedDocument(f[0], f[1], zones, f[3].equals("yes")));
    }
  }

  private static Dataset<Row> table(Table table) {
    return org.discourseatlas.testing.OutputTables.read(spark, output, SNAPSHOT, table);
  }

  /** Every table but topic_model_selection, written only when model selection is configured. */
  private static List<Table> defaultTables() {
    List<Table> tables = new ArrayList<>(List.of(Table.values()));
    tables.remove(Table.TOPIC_MODEL_SELECTION);
    return tables;
  }

  private static String relativeToSample(String sourcePath) {
    String marker = "data-sample/";
    return sourcePath.substring(sourcePath.indexOf(marker) + marker.length());
  }

  @Test
  void everyTableHasItsContractSchema() {
    for (Table table : defaultTables()) {
      List<String> written = new ArrayList<>();
      for (StructField field : table(table).schema().fields()) {
        written.add(field.name() + ":" + field.dataType().simpleString());
      }
      List<String> contract = new ArrayList<>();
      for (StructField field : table.schema().fields()) {
        contract.add(field.name() + ":" + field.dataType().simpleString());
      }
      assertEquals(contract, written, table.tableName());
    }
  }

  @Test
  void everyInputFileIsADocumentOrAReject() throws IOException {
    Set<String> files;
    try (Stream<Path> walk = Files.walk(Corpora.dataSample())) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> Corpora.dataSample().relativize(p).toString())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> accounted = new TreeSet<>();
    documentsBySource.keySet().forEach(s -> accounted.add(s.replaceFirst("#\\d+$", "")));
    for (Row reject : table(Table.REJECTS).collectAsList()) {
      accounted.add(relativeToSample(reject.getAs(Columns.SOURCE_PATH)).replaceFirst("#\\d+$", ""));
    }
    assertEquals(files, accounted);
    Row readme =
        table(Table.REJECTS)
            .filter(col(Columns.SOURCE_PATH).endsWith("data-sample/README.md"))
            .first();
    assertEquals("unsupported_format", readme.getAs(Columns.REASON));
  }

  @Test
  void everyExpectedTranscriptIsADocumentWithItsDate() {
    assertEquals(expected.size(), documentsBySource.size());
    for (ExpectedDocument e : expected) {
      Row document = documentsBySource.get(e.source());
      assertNotNull(document, "document for " + e.source());
      assertEquals(
          e.date(), String.valueOf(document.<java.sql.Date>getAs(Columns.DATE)), e.source());
      assertEquals("en", document.getAs(Columns.LANGUAGE));
      if (!e.duplicate()) {
        assertTrue(
            document.<Integer>getAs(Columns.N_SENTENCES) > 10, e.source() + " has sentences");
      }
    }
  }

  @Test
  void theRepublishedTranscriptWithOtherBoilerplateAndSmallEditsIsANearDuplicate() {
    Row republished = documentsBySource.get("republished/verin-geneva-2017-02-28.html.gz");
    Row original = documentsBySource.get("mfa-norland/2017-02-28-verin-geneva.txt");
    assertEquals("html.gz", republished.getAs(Columns.FORMAT));
    assertEquals(original.<String>getAs(Columns.DOC_ID), republished.getAs(Columns.DUPLICATE_OF));
    double similarity = republished.getAs(Columns.DUPLICATE_SIMILARITY);
    assertTrue(similarity >= 0.9 && similarity < 1.0, "Jaccard " + similarity);
    assertNull(original.getAs(Columns.DUPLICATE_OF));
    assertEquals(
        0,
        table(Table.SENTENCES)
            .filter(col(Columns.DOC_ID).equalTo(republished.<String>getAs(Columns.DOC_ID)))
            .count(),
        "a duplicate is left out of the analysis");
  }

  @Test
  void theMirroredCopyWithAnotherSitesHeaderIsAnExactDuplicateAndIsNotAnalysedTwice() {
    Row copy = documentsBySource.get("mirror/norland-embassy-dk_press_verin-year-end-2016.txt");
    String docId = copy.getAs(Columns.DOC_ID);
    assertEquals(docId, copy.getAs(Columns.DUPLICATE_OF));
    List<Row> sameContent =
        documentsBySource.values().stream()
            .filter(r -> docId.equals(r.getAs(Columns.DOC_ID)))
            .toList();
    assertEquals(2, sameContent.size());
    assertEquals(
        1, sameContent.stream().filter(r -> r.getAs(Columns.DUPLICATE_OF) == null).count());
    long sentences = table(Table.SENTENCES).filter(col(Columns.DOC_ID).equalTo(docId)).count();
    assertEquals(
        copy.<Integer>getAs(Columns.N_SENTENCES).longValue(), sentences, "sentences written once");
  }

  @Test
  void sentencesNameExactlyTheZonesEachTranscriptNames() {
    Map<String, Set<String>> namedByDoc = new HashMap<>();
    for (Row row :
        table(Table.SENTENCES).select(Columns.DOC_ID, Columns.NAMED_ZONES).collectAsList()) {
      namedByDoc.computeIfAbsent(row.getString(0), k -> new HashSet<>()).addAll(row.getList(1));
    }
    int aleppo = 0;
    int mosul = 0;
    for (ExpectedDocument e : expected) {
      if (e.duplicate()) {
        continue; // left out of the analysis: no sentences of its own
      }
      String docId = documentsBySource.get(e.source()).getAs(Columns.DOC_ID);
      Set<String> found = new TreeSet<>(namedByDoc.getOrDefault(docId, Set.of()));
      found.retainAll(EXPECTED_ZONE_IDS);
      assertEquals(new TreeSet<>(e.zones()), found, e.source());
      aleppo += e.zones().contains("aleppo") && !e.duplicate() ? 1 : 0;
      mosul += e.zones().contains("mosul") && !e.duplicate() ? 1 : 0;
    }
    assertTrue(
        aleppo >= 8 && mosul >= 8, "Aleppo in " + aleppo + ", Mosul in " + mosul + " transcripts");
  }

  @Test
  void zoneWindowsCarryOnlyWithinATurnAndIncludeTheNamingSentences() {
    Dataset<Row> sentences = table(Table.SENTENCES);
    long carried =
        sentences
            .filter(
                array_contains(col(Columns.ZONES), "aleppo")
                    .and(not(array_contains(col(Columns.NAMED_ZONES), "aleppo"))))
            .count();
    long named = sentences.filter(array_contains(col(Columns.NAMED_ZONES), "aleppo")).count();
    assertTrue(named > 0 && carried > 0, "named " + named + ", carried " + carried);
    // Every named zone is in zones.
    for (Row row : sentences.select(Columns.NAMED_ZONES, Columns.ZONES).collectAsList()) {
      assertTrue(row.getList(1).containsAll(row.getList(0)), row.toString());
    }
  }

  @Test
  void termFrequenciesAgreeWithTheSentencesTheyCount() {
    Dataset<Row> terms = table(Table.TERM_FREQUENCIES);
    Dataset<Row> sentences = table(Table.SENTENCES);
    for (String zone : List.of("aleppo", "mosul")) {
      long zoneTokens =
          sentences
              .filter(array_contains(col(Columns.ZONES), zone))
              .agg(sum(Columns.N_TOKENS))
              .first()
              .getLong(0);
      List<Row> allTime =
          terms
              .filter(
                  col(Columns.ZONE)
                      .equalTo(zone)
                      .and(col(Columns.PERIOD).isNull())
                      .and(col(Columns.ROLE).isNull()))
              .collectAsList();
      assertFalse(allTime.isEmpty(), zone);
      long zoneDocuments =
          sentences
              .filter(array_contains(col(Columns.ZONES), zone))
              .select(Columns.DOC_ID)
              .distinct()
              .count();
      for (Row row : allTime) {
        long count = row.getAs(Columns.COUNT);
        // rel_freq is per 10,000 running words of the zone's sentences.
        assertEquals(
            count * 10_000.0 / zoneTokens,
            row.<Double>getAs(Columns.REL_FREQ),
            1e-9,
            row.toString());
        assertTrue(row.<Long>getAs(Columns.DOC_FREQ) <= zoneDocuments, row.toString());
        assertTrue(row.<Long>getAs(Columns.DOC_FREQ) <= count, row.toString());
      }
      // Every transcript is dated, so the months add up to all time.
      Map<String, Long> allTimeCounts = new HashMap<>();
      allTime.stream()
          .filter(r -> r.<Integer>getAs(Columns.NGRAM) == 1)
          .forEach(r -> allTimeCounts.put(r.getAs(Columns.TERM), r.getAs(Columns.COUNT)));
      Map<String, Long> monthly = new HashMap<>();
      for (Row r :
          terms
              .filter(
                  col(Columns.ZONE)
                      .equalTo(zone)
                      .and(col(Columns.PERIOD).isNotNull())
                      .and(col(Columns.NGRAM).equalTo(1)))
              .collectAsList()) {
        monthly.merge(r.getAs(Columns.TERM), r.<Long>getAs(Columns.COUNT), Long::sum);
      }
      assertEquals(allTimeCounts, monthly, zone);
      // Every sentence is in a turn with a role, so the roles add up to all time too.
      Map<String, Long> byRole = new HashMap<>();
      for (Row r :
          terms
              .filter(
                  col(Columns.ZONE)
                      .equalTo(zone)
                      .and(col(Columns.ROLE).isNotNull())
                      .and(col(Columns.NGRAM).equalTo(1)))
              .collectAsList()) {
        byRole.merge(r.getAs(Columns.TERM), r.<Long>getAs(Columns.COUNT), Long::sum);
      }
      assertEquals(allTimeCounts, byRole, zone);
    }
    // The zone's own name is among its terms; a stopword is not.
    assertTrue(
        terms
                .filter(
                    col(Columns.ZONE).equalTo("aleppo").and(col(Columns.TERM).equalTo("aleppo")))
                .count()
            > 0);
    assertEquals(0, terms.filter(col(Columns.TERM).equalTo("the")).count());
  }

  @Test
  void aleppoVersusMosulKeynessSetsTheTwoApartWithoutBoilerplate() {
    Dataset<Row> pair =
        table(Table.KEYNESS)
            .filter(
                col(Columns.TARGET).equalTo("aleppo").and(col(Columns.REFERENCE).equalTo("mosul")));
    List<String> aleppoSide =
        pair.orderBy(col(Columns.LOG_ODDS_Z).desc())
            .limit(50)
            .select(Columns.TERM)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    List<String> mosulSide =
        pair.orderBy(col(Columns.LOG_ODDS_Z).asc())
            .limit(50)
            .select(Columns.TERM)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    // What a reader of these transcripts sees: Aleppo is talked about as districts, convoys,
    // medicines, militants and liberation; Mosul as the coalition's airstrikes and the displaced.
    long aleppoWords =
        List.of(
                "district",
                "convoy",
                "medicine",
                "militant",
                "liberation",
                "eastern aleppo",
                "corridor",
                "evacuation")
            .stream()
            .filter(w -> aleppoSide.subList(0, 30).contains(w))
            .count();
    long mosulWords =
        List.of(
                "coalition",
                "airstrike",
                "iraqi",
                "displace",
                "old city",
                "isis",
                "civilian casualties")
            .stream()
            .filter(w -> mosulSide.subList(0, 30).contains(w))
            .count();
    assertTrue(aleppoWords >= 3, "Aleppo side: " + aleppoSide);
    assertTrue(mosulWords >= 3, "Mosul side: " + mosulSide);
    List<String> siteWords =
        List.of(
            "embassy",
            "tel",
            "fax",
            "address",
            "adress",
            "e-mail",
            "rambler",
            "top100",
            "liveinternet",
            "counter",
            "copyright",
            "reserved",
            "cookie",
            "cookies",
            "subscribe",
            "facebook",
            "twitter",
            "breadcrumb",
            "print",
            "menu",
            "français",
            "deutsch",
            "español",
            "english",
            "home",
            "share");
    for (String word : siteWords) {
      assertFalse(
          aleppoSide.contains(word) || mosulSide.contains(word),
          word + " among the top keyness terms");
    }
    // Every zone with data is also compared with the rest of the corpus.
    assertTrue(
        table(Table.KEYNESS)
                .filter(
                    col(Columns.TARGET)
                        .equalTo("mosul")
                        .and(col(Columns.REFERENCE).equalTo("rest")))
                .count()
            > 0);
  }

  /**
   * Frames agree with the hits they count and the words they divide by: a leaf category's hits in a
   * zone are its KWIC lines there; the zone's running words are its window sentences' n_tokens; the
   * rate is hits per 10,000 of them inside its interval; and Aleppo and Mosul differ in at least
   * one category beyond the interval (data-sample's Mosul is coalition airstrikes and
   * displacement).
   */
  @Test
  void framesCountTheirKwicLinesOverTheZoneWordsAndSetAleppoApartFromMosul() {
    Dataset<Row> zoneLevel =
        table(Table.FRAMES)
            .filter(
                col(Columns.ZONE)
                    .isNotNull()
                    .and(col(Columns.PERIOD).isNull())
                    .and(col(Columns.ROLE).isNull()));
    Map<String, Long> kwicLines = new HashMap<>();
    for (Row row :
        table(Table.FRAME_MENTIONS)
            .groupBy(Columns.ZONE, Columns.CATEGORY)
            .count()
            .collectAsList()) {
      kwicLines.put(row.getString(0) + "|" + row.getString(1), row.getLong(2));
    }
    Map<String, Long> zoneWords = new HashMap<>();
    for (Row row :
        table(Table.SENTENCES)
            .select(
                org.apache.spark.sql.functions.explode(col(Columns.ZONES)).as("z"),
                col(Columns.N_TOKENS))
            .groupBy("z")
            .agg(sum(Columns.N_TOKENS))
            .collectAsList()) {
      zoneWords.put(row.getString(0), row.getLong(1));
    }
    Set<String> parents = new HashSet<>();
    List<Row> rows = zoneLevel.collectAsList();
    for (Row row : rows) {
      String category = row.getAs(Columns.CATEGORY);
      if (category.contains("/")) {
        parents.add(category.substring(0, category.indexOf('/')));
      }
    }
    int leavesWithHits = 0;
    for (Row row : rows) {
      String zone = row.getAs(Columns.ZONE);
      String category = row.getAs(Columns.CATEGORY);
      long count = row.getAs(Columns.COUNT);
      long words = row.getAs(Columns.RUNNING_WORDS);
      assertEquals(zoneWords.get(zone).longValue(), words, zone);
      assertEquals(count * 10_000.0 / words, row.<Double>getAs(Columns.RATE), 1e-9);
      assertTrue(
          row.<Double>getAs(Columns.CI_LOW) <= row.<Double>getAs(Columns.RATE) + 1e-9
              && row.<Double>getAs(Columns.RATE) <= row.<Double>getAs(Columns.CI_HIGH) + 1e-9,
          row.toString());
      if (!parents.contains(category)) {
        assertEquals(
            kwicLines.getOrDefault(zone + "|" + category, 0L), count, zone + " " + category);
        leavesWithHits += count > 0 ? 1 : 0;
      }
    }
    assertTrue(leavesWithHits >= 10, "leaf categories with hits in some zone: " + leavesWithHits);
    List<Row> apart =
        table(Table.FRAME_COMPARISONS)
            .filter(
                col(Columns.TARGET)
                    .equalTo("aleppo")
                    .and(col(Columns.REFERENCE).equalTo("mosul"))
                    .and(col(Columns.CI_LOW).gt(0).or(col(Columns.CI_HIGH).lt(0))))
            .collectAsList();
    assertFalse(apart.isEmpty(), "a category whose Aleppo - Mosul interval excludes 0");
    assertTrue(
        apart.stream().anyMatch(r -> r.getAs(Columns.CATEGORY).equals("intervention/coalition")),
        apart.toString());
  }

  /** Actors: every event's agent or target named, and the actor table agrees with the events. */
  @Test
  void actorEventsNameTheirActorsAndTheActorTableCountsThem() {
    Dataset<Row> events = table(Table.ACTOR_EVENTS);
    assertTrue(events.count() >= 100, "events in zone windows: " + events.count());
    assertEquals(
        0, events.filter(col(Columns.AGENT).isNull().and(col(Columns.TARGET).isNull())).count());
    Map<String, Long> asAgent = new HashMap<>();
    for (Row row :
        events
            .filter(col(Columns.AGENT).isNotNull())
            .groupBy(Columns.ZONE, Columns.AGENT)
            .count()
            .collectAsList()) {
      asAgent.put(row.getString(0) + "|" + row.getString(1), row.getLong(2));
    }
    List<Row> actors = table(Table.ACTORS).filter(col(Columns.PERIOD).isNull()).collectAsList();
    long checked = 0;
    for (Row actor : actors) {
      String key = actor.getAs(Columns.ZONE) + "|" + actor.getAs(Columns.ACTOR);
      assertEquals(asAgent.getOrDefault(key, 0L), actor.<Long>getAs(Columns.AS_AGENT), key);
      checked += asAgent.containsKey(key) ? 1 : 0;
    }
    assertEquals(asAgent.size(), checked, "every agent of an event is in the actors table");
    assertTrue(
        actors.stream()
            .anyMatch(
                a ->
                    a.getAs(Columns.ZONE).equals("mosul") && a.getAs(Columns.ACTOR).equals("ISIS")),
        "ISIS among Mosul's actors");
  }

  @Test
  void everyZoneMentionIsInKwicWithItsContextAndCollocationsAreAttracted() {
    Dataset<Row> mentions = table(Table.MENTIONS);
    long namingSentences = 0;
    for (Row row : table(Table.SENTENCES).select(Columns.NAMED_ZONES).collectAsList()) {
      namingSentences += row.getList(0).isEmpty() ? 0 : 1;
    }
    assertTrue(mentions.count() >= namingSentences, "at least one mention per naming sentence");
    Row aleppo = mentions.filter(col(Columns.ALIAS).equalTo("eastern Aleppo")).first();
    assertTrue(aleppo.<String>getAs(Columns.MATCH).equalsIgnoreCase("eastern Aleppo"));
    assertTrue(aleppo.<String>getAs(Columns.LEFT).split(" ").length <= 10);
    for (Row row : table(Table.COLLOCATIONS).collectAsList()) {
      assertTrue(
          row.<Double>getAs(Columns.G2) > 0 && row.<Long>getAs(Columns.COUNT) >= 3, row.toString());
    }
  }

  @Test
  void theManifestRecordsTheRunAndItsCounts() throws IOException {
    Path runs = output.resolve("_runs");
    List<Path> manifests;
    try (Stream<Path> list = Files.list(runs)) {
      manifests = list.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertEquals(1, manifests.size());
    JsonNode manifest = new ObjectMapper().readTree(manifests.get(0).toFile());
    assertEquals(SNAPSHOT, manifest.get("snapshot").asText());
    JsonNode counts = manifest.get("input_counts");
    assertEquals(
        counts.get("records").asLong(),
        counts.get("documents").asLong()
            + counts.get("duplicates").asLong()
            + counts.get("rejects").asLong());
    long duplicates = expected.stream().filter(ExpectedDocument::duplicate).count();
    assertEquals(expected.size() - duplicates, counts.get("documents").asLong());
    assertEquals(duplicates, counts.get("duplicates").asLong());
    assertEquals(1, counts.get("near_duplicates").asLong());
    for (Table table : defaultTables()) {
      assertEquals(
          table(table).count(),
          manifest.get("row_counts").get(table.tableName()).asLong(),
          table.tableName());
    }
    assertNull(
        manifest.get("row_counts").get(Table.TOPIC_MODEL_SELECTION.tableName()),
        "only tables this run wrote");
    assertTrue(manifest.get("stages").size() >= 5);
    // Each stage's share of the JVM: its threads' CPU, the collector's pauses, the JIT's work. A
    // HotSpot JVM reports all three; the CPU of a stage cannot exceed its wall time on every core.
    int cores = Runtime.getRuntime().availableProcessors();
    double jvmCpu = 0;
    for (var stage : manifest.get("stages")) {
      String name = stage.get("stage").asText();
      double cpu = stage.get("jvm_cpu_seconds").asDouble();
      assertTrue(
          cpu >= 0 && cpu <= stage.get("seconds").asDouble() * cores + 0.5, name + ": " + cpu);
      assertTrue(stage.get("gc_pause_seconds").asDouble() >= 0, name);
      assertTrue(stage.get("jit_seconds").asDouble() >= 0, name);
      jvmCpu += cpu;
    }
    assertTrue(jvmCpu > 1, "a run of the whole job takes CPU: " + jvmCpu);
  }
}
