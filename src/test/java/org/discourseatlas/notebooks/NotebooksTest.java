package org.discourseatlas.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.discourseatlas.testing.SampleRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notebooks as a user runs them: the job on data-sample/ (the shared {@link SampleRun}), then notebooks/setup.sh and
 * notebooks/run.sh on its output. Each notebook asserts what it shows (its tables non-empty with
 * their columns, each figure drawn), so a failing cell fails run.sh and this test.
 */
class NotebooksTest {
  private static final String SNAPSHOT = SampleRun.SNAPSHOT;
  private static final List<String> NOTEBOOKS =
      List.of("01-corpus-overview", "02-aleppo-vs-mosul", "03-topics", "04-zones-map", "report");
  /** The report's charts that need only the tables every snapshot has (more with topics, zones). */
  private static final int REPORT_FIGURES_AT_LEAST = 8;
  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern INLINE_PNG = Pattern.compile("<img[^>]*\\ssrc=\"data:image/png;base64,");
  private static final Pattern CAPTION = Pattern.compile("<p class=\"atlas-figure\"[^>]*>(.*?)</p>");
  private static final Pattern REMOTE = Pattern.compile("(src|href)=[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE);

  private static Path output;
  private static Outcome setup;
  private static Outcome run;

  /** What a script printed (its last lines) and how it ended. */
  private record Outcome(int exitCode, String tail) {}

  @BeforeAll
  static void runTheJobThenTheNotebooks() {
    output = SampleRun.output();
    setup = script(SETUP_TIMEOUT, "notebooks/setup.sh");
    run = setup.exitCode() == 0 ? script(RUN_TIMEOUT, "notebooks/run.sh", output.toString()) : setup;
  }

  /** Runs a script from the project root, its output streamed to the test log. */
  private static Outcome script(Duration timeout, String... command) {
    List<String> argv = new ArrayList<>(List.of("bash"));
    argv.addAll(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Deque<String> tail = new ArrayDeque<>();
    String name = Path.of(command[0]).getFileName().toString();
    try {
      Process process = builder.start();
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    System.out.println("[" + name + "] " + line);
                    synchronized (tail) {
                      tail.addLast(line);
                      if (tail.size() > 60) {
                        tail.removeFirst();
                      }
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              name + "-output");
      pump.setDaemon(true);
      pump.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeout);
      }
      pump.join(TimeUnit.SECONDS.toMillis(10));
      synchronized (tail) {
        return new Outcome(process.exitValue(), String.join("\n", tail));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
            cell.get("execution_count").isNull(), notebook + ": a cell did not run: " + cell.get("source"));
        for (JsonNode out : cell.get("outputs")) {
          assertFalse(out.get("output_type").asText().equals("error"), notebook + ": " + out.get("evalue"));
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
    long images = INLINE_PNG.matcher(html).results().count();
    assertTrue(
        captions.size() >= REPORT_FIGURES_AT_LEAST,
        "the report draws at least " + REPORT_FIGURES_AT_LEAST + " charts: " + captions);
    assertTrue(images >= captions.size(), images + " inline images for " + captions.size() + " charts");
    assertTrue(
        captions.stream().filter(c -> c.contains("Aleppo") && c.contains("Mosul")).count() >= 4,
        "Aleppo and Mosul side by side in the comparison charts: " + captions);
    assertFalse(REMOTE.matcher(html).find(), "nothing loaded from the network");
  }
}
