package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.bench.TableComparison;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/refresh-monthly.sh as cron runs it, after {@code package} (it submits the built jar): a
 * refresh writes the month's snapshot and its report; a failed one exits with the job's code, says
 * so, and leaves the output as it was; one killed while writing leaves the earlier snapshot as it
 * was and the next completes; of two refreshes (or two jobs) started at once into one output, one
 * publishes and the other exits 75 having changed nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshMonthlyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path SCRIPT = PROJECT.resolve("jobs/refresh-monthly.sh");

  @TempDir static Path work;

  /** A finished script run: exit code and its stdout and stderr together. */
  private record Run(int exit, String output) {}

  /** A started script run and where its output goes. */
  private record Started(Process process, Path log) {}

  private static Started start(Map<String, String> env, String... args) throws IOException {
    return start(PROJECT, env, args);
  }

  /** The script started from {@code directory}, where relative paths in its options resolve. */
  private static Started start(Path directory, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "refresh", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    return new Started(builder.start(), log);
  }

  private static Run refresh(Map<String, String> env, String... args) throws Exception {
    return finish(start(env, args));
  }

  private static Run finish(Started started) throws Exception {
    Process process = started.process();
    Path log = started.log();
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        fail("refresh did not finish in 10 minutes\n" + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      killTree(process.toHandle());
    }
  }

  /** SIGKILL to a process and all its descendants, by process id; returns once all are gone. */
  private static void killTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : all) {
      try {
        process.onExit().get(1, TimeUnit.MINUTES);
      } catch (Exception e) {
        fail("process " + process.pid() + " did not end after SIGKILL: " + e);
      }
    }
  }

  /** Every file under the output with its size: what "unchanged" is checked against. */
  private static Map<String, Long> listing(Path output) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(output)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(output.relativize(file).toString(), Files.size(file));
      }
    }
    return files;
  }

  private static List<Map<String, Object>> manifests(Path output) throws IOException {
    List<Map<String, Object>> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve("_runs"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        manifests.add(JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {}));
      }
    }
    return manifests;
  }

  @Test
  @Order(1)
  void aRefreshWritesTheMonthsSnapshotAndItsReport() throws Exception {
    Path output = work.resolve("out");
    Run run =
        refresh(
            Map.of(),
            "--output",
            output.toString(),
            "--snapshot",
            "2017-07",
            "--master",
            "local[2]",
            "--",
            "--input",
            Corpora.dataSample().toString());

    assertEquals(0, run.exit(), run.output());
    List<Map<String, Object>> manifests = manifests(output);
    assertEquals(1, manifests.size());
    assertEquals("2017-07", manifests.get(0).get("snapshot"));
    assertEquals("succeeded", manifests.get(0).get("status"));
    Path report = output.resolve("_reports/2017-07/report-2017-07.html");
    assertTrue(
        Files.size(report) > 100_000,
        "the report with its figures inline: " + Files.size(report) + " bytes");
    assertTrue(run.output().contains("snapshot 2017-07 of " + output + " written"), run.output());
  }

  @Test
  @Order(2)
  void aFailedRefreshExitsWithTheJobsCodeAndLeavesTheOutputAsItWas() throws Exception {
    Path output = work.resolve("out");
    Map<String, Long> before = listing(output);
    Run run =
        refresh(
            Map.of(),
            "--output",
            output.toString(),
            "--snapshot",
            "2017-08",
            "--master",
            "local[2]",
            "--",
            "--input",
            work.resolve("no-such-folder").toString());

    // A missing input is the job's exit 2 (bad input), passed on to cron.
    assertEquals(2, run.exit(), run.output());
    assertTrue(
        run.output().contains("FAILED: the job exited 2; snapshot 2017-08 was not published"),
        run.output());
    assertEquals(before, listing(output));
    assertFalse(Files.exists(output.resolve("_reports/2017-08")));
  }

  @Test
  @Order(3)
  void aRefreshKilledWhileWritingLeavesTheEarlierSnapshotAndTheNextRefreshCompletes()
      throws Exception {
    Path output = work.resolve("out");
    Map<String, Long> before = listing(output);
    String input = Corpora.dataSample().toString();
    // --full: every input analysed again, so the write comes late enough to be caught.
    Started killed =
        start(
            Map.of(),
            "--output",
            output.toString(),
            "--snapshot",
            "2017-08",
            "--master",
            "local[2]",
            "--no-report",
            "--",
            "--input",
            input,
            "--full");
    // Killed once the first table (documents) is written whole and the others are being written.
    Path writing = output.resolve(Table.DOCUMENTS.tableName()).resolve("snapshot=2017-08");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    try {
      while (!written(writing)) {
        if (!killed.process().isAlive() || System.nanoTime() > deadline) {
          fail(
              "the run ended (or took 10 minutes) before its write began\n"
                  + Files.readString(killed.log()));
        }
        Thread.sleep(20);
      }
    } finally {
      killTree(
          killed.process().toHandle()); // SIGKILL to the script and the job's JVM, by process id
    }
    assertTrue(killed.process().waitFor(1, TimeUnit.MINUTES));

    Map<String, Long> after = listing(output);
    assertTrue(
        after.keySet().stream().anyMatch(f -> f.contains("snapshot=2017-08")),
        "the dead run's folders");
    after.keySet().removeIf(f -> f.contains("snapshot=2017-08"));
    // The dead run's writer lease: the next run sees its process has ended and takes it over.
    assertTrue(after.remove("_runs/writer.lease") != null, "the dead run's lease");
    assertEquals(before, after, "every file of the earlier snapshot (and its manifest) as it was");
    assertEquals(
        List.of("2017-07"), manifests(output).stream().map(m -> m.get("snapshot")).toList());

    // The next refresh builds on July, deletes the dead run's folders and publishes August.
    Run run =
        refresh(
            Map.of(),
            "--output",
            output.toString(),
            "--snapshot",
            "2017-08",
            "--master",
            "local[2]",
            "--no-report",
            "--",
            "--input",
            input);
    assertEquals(0, run.exit(), run.output());
    try (Stream<Path> runs = Files.list(writing)) {
      assertEquals(1, runs.count(), "only the published run's folder");
    }
    // Every input was seen in July: August's tables are July's.
    assertTablesEqual(output, "2017-07", output, "2017-08", 0.0);
  }

  /** Every table of one snapshot equal to another's (doubles to a relative tolerance). */
  private static void assertTablesEqual(
      Path expected, String expectedMonth, Path actual, String actualMonth, double tolerance) {
    SparkSession spark = SharedSpark.session();
    for (Table table : Table.values()) {
      if (table == Table.TOPIC_MODEL_SELECTION) {
        continue;
      }
      TableComparison.Result same =
          TableComparison.compare(
              spark,
              table.tableName(),
              TableComparison.folders(spark, expected, expectedMonth, table),
              TableComparison.folders(spark, actual, actualMonth, table),
              tolerance);
      assertTrue(same.equal(), same.summary());
    }
  }

  /** Whether a table folder holds a run folder with Spark's _SUCCESS marker. */
  private static boolean written(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return false;
    }
    try (Stream<Path> runs = Files.list(table)) {
      return runs.anyMatch(run -> Files.exists(run.resolve("_SUCCESS")));
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  @Test
  @Order(4)
  void twoRefreshesStartedAtOnceAsOutAndDotSlashOutPublishOneMonthAndTheOtherExits75()
      throws Exception {
    String input = Corpora.dataSample().toString();
    // One output named two ways, from the folder it is in: one lease, whatever the spelling.
    List<Started> started = new ArrayList<>();
    for (String spelling : List.of("out-twice", "./out-twice")) {
      started.add(
          start(
              work,
              Map.of(),
              "--output",
              spelling,
              "--snapshot",
              "2017-07",
              "--master",
              "local[2]",
              "--no-report",
              "--",
              "--input",
              input));
    }
    List<Run> runs = new ArrayList<>();
    for (Started each : started) {
      runs.add(finish(each));
    }
    String both = runs.get(0).output() + "\n-----\n" + runs.get(1).output();
    assertEquals(
        List.of(0, 75), runs.stream().map(Run::exit).sorted().toList(), "exit codes\n" + both);
    Run refused = runs.stream().filter(r -> r.exit() == 75).findFirst().orElseThrow();
    assertTrue(refused.output().contains("is being written by run "), refused.output());
    assertTrue(refused.output().contains("NOT STARTED: another run is writing"), refused.output());
    assertPublishedOnceAndEqualToASingleRun(work.resolve("out-twice"), 0.0);
  }

  @Test
  @Order(5)
  void twoJobsStartedAtOnceIntoOneOutputPublishOnceAndTheOtherExits75() throws Exception {
    Path output = work.resolve("out-jobs");
    List<Process> jobs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (String spelling : List.of(output.toString(), output.toUri().toString())) {
      Path log = Files.createTempFile(work, "job", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  "jobs/run.sh",
                  "--input",
                  Corpora.dataSample().toString(),
                  "--output",
                  spelling,
                  "--snapshot",
                  "2017-07")
              .directory(PROJECT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().remove("SPARK_HOME");
      builder.environment().put("ATLAS_DRIVER_MEMORY", "2g");
      jobs.add(builder.start());
      logs.add(log);
    }
    List<Integer> exits = new ArrayList<>();
    StringBuilder both = new StringBuilder();
    try {
      for (int i = 0; i < jobs.size(); i++) {
        assertTrue(jobs.get(i).waitFor(10, TimeUnit.MINUTES), "job " + i + " did not finish");
        exits.add(jobs.get(i).exitValue());
        both.append(Files.readString(logs.get(i))).append("\n-----\n");
      }
    } finally {
      jobs.forEach(job -> killTree(job.toHandle()));
    }
    assertEquals(List.of(0, 75), exits.stream().sorted().toList(), both.toString());
    assertTrue(
        both.toString().contains("discourse-atlas: output ")
            && both.toString().contains(" is being written by run "),
        both.toString());
    // local[*] here, local[2] there: the same on 2 cores, doubles to 1e-9 on a wider machine.
    assertPublishedOnceAndEqualToASingleRun(output, 1e-9);
  }

  /**
   * One manifest, every folder it names present with its files, no lease left, and every table
   * equal to the single refresh of data-sample that test 1 wrote as 2017-07.
   */
  private static void assertPublishedOnceAndEqualToASingleRun(Path output, double tolerance)
      throws IOException {
    List<Map<String, Object>> manifests = manifests(output);
    assertEquals(1, manifests.size(), "one run published");
    assertFalse(Files.exists(output.resolve("_runs/writer.lease")), "the lease is released");
    @SuppressWarnings("unchecked")
    Map<String, Object> tables = (Map<String, Object>) manifests.get(0).get("tables");
    for (String name : tables.keySet()) {
      for (String folder : Snapshots.namedFolders(manifests.get(0), name)) {
        Path table = output.resolve(folder);
        assertTrue(Files.exists(table.resolve("_SUCCESS")), "no folder lost: " + table);
      }
    }
    assertTablesEqual(work.resolve("out"), "2017-07", output, "2017-07", tolerance);
  }
}
