package org.discourseatlas.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.bench.TableComparison;
import org.discourseatlas.schema.Table;
import org.discourseatlas.store.Snapshots;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job on a Spark standalone cluster: a Master and two one-core Workers on 127.0.0.1, started
 * from the Maven jars, and the job submitted to it with {@code jobs/submit.sh --deploy-mode client}
 * over data-sample/. Every table must equal the one a {@code local[2]} run of the same script wrote
 * (rows in any order, doubles to a relative 1e-6): once undisturbed, once with a Worker and its
 * executor killed after the first stage. Needs {@code package} (the application and model jars,
 * target/spark-classpath.txt): failsafe runs it in {@code verify}.
 *
 * <p>Everything started here is stopped by its process id in {@link #stopEverything}, also when a
 * test fails, and by a shutdown hook when the JVM is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final String SNAPSHOT = "2017-07";

  /**
   * Relative tolerance for doubles: partial sums merged in another order differ in the last bits.
   */
  private static final double TOLERANCE = 1e-6;

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(90);

  /**
   * The job's stage line after "stage list inputs" (and the one after it, should a poll miss it).
   */
  private static final Pattern AFTER_FIRST_STAGE = Pattern.compile("stage (read|documents) ");

  /**
   * The README's size for a one-core executor. With 2g, the executor that took over from the killed
   * worker once failed a broadcast join ("Could not allocate memory to grow BytesToBytesMap") after
   * recomputing every cached dataset.
   */
  private static final String EXECUTOR_MEMORY = "3g";

  private static Path project;
  private static Path work;
  private static Path reference;
  private static List<String> javaOpens;
  private static StartedProcesses processes;
  private static StandaloneCluster cluster;

  @BeforeAll
  static void referenceRunThenCluster() throws IOException {
    project = Path.of("").toAbsolutePath();
    work = project.resolve("target").resolve("cluster-it");
    deleteRecursively(work);
    Files.createDirectories(work);
    Path classpathFile = project.resolve("target").resolve("spark-classpath.txt");
    assertTrue(Files.isRegularFile(classpathFile), classpathFile + " is written by `mvn package`");
    List<String> sparkClasspath =
        Arrays.stream(Files.readString(classpathFile).strip().split(java.io.File.pathSeparator))
            .filter(s -> !s.isBlank())
            .toList();
    javaOpens =
        Arrays.stream(System.getProperty("spark.jvm.opens", "").strip().split("\\s+"))
            .filter(s -> !s.isBlank())
            .toList();
    assertFalse(
        javaOpens.isEmpty(), "failsafe passes the pom's spark.jvm.opens as a system property");
    processes = new StartedProcesses();

    long start = System.nanoTime();
    Driver local = Driver.start("local", "local[2]", List.of());
    local.awaitSuccess(JOB_TIMEOUT);
    reference = local.output;
    say("reference run (local[2]) done in %.0f s", seconds(start));

    start = System.nanoTime();
    cluster =
        StandaloneCluster.start(
            processes, work, sparkClasspath, javaOpens, 2, 1, EXECUTOR_MEMORY, CLUSTER_TIMEOUT);
    say("standalone cluster up in %.0f s: %s, 2 workers", seconds(start), cluster.masterUrl());
  }

  @AfterAll
  static void stopEverything() throws IOException {
    if (processes != null) {
      processes.close();
    }
    if (work != null) {
      // The Workers' copies of the application and model jars (~110 MB per application and
      // Worker) and the Spark home of links; logs and outputs stay for a look after a failure.
      try (Stream<Path> dirs = Files.list(work)) {
        for (Path dir : dirs.toList()) {
          String name = dir.getFileName().toString();
          if (name.startsWith("worker-")
              || name.startsWith("local-")
              || name.equals("spark-home")) {
            deleteRecursively(dir);
          }
        }
      }
    }
  }

  @Test
  @Order(1)
  void clusterRunEqualsTheLocalRun() throws IOException {
    long start = System.nanoTime();
    Driver run = submitToCluster("cluster");
    // Both Workers take part: each launches an executor for the application.
    Waits.until(
        "an executor on each Worker",
        CLUSTER_TIMEOUT,
        () ->
            !run.alive()
                || cluster.workers().stream().allMatch(w -> !cluster.executorsOf(w).isEmpty()),
        run::tail);
    assertTrue(run.alive(), "the job ended before both Workers had an executor\n" + run.tail());
    run.awaitSuccess(JOB_TIMEOUT);
    say("cluster run done in %.0f s", seconds(start));
    assertRanOn(run, cluster.masterUrl());
    assertTablesEqual(run);
  }

  @Test
  @Order(2)
  void aWorkerKilledAfterTheFirstStageLeavesTheTablesAsTheyWere() throws IOException {
    long start = System.nanoTime();
    Driver run = submitToCluster("cluster-worker-killed");
    ProcessHandle victim = cluster.workers().get(1);
    Waits.until(
        "the first stage's end and an executor on worker-2",
        JOB_TIMEOUT,
        () ->
            !run.alive()
                || (AFTER_FIRST_STAGE.matcher(run.logText()).find()
                    && !cluster.executorsOf(victim).isEmpty()),
        run::tail);
    assertTrue(run.alive(), "the job ended before worker-2 could be killed\n" + run.tail());
    List<ProcessHandle> executors = cluster.executorsOf(victim);
    processes.killTree(victim, Duration.ofSeconds(30));
    assertFalse(victim.isAlive(), "worker-2 (pid " + victim.pid() + ") survived SIGKILL");
    executors.forEach(
        e -> assertFalse(e.isAlive(), "executor pid " + e.pid() + " survived SIGKILL"));
    say(
        "killed worker-2 (pid %d) and its executor (pid %s) %.0f s into the run, after: %s",
        victim.pid(),
        executors.stream().map(e -> String.valueOf(e.pid())).toList(),
        seconds(start),
        lastStageLine(run.logText()));

    run.awaitSuccess(JOB_TIMEOUT);
    say("run with a lost worker done in %.0f s", seconds(start));
    assertTrue(
        run.logText().contains("Lost executor"),
        "the driver never saw its executor lost\n" + run.tail());
    Waits.until(
        "the Master to count one Worker alive",
        CLUSTER_TIMEOUT,
        () -> cluster.aliveWorkers() == 1,
        () -> "Master state: " + cluster.stateOrNull());
    assertRanOn(run, cluster.masterUrl());
    assertTablesEqual(run);
  }

  /** Submits the job to the cluster once the executors of an earlier application are gone. */
  private static Driver submitToCluster(String name) throws IOException {
    Waits.until(
        "no executor left from an earlier application",
        CLUSTER_TIMEOUT,
        () ->
            cluster.workers().stream()
                .filter(ProcessHandle::isAlive)
                .allMatch(w -> cluster.executorsOf(w).isEmpty()),
        () -> "Master state: " + cluster.stateOrNull());
    return Driver.start(
        name,
        cluster.masterUrl(),
        List.of(
            "--deploy-mode", "client",
            "--conf", "spark.executor.memory=" + EXECUTOR_MEMORY,
            "--conf", "spark.executor.cores=1"));
  }

  /** The run's manifest names the master it ran on. */
  private static void assertRanOn(Driver run, String master) throws IOException {
    List<Path> manifests;
    try (Stream<Path> files = Files.list(run.output.resolve("_runs"))) {
      manifests = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
    assertEquals(1, manifests.size(), "one manifest: " + manifests);
    JsonNode manifest = new ObjectMapper().readTree(manifests.get(0).toFile());
    assertEquals("succeeded", manifest.path("status").asText());
    assertEquals(master, manifest.path("spark_master").asText());
  }

  /** Every table of the run equals the reference run's; prints what each comparison found. */
  private static void assertTablesEqual(Driver run) throws IOException {
    List<String> expected = tablesUnder(reference);
    List<String> actual = tablesUnder(run.output);
    assertEquals(expected, actual, "the same tables");
    for (Table table : Table.values()) {
      if (table != Table.TOPIC_MODEL_SELECTION) {
        assertTrue(
            expected.contains(table.tableName()), "the reference run wrote " + table.tableName());
      }
    }
    SparkSession spark = SharedSpark.session();
    List<TableComparison.Result> results = new ArrayList<>();
    for (String table : expected) {
      results.add(
          TableComparison.compare(
              spark,
              Table.valueOf(table.toUpperCase(java.util.Locale.ROOT)),
              reference,
              run.output,
              SNAPSHOT,
              TOLERANCE));
    }
    StringBuilder report = new StringBuilder(run.name + " vs local[2]:\n");
    results.forEach(r -> report.append("  ").append(r.summary()).append('\n'));
    System.out.print(report);
    if (results.stream().anyMatch(r -> !r.equal())) {
      fail(report.toString());
    }
  }

  /** The tables the current run of the snapshot wrote, by its manifest. */
  private static List<String> tablesUnder(Path root) {
    Map<String, Object> manifest =
        Snapshots.open(root.toString(), SharedSpark.session().sparkContext().hadoopConfiguration())
            .of(SNAPSHOT)
            .orElseThrow();
    return List.copyOf(
        new TreeSet<>(
            ((Map<?, ?>) manifest.get("tables")).keySet().stream().map(String::valueOf).toList()));
  }

  private static String lastStageLine(String log) {
    String last = "";
    for (String line : log.split("\n")) {
      if (line.contains("stages: stage ")) {
        last = line.substring(line.indexOf("stage "));
      }
    }
    return last.replaceAll("\\s+", " ");
  }

  /** One run of jobs/submit.sh over data-sample/, its stdout and stderr in a log file. */
  private static final class Driver {
    final String name;
    final Path output;
    final Path logFile;
    final Process process;

    private Driver(String name, Path output, Path log, Process process) {
      this.name = name;
      this.output = output;
      this.logFile = log;
      this.process = process;
    }

    static Driver start(String name, String master, List<String> sparkOptions) throws IOException {
      Path output = work.resolve("out-" + name);
      Path log = Files.createDirectories(work.resolve("logs")).resolve("driver-" + name + ".log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "bash",
                  project.resolve("jobs/submit.sh").toString(),
                  "--master",
                  master,
                  "--conf",
                  "spark.driver.host=" + StandaloneCluster.HOST,
                  "--conf",
                  "spark.driver.bindAddress=" + StandaloneCluster.HOST,
                  "--conf",
                  "spark.ui.enabled=false"));
      command.addAll(sparkOptions);
      command.addAll(
          List.of(
              "--",
              "--input",
              Corpora.dataSample().toString(),
              "--output",
              output.toString(),
              "--snapshot",
              SNAPSHOT));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      // The Maven classpath's SparkSubmit, as without a Spark distribution: not $SPARK_HOME's.
      env.remove("SPARK_HOME");
      env.remove("SPARK_CONF_DIR");
      env.put("SPARK_LOCAL_IP", StandaloneCluster.HOST);
      if (!master.startsWith("local")) {
        // The driver only plans and collects small results: CoreNLP runs on the executors.
        env.put("ATLAS_DRIVER_MEMORY", "2g");
      }
      say("%s: %s", name, String.join(" ", command));
      return new Driver(name, output, log, processes.start(builder));
    }

    boolean alive() {
      return process.isAlive();
    }

    String logText() {
      return Waits.read(logFile);
    }

    String tail() {
      return Waits.tail(logFile);
    }

    void awaitSuccess(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          processes.killTree(process.toHandle(), Duration.ofSeconds(30));
          fail(name + " run did not finish in " + timeout.toMinutes() + " min\n" + tail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for the " + name + " run");
      }
      assertEquals(0, process.exitValue(), name + " run failed\n" + tail());
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void say(String format, Object... args) {
    System.out.println("ClusterIT: " + String.format(java.util.Locale.ROOT, format, args));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
