package org.discourseatlas.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.discourseatlas.analysis.Sentiment;
import org.discourseatlas.bench.TableComparison;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.Folders;
import org.discourseatlas.testing.OutputTables;
import org.discourseatlas.testing.SharedSpark;
import org.discourseatlas.turns.SpeakerKind;
import org.discourseatlas.turns.SpeakerRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly refresh on data-sample: June's snapshot is built from all but three inputs (two
 * transcripts and a republished copy of an old one), July's adds them. July is built three ways: as
 * a refresh of June, as a full run (--full) into a copy of June's output, and as a rerun of the
 * refresh; August changes the zone window and the sentiment token limit.
 */
class RefreshEndToEndTest {
  private static final String JUNE = "2017-06";
  private static final String JULY = "2017-07";
  private static final String AUGUST = "2017-08";

  /**
   * Held back from June: two transcripts and a near copy of a February one. The Norland one has
   * none of its site's repeated paragraphs: with or without it, the same boilerplate is learned.
   */
  private static final List<String> HELD_BACK =
      List.of(
          "mfa-norland/2016-08-18-verin-interview-courier.txt",
          "mfa-westmark/2017-07-10-aalto-statement-isis-defeat.html",
          "republished/verin-geneva-2017-02-28.html.gz");

  /** A June input whose modification time moves before July. */
  private static final String TOUCHED = "mfa-norland/2016-09-21-verin-new-york.txt";

  /** A June input renamed before August. */
  private static final String RENAMED = "mfa-norland/2016-10-19-verin-press-berlin.txt";

  @TempDir static Path work;
  private static Path inbox;
  private static Path refreshed;
  private static Path full;
  private static Path firstJuly;
  private static SparkSession spark;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void refreshMonthByMonth() throws IOException {
    spark = SharedSpark.session();
    inbox = work.resolve("inbox");
    refreshed = work.resolve("refreshed");
    full = work.resolve("full");
    firstJuly = work.resolve("first-july");
    Folders.copy(Corpora.dataSample(), inbox);
    for (String held : HELD_BACK) {
      Files.move(inbox.resolve(held), work.resolve(held.replace('/', '_')));
    }
    run(refreshed, JUNE);
    Folders.copy(refreshed, full);
    for (String held : HELD_BACK) {
      Files.move(work.resolve(held.replace('/', '_')), inbox.resolve(held));
    }
    // Touched since June, bytes unchanged: read again, and still seen.
    Files.setLastModifiedTime(
        inbox.resolve(TOUCHED), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    run(refreshed, JULY);
    run(full, JULY, "--full");
    Folders.copy(refreshed, firstJuly);
    run(refreshed, JULY);
    Path config = work.resolve("changed.conf");
    Files.writeString(config, "discourse-atlas { zones.window = 0, sentiment.max-tokens = 60 }\n");
    // Renamed since July, bytes unchanged: read (a name July's state does not know) and still seen.
    Files.move(inbox.resolve(RENAMED), inbox.resolve(RENAMED.replace(".txt", "-renamed.txt")));
    run(refreshed, AUGUST, "--config", config.toString());
  }

  private static void run(Path output, String snapshot, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                inbox.toString(),
                "--output",
                output.toString(),
                "--snapshot",
                snapshot));
    args.addAll(List.of(more));
    assertEquals(
        0,
        DiscourseAtlasJob.execute(args.toArray(new String[0])),
        "run " + snapshot + " into " + output);
  }

  /** A stage's records in and out, as the manifest's stages list has them. */
  private static List<Long> stageCounts(JsonNode manifest, String stage) {
    for (JsonNode each : manifest.get("stages")) {
      if (each.get("stage").asText().equals(stage)) {
        return List.of(each.get("records_in").asLong(), each.get("records_out").asLong());
      }
    }
    throw new AssertionError("no stage " + stage + " in " + manifest.get("stages"));
  }

  private static JsonNode manifest(Path output, String snapshot) {
    Object runId =
        Snapshots.open(output.toString(), spark.sparkContext().hadoopConfiguration())
            .of(snapshot)
            .orElseThrow()
            .get("run_id");
    try {
      return JSON.readTree(output.resolve("_runs").resolve(runId + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dataset<Row> table(Path output, String snapshot, Table table) {
    return OutputTables.read(spark, output, snapshot, table);
  }

  private static Set<String> analysedIds(Path output, String snapshot) {
    return Set.copyOf(
        table(output, snapshot, Table.DOCUMENTS)
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(Columns.DOC_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  @Test
  void theRefreshAnalysesOnlyTheInputsNotSeenBefore() {
    JsonNode july = manifest(refreshed, JULY);
    assertEquals("incremental", july.at("/refresh/mode").asText());
    assertEquals(JUNE, july.at("/refresh/base/snapshot").asText());
    assertFalse(
        july.at("/refresh/terms_counted_again").asBoolean(),
        "July adds its documents' term counts to June's");
    JsonNode counts = july.get("input_counts");
    assertEquals(30, counts.get("input_files").asLong());
    assertEquals(27, counts.get("input_files_already_seen").asLong());
    // Read: the three new files and the touched one, known by its bytes; the other 26 are known
    // from June's state by path, length and time, and not read at all.
    assertEquals(4, counts.get("input_files_read").asLong());
    assertEquals(3, counts.at("/new/records").asLong());
    assertEquals(2, counts.at("/new/documents").asLong());
    assertEquals(
        1, counts.at("/new/duplicates").asLong(), "the republished copy of an old transcript");
    assertEquals(1, counts.at("/new/near_duplicates").asLong());
    JsonNode fullJuly = manifest(full, JULY);
    assertEquals("full", fullJuly.at("/refresh/mode").asText());
    for (String key : List.of("records", "documents", "duplicates", "rejects")) {
      assertEquals(fullJuly.at("/input_counts/" + key).asLong(), counts.get(key).asLong(), key);
    }
    assertEquals(
        counts.get("records").asLong(),
        counts.get("documents").asLong()
            + counts.get("duplicates").asLong()
            + counts.get("rejects").asLong());
    // The refresh counts June's sentences from its files (not tagged or cached again): the
    // snapshot's turns and sentences as the full run counts them.
    assertEquals(stageCounts(fullJuly, "sentences+zones"), stageCounts(july, "sentences+zones"));
    // The near copy follows the February transcript analysed in June, which stays analysed.
    Row copy =
        table(refreshed, JULY, Table.DOCUMENTS)
            .filter(col(Columns.SOURCE_PATH).endsWith(HELD_BACK.get(2)))
            .first();
    assertTrue(
        analysedIds(refreshed, JUNE).contains(copy.<String>getAs(Columns.DUPLICATE_OF)),
        copy.toString());
  }

  @Test
  void sentencesOfEarlierMonthsAreReusedNotScoredAgain() {
    Set<String> june = analysedIds(refreshed, JUNE);
    Dataset<Row> julySentences = table(refreshed, JULY, Table.SENTENCES);
    long scoredNew =
        julySentences
            .filter(col(Columns.DOC_ID).isin(june.toArray()).unary_$bang())
            .filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED))
            .count();
    long scoredAll =
        julySentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED)).count();
    long parsed =
        manifest(refreshed, JULY).at("/input_counts/sentences_parsed_for_sentiment").asLong();
    assertTrue(scoredNew > 0 && scoredNew < scoredAll, scoredNew + " of " + scoredAll);
    assertEquals(scoredNew, parsed, "CoreNLP parsed exactly the new documents' sentences in scope");
    assertEquals(
        scoredAll,
        manifest(full, JULY).at("/input_counts/sentences_parsed_for_sentiment").asLong(),
        "a full run parses every sentence in scope");
    // June's sentences come through unchanged, sentiment included.
    Dataset<Row> juneSentences = table(refreshed, JUNE, Table.SENTENCES);
    Dataset<Row> carried = julySentences.filter(col(Columns.DOC_ID).isin(june.toArray()));
    assertEquals(juneSentences.count(), carried.count());
    assertEquals(
        0,
        juneSentences
            .except(carried.select(juneSentences.columns()[0], rest(juneSentences)))
            .count());
  }

  /**
   * July's documents, rejects, turns, sentences, zone and frame mentions and actor events are
   * June's folders plus July's own, which holds only July's rows: carried rows are written once, by
   * the month that made them.
   */
  @Test
  void carriedRowsStayInJunesFoldersAndJulyWritesOnlyItsOwn() {
    JsonNode july = manifest(refreshed, JULY);
    JsonNode june = manifest(refreshed, JUNE);
    Set<String> juneIds = analysedIds(refreshed, JUNE);
    for (Table table :
        List.of(
            Table.DOCUMENTS,
            Table.REJECTS,
            Table.TURNS,
            Table.SENTENCES,
            Table.MENTIONS,
            Table.FRAME_MENTIONS,
            Table.ACTOR_EVENTS)) {
      JsonNode folders = july.at("/tables/" + table.tableName());
      assertTrue(folders.isArray() && folders.size() == 2, table + ": " + folders);
      assertEquals(june.at("/tables/" + table.tableName()).asText(), folders.get(0).asText());
      Dataset<Row> own =
          spark.read().parquet(refreshed.resolve(folders.get(1).asText()).toString());
      Dataset<Row> whole = table(refreshed, JULY, table);
      assertEquals(
          whole.count() - table(refreshed, JUNE, table).count(), own.count(), table + " rows");
      if (table != Table.REJECTS && table != Table.DOCUMENTS) {
        assertEquals(
            0, own.filter(col(Columns.DOC_ID).isin(juneIds.toArray())).count(), table.tableName());
      }
    }
    // Tables computed over every row are written whole.
    assertTrue(july.at("/tables/" + Table.KEYNESS.tableName()).isTextual());
    // A full run names one folder per table.
    assertTrue(manifest(full, JULY).at("/tables/" + Table.SENTENCES.tableName()).isTextual());
  }

  private static String[] rest(Dataset<Row> rows) {
    String[] columns = rows.columns();
    return java.util.Arrays.copyOfRange(columns, 1, columns.length);
  }

  @Test
  void everyTableOfTheRefreshEqualsAFullRunOverTheSameInputs() {
    List<String> different = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Table table : writtenTables(full, JULY)) {
      TableComparison.Result result =
          TableComparison.compare(spark, table, full, refreshed, JULY, 1e-9);
      report.append(result.summary()).append('\n');
      if (!result.equal()) {
        different.add(table.tableName());
      }
    }
    System.out.print("refresh vs full run, July:\n" + report);
    assertEquals(List.of(), different, report.toString());
  }

  @Test
  void theTermCountsKeptAreThoseOfAFullRun() {
    Dataset<Row> kept = assertKeptAsByAFullRun("term_counts", Function.identity());
    assertTrue(kept.filter(col(Columns.NGRAM).geq(2)).count() > 1000, "n-grams are kept");
  }

  /**
   * July matched only its new documents against the frame dictionaries; its kept per-document
   * counts are the full run's, and the frames tables equal (theRefreshedTablesEqualAFullRun).
   */
  @Test
  void theFrameCountsKeptAreThoseOfAFullRun() {
    assertFalse(manifest(refreshed, JULY).at("/refresh/frames_counted_again").asBoolean());
    Dataset<Row> kept = assertKeptAsByAFullRun("frame_counts", Function.identity());
    Column hits = functions.aggregate(col("hits"), lit(0L), (a, b) -> a.plus(b));
    assertTrue(kept.filter(hits.gt(0)).count() > 10, "documents hold frame hits");
  }

  /**
   * July counted the n-grams of only its new documents' zone sentences; its kept collocation counts
   * are the full run's (every n-gram of a zone, however rare), and the collocations equal.
   */
  @Test
  void theCollocationCountsKeptAreThoseOfAFullRun() {
    assertFalse(manifest(refreshed, JULY).at("/refresh/collocations_counted_again").asBoolean());
    Dataset<Row> kept = assertKeptAsByAFullRun("collocation_counts", Function.identity());
    assertTrue(kept.filter(col("count").equalTo(1)).count() > 10, "rare n-grams are kept too");
  }

  /** July named actors only in its new sentences; its kept actor rows are the full run's. */
  @Test
  void theActorRowsKeptAreThoseOfAFullRun() {
    assertFalse(manifest(refreshed, JULY).at("/refresh/actors_named_again").asBoolean());
    assertTrue(
        assertKeptAsByAFullRun("actor_mentions", Function.identity()).count() > 10,
        "actors were named");
  }

  /**
   * July reused June's model and kept June's topic units' features: it counted only its new
   * documents' units, and its kept features are the full run's (which counted every unit).
   */
  @Test
  void theTopicFeaturesKeptAreThoseOfAFullRun() {
    assertTrue(manifest(refreshed, JULY).at("/topic_model/features_kept").asBoolean());
    assertFalse(manifest(full, JULY).at("/topic_model/features_kept").asBoolean());
    assertEquals(
        manifest(full, JULY).at("/topic_model/units").asLong(),
        manifest(refreshed, JULY).at("/topic_model/units").asLong());
    // The count vectors compared as arrays.
    Dataset<Row> kept =
        assertKeptAsByAFullRun(
            "topic_features",
            features ->
                features
                    .withColumn(
                        Columns.FEATURES,
                        org.apache.spark.ml.functions.vector_to_array(
                            col(Columns.FEATURES), "float64"))
                    .select(
                        Columns.DOC_ID,
                        Columns.TURN,
                        Columns.PARAGRAPH,
                        Columns.N_TERMS,
                        Columns.FEATURES));
    assertTrue(kept.count() > 10, "units were modelled");
  }

  /**
   * A piece of July's refresh state as the refresh kept it (June's plus July's new documents')
   * equals the full run's, which made it from every document; returns the refresh's rows.
   */
  private static Dataset<Row> assertKeptAsByAFullRun(
      String piece, Function<Dataset<Row>, Dataset<Row>> comparable) {
    Dataset<Row> kept = comparable.apply(state(refreshed, JULY, piece));
    Dataset<Row> made = comparable.apply(state(full, JULY, piece));
    assertEquals(made.count(), kept.count(), piece + " rows");
    assertEquals(0, made.exceptAll(kept).count(), piece + ": rows only in the full run's state");
    return kept;
  }

  private static Dataset<Row> state(Path output, String snapshot, String piece) {
    String models = manifest(output, snapshot).get("models").asText();
    return spark.read().parquet(output.resolve(models).resolve("state").resolve(piece).toString());
  }

  @Test
  void rerunningAMonthGivesIdenticalTablesAndSupersedesTheFirstRun() throws IOException {
    for (Table table : writtenTables(firstJuly, JULY)) {
      TableComparison.Result result =
          TableComparison.compare(spark, table, firstJuly, refreshed, JULY, 0.0);
      assertTrue(result.equal() && result.maxRelativeDifference() == 0, result.summary());
    }
    try (Stream<Path> runs =
        Files.list(refreshed.resolve("sentences").resolve("snapshot=" + JULY))) {
      assertEquals(1, runs.count(), "one run folder: the superseded run's is deleted");
    }
    long julyManifests;
    try (Stream<Path> files = Files.list(refreshed.resolve("_runs"))) {
      julyManifests =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .map(RefreshEndToEndTest::readTree)
              .filter(m -> JULY.equals(m.get("snapshot").asText()))
              .count();
    }
    assertEquals(2, julyManifests, "both runs are on record");
  }

  private static JsonNode readTree(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aChangedZoneWindowAndSentimentLimitRecomputeWhatTheyAffect() {
    JsonNode august = manifest(refreshed, AUGUST);
    assertEquals("incremental", august.at("/refresh/mode").asText());
    assertTrue(august.at("/refresh/zones_retagged").asBoolean());
    assertTrue(august.at("/refresh/sentiment_rescored").asBoolean());
    assertTrue(
        august.at("/refresh/terms_counted_again").asBoolean(),
        "the zones group the term counts: counted again");
    assertTrue(
        august.at("/refresh/collocations_counted_again").asBoolean(),
        "the zones choose the sentences collocations count: counted again");
    assertTrue(
        august.at("/refresh/frames_counted_again").asBoolean(),
        "the zones group the frame counts: counted again");
    assertTrue(
        august.at("/refresh/actors_named_again").asBoolean(),
        "the zones and the parse's token limit changed: actors named again");
    assertTrue(
        august.at("/tables/" + Table.MENTIONS.tableName()).isTextual(),
        "the gazetteer's fingerprint changed: every sentence's mentions found again, one folder");
    assertEquals(0, august.at("/input_counts/new/records").asLong());
    assertEquals(30, august.at("/input_counts/input_files_already_seen").asLong());
    assertEquals(
        1,
        august.at("/input_counts/input_files_read").asLong(),
        "only the renamed file is read: July's state knows the others, the touched one with its"
            + " new time");
    Dataset<Row> sentences = table(refreshed, AUGUST, Table.SENTENCES);
    // Window 0: a sentence's zones are the ones it names.
    assertEquals(
        0,
        sentences
            .filter(array_sort(col(Columns.ZONES)).notEqual(array_sort(col(Columns.NAMED_ZONES))))
            .count());
    long scored = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED)).count();
    assertEquals(
        scored,
        august.at("/input_counts/sentences_parsed_for_sentiment").asLong(),
        "all scored again");
    assertEquals(
        0,
        sentences
            .filter(
                col(Columns.SENTIMENT_STATUS)
                    .isNotNull()
                    .and(col(Columns.NAMED_ZONES).equalTo(org.apache.spark.sql.functions.array())))
            .count(),
        "no score outside the new scope");
    // The new limit: in scope and over 60 tokens is too_long, never a score kept from July's 80.
    org.apache.spark.sql.Column overLimit =
        org.apache.spark.sql.functions.size(col(Columns.TOKENS)).gt(60);
    org.apache.spark.sql.Column inScope =
        org.apache.spark.sql.functions.size(col(Columns.ZONES)).gt(0);
    assertEquals(
        0,
        sentences
            .filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED).and(overLimit))
            .count());
    assertEquals(
        sentences.filter(inScope.and(overLimit)).count(),
        sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.TOO_LONG)).count());
    assertEquals("reused", august.at("/topic_model/status").asText());
  }

  @Test
  void newInputsThatChangeTheLearnedBoilerplateMakeTheRunFull() throws IOException {
    // Norland's "Thank you." paragraph is in 7 of its 14 transcripts, one of them this one:
    // without it, 7 of 13 is not half, so June learns no line; with it July learns one.
    Path inbox2 = work.resolve("inbox-boilerplate");
    Path output = work.resolve("out-boilerplate");
    String changing = "mfa-norland/2017-07-11-verin-press.txt";
    Folders.copy(Corpora.dataSample(), inbox2);
    Files.move(inbox2.resolve(changing), work.resolve("held-changing.txt"));
    runOver(inbox2, output, JUNE);
    Files.move(work.resolve("held-changing.txt"), inbox2.resolve(changing));
    runOver(inbox2, output, JULY);
    JsonNode july = manifest(output, JULY);
    assertEquals("full", july.at("/refresh/mode").asText());
    assertTrue(
        july.at("/refresh/reason")
            .asText()
            .contains("boilerplate learned for 'mfa-norland' (0 -> 1 lines)"),
        july.at("/refresh/reason").asText());
    assertEquals(0, july.at("/input_counts/input_files_already_seen").asLong());
    assertEquals(1, july.at("/boilerplate_lines_learned/mfa-norland").asLong());
  }

  @Test
  void aChangeOfTheSpeakerRulesRederivesTurnsAndEveryRoleSplitTable() throws IOException {
    // Three Norland briefings (questions and answers): June with the built-in rules, July with
    // every "Question" turn configured as a statement. The rules are part of the ingest
    // fingerprint, so July analyses every input again instead of carrying June's turns.
    Path inbox3 = work.resolve("inbox-speakers");
    Path output = work.resolve("out-speakers");
    for (String briefing :
        List.of(
            "mfa-norland/2016-07-29-solovyova-briefing.txt",
            "mfa-norland/2017-01-25-solovyova-briefing.txt",
            "mfa-norland/2017-05-05-solovyova-briefing.txt")) {
      Path target = inbox3.resolve(briefing);
      Files.createDirectories(target.getParent());
      Files.copy(Corpora.dataSample().resolve(briefing), target);
    }
    runOver(inbox3, output, JUNE);
    Path config = work.resolve("speakers.conf");
    Files.writeString(
        config,
        "discourse-atlas { turns.speaker-roles = [ { speaker = \"(?i)question\", role = statement"
            + " } ] }\n");
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input",
            inbox3.toString(),
            "--output",
            output.toString(),
            "--snapshot",
            JULY,
            "--config",
            config.toString()));
    JsonNode june = manifest(output, JUNE);
    JsonNode july = manifest(output, JULY);
    assertNotEquals(
        june.at("/fingerprints/ingest").asText(), july.at("/fingerprints/ingest").asText());
    assertEquals("full", july.at("/refresh/mode").asText());
    assertTrue(
        july.at("/refresh/reason").asText().contains("ingest settings changed"),
        july.at("/refresh/reason").asText());
    org.apache.spark.sql.Column asked = col(Columns.ROLE).equalTo(SpeakerRole.QUESTION.code());
    long juneQuestions = table(output, JUNE, Table.TURNS).filter(asked).count();
    assertTrue(juneQuestions > 0, "June has questions");
    assertEquals(0, table(output, JULY, Table.TURNS).filter(asked).count());
    assertEquals(
        juneQuestions,
        table(output, JULY, Table.TURNS)
            .filter(
                col(Columns.SPEAKER)
                    .equalTo("Question")
                    .and(col(Columns.ROLE).equalTo(SpeakerRole.STATEMENT.code()))
                    .and(col(Columns.SPEAKER_KIND).equalTo(SpeakerKind.JOURNALIST.code())))
            .count(),
        "the same turns, now statements, still by journalists");
    // The role-split tables follow the turns (zone_sentiment: these briefings' questions may
    // name no zone, so only July is checked there).
    for (Table split :
        List.of(Table.TERM_FREQUENCIES, Table.TOPIC_SHARES, Table.TOPIC_PREVALENCE)) {
      assertTrue(table(output, JUNE, split).filter(asked).count() > 0, split + " in June");
      assertEquals(0, table(output, JULY, split).filter(asked).count(), split + " in July");
    }
    assertEquals(0, table(output, JULY, Table.ZONE_SENTIMENT).filter(asked).count());
  }

  private static void runOver(Path input, Path output, String snapshot) {
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input", input.toString(), "--output", output.toString(), "--snapshot", snapshot));
  }

  private static List<Table> writtenTables(Path output, String snapshot) {
    JsonNode tables = manifest(output, snapshot).get("tables");
    List<Table> written = new ArrayList<>();
    for (Table table : Table.values()) {
      if (tables.has(table.tableName()) && table != Table.TOPIC_MODEL_SELECTION) {
        written.add(table);
      }
    }
    return written;
  }
}
