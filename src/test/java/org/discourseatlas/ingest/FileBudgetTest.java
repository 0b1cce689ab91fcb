package org.discourseatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FileBudgetTest {
  @Test
  void workWithinItsBudgetGivesItsResult() {
    assertEquals(
        "done",
        FileBudget.run(() -> "done", Duration.ofSeconds(10), () -> "timeout", e -> "failed"));
  }

  /**
   * Work that ignores the interrupt (as a regex in the middle of a match does) stands for any
   * runaway parse: the caller gets the timeout result at the deadline, not when the work ends.
   */
  @Test
  void runawayWorkGivesTheTimeoutResultAtTheDeadline() {
    long start = System.nanoTime();
    String result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                FileBudget.run(
                    () -> spinIgnoringInterrupts(Duration.ofSeconds(8)),
                    Duration.ofSeconds(1),
                    () -> "timeout",
                    e -> "failed"));
    assertEquals("timeout", result);
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertTrue(seconds < 6, "the caller waited " + seconds + " s, not the 1 s budget");
  }

  /** A StackOverflowError is an Error, not an Exception: it still becomes the input's result. */
  @Test
  void anErrorThrownByTheWorkGivesTheFailureResult() {
    String result =
        FileBudget.run(
            () -> String.valueOf(depth(0)),
            Duration.ofSeconds(30),
            () -> "timeout",
            e -> e.getClass().getSimpleName());
    assertEquals("StackOverflowError", result);
  }

  @Test
  void anExceptionThrownByTheWorkIsPassedToTheFailureResult() {
    String result =
        FileBudget.run(
            () -> {
              throw new IllegalArgumentException("A header name is missing");
            },
            Duration.ofSeconds(30),
            () -> "timeout",
            e -> e.getMessage());
    assertTrue(result.contains("header name"), result);
  }

  private static String spinIgnoringInterrupts(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return "spun " + spins;
  }

  private static int depth(int n) {
    return depth(n + 1) + 1;
  }
}
