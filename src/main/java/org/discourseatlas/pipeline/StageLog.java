package org.discourseatlas.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One log line per stage (records in and out, elapsed time, heap), kept for the run manifest.
 * Stages run one after another: each start() begins a new heap interval.
 */
public final class StageLog {
  private static final Logger LOG = LogManager.getLogger("org.discourseatlas.stages");

  /**
   * A finished stage, as the manifest records it (seconds to the millisecond). The JVM's CPU, pause
   * and JIT seconds are this JVM's (driver and, in local mode, executor threads; -1 if unknown).
   */
  public record StageTiming(
      String stage,
      long recordsIn,
      long recordsOut,
      String outUnit,
      double seconds,
      long heapPeakUsedMb,
      long heapPeakLiveMb,
      double jvmCpuSeconds,
      double gcPauseSeconds,
      double jitSeconds) {}

  /**
   * This JVM over the whole run: heap ceiling, largest live heap, peak resident set (null if
   * unknown).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JvmMemory(long heapMaxMb, long heapPeakLiveMb, Long peakResidentMb, int cores) {}

  private final List<StageTiming> timings = new ArrayList<>();
  private final HeapWatch heap = new HeapWatch();
  private JvmClock.Reading startedAt = JvmClock.now();

  long start() {
    heap.mark();
    startedAt = JvmClock.now();
    return System.nanoTime();
  }

  void finish(String stage, long recordsIn, long recordsOut, String outUnit, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    HeapWatch.Usage usage = heap.sinceMark();
    JvmClock.Spent spent = JvmClock.now().since(startedAt);
    timings.add(
        new StageTiming(
            stage,
            recordsIn,
            recordsOut,
            outUnit,
            Math.round(seconds * 1000) / 1000.0,
            usage.peakUsedMb(),
            usage.peakLiveMb(),
            spent.cpuSeconds(),
            spent.gcPauseSeconds(),
            spent.jitSeconds()));
    LOG.info(
        String.format(
            java.util.Locale.ROOT,
            "stage %-16s in %,9d  out %,9d %-10s %7.1f s  heap peak %,6d MB, live %,6d MB"
                + "  (JVM cpu %.1f s, gc pauses %.1f s, jit %.1f s)",
            stage,
            recordsIn,
            recordsOut,
            outUnit,
            seconds,
            usage.peakUsedMb(),
            usage.peakLiveMb(),
            spent.cpuSeconds(),
            spent.gcPauseSeconds(),
            spent.jitSeconds()));
  }

  /** A line of detail under a stage ("source 'x': 3 repeated lines dropped"). */
  public static void note(String message) {
    LOG.info("      " + message);
  }

  List<StageTiming> timings() {
    return List.copyOf(timings);
  }

  /** This JVM over the whole run: heap ceiling, largest live heap, peak resident set. */
  JvmMemory jvmMemory() {
    return new JvmMemory(
        HeapWatch.maxHeapMb(),
        heap.peakLiveOverallMb(),
        peakResident(),
        Runtime.getRuntime().availableProcessors());
  }

  private static Long peakResident() {
    var rss = HeapWatch.peakResidentMb();
    return rss.isPresent() ? rss.getAsLong() : null;
  }

  void close() {
    heap.close();
  }
}
