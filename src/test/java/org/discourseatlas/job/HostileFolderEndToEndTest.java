package org.discourseatlas.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job over a folder of hostile inputs: it finishes, one bad file never fails it, and
 * every file is a document or a reject with its reason. The timeout guards against a hang (a regex
 * that backtracks, a parser that loops); it is not a speed measurement.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileFolderEndToEndTest {
  private static final String ANSWER =
      "Sergey Lavrov: The humanitarian corridors in eastern Aleppo are open and the convoys are"
          + " moving, and we are ready to continue the work with our partners on the ground.";

  @TempDir static Path input;
  @TempDir static Path output;
  private static Map<String, Row> documentsByName;
  private static Map<String, Row> rejectsByName;

  @BeforeAll
  static void runTheJobOverHostileInputs() throws IOException {
    Files.write(
        input.resolve("scan.txt"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
    Files.write(
        input.resolve("nul.txt"),
        ("Question: What about Aleppo?\0\0\0 " + ANSWER).getBytes(StandardCharsets.UTF_8));
    Files.writeString(input.resolve("one-line.txt"), "x".repeat(1024 * 1024));
    String words = "the convoy reached eastern Aleppo and the civilians were given food and water ";
    Files.writeString(
        input.resolve("long-sentence.txt"),
        "Question: What happened in Aleppo?\n\nSergey Lavrov: " + words.repeat(5000 / 14) + "\n");
    Files.write(
        input.resolve("invalid-utf8.txt"),
        new byte[] {'Q', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
    Files.write(input.resolve("empty.txt"), new byte[0]);
    Files.write(
        input.resolve("cut.html.gz"),
        truncatedGzip("<html><body><p>" + ANSWER.repeat(50) + "</p></body></html>"));
    Files.writeString(
        input.resolve("feed.jsonl"),
        "{\"text\": \"Question: What about Mosul?\\n\\n"
            + ANSWER
            + " "
            + ANSWER
            + "\", \"date\": \"2017-03-14\"}\n"
            + "{\"text\": \"unterminated\n");
    Files.writeString(
        input.resolve("good.txt"),
        "Question: What about Aleppo?\n\n"
            + ANSWER
            + "\n\n"
            + ANSWER.replace("eastern", "western"));

    String transcript = "Question: What about Aleppo?\n\n" + ANSWER + "\n\n" + ANSWER;
    // A spreadsheet's export: the header ends with a comma, a column without a name.
    Files.writeString(
        input.resolve("blank-header.csv"),
        "text,title,\n\""
            + transcript
            + "\",\"Remarks by Sergey Lavrov, Moscow, March 14, 2017\",\n");
    Files.writeString(input.resolve("header-only.csv"), "text,title,date\n");
    // 100,000 nested elements: the recursive walk over it overflowed the stack.
    Files.writeString(
        input.resolve("deep.html"),
        "<html><body>"
            + "<div>".repeat(100_000)
            + "<p>"
            + transcript.replace("\n\n", "</p><p>")
            + "</p>"
            + "</div>".repeat(100_000)
            + "</body></html>");
    // A megabyte of spaces between a title and its date, in a .txt and in a JSONL title field.
    String longTitle =
        "Foreign Minister Sergey Lavrov's remarks, Moscow,"
            + " ".repeat(1024 * 1024)
            + "March 14, 2017";
    Files.writeString(input.resolve("long-title.txt"), longTitle + "\n\n" + transcript);
    Files.writeString(
        input.resolve("long-title.jsonl"),
        "{\"title\": \""
            + longTitle
            + "\", \"text\": \""
            + transcript.replace("\n", "\\n")
            + "\"}\n");
    // Markdown whose front matter is broken: YAML that does not parse, and a block never closed.
    Files.writeString(
        input.resolve("broken-front-matter.md"),
        "---\ntitle: Remarks by Sergey Lavrov\ndate: [2017-03-14\nsource_url: x\n---\n\n"
            + transcript);
    Files.writeString(
        input.resolve("unclosed-front-matter.md"),
        "---\ntitle: Remarks by Sergey Lavrov\ndate: 2017-03-14\n\n" + transcript);

    SparkSession spark = SharedSpark.session();
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input", input.toString(), "--output", output.toString(), "--snapshot", "2017-03"));
    documentsByName = byFileName(table(spark, Table.DOCUMENTS));
    rejectsByName = byFileName(table(spark, Table.REJECTS));
  }

  private static Dataset<Row> table(SparkSession spark, Table table) {
    return org.discourseatlas.testing.OutputTables.read(spark, output, "2017-03", table);
  }

  private static Map<String, Row> byFileName(Dataset<Row> rows) {
    Map<String, Row> byName = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      String path = row.getAs(Columns.SOURCE_PATH);
      byName.put(path.substring(path.lastIndexOf('/') + 1), row);
    }
    return byName;
  }

  private static byte[] truncatedGzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = out.toByteArray();
    return java.util.Arrays.copyOf(whole, whole.length - 12);
  }

  @Test
  void everyFileIsADocumentOrARejectAndNoneIsLost() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(input)) {
      files =
          list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> accounted = new TreeSet<>();
    documentsByName.keySet().forEach(n -> accounted.add(n.replaceFirst("#\\d+$", "")));
    rejectsByName.keySet().forEach(n -> accounted.add(n.replaceFirst("#\\d+$", "")));
    assertEquals(files, accounted);
    assertEquals(
        17, documentsByName.size() + rejectsByName.size(), "16 files; feed.jsonl has 2 records");
  }

  @Test
  void eachHostileInputIsRejectedForWhatIsWrongWithIt() {
    assertEquals("binary", reason("scan.txt"));
    assertEquals("binary", reason("nul.txt"));
    assertEquals("empty", reason("empty.txt"));
    assertEquals("truncated_gzip", reason("cut.html.gz"));
    assertEquals("malformed_record", reason("feed.jsonl#2"));
    // A megabyte without a space is no language: it reaches the language check and fails it.
    assertEquals("language", reason("one-line.txt"));
    // A CSV with its header line only once vanished from the accounting.
    assertEquals("no_text", reason("header-only.csv"));
    assertEquals("malformed_record", reason("broken-front-matter.md"));
    assertTrue(
        detail("broken-front-matter.md").startsWith("front matter is not valid YAML"),
        detail("broken-front-matter.md"));
    assertEquals("malformed_record", reason("unclosed-front-matter.md"));
    assertTrue(
        detail("unclosed-front-matter.md").contains("is never closed"),
        detail("unclosed-front-matter.md"));
    for (Row reject : rejectsByName.values()) {
      assertTrue(!reject.<String>getAs(Columns.DETAIL).isBlank(), reject.toString());
    }
  }

  @Test
  void theGoodInputsAndTheHugeSentenceAreAnalysed() {
    assertTrue(documentsByName.containsKey("good.txt"));
    assertTrue(documentsByName.containsKey("feed.jsonl#1"));
    Row longSentence = documentsByName.get("long-sentence.txt");
    assertTrue(longSentence.<Long>getAs(Columns.N_TOKENS) > 4500, longSentence.toString());
    SparkSession spark = SharedSpark.session();
    long aleppoSentences =
        table(spark, Table.SENTENCES)
            .filter(col(Columns.DOC_ID).equalTo(longSentence.<String>getAs(Columns.DOC_ID)))
            .filter(
                org.apache.spark.sql.functions.array_contains(col(Columns.NAMED_ZONES), "aleppo"))
            .count();
    assertTrue(aleppoSentences >= 2, "the question and the long answer name Aleppo");
  }

  /** Inputs that once failed the job, or would have held it for hours, are analysed. */
  @Test
  void theFilesThatOnceFailedOrHeldTheJobAreAnalysed() {
    for (String name :
        new String[] {"blank-header.csv#1", "deep.html", "long-title.txt", "long-title.jsonl#1"}) {
      assertTrue(
          documentsByName.containsKey(name),
          name + " is not a document; rejects: " + rejectsByName);
    }
    for (String name :
        new String[] {"blank-header.csv#1", "long-title.txt", "long-title.jsonl#1"}) {
      assertEquals(
          java.sql.Date.valueOf("2017-03-14"), documentsByName.get(name).getAs(Columns.DATE), name);
    }
  }

  private static String detail(String name) {
    reason(name);
    return rejectsByName.get(name).getAs(Columns.DETAIL);
  }

  private static String reason(String name) {
    Row reject = rejectsByName.get(name);
    assertTrue(reject != null, name + " is not a reject; rejects: " + rejectsByName.keySet());
    return reject.getAs(Columns.REASON);
  }
}
