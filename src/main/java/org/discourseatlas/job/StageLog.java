package org.discourseatlas.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** One log line per stage (records in and out, elapsed time), kept for the run manifest. */
final class StageLog {
  private static final Logger LOG = LogManager.getLogger("org.discourseatlas.stages");

  /** A finished stage, as the manifest records it. */
  record StageTiming(String stage, long recordsIn, long recordsOut, String outUnit, double seconds) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("stage", stage);
      map.put("records_in", recordsIn);
      map.put("records_out", recordsOut);
      map.put("out_unit", outUnit);
      map.put("seconds", Math.round(seconds * 1000) / 1000.0);
      return map;
    }
  }

  private final List<StageTiming> timings = new ArrayList<>();

  long start() {
    return System.nanoTime();
  }

  void finish(String stage, long recordsIn, long recordsOut, String outUnit, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    timings.add(new StageTiming(stage, recordsIn, recordsOut, outUnit, seconds));
    LOG.info(String.format(java.util.Locale.ROOT, "stage %-16s in %,9d  out %,9d %-10s %7.1f s",
        stage, recordsIn, recordsOut, outUnit, seconds));
  }

  /** A line of detail under a stage ("source 'x': 3 repeated lines dropped"). */
  static void note(String message) {
    LOG.info("      " + message);
  }

  List<StageTiming> timings() {
    return List.copyOf(timings);
  }
}
