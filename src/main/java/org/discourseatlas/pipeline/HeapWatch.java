package org.discourseatlas.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM between two marks, for the per-stage memory figures of the manifest and the
 * benchmark. Two numbers, because "heap used" alone mostly measures how lazily the collector runs:
 *
 * <ul>
 *   <li>peak used: the sum of the heap pools' peak usage since the mark (an upper bound: the pools
 *       may peak at different moments);
 *   <li>peak live: the largest heap occupancy right after a garbage collection since the mark, the
 *       nearest cheap measure of what the stage really holds. When no collection ran, the heap used
 *       at the end stands in (again an upper bound).
 * </ul>
 *
 * <p>In local mode the driver and its executor threads share this heap; on a cluster it is the
 * driver's alone.
 */
final class HeapWatch {
  private static final long MB = 1024L * 1024L;
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final AtomicLong liveSinceMark = new AtomicLong(-1);
  private final AtomicLong liveOverall = new AtomicLong(-1);
  private final NotificationListener listener =
      (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
            notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
          liveSinceMark.accumulateAndGet(after, Math::max);
          liveOverall.accumulateAndGet(after, Math::max);
        }
      };

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  /** The heap figures since the last mark (or since this watch was made). */
  record Usage(long peakUsedMb, long peakLiveMb) {}

  /** Starts a new interval: pool peaks and the live peak restart from now. */
  void mark() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    liveSinceMark.set(-1);
  }

  /** The interval since the last mark. */
  Usage sinceMark() {
    long peakUsed = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long live = liveSinceMark.get();
    return new Usage(peakUsed / MB, (live >= 0 ? live : currentUsed()) / MB);
  }

  /** The largest live heap seen since this watch was made, in MB. */
  long peakLiveOverallMb() {
    long live = liveOverall.get();
    return (live >= 0 ? live : currentUsed()) / MB;
  }

  /** The heap ceiling (-Xmx), in MB. */
  static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / MB;
  }

  /** The peak resident set of this process (VmHWM), in MB, where /proc tells it (Linux). */
  static OptionalLong peakResidentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
      }
    } catch (Exception e) {
      // Not Linux, or /proc not readable: the figure is simply absent from the manifest.
    }
    return OptionalLong.empty();
  }

  void close() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (Exception e) {
          // Already removed: nothing to undo.
        }
      }
    }
  }

  private long currentUsed() {
    return heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  private long heapUsed(Map<String, MemoryUsage> byPool) {
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage usage = byPool.get(pool.getName());
      if (usage != null) {
        used += usage.getUsed();
      }
    }
    return used;
  }
}
