package org.discourseatlas.pipeline;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Where this JVM's time went, read from its management beans: the CPU time of all its threads, the
 * collector's pauses and the JIT compiler's work. A stage's difference of two readings says how
 * much of the machine the stage took besides its tasks (in local mode the driver and the executor
 * threads share this JVM): the benchmark of commit fc3a413 found the tasks on CPU for 0.58-0.90 of
 * the slots they held, and the rest has to be told apart (compilers, collector, the driver).
 */
final class JvmClock {
  /** A reading; compare two with {@link #since}. Unknown figures are -1. */
  record Reading(long cpuNanos, long gcPauseMillis, long jitMillis) {
    /** Seconds between an earlier reading and this one (-1 where either is unknown). */
    Spent since(Reading earlier) {
      return new Spent(
          seconds(cpuNanos, earlier.cpuNanos, 1e9),
          seconds(gcPauseMillis, earlier.gcPauseMillis, 1e3),
          seconds(jitMillis, earlier.jitMillis, 1e3));
    }

    private static double seconds(long now, long then, double perSecond) {
      return now < 0 || then < 0 ? -1 : Math.round((now - then) / perSecond * 1000) / 1000.0;
    }
  }

  /**
   * Seconds of process CPU, collector pauses and JIT compilation (elapsed, summed over threads).
   */
  record Spent(double cpuSeconds, double gcPauseSeconds, double jitSeconds) {}

  private JvmClock() {}

  static Reading now() {
    return new Reading(processCpuNanos(), gcPauseMillis(), jitMillis());
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /** G1's young and mixed pauses and any full collection ("G1 Young/Old Generation" beans). */
  private static long gcPauseMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      long time = gc.getCollectionTime();
      if (time < 0) {
        return -1;
      }
      total += time;
    }
    return total;
  }

  private static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }
}
