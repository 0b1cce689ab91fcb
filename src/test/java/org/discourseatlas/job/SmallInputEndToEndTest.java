package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.OutputTables;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input too small for some analyses (one short transcript of one turn; one that names no zone)
 * is still a run: exit 0, every table written (empty where there was nothing to say), and the
 * manifest's {@code skipped} list names each analysis left empty with the reason. Before, the topic
 * stage failed on a vocabulary of 0 terms and the whole run was lost with it.
 */
class SmallInputEndToEndTest {
  private static final String SNAPSHOT = "2016-10";
  private static final String TITLE =
      "Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, October 14, 2016\n\n";

  @TempDir Path work;

  /** Runs the job over one file; returns the manifest's skipped list as analysis -> reason. */
  private Map<String, String> runOver(String text, Path output) throws IOException {
    SharedSpark.session();
    Path input = Files.createDirectories(work.resolve("in-" + output.getFileName()));
    Files.writeString(input.resolve("transcript.txt"), TITLE + text);
    assertEquals(
        0,
        DiscourseAtlasJob.execute(
            "--input", input.toString(), "--output", output.toString(), "--snapshot", SNAPSHOT));
    JsonNode manifest;
    try (Stream<Path> files = Files.list(output.resolve(Snapshots.RUNS_DIR))) {
      Path file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      manifest = new ObjectMapper().readTree(file.toFile());
    }
    for (Table table : Table.values()) {
      if (table != Table.TOPIC_MODEL_SELECTION) { // written only when model selection is set
        assertTrue(manifest.get("tables").has(table.tableName()), "table written: " + table);
        OutputTables.read(SharedSpark.session(), output, SNAPSHOT, table).count();
      }
    }
    Map<String, String> skipped = new TreeMap<>();
    manifest
        .get("skipped")
        .forEach(s -> skipped.put(s.get("analysis").asText(), s.get("reason").asText()));
    return skipped;
  }

  @Test
  void oneShortTranscriptOfOneTurnWritesEveryTableAndSaysTheTopicModelWasSkipped()
      throws IOException {
    Map<String, String> skipped =
        runOver(
            "Sergey Lavrov: The situation in eastern Aleppo remains very difficult. Humanitarian"
                + " corridors have been opened for civilians who wish to leave the city. We call on"
                + " our partners to separate the moderate opposition from the terrorists. Convoys"
                + " must be able to reach the people of Aleppo without delay.\n",
            work.resolve("short"));
    assertTrue(skipped.containsKey("topics"), skipped.toString());
    assertTrue(
        skipped.get("topics").startsWith("no model fitted: ")
            && skipped.get("topics").contains("terms in >= "),
        skipped.get("topics"));
    assertTrue(!skipped.containsKey("zone_sentiment"), "Aleppo is scored: " + skipped);
    assertTrue(
        OutputTables.read(SharedSpark.session(), work.resolve("short"), SNAPSHOT, Table.MENTIONS)
                .count()
            >= 2,
        "both mentions of Aleppo");
  }

  @Test
  void aTranscriptNamingNoZoneWritesEveryTableAndSaysWhatWasSkipped() throws IOException {
    Map<String, String> skipped =
        runOver(
            "Sergey Lavrov: We discussed trade and investment between our countries. The"
                + " intergovernmental commission will meet next month. Our cooperation in energy,"
                + " education and culture continues to develop. We also talked about visa"
                + " facilitation for students and businesspeople.\n\n"
                + "Question: How do you assess the results of the talks?\n\n"
                + "Sergey Lavrov: The talks were constructive and useful, and we agreed to continue"
                + " them next year.\n",
            work.resolve("no-zone"));
    assertEquals(
        "0 sentences in a zone window: no zone to give a sentiment to",
        skipped.get("zone_sentiment"),
        skipped.toString());
    assertEquals("no sentence names a zone of the gazetteer", skipped.get("mentions"));
    assertTrue(skipped.containsKey("topics"), skipped.toString());
    assertEquals(
        3,
        OutputTables.read(SharedSpark.session(), work.resolve("no-zone"), SNAPSHOT, Table.TURNS)
            .count(),
        "the transcript is analysed, its turns are there all the same");
  }
}
