package org.discourseatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotUseTest {
  /** Spark's event log lines as it writes them, trimmed to the fields SlotUse reads. */
  private static String jobStart(int job, String group, int... stages) {
    StringBuilder ids = new StringBuilder();
    for (int stage : stages) {
      ids.append(ids.isEmpty() ? "" : ",").append(stage);
    }
    return "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":%d,\"Stage IDs\":[%s],\"Properties\":{\"spark.jobGroup.id\":\"%s\"}}"
        .formatted(job, ids, group);
  }

  private static String taskEnd(int stage, long launchMs, long finishMs, long cpuNanos) {
    return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":%d,\"Task Info\":{\"Launch Time\":%d,\"Finish Time\":%d},\"Task Metrics\":{\"Executor CPU Time\":%d}}"
        .formatted(stage, launchMs, finishMs, cpuNanos);
  }

  @Test
  void creditsEachTaskToThePipelineStageWhoseJobStartedIt(@TempDir Path dir) throws Exception {
    Path app = dir.resolve("eventlog_v2_local-1/events_1_local-1");
    Files.createDirectories(app.getParent());
    Files.write(
        app,
        java.util.List.of(
            "{\"Event\":\"SparkListenerApplicationStart\"}",
            jobStart(0, "atlas stage sentiment", 0, 1),
            taskEnd(0, 1_000, 3_000, 1_500_000_000L),
            taskEnd(1, 1_000, 11_000, 9_000_000_000L),
            // Job 1 reuses Spark stage 1 (skipped there): its tasks stay with sentiment.
            jobStart(1, "atlas stage keyness", 1, 2),
            taskEnd(2, 20_000, 24_000, 2_000_000_000L),
            // A job outside the pipeline's groups (a listener's own query, say) is not counted.
            jobStart(2, "someone else", 3),
            taskEnd(3, 0, 100_000, 0)));
    Files.writeString(dir.resolve("eventlog_v2_local-1/appstatus_local-1"), "");
    Map<String, SlotUse.Usage> usage = SlotUse.perStage(dir);

    assertEquals(Set.of("sentiment", "keyness"), usage.keySet());
    SlotUse.Usage sentiment = usage.get("sentiment");
    // Two tasks: 2 s + 10 s = 12 s of run time, 1.5 + 9 = 10.5 s of CPU, the longest 10 s.
    assertEquals(2, sentiment.tasks());
    assertEquals(12.0, sentiment.taskSeconds(), 1e-9);
    assertEquals(10.5, sentiment.cpuSeconds(), 1e-9);
    assertEquals(10.0, sentiment.longestTaskSeconds(), 1e-9);
    // A 10 s stage on 2 slots: 12 / (2 x 10) = 0.6 busy, 10.5 / 20 = 0.525 on CPU.
    assertEquals(0.6, sentiment.slotShare(10, 2), 1e-9);
    assertEquals(0.525, sentiment.cpuShare(10, 2), 1e-9);
    assertEquals(new SlotUse.Usage(1, 4.0, 2.0, 4.0), usage.get("keyness"));
  }
}
