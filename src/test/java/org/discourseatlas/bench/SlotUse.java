package org.discourseatlas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.io.CompressionCodec;
import org.apache.spark.io.CompressionCodec$;
import org.discourseatlas.pipeline.Pipeline;

/**
 * How busy a job's task slots were, per pipeline stage, read from Spark's event log: the pipeline
 * runs each stage's Spark jobs under the job group "atlas stage NAME" (Pipeline.jobGroup), so each
 * task is credited to the stage that started its job. A stage's slot share is its tasks' summed run
 * time over slots x the stage's wall time; its CPU share the tasks' executor CPU time over the
 * same. A share well under 1 on a CPU-bound stage means idle cores (too few tasks, a straggler, the
 * driver's own work between jobs).
 */
final class SlotUse {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP_PREFIX = Pipeline.jobGroup("");

  /** Spark's short codec names, which its event log files take as extension. */
  private static final Set<String> CODECS = Set.of("zstd", "lz4", "lzf", "snappy");

  /** The tasks of one pipeline stage: count, summed run and CPU seconds, the longest one. */
  record Usage(long tasks, double taskSeconds, double cpuSeconds, double longestTaskSeconds) {
    Usage plus(double taskSeconds, double cpuSeconds) {
      return new Usage(
          tasks + 1,
          this.taskSeconds + taskSeconds,
          this.cpuSeconds + cpuSeconds,
          Math.max(longestTaskSeconds, taskSeconds));
    }

    /** The tasks of both, as one stage's. */
    Usage plus(Usage other) {
      return new Usage(
          tasks + other.tasks,
          taskSeconds + other.taskSeconds,
          cpuSeconds + other.cpuSeconds,
          Math.max(longestTaskSeconds, other.longestTaskSeconds));
    }

    double slotShare(double wallSeconds, int slots) {
      return taskSeconds / (slots * wallSeconds);
    }

    double cpuShare(double wallSeconds, int slots) {
      return cpuSeconds / (slots * wallSeconds);
    }
  }

  private SlotUse() {}

  /**
   * Per pipeline stage name (in the order first seen), the tasks of its jobs, from every event log
   * file under {@code eventLogDir} (plain or compressed with Spark's codec, as the file name says).
   */
  static Map<String, Usage> perStage(Path eventLogDir) throws IOException {
    Map<Integer, String> stageOfSparkStage = new HashMap<>();
    Map<String, Usage> usage = new LinkedHashMap<>();
    for (Path file : eventFiles(eventLogDir)) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          JsonNode event = JSON.readTree(line);
          switch (event.path("Event").asText()) {
            case "SparkListenerJobStart" -> {
              String group = event.path("Properties").path("spark.jobGroup.id").asText("");
              if (group.startsWith(GROUP_PREFIX)) {
                String stage = group.substring(GROUP_PREFIX.length());
                usage.putIfAbsent(stage, new Usage(0, 0, 0, 0));
                // A Spark stage reused by a later job (skipped there) keeps its first job's group.
                event
                    .path("Stage IDs")
                    .forEach(id -> stageOfSparkStage.putIfAbsent(id.asInt(), stage));
              }
            }
            case "SparkListenerTaskEnd" -> {
              String stage = stageOfSparkStage.get(event.path("Stage ID").asInt());
              if (stage != null) {
                JsonNode info = event.path("Task Info");
                double seconds =
                    (info.path("Finish Time").asLong() - info.path("Launch Time").asLong()) / 1e3;
                double cpu = event.path("Task Metrics").path("Executor CPU Time").asLong() / 1e9;
                usage.computeIfPresent(stage, (name, u) -> u.plus(seconds, cpu));
              }
            }
            default -> {}
          }
        }
      }
    }
    return usage;
  }

  private static List<Path> eventFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> events = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().startsWith("appstatus"))
          .sorted()
          .forEach(events::add);
      return events;
    }
  }

  /** Event log files carry their codec's short name as extension (events_1_app.zstd). */
  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    if (!CODECS.contains(extension)) {
      return in;
    }
    CompressionCodec codec = CompressionCodec$.MODULE$.createCodec(new SparkConf(), extension);
    return codec.compressedInputStream(in);
  }
}
