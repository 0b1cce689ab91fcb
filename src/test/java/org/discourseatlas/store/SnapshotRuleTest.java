package org.discourseatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.discourseatlas.testing.Scripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule that picks a month's run, stated in {@link Snapshots}' Javadoc, applied by Java ({@link
 * Snapshots}) and by the notebooks' Python ({@code notebooks/atlas.py}) to one folder of manifests,
 * in which the cases that tell a careless reading apart are all present: reruns of a month, a
 * failed run, a manifest still being written, a hidden file, a run folder no manifest names,
 * finished_at with fractions of different lengths and with an offset, a tie, a missing finished_at.
 * Both must pick the same run of every month, in the same order.
 */
class SnapshotRuleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PYTHON_TIMEOUT = Duration.ofMinutes(2);

  @TempDir static Path output;

  /** What the rule must pick: month -> run, in the order of the current runs (latest last). */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  @BeforeAll
  static void writeManifests() throws IOException {
    Path runs = Files.createDirectories(output.resolve(Snapshots.RUNS_DIR));
    // 2017-05: a run without finished_at sorts before the one with it.
    manifest(runs, "r-2017-05-b", "2017-05", "succeeded", null);
    manifest(runs, "r-2017-05-a", "2017-05", "succeeded", "2017-06-01T03:00:00Z");
    // 2017-06: the rerun supersedes the first run of the month; a later failed run does not.
    manifest(runs, "r-2017-06-a", "2017-06", "succeeded", "2017-07-01T03:10:00Z");
    manifest(runs, "r-2017-06-b", "2017-06", "succeeded", "2017-07-02T09:00:00.5Z");
    manifest(runs, "r-2017-06-c", "2017-06", "failed", "2017-07-03T09:00:00Z");
    // 2017-07: .123456Z is later than .123Z, though it sorts before it as a string; a manifest
    // still being written and a hidden .json are not manifests; an orphan run folder is ignored.
    manifest(runs, "r-2017-07-a", "2017-07", "succeeded", "2017-08-01T03:00:00.123Z");
    manifest(runs, "r-2017-07-b", "2017-07", "succeeded", "2017-08-01T03:00:00.123456Z");
    write(
        runs.resolve(".r-2017-07-c.json.partial"),
        json("r-2017-07-c", "2017-07", "succeeded", "2017-08-09T00:00:00Z"));
    write(
        runs.resolve(".r-2017-07-d.json"),
        json("r-2017-07-d", "2017-07", "succeeded", "2017-08-09T00:00:00Z"));
    Path orphan =
        Files.createDirectories(output.resolve("documents/snapshot=2017-07/run=r-2017-07-orphan"));
    write(orphan.resolve("part-00000.parquet"), "not read");
    // 2017-08: 05:00+02:00 is 03:00Z, before 04:00Z (as strings it is after).
    manifest(runs, "r-2017-08-a", "2017-08", "succeeded", "2017-09-01T05:00:00+02:00");
    manifest(runs, "r-2017-08-b", "2017-08", "succeeded", "2017-09-01T04:00:00Z");
    // 2017-09: the same finished_at: run_id decides ("r-2017-09" < "r-2017-09-1", though the file
    // r-2017-09-1.json sorts before r-2017-09.json).
    manifest(runs, "r-2017-09", "2017-09", "succeeded", "2017-10-01T03:00:00Z");
    manifest(runs, "r-2017-09-1", "2017-09", "succeeded", "2017-10-01T03:00:00Z");
    // 2017-10: only a failed run: no snapshot.
    manifest(runs, "r-2017-10-a", "2017-10", "failed", "2017-11-01T03:00:00Z");
    // 2017-04, rerun after the later months: its current run finishes last, so it is the latest.
    manifest(runs, "r-2017-04-a", "2017-04", "succeeded", "2017-05-01T03:00:00Z");
    manifest(runs, "r-2017-04-b", "2017-04", "succeeded", "2017-12-01T03:00:00.000001Z");

    EXPECTED.put("2017-05", "r-2017-05-a");
    EXPECTED.put("2017-06", "r-2017-06-b");
    EXPECTED.put("2017-07", "r-2017-07-b");
    EXPECTED.put("2017-08", "r-2017-08-b");
    EXPECTED.put("2017-09", "r-2017-09-1");
    EXPECTED.put("2017-04", "r-2017-04-b");
  }

  @Test
  void javaPicksTheRunTheRuleSays() {
    assertEquals(EXPECTED, java());
    assertEquals(
        EXPECTED.get("2017-07"),
        Snapshots.open(output.toString(), new Configuration())
            .of("2017-07")
            .orElseThrow()
            .get("run_id"));
  }

  @Test
  void pythonPicksTheSameRunsAsJava() throws IOException {
    Path script = output.resolve("pick.py");
    write(
        script,
        String.join(
            "\n",
            "import json, sys",
            "sys.path.insert(0, 'notebooks')",
            "import atlas",
            "out = sys.argv[1]",
            "current = {m: r['run_id'] for m, r in atlas.current_runs(out).items()}",
            "opened = {m: atlas.open_snapshot(out, m, quiet=True).manifest['run_id'] for m in current}",
            "print('PICKED ' + json.dumps({'current': list(current.items()), 'opened': opened,",
            "      'latest': atlas.latest_snapshot(out)}))",
            ""));
    Scripts.Outcome outcome =
        Scripts.run(
            PYTHON_TIMEOUT,
            List.of(
                Scripts.notebooksPython().toString(), "-B", script.toString(), output.toString()));
    assertEquals(0, outcome.exitCode(), "atlas.py failed:\n" + outcome.tail());
    String line =
        outcome
            .tail()
            .lines()
            .filter(l -> l.startsWith("PICKED "))
            .findFirst()
            .orElseThrow()
            .substring(7);
    Map<?, ?> picked = JSON.readValue(line, Map.class);
    Map<String, String> current = new LinkedHashMap<>();
    for (Object pair : (List<?>) picked.get("current")) {
      current.put((String) ((List<?>) pair).get(0), (String) ((List<?>) pair).get(1));
    }
    Map<String, String> java = java();
    assertEquals(java, current, "atlas.current_runs against Snapshots.current()");
    assertEquals(
        java, new LinkedHashMap<>((Map<?, ?>) picked.get("opened")), "atlas.open_snapshot");
    assertEquals(
        new ArrayList<>(java.keySet()).get(java.size() - 1),
        picked.get("latest"),
        "atlas.latest_snapshot");
    assertEquals(EXPECTED, current);
  }

  private static Map<String, String> java() {
    Map<String, String> picked = new LinkedHashMap<>();
    for (Map<String, Object> manifest :
        Snapshots.open(output.toString(), new Configuration()).current()) {
      picked.put((String) manifest.get("snapshot"), (String) manifest.get("run_id"));
    }
    return picked;
  }

  private static void manifest(
      Path runs, String runId, String snapshot, String status, String finishedAt)
      throws IOException {
    write(
        runs.resolve(runId + Snapshots.MANIFEST_SUFFIX), json(runId, snapshot, status, finishedAt));
  }

  private static String json(String runId, String snapshot, String status, String finishedAt)
      throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("snapshot", snapshot);
    manifest.put("status", status);
    manifest.put(Snapshots.LAYOUT, Snapshots.LAYOUT_RUN_FOLDERS);
    if (finishedAt != null) {
      manifest.put("finished_at", finishedAt);
    }
    manifest.put("tables", Map.of("documents", "documents/snapshot=" + snapshot + "/run=" + runId));
    return JSON.writeValueAsString(manifest);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
