package org.discourseatlas.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on 127.0.0.1 started from the project's Maven-resolved Spark jars (no
 * Spark distribution): one Master and Workers of one core each. A Worker launches executors only
 * when it sees a SPARK_HOME whose {@code jars/} holds the Spark jars and SPARK_SCALA_VERSION
 * (DESIGN.md), so the cluster gets a SPARK_HOME of links to those jars.
 */
final class StandaloneCluster {
  static final String HOST = "127.0.0.1";
  private static final String DAEMON_HEAP = "-Xmx512m";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StartedProcesses processes;
  private final Path home;
  private final List<String> classpath;
  private final List<String> javaOpens;
  private final Path logs;
  private final int masterPort;
  private final int masterUiPort;
  private final List<ProcessHandle> workers = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private StandaloneCluster(
      StartedProcesses processes,
      Path home,
      List<String> classpath,
      List<String> javaOpens,
      Path logs) {
    this.processes = processes;
    this.home = home;
    this.classpath = classpath;
    this.javaOpens = javaOpens;
    this.logs = logs;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /**
   * Starts a Master and {@code workers} Workers ({@code cores} cores, {@code memory} for executors
   * each) under {@code dir} and returns once the Master counts them all alive.
   */
  static StandaloneCluster start(
      StartedProcesses processes,
      Path dir,
      List<String> sparkClasspath,
      List<String> javaOpens,
      int workers,
      int cores,
      String memory,
      Duration timeout)
      throws IOException {
    Path home = dir.resolve("spark-home");
    Path jars = home.resolve("jars");
    Files.createDirectories(jars);
    for (String jar : sparkClasspath) {
      Path target = Path.of(jar);
      Path link = jars.resolve(target.getFileName());
      if (Files.isRegularFile(target)
          && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, target);
      }
    }
    Path logs = Files.createDirectories(dir.resolve("logs"));
    StandaloneCluster cluster =
        new StandaloneCluster(processes, home, sparkClasspath, javaOpens, logs);
    cluster.startMaster();
    Waits.until(
        "the Master's web UI answers at " + cluster.masterUiUrl(),
        timeout,
        () -> cluster.stateOrNull() != null,
        () -> Waits.tail(logs.resolve("master.log")));
    for (int i = 1; i <= workers; i++) {
      cluster.startWorker(i, cores, memory, dir);
    }
    Waits.until(
        workers + " alive workers",
        timeout,
        () -> cluster.aliveWorkers() == workers,
        () ->
            "Master state: "
                + cluster.stateOrNull()
                + "\n"
                + Waits.tail(logs.resolve("worker-1.log")));
    return cluster;
  }

  String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  String masterUiUrl() {
    return "http://" + HOST + ":" + masterUiPort;
  }

  /** The Worker processes, in start order (worker-1 first). */
  List<ProcessHandle> workers() {
    return List.copyOf(workers);
  }

  /** A Worker's live executor processes (its child JVMs). */
  List<ProcessHandle> executorsOf(ProcessHandle worker) {
    return processes.descendants(worker).stream()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("CoarseGrainedExecutorBackend"))
                    .orElse(true))
        .toList();
  }

  /** Workers the Master counts alive (a killed Worker drops out when its connection does). */
  int aliveWorkers() {
    JsonNode state = stateOrNull();
    return state == null ? -1 : state.path("aliveworkers").asInt(-1);
  }

  /** The Master's state as its web UI serves it (/json/), or null while it does not answer. */
  JsonNode stateOrNull() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(masterUiUrl() + "/json/"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void startMaster() {
    List<String> command = daemon("org.apache.spark.deploy.master.Master");
    command.addAll(
        List.of(
            "--host",
            HOST,
            "--port",
            String.valueOf(masterPort),
            "--webui-port",
            String.valueOf(masterUiPort)));
    start(command, logs.resolve("master.log"), null);
  }

  private void startWorker(int index, int cores, String memory, Path dir) throws IOException {
    Path workDir = Files.createDirectories(dir.resolve("worker-" + index));
    Path localDir = Files.createDirectories(dir.resolve("local-" + index));
    List<String> command = daemon("org.apache.spark.deploy.worker.Worker");
    // Each application copies its jars (~110 MB with the models) into the work dir: cleaned
    // once the application is over.
    command.addAll(
        1,
        List.of(
            "-Dspark.worker.cleanup.enabled=true",
            "-Dspark.worker.cleanup.interval=60",
            "-Dspark.worker.cleanup.appDataTtl=60"));
    command.addAll(
        List.of(
            masterUrl(),
            "--host",
            HOST,
            "--port",
            String.valueOf(freePort()),
            "--webui-port",
            String.valueOf(freePort()),
            "--cores",
            String.valueOf(cores),
            "--memory",
            memory,
            "--work-dir",
            workDir.toString()));
    Process worker = start(command, logs.resolve("worker-" + index + ".log"), localDir);
    workers.add(worker.toHandle());
  }

  private List<String> daemon(String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(DAEMON_HEAP);
    command.addAll(javaOpens);
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    command.add(mainClass);
    return command;
  }

  private Process start(List<String> command, Path log, Path localDir) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    // Executors run on the JVM the Worker finds in JAVA_HOME: this test's Java 17.
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("SPARK_CONF_DIR");
    if (localDir != null) {
      // Executors' shuffle and block files: under the test's folder, not /tmp.
      env.put("SPARK_LOCAL_DIRS", localDir.toString());
    }
    return processes.start(builder);
  }

  /** A port free on 127.0.0.1 now (so a cluster never collides with another on the machine). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
