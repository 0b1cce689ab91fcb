package org.discourseatlas.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.discourseatlas.testing.Scripts;
import org.junit.jupiter.api.Test;

/**
 * {@code ruff check notebooks/} (the .py modules and the notebooks, rules in notebooks/ruff.toml)
 * with the ruff that notebooks/requirements.txt pins into the notebooks' virtualenv: any finding
 * fails the test, with ruff's report.
 */
class NotebooksLintTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void ruffFindsNothingInNotebooks() {
    Scripts.Outcome ruff =
        Scripts.run(
            TIMEOUT,
            List.of(
                Scripts.notebooksPython().toString(),
                "-m",
                "ruff",
                "check",
                "--no-cache",
                "--output-format",
                "concise",
                "notebooks/"));
    assertEquals(
        0,
        ruff.exitCode(),
        "ruff check notebooks/ (ruff check --fix notebooks/ fixes most):\n" + ruff.tail());
  }
}
