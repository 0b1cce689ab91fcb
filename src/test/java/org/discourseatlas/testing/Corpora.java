package org.discourseatlas.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the test corpora are: data-sample/ in the project, the shared real corpora beside it. */
public final class Corpora {
  private Corpora() {}

  /** The project's own sample corpus (Maven runs tests from the project root). */
  public static Path dataSample() {
    return Path.of("data-sample").toAbsolutePath();
  }

  /** The real seed transcript folder; the test is skipped, saying why, where it is absent. */
  public static Path seedFolder() {
    Path seed = Path.of("..", "shared", "corpora", "seed").toAbsolutePath().normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(seed),
        "the shared corpora are not at " + seed + " (../shared/corpora/seed)");
    return seed;
  }
}
