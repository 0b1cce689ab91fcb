package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.testing.OutputTables;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job over a folder of Markdown transcripts (the parser test's fixtures): every file is a dated
 * document with its turns, and no sentence the analysis sees carries Markdown markup.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MarkdownFolderEndToEndTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "markdown");
  private static final Pattern MARKUP =
      Pattern.compile("\\*\\*|__|\\]\\(|\\[|\\||`|<|>|(?m)^\\s*(#|[-*+]\\s|\\d+\\.\\s)");

  @TempDir static Path input;
  @TempDir static Path output;
  @TempDir static Path config;
  private static Map<String, Row> documentsByName;
  private static List<Row> sentences;
  private static List<Row> turns;
  private static List<Row> rejects;

  @BeforeAll
  static void runTheJobOverTheMarkdownFixtures() throws IOException {
    Path folder = Files.createDirectories(input.resolve("mfa-russia"));
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    // Topics say nothing about reading Markdown; without them the run is half a minute shorter.
    Path conf =
        Files.writeString(config.resolve("atlas.conf"), "discourse-atlas.topics.enabled = false\n");
    SparkSession spark = SharedSpark.session();
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--config",
            conf.toString(),
            "--snapshot",
            "2017-04"));
    documentsByName = new TreeMap<>();
    for (Row row : table(spark, Table.DOCUMENTS)) {
      String path = row.getAs(Columns.SOURCE_PATH);
      documentsByName.put(path.substring(path.lastIndexOf('/') + 1), row);
    }
    sentences = table(spark, Table.SENTENCES);
    turns = table(spark, Table.TURNS);
    rejects = table(spark, Table.REJECTS);
  }

  private static List<Row> table(SparkSession spark, Table table) {
    return OutputTables.read(spark, output, "2017-04", table).collectAsList();
  }

  @Test
  void everyMarkdownFileIsADatedDocumentWithItsFormatAndTurns() {
    assertEquals(List.of(), rejects);
    assertEquals(6, documentsByName.size(), documentsByName.keySet().toString());
    for (Map.Entry<String, Row> e : documentsByName.entrySet()) {
      Row document = e.getValue();
      String format = e.getKey().endsWith(".gz") ? "markdown.gz" : "markdown";
      assertEquals(format, document.getAs(Columns.FORMAT), e.getKey());
      assertTrue(document.getAs(Columns.DATE) != null, e.getKey() + " has no date");
      assertTrue(document.<String>getAs(Columns.TITLE).length() > 40, e.getKey());
      assertTrue(document.<Integer>getAs(Columns.N_TURNS) >= 3, e.getKey());
    }
    long questions = turns.stream().filter(t -> "question".equals(t.getAs(Columns.ROLE))).count();
    assertEquals(10, questions, "the fixtures ask 10 questions");
  }

  @Test
  void noSentenceOrTurnCarriesMarkup() {
    assertTrue(sentences.size() > 50, "sentences: " + sentences.size());
    for (Row sentence : sentences) {
      String text = sentence.getAs(Columns.TEXT);
      assertFalse(MARKUP.matcher(text).find(), text);
    }
    for (Row turn : turns) {
      String text = turn.getAs(Columns.TEXT);
      assertFalse(MARKUP.matcher(text).find(), text);
    }
  }
}
