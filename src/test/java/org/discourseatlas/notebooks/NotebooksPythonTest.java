package org.discourseatlas.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.discourseatlas.testing.Scripts;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of the notebooks' Python modules ({@code notebooks/tests/test_*.py}, standard
 * {@code unittest}), with the notebooks' virtualenv: the statistics the notebooks compute
 * themselves (atlas_sentiment's document bootstrap, Cohen's kappa, Spearman's rho) checked against
 * values worked out by hand, without running the job.
 */
class NotebooksPythonTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void notebookModulesPassTheirUnitTests() {
    Scripts.Outcome tests =
        Scripts.run(
            TIMEOUT,
            List.of(
                Scripts.notebooksPython().toString(),
                "-B", // no __pycache__ in notebooks/
                "-m",
                "unittest",
                "discover",
                "-s",
                "notebooks/tests",
                "-v"));
    assertEquals(0, tests.exitCode(), "python -m unittest notebooks/tests:\n" + tests.tail());
  }
}
