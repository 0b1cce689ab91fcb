package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.parse.ParserSettings;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion over a messy folder: every file is accounted for — a document, a duplicate or a reject
 * with its reason — including hidden files, names with spaces and non-ASCII names.
 */
class TranscriptIngestTest {
  private static final String TRANSCRIPT =
      "Foreign Minister Anton Verin’s remarks and answers to media questions, Vienna, June 15, 2016\n\n"
          + "Question: What is the situation in Aleppo after the talks with the United Nations?\n\n"
          + "Anton Verin: The humanitarian corridors are open and the convoys are moving. We have "
          + "discussed this with our partners, and we are ready to continue the work on the ground. "
          + "The city needs medicines, water and food, and the international community should help.\n";

  @TempDir static Path corpus;
  private static Map<String, Row> rejectsByName;
  private static Dataset<Row> documents;
  private static long records;

  @BeforeAll
  static void ingest() throws IOException {
    SparkSession spark = SharedSpark.session();
    Files.writeString(corpus.resolve("a transcript.txt"), TRANSCRIPT);
    Path nested = Files.createDirectories(corpus.resolve("sub folder").resolve("зеркало"));
    Files.writeString(
        nested.resolve("copy.txt"), TRANSCRIPT.replace("\n", "\r\n")); // same text, CRLF
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    Files.write(corpus.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.write(
        corpus.resolve("legacy.txt"),
        TRANSCRIPT
            .replace("Aleppo", "Homs")
            .replace("Verin", "Müller")
            .getBytes(Charset.forName("windows-1252")));
    Files.write(corpus.resolve("cut.txt.gz"), truncatedGzip(TRANSCRIPT));
    Files.writeString(corpus.resolve("notes.pdf"), "%PDF-1.4");
    Files.writeString(corpus.resolve(".hidden.txt"), TRANSCRIPT.replace("Aleppo", "Mosul"));
    Files.writeString(corpus.resolve("huge.txt"), "x".repeat(3000));
    Files.writeString(
        corpus.resolve("french.txt"),
        "Le ministre a répondu aux questions des journalistes sur la situation humanitaire dans "
            + "la ville et sur les négociations de paix qui se poursuivent à Genève avec les partenaires "
            + "de la coalition internationale, dans un esprit de dialogue et de responsabilité commune.");

    ParserSettings settings =
        new ParserSettings(
            2048, 200, JobConfigLoader.defaults().parser().recordFields(), List.of());
    Dataset<Row> read =
        TranscriptIngest.read(
                InputFiles.read(InputFiles.list(spark, List.of(corpus.toString())), 2048),
                settings,
                Duration.ofSeconds(120))
            .cache();
    records = read.count();
    Dataset<Row> finished =
        TranscriptIngest.finish(read, Map.of(), settings, Duration.ofSeconds(120)).cache();
    documents = TranscriptIngest.documents(finished).cache();
    rejectsByName = new HashMap<>();
    for (Row row :
        TranscriptIngest.rejects(read)
            .unionByName(TranscriptIngest.rejects(finished))
            .collectAsList()) {
      String path = row.getAs(Columns.SOURCE_PATH);
      rejectsByName.put(path.substring(path.lastIndexOf('/') + 1), row);
    }
  }

  @Test
  void everyFileIsADocumentADuplicateOrAReject() {
    assertEquals(10, records, "one record per file");
    assertEquals(records, documents.count() + rejectsByName.size());
  }

  @Test
  void rejectsCarryAReasonCodeAndTheirSize() {
    assertEquals("empty", rejectsByName.get("empty.txt").getAs(Columns.REASON));
    assertEquals("binary", rejectsByName.get("image.txt").getAs(Columns.REASON));
    assertEquals("truncated_gzip", rejectsByName.get("cut.txt.gz").getAs(Columns.REASON));
    assertEquals("unsupported_format", rejectsByName.get("notes.pdf").getAs(Columns.REASON));
    assertEquals("too_large", rejectsByName.get("huge.txt").getAs(Columns.REASON));
    assertEquals(3000L, rejectsByName.get("huge.txt").<Long>getAs(Columns.BYTES));
    assertEquals("language", rejectsByName.get("french.txt").getAs(Columns.REASON));
    assertEquals(6, rejectsByName.size(), rejectsByName.keySet().toString());
    for (Row reject : rejectsByName.values()) {
      assertTrue(!reject.<String>getAs(Columns.DETAIL).isBlank(), reject.toString());
    }
  }

  @Test
  void theSameTranscriptSavedTwiceIsOneDocumentAndOneDuplicate() {
    List<Row> copies =
        documents
            .filter(
                col(Columns.SOURCE_PATH)
                    .contains("transcript")
                    .or(col(Columns.SOURCE_PATH).contains("copy")))
            .orderBy(Columns.SOURCE_PATH)
            .collectAsList();
    assertEquals(2, copies.size());
    assertEquals(copies.get(0).<String>getAs(Columns.DOC_ID), copies.get(1).getAs(Columns.DOC_ID));
    // The first by path is the one analysed; the path with a space and Cyrillic survives intact.
    assertNull(copies.get(0).getAs(Columns.DUPLICATE_OF));
    assertTrue(copies.get(0).<String>getAs(Columns.SOURCE_PATH).endsWith("/a transcript.txt"));
    assertEquals(
        copies.get(0).<String>getAs(Columns.DOC_ID), copies.get(1).getAs(Columns.DUPLICATE_OF));
    assertTrue(
        copies.get(1).<String>getAs(Columns.SOURCE_PATH).endsWith("/sub folder/зеркало/copy.txt"));
  }

  @Test
  void aLegacyEncodedFileIsDecodedAndItsEncodingRecorded() {
    Row legacy = documents.filter(col(Columns.SOURCE_PATH).endsWith("/legacy.txt")).first();
    assertEquals("windows-1252", legacy.getAs(Columns.ENCODING));
  }

  /**
   * A file whose reading outlasts ingest.max-seconds-per-file is a timeout reject, one per file,
   * none lost; with time enough the same files are read. How long a parse takes depends on the
   * machine (the deep page parsed in under 1 s on a quiet one, in 8 s on a busy one), so the budget
   * here is zero against two minutes; the budget's own timing, interrupts and errors are
   * FileBudgetTest's.
   */
  @Test
  void aFileOverItsTimeBudgetIsATimeoutRejectAndTheOthersAreRead(@TempDir Path folder)
      throws IOException {
    int depth = 100_000;
    Files.writeString(
        folder.resolve("deep.html"),
        "<html><body>"
            + "<div>".repeat(depth)
            + "<p>"
            + TRANSCRIPT
            + "</p>"
            + "</div>".repeat(depth)
            + "</body></html>");
    Files.writeString(folder.resolve("good.txt"), TRANSCRIPT);
    Files.writeString(folder.resolve("header-only.csv"), "text,title\n");
    ParserSettings settings =
        new ParserSettings(
            20L * 1024 * 1024, 200, JobConfigLoader.defaults().parser().recordFields(), List.of());

    Map<String, Row> outOfTime = readWithin(folder, settings, Duration.ZERO);
    assertEquals(Set.of("deep.html", "good.txt", "header-only.csv"), outOfTime.keySet());
    // The deep page's parse takes a good part of a second: never within a zero budget. A small
    // file may be (the worker can finish before the waiting task is scheduled again): either way
    // it is there, once.
    Row deep = outOfTime.get("deep.html");
    assertEquals("timeout", deep.getAs(Columns.REASON), deep.toString());
    assertEquals(
        "reading and parsing took more than ingest.max-seconds-per-file = 0 s",
        deep.getAs(Columns.DETAIL));

    Map<String, Row> inTime = readWithin(folder, settings, Duration.ofSeconds(120));
    assertEquals("draft", inTime.get("deep.html").getAs(Columns.KIND), "walked, not overflowed");
    assertEquals("draft", inTime.get("good.txt").getAs(Columns.KIND));
    assertEquals("no_text", inTime.get("header-only.csv").getAs(Columns.REASON));
  }

  private static Map<String, Row> readWithin(
      Path folder, ParserSettings settings, Duration budget) {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> read =
        TranscriptIngest.read(
            InputFiles.read(
                InputFiles.list(spark, List.of(folder.toString())), settings.maxFileBytes()),
            settings,
            budget);
    Map<String, Row> byName = new HashMap<>();
    for (Row row : read.collectAsList()) {
      String path = row.getAs(Columns.SOURCE_PATH);
      byName.put(path.substring(path.lastIndexOf('/') + 1), row);
    }
    return byName;
  }

  private static byte[] truncatedGzip(String text) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(text.repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] whole = out.toByteArray();
    return java.util.Arrays.copyOf(whole, whole.length / 2);
  }

  @Test
  void hiddenFilesAreReadNotSkipped() {
    Row hidden = documents.filter(col(Columns.SOURCE_PATH).endsWith("/.hidden.txt")).first();
    assertEquals("2016-06-15", String.valueOf(hidden.<java.sql.Date>getAs(Columns.DATE)));
    assertEquals("Vienna", hidden.getAs(Columns.PLACE));
  }

  @Test
  void anInputThatMatchesNothingFailsWithItsName() {
    SparkSession spark = SharedSpark.session();
    InputNotFoundException e =
        assertThrows(
            InputNotFoundException.class,
            () -> InputFiles.list(spark, List.of(corpus.resolve("nothing-*.jsonl").toString())));
    assertTrue(e.getMessage().contains("nothing-*.jsonl"), e.getMessage());
  }

  @Test
  void aGlobSelectsFiles() {
    SparkSession spark = SharedSpark.session();
    List<Row> listed =
        InputFiles.list(spark, List.of(corpus.resolve("*.pdf").toString())).collectAsList();
    assertEquals(1, listed.size());
    assertEquals(8L, listed.get(0).<Long>getAs(Columns.LENGTH));
  }
}
