package org.discourseatlas.store;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A run's id: its start in UTC and 8 random hex digits, {@code 20261130T045522Z-1a2b3c4d}. The
 * shape is what lets cleanup tell a folder this job wrote ({@code run=<id>}) from anything a user
 * put beside it ({@code run=X.bak}, {@code exports/}): only folders of this shape are ever deleted.
 */
public final class RunIds {
  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");

  private RunIds() {}

  /** A new id for a run starting now. */
  public static String next() {
    return LocalDateTime.now(ZoneOffset.UTC).format(START)
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Whether {@code id} has the shape {@link #next()} gives. */
  public static boolean isRunId(String id) {
    return SHAPE.matcher(id).matches();
  }
}
