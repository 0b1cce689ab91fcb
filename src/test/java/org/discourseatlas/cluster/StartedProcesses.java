package org.discourseatlas.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes a test started (Master, Workers, drivers) and the executors they started in turn,
 * stopped by their process ids when the test ends, fails or its JVM is shut down: a Worker's
 * executors are its child processes, and a killed Worker leaves them behind, so every tree is
 * snapshotted before anything in it is killed.
 */
final class StartedProcesses implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Set<ProcessHandle> started = new LinkedHashSet<>();
  private final Thread shutdownHook = new Thread(this::killAll, "stop-started-processes");

  /**
   * Set when stopping begins: test threads go on running while the JVM runs its shutdown hooks, and
   * a process they started then would outlive the JVM.
   */
  private boolean stopping;

  StartedProcesses() {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a process and remembers it (and later its children) for {@link #close}. */
  synchronized Process start(ProcessBuilder builder) {
    if (stopping) {
      throw new IllegalStateException(
          "not starting " + builder.command().get(0) + ": the started processes are being stopped");
    }
    try {
      Process process = builder.start();
      started.add(process.toHandle());
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
  }

  /** The live processes started under {@code root} (its children, their children, ...). */
  synchronized List<ProcessHandle> descendants(ProcessHandle root) {
    List<ProcessHandle> found = root.descendants().filter(ProcessHandle::isAlive).toList();
    started.addAll(found);
    return found;
  }

  /** Kills a process and everything it started (SIGKILL), and waits until they are gone. */
  void killTree(ProcessHandle root, Duration timeout) {
    List<ProcessHandle> tree = new ArrayList<>(descendants(root));
    tree.add(0, root);
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(tree, timeout);
  }

  /**
   * Stops everything started here: SIGTERM to the processes this test started (a Worker's own
   * shutdown hook stops its executors), then SIGKILL to whatever of the trees is still alive.
   */
  @Override
  public void close() {
    List<ProcessHandle> roots;
    synchronized (this) {
      roots = new ArrayList<>(started);
    }
    List<ProcessHandle> all = stopAndSnapshot();
    // Newest first: drivers before Workers before the Master.
    for (int i = roots.size() - 1; i >= 0; i--) {
      roots.get(i).destroy();
    }
    awaitExit(all, GRACE);
    all.forEach(ProcessHandle::destroyForcibly);
    awaitExit(all, GRACE);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to
    }
  }

  /** The shutdown hook: no time for grace, SIGKILL to every tree. */
  private void killAll() {
    List<ProcessHandle> all = stopAndSnapshot();
    all.forEach(ProcessHandle::destroyForcibly);
    awaitExit(all, GRACE);
  }

  /** Refuses further starts and returns every process started so far, with its descendants. */
  private synchronized List<ProcessHandle> stopAndSnapshot() {
    stopping = true;
    Set<ProcessHandle> all = new LinkedHashSet<>(started);
    for (ProcessHandle root : started) {
      root.descendants().forEach(all::add);
    }
    started.addAll(all);
    return new ArrayList<>(all);
  }

  private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    for (ProcessHandle process : processes) {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      try {
        process.onExit().get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        // still alive: the caller escalates or reports
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
