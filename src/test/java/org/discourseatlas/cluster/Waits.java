package org.discourseatlas.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on an observable condition with a deadline, never sleeping and hoping. */
final class Waits {
  private static final long POLL_MILLIS = 200;

  private Waits() {}

  /**
   * Polls {@code condition} until it holds; past {@code timeout} fails with {@code diagnostics}.
   */
  static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnostics) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "\n"
                + diagnostics.get());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** The last lines of a log file, for failure messages. */
  static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "(no " + log + ")";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** A log file's text so far ("" before it exists). */
  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    } catch (java.io.UncheckedIOException e) {
      return "";
    }
  }
}
