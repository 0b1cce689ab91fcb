package org.discourseatlas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's scripts and the notebooks' Python from tests, from the project root, their
 * output streamed to the test log. {@link #notebooksPython()} is the virtualenv notebooks/setup.sh
 * makes (once per test JVM), the one notebooks/run.sh runs the notebooks with.
 */
public final class Scripts {
  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
  private static final int TAIL_LINES = 60;
  private static Path python;

  private Scripts() {}

  /** What a process printed (its last lines, stdout and stderr together) and how it ended. */
  public record Outcome(int exitCode, String tail) {}

  /** {@code bash command...} from the project root. */
  public static Outcome bash(Duration timeout, String... command) {
    List<String> argv = new ArrayList<>(List.of("bash"));
    argv.addAll(List.of(command));
    return run(timeout, argv);
  }

  /**
   * The notebooks' virtualenv Python, after notebooks/setup.sh made it (or found it up to date).
   */
  public static synchronized Path notebooksPython() {
    if (python == null) {
      Outcome setup = bash(SETUP_TIMEOUT, "notebooks/setup.sh");
      assertEquals(0, setup.exitCode(), "notebooks/setup.sh failed:\n" + setup.tail());
      String venv = System.getenv("ATLAS_NOTEBOOKS_VENV");
      python =
          Path.of(venv != null && !venv.isEmpty() ? venv : "target/notebooks-venv")
              .toAbsolutePath()
              .resolve("bin/python");
    }
    return python;
  }

  /** Runs a command from the project root; fails the test when it outlives {@code timeout}. */
  public static Outcome run(Duration timeout, List<String> argv) {
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Deque<String> tail = new ArrayDeque<>();
    String name =
        Path.of(argv.get(0).equals("bash") && argv.size() > 1 ? argv.get(1) : argv.get(0))
            .getFileName()
            .toString();
    try {
      Process process = builder.start();
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    System.out.println("[" + name + "] " + line);
                    synchronized (tail) {
                      tail.addLast(line);
                      if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                      }
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              name + "-output");
      pump.setDaemon(true);
      pump.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail(String.join(" ", argv) + " did not finish within " + timeout);
      }
      pump.join(TimeUnit.SECONDS.toMillis(10));
      synchronized (tail) {
        return new Outcome(process.exitValue(), String.join("\n", tail));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
