package org.discourseatlas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.job.DiscourseAtlasJob;

/**
 * The job's output on data-sample/ with the default configuration, run once per test JVM and shared
 * by the tests that read it (the end-to-end checks, the notebooks): the job is the slowest thing
 * the suite does. Tests read it; one that writes more runs copies it first.
 */
public final class SampleRun {
  public static final String SNAPSHOT = "2017-07";
  private static Path output;
  private static Map<String, Integer> sparkJobsByStage;
  private static List<String> warnings;

  private SampleRun() {}

  /** The output root, after the run succeeded; deleted when the JVM exits. */
  public static synchronized Path output() {
    if (output == null) {
      SparkSession spark = SharedSpark.session();
      SparkJobsByStage jobs = new SparkJobsByStage();
      spark.sparkContext().addSparkListener(jobs);
      LoggedWarnings logged = LoggedWarnings.attach();
      try {
        Path dir = Files.createTempDirectory("atlas-sample-run-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        int exit =
            DiscourseAtlasJob.execute(
                "--input",
                Corpora.dataSample().toString(),
                "--output",
                dir.toString(),
                "--snapshot",
                SNAPSHOT);
        if (exit != 0) {
          throw new IllegalStateException("the job failed on data-sample with exit code " + exit);
        }
        output = dir;
        sparkJobsByStage = jobs.byStage(spark.sparkContext());
        warnings = logged.containing("");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        spark.sparkContext().removeSparkListener(jobs);
        logged.detach();
      }
    }
    return output;
  }

  /** The Spark jobs each stage of the run started, by stage name. */
  public static synchronized Map<String, Integer> sparkJobsByStage() {
    output();
    return sparkJobsByStage;
  }

  /** Every warning logged while the job ran. */
  public static synchronized List<String> warnings() {
    output();
    return warnings;
  }

  /** A piece of the refresh state the run kept beside its models ({@code RefreshState}). */
  public static Path stateFolder(String piece) {
    Path snapshotModels = output().resolve("models").resolve("snapshot=" + SNAPSHOT);
    try (Stream<Path> runs = Files.list(snapshotModels)) {
      return runs.findFirst().orElseThrow().resolve("state").resolve(piece);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the shared output to a folder of the caller's, for tests that run the job into it again.
   */
  public static void copyTo(Path target) {
    Folders.copy(output(), target);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
