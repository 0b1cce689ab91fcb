package org.discourseatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer lease's rules on a real (local) file system: held by a live holder it refuses, a
 * heartbeat keeps it live, and it is taken over once its holder is known dead or silent too long.
 */
class OutputLeaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration NEVER = Duration.ofHours(1);

  @TempDir Path output;

  private org.apache.hadoop.fs.Path runs() throws IOException {
    Files.createDirectories(output.resolve(Snapshots.RUNS_DIR));
    return new org.apache.hadoop.fs.Path(output.resolve(Snapshots.RUNS_DIR).toUri());
  }

  private static FileSystem local() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  /** The lease as a driver on another machine holds it: no pid this host can check. */
  private void movedToAnotherHost() throws IOException {
    ObjectNode lease = (ObjectNode) JSON.readTree(Leases.file(output).toFile());
    lease.put("host", "driver-on-another-machine");
    Files.writeString(Leases.file(output), JSON.writeValueAsString(lease));
  }

  @Test
  void aLiveHoldersLeaseRefusesASecondWriterWithItsName() throws IOException {
    try (OutputLease first = OutputLease.acquire(local(), runs(), "run-a")) {
      OutputBusyException busy =
          assertThrows(OutputBusyException.class, () -> OutputLease.acquire(local(), runs(), "b"));
      assertTrue(busy.getMessage().contains("run run-a (host "), busy.getMessage());
      assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid()));
      first.verifyHeld();
    }
    // Released: the next writer gets it.
    OutputLease.acquire(local(), runs(), "run-b").close();
  }

  @Test
  void aHeartbeatKeepsALeaseOfAnotherHostLiveAndSilenceMakesItStale() throws Exception {
    Duration staleAfter = Duration.ofMillis(1500);
    OutputLease beating =
        OutputLease.acquire(local(), runs(), "run-a", Duration.ofMillis(100), staleAfter);
    movedToAnotherHost();
    Thread.sleep(2 * staleAfter.toMillis());
    // Twice the stale time has passed, but the heartbeat kept touching the lease.
    assertThrows(
        OutputBusyException.class,
        () -> OutputLease.acquire(local(), runs(), "run-b", NEVER, staleAfter));

    // A holder whose heartbeat stopped (its driver died): stale after staleAfter, taken over.
    beating.close();
    OutputLease silent = OutputLease.acquire(local(), runs(), "run-c", NEVER, staleAfter);
    movedToAnotherHost();
    assertThrows(
        OutputBusyException.class,
        () -> OutputLease.acquire(local(), runs(), "run-d", NEVER, staleAfter));
    Thread.sleep(staleAfter.toMillis() + 500);
    try (OutputLease taken = OutputLease.acquire(local(), runs(), "run-d", NEVER, staleAfter)) {
      assertEquals("run-d", taken.holder().runId());
      IllegalStateException lost = assertThrows(IllegalStateException.class, silent::verifyHeld);
      assertTrue(lost.getMessage().contains("now held by run run-d"), lost.getMessage());
      silent.close(); // does not delete the new holder's lease
      taken.verifyHeld();
    }
  }

  @Test
  void aLeaseOfAProcessOfThisHostThatEndedIsTakenOverAtOnce() throws Exception {
    OutputLease killed = OutputLease.acquire(local(), runs(), "run-a", NEVER, NEVER);
    Leases.heldByAnEndedProcess(output, "run-a");
    try (OutputLease next = OutputLease.acquire(local(), runs(), "run-b", NEVER, NEVER)) {
      assertEquals("run-b", next.holder().runId());
      try (var left = Files.list(output.resolve(Snapshots.RUNS_DIR))) {
        assertEquals(
            java.util.List.of(OutputLease.FILE),
            left.map(p -> p.getFileName().toString()).toList(),
            "no partial or moved-aside lease files left");
      }
    }
    killed.close();
  }
}
