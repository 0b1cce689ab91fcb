package org.discourseatlas.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapWatchTest {
  @Test
  void aHeldAllocationShowsInPeakUsedAndInTheHeapAfterCollection() throws Exception {
    HeapWatch watch = new HeapWatch();
    try {
      watch.mark();
      byte[] held = new byte[96 * 1024 * 1024];
      held[held.length - 1] = 1;
      System.gc();
      // GC notifications arrive on their own thread: wait for the one of the collection above.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (watch.sinceMark().peakLiveMb() < 96 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      HeapWatch.Usage usage = watch.sinceMark();
      assertTrue(usage.peakUsedMb() >= 96, "peak used " + usage.peakUsedMb() + " MB");
      assertTrue(usage.peakLiveMb() >= 96, "after GC " + usage.peakLiveMb() + " MB");
      assertTrue(usage.peakLiveMb() <= HeapWatch.maxHeapMb(), "after GC within the ceiling");
      assertTrue(held[held.length - 1] == 1);
    } finally {
      watch.close();
    }
  }
}
