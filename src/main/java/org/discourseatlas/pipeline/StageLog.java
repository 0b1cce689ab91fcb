package org.discourseatlas.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One log line per stage (records in and out, elapsed time, heap), kept for the run manifest.
 * Stages run one after another: each start() begins a new heap interval.
 */
final class StageLog {
  private static final Logger LOG = LogManager.getLogger("org.discourseatlas.stages");

  /** A finished stage, as the manifest records it. */
  record StageTiming(
      String stage, long recordsIn, long recordsOut, String outUnit, double seconds, HeapWatch.Usage heap) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("stage", stage);
      map.put("records_in", recordsIn);
      map.put("records_out", recordsOut);
      map.put("out_unit", outUnit);
      map.put("seconds", Math.round(seconds * 1000) / 1000.0);
      map.put("heap_peak_used_mb", heap.peakUsedMb());
      map.put("heap_peak_live_mb", heap.peakLiveMb());
      return map;
    }
  }

  private final List<StageTiming> timings = new ArrayList<>();
  private final HeapWatch heap = new HeapWatch();

  long start() {
    heap.mark();
    return System.nanoTime();
  }

  void finish(String stage, long recordsIn, long recordsOut, String outUnit, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    HeapWatch.Usage usage = heap.sinceMark();
    timings.add(new StageTiming(stage, recordsIn, recordsOut, outUnit, seconds, usage));
    LOG.info(String.format(java.util.Locale.ROOT,
        "stage %-16s in %,9d  out %,9d %-10s %7.1f s  heap peak %,6d MB, live %,6d MB",
        stage, recordsIn, recordsOut, outUnit, seconds, usage.peakUsedMb(), usage.peakLiveMb()));
  }

  /** A line of detail under a stage ("source 'x': 3 repeated lines dropped"). */
  static void note(String message) {
    LOG.info("      " + message);
  }

  List<StageTiming> timings() {
    return List.copyOf(timings);
  }

  /** This JVM over the whole run: heap ceiling, largest live heap, peak resident set. */
  Map<String, Object> jvmMemory() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("heap_max_mb", HeapWatch.maxHeapMb());
    map.put("heap_peak_live_mb", heap.peakLiveOverallMb());
    HeapWatch.peakResidentMb().ifPresent(rss -> map.put("peak_resident_mb", rss));
    map.put("cores", Runtime.getRuntime().availableProcessors());
    return map;
  }

  void close() {
    heap.close();
  }
}
