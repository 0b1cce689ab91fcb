package org.discourseatlas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writer leases as other processes leave them, for tests. */
final class Leases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Leases() {}

  static Path file(Path output) {
    return output.resolve(Snapshots.RUNS_DIR).resolve(OutputLease.FILE);
  }

  /**
   * Rewrites the output's lease as one held by {@code runId} in a process of this host that has
   * ended: what a run killed with -9 leaves behind.
   */
  static void heldByAnEndedProcess(Path output, String runId)
      throws IOException, InterruptedException {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    ObjectNode lease = (ObjectNode) JSON.readTree(file(output).toFile());
    lease.put("run_id", runId).put("pid", ended.pid());
    Files.writeString(file(output), JSON.writeValueAsString(lease));
  }

  /** Rewrites the output's lease as held by another, live run (a takeover while this one ran). */
  static void heldByAnotherRun(Path output, String runId) throws IOException {
    ObjectNode lease = (ObjectNode) JSON.readTree(file(output).toFile());
    lease.put("run_id", runId);
    Files.writeString(file(output), JSON.writeValueAsString(lease));
  }
}
