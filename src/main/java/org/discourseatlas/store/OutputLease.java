package org.discourseatlas.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One writer per output, whatever starts it (jobs/run.sh, the refresh script, Airflow, a notebook):
 * a lease file, {@code <output>/_runs/writer.lease}, created only if absent, naming its holder.
 * Because it lives in the output itself, {@code out}, {@code ./out} and {@code file:///.../out} are
 * one lease, on any machine that sees the output.
 *
 * <ul>
 *   <li>Taken before the run touches anything in the output; a second writer finds it held and gets
 *       {@link OutputBusyException} (the job's exit 75) having changed nothing.
 *   <li>Kept alive by a heartbeat (the file's modification time, every {@link #HEARTBEAT}).
 *   <li>Stale when its holder cannot be running: a process on this host that has ended (a run
 *       killed with -9), or no heartbeat for {@link #STALE_AFTER} (a driver on another machine that
 *       died). A stale lease is taken over, with a warning naming the old holder.
 *   <li>Checked before the run publishes ({@link #verifyHeld()}): a run whose lease was taken over
 *       fails rather than publish over the new holder.
 * </ul>
 *
 * <p>Created atomically: on a local file system by a hard link to a file already holding the holder
 * (link fails if the name exists), elsewhere by a rename that HDFS refuses when the target exists.
 * On object stores (s3a) a rename is a copy, so two writers starting within the same second could
 * both pass; schedule one writer there (docs/decisions/0021-one-writer-per-output.md).
 */
public final class OutputLease implements AutoCloseable {
  static final String FILE = "writer.lease";
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final Logger LOG = LogManager.getLogger(OutputLease.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final int ATTEMPTS = 3;

  /** Who holds a lease: what a second writer's message and a stale check need. */
  public record Holder(
      String runId, String host, long pid, String processStart, String user, String acquiredAt) {

    static Holder ofThisProcess(String runId) {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(
          runId,
          thisHost(),
          self.pid(),
          self.info().startInstant().map(Instant::toString).orElse(""),
          System.getProperty("user.name", ""),
          Instant.now().toString());
    }

    String describe() {
      return "run " + runId + " (host " + host + ", pid " + pid + ", since " + acquiredAt + ")";
    }
  }

  /** A lease file as found: its holder (null when unreadable, e.g. being written) and its age. */
  private record Found(Holder holder, Instant heartbeat) {}

  private final FileSystem fs;
  private final Path file;
  private final Holder holder;
  private final ScheduledExecutorService heartbeat;
  private volatile String lostBecause;

  private OutputLease(FileSystem fs, Path file, Holder holder, Duration every) {
    this.fs = fs;
    this.file = file;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "output-lease-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long millis = every.toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Takes the lease of the output whose {@code _runs/} folder is {@code runs}, for a run. */
  public static OutputLease acquire(FileSystem fs, Path runs, String runId) {
    return acquire(fs, runs, runId, HEARTBEAT, STALE_AFTER);
  }

  static OutputLease acquire(
      FileSystem fs, Path runs, String runId, Duration every, Duration staleAfter) {
    Path file = new Path(runs, FILE);
    Holder ours = Holder.ofThisProcess(runId);
    try {
      Found found = null;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (createIfAbsent(fs, runs, file, ours)) {
          return new OutputLease(fs, file, ours, every);
        }
        found = read(fs, file).orElse(null);
        if (found == null) {
          continue; // released between our create and our read: try again
        }
        Optional<String> stale = staleness(found, staleAfter);
        if (stale.isEmpty()) {
          throw busy(fs, file, found);
        }
        takeOver(fs, runs, file, found, stale.get(), runId);
      }
      throw busy(fs, file, found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the writer lease " + file, e);
    }
  }

  /** The lease's holder: this run. */
  public Holder holder() {
    return holder;
  }

  /** Fails when the lease is no longer this run's: the run must not publish. */
  public void verifyHeld() {
    try {
      Optional<Found> found = read(fs, file);
      if (!heldBy(found, holder.runId())) {
        lostBecause =
            found
                .map(
                    f -> f.holder() == null ? "unreadable" : "now held by " + f.holder().describe())
                .orElse("the lease file is gone");
      }
    } catch (IOException e) {
      lostBecause = "cannot read it: " + e.getMessage();
    }
    if (lostBecause != null) {
      throw new IllegalStateException(
          "run "
              + holder.runId()
              + " lost the writer lease "
              + file
              + " ("
              + lostBecause
              + "); not publishing");
    }
  }

  /** Stops the heartbeat and deletes the lease if it is still this run's. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      Optional<Found> found = read(fs, file);
      if (heldBy(found, holder.runId())) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      LOG.warn("could not release the writer lease {}: {}", file, e.toString());
    }
  }

  private void beat() {
    try {
      Optional<Found> found = read(fs, file);
      if (!heldBy(found, holder.runId())) {
        lostBecause = "taken over while this run was writing";
        LOG.error("writer lease {} is no longer run {}'s", file, holder.runId());
        heartbeat.shutdown();
        return;
      }
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (IOException | RuntimeException e) {
      // One missed beat is harmless (the lease goes stale only after many); keep beating.
      LOG.warn("writer lease heartbeat failed: {}", e.toString());
    }
  }

  /** Whether the lease found (if any) is held by the run {@code runId}. */
  private static boolean heldBy(Optional<Found> found, String runId) {
    return found.isPresent()
        && found.get().holder() != null
        && runId.equals(found.get().holder().runId());
  }

  /** Writes the holder beside the lease, then puts it in place only if no lease is there. */
  private static boolean createIfAbsent(FileSystem fs, Path runs, Path file, Holder ours)
      throws IOException {
    Path partial = new Path(runs, "." + FILE + "." + ours.runId());
    try (OutputStream out = fs.create(partial, true)) {
      out.write(JSON.writeValueAsBytes(ours));
    }
    try {
      if ("file".equals(fs.getScheme())) {
        // The local file system's rename replaces an existing file; a hard link never does.
        java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(file).toUri());
        java.nio.file.Path source = java.nio.file.Path.of(fs.makeQualified(partial).toUri());
        try {
          Files.createLink(target, source);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (IOException | UnsupportedOperationException noHardLinks) {
          // A mount without hard links: a move that refuses an existing target (checked, then
          // renamed: a narrower race than Hadoop's create, and still a one-writer check).
          try {
            Files.move(source, target);
            return true;
          } catch (FileAlreadyExistsException e) {
            return false;
          }
        }
      }
      return fs.rename(partial, file); // HDFS: false when the target exists
    } finally {
      fs.delete(partial, false);
    }
  }

  private static Optional<Found> read(FileSystem fs, Path file) throws IOException {
    FileStatus status;
    byte[] bytes;
    try {
      status = fs.getFileStatus(file);
      try (InputStream in = fs.open(file)) {
        bytes = in.readAllBytes();
      }
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
    Holder holder;
    try {
      holder = JSON.readValue(bytes, Holder.class);
    } catch (IOException e) {
      holder = null; // being written (HDFS create), or damaged: judged by its age alone
    }
    return Optional.of(new Found(holder, Instant.ofEpochMilli(status.getModificationTime())));
  }

  /** Why a lease found cannot have a running holder, or empty when it may have one. */
  private static Optional<String> staleness(Found found, Duration staleAfter) {
    Duration silent = Duration.between(found.heartbeat(), Instant.now());
    if (silent.compareTo(staleAfter) > 0) {
      return Optional.of("no heartbeat for " + silent.toSeconds() + " s");
    }
    Holder holder = found.holder();
    if (holder == null || !thisHost().equals(holder.host())) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.of("its process " + holder.pid() + " on this host has ended");
    }
    String started = process.get().info().startInstant().map(Instant::toString).orElse("");
    if (!holder.processStart().isEmpty()
        && !started.isEmpty()
        && !started.equals(holder.processStart())) {
      return Optional.of("its process " + holder.pid() + " has ended (the pid is another's now)");
    }
    return Optional.empty();
  }

  /**
   * Moves the stale lease aside under a name of our own; only one taker's move can succeed. If the
   * file moved is not the lease judged stale (another taker replaced it meanwhile), it is put back.
   */
  private static void takeOver(
      FileSystem fs, Path runs, Path file, Found stale, String why, String runId)
      throws IOException {
    Path aside = new Path(runs, "." + FILE + ".stale." + runId);
    if (!fs.rename(file, aside)) {
      return;
    }
    Optional<Found> moved = read(fs, aside);
    boolean same =
        moved.isPresent()
            && (moved.get().holder() == null
                ? stale.holder() == null
                : moved.get().holder().equals(stale.holder()));
    if (!same && moved.isPresent() && moved.get().holder() != null) {
      createIfAbsent(fs, runs, file, moved.get().holder());
    } else {
      LOG.warn(
          "taking over the writer lease {} from {}: {}",
          file,
          stale.holder() == null ? "an unreadable holder" : stale.holder().describe(),
          why);
    }
    fs.delete(aside, false);
  }

  private static OutputBusyException busy(FileSystem fs, Path file, Found found) {
    String who =
        found == null || found.holder() == null ? "another run" : found.holder().describe();
    long silent =
        found == null ? 0 : Duration.between(found.heartbeat(), Instant.now()).toSeconds();
    return new OutputBusyException(
        "output "
            + file.getParent().getParent()
            + " is being written by "
            + who
            + ", last heartbeat "
            + silent
            + " s ago; not starting (the lease "
            + fs.makeQualified(file)
            + " goes stale when its process ends or "
            + STALE_AFTER.toMinutes()
            + " min after its last heartbeat)");
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }
}
