package org.discourseatlas.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.discourseatlas.testing.SampleRun;
import org.discourseatlas.testing.Scripts;
import org.discourseatlas.testing.Scripts.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notebooks as a user runs them: the job on data-sample/ (the shared {@link SampleRun}), then
 * notebooks/setup.sh and notebooks/run.sh on its output. Each notebook asserts what it shows (its
 * tables non-empty with their columns, each figure drawn), so a failing cell fails run.sh and this
 * test.
 */
class NotebooksTest {
  private static final String SNAPSHOT = SampleRun.SNAPSHOT;
  private static final List<String> NOTEBOOKS =
      List.of(
          "01-corpus-overview",
          "02-aleppo-vs-mosul",
          "03-topics",
          "04-zones-map",
          "05-frames",
          "06-actors",
          "07-sentiment-models",
          "report");

  /** The report's charts that need only the tables every snapshot has (more with topics, zones). */
  private static final int REPORT_FIGURES_AT_LEAST = 8;

  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern INLINE_PNG =
      Pattern.compile("<img[^>]*\\ssrc=\"data:image/png;base64,");
  private static final Pattern CAPTION =
      Pattern.compile("<p class=\"atlas-figure\"[^>]*>(.*?)</p>");
  private static final Pattern REMOTE =
      Pattern.compile("(src|href)=[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE);

  private static Path output;
  private static Outcome setup;
  private static Outcome run;

  @BeforeAll
  static void runTheJobThenTheNotebooks() {
    output = SampleRun.output();
    setup = Scripts.bash(SETUP_TIMEOUT, "notebooks/setup.sh");
    run =
        setup.exitCode() == 0
            ? Scripts.bash(RUN_TIMEOUT, "notebooks/run.sh", output.toString())
            : setup;
  }

  private static Path reports() {
    return output.resolve("_reports").resolve(SNAPSHOT);
  }

  @Test
  void setupAndRunSucceed() {
    assertEquals(0, setup.exitCode(), "notebooks/setup.sh failed:\n" + setup.tail());
    assertEquals(0, run.exitCode(), "notebooks/run.sh failed:\n" + run.tail());
  }

  @Test
  void everyNotebookRanEveryCellWithoutAnError() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String notebook : NOTEBOOKS) {
      Path executed = reports().resolve(notebook + ".ipynb");
      assertTrue(Files.isRegularFile(executed), executed + " was written");
      JsonNode cells = json.readTree(executed.toFile()).get("cells");
      boolean injected = false;
      for (JsonNode cell : cells) {
        if (!cell.get("cell_type").asText().equals("code")) {
          continue;
        }
        injected |= cell.path("metadata").path("tags").toString().contains("injected-parameters");
        assertFalse(
            cell.get("execution_count").isNull(),
            notebook + ": a cell did not run: " + cell.get("source"));
        for (JsonNode out : cell.get("outputs")) {
          assertFalse(
              out.get("output_type").asText().equals("error"), notebook + ": " + out.get("evalue"));
        }
      }
      assertTrue(injected, notebook + " ran with the output folder injected as a parameter");
    }
  }

  @Test
  void reportIsOneSelfContainedHtmlWithEveryChartInlineAndBothZones() throws IOException {
    Path report = reports().resolve("report-" + SNAPSHOT + ".html");
    assertTrue(Files.isRegularFile(report), report + " was written");
    String html = Files.readString(report, StandardCharsets.UTF_8);
    List<String> captions = new ArrayList<>();
    Matcher caption = CAPTION.matcher(html);
    while (caption.find()) {
      captions.add(caption.group(1));
    }
    // data-sample has frames and actors: the report's framing and actors sections drew.
    assertTrue(
        captions.stream().anyMatch(c -> c.contains("dictionary categories per 10,000")),
        "the framing section: " + captions);
    assertTrue(
        captions.stream().anyMatch(c -> c.contains("Actors as agent and as target")),
        "the actors section: " + captions);
    long images = INLINE_PNG.matcher(html).results().count();
    assertTrue(
        captions.size() >= REPORT_FIGURES_AT_LEAST,
        "the report draws at least " + REPORT_FIGURES_AT_LEAST + " charts: " + captions);
    assertTrue(
        images >= captions.size(), images + " inline images for " + captions.size() + " charts");
    assertTrue(
        captions.stream().filter(c -> c.contains("Aleppo") && c.contains("Mosul")).count() >= 4,
        "Aleppo and Mosul side by side in the comparison charts: " + captions);
    assertFalse(REMOTE.matcher(html).find(), "nothing loaded from the network");
  }
}
