package org.discourseatlas.job;

import java.io.File;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.InvalidConfigException;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.ingest.InputNotFoundException;
import org.discourseatlas.pipeline.JobOptions;
import org.discourseatlas.pipeline.MissingModelException;
import org.discourseatlas.pipeline.Pipeline;
import org.discourseatlas.pipeline.RunSummary;
import org.discourseatlas.store.OutputBusyException;
import org.discourseatlas.store.OutputRefusedException;
import org.discourseatlas.store.RunIds;
import org.discourseatlas.zones.InvalidGazetteerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Discourse Atlas batch job: {@code main} parses the options and runs the pipeline in the
 * SparkSession that spark-submit configured. Exit codes: 0 done, 2 a bad option, input, config or
 * output (one line on stderr, no stack trace), 75 another run is writing the output (one line, and
 * nothing changed), 1 a failure of the run itself.
 */
@Command(
    name = "discourse-atlas",
    mixinStandardHelpOptions = true,
    versionProvider = DiscourseAtlasJob.Version.class,
    description = {
      "Comparative discourse analysis of foreign-ministry transcripts: ingests transcripts, splits",
      "speaker turns and sentences, tags conflict zones and writes Parquet tables under",
      "<output>/<table>/snapshot=YYYY-MM/run=<run_id>/ with a run manifest under <output>/_runs/,",
      "which is what makes a run visible. A run builds on the latest earlier snapshot: only inputs",
      "not seen before are analysed (--full analyses all)."
    },
    sortOptions = false)
public final class DiscourseAtlasJob implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  /** Another run is writing the output (EX_TEMPFAIL of sysexits.h: try again later). */
  static final int EXIT_OUTPUT_BUSY = 75;

  private static final Logger LOG = LogManager.getLogger(DiscourseAtlasJob.class);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
  private static final String MAX_PLAN_STRING = "spark.sql.maxPlanStringLength";
  private static final String MAX_FIELDS = "spark.sql.debug.maxToStringFields";
  private static final String LOOPBACK = "127.0.0.1";

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Files, folders (read recursively) or globs on any Hadoop file system (file:, hdfs://, s3a://). Default: ${DEFAULT-VALUE}.",
      defaultValue = "data-sample")
  private List<String> inputs;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "Output root; created if absent; refused if it holds files but no _runs/. Default: ${DEFAULT-VALUE}.",
      defaultValue = "output")
  private String output;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A HOCON file overriding the defaults (reference.conf, key discourse-atlas).")
  private File config;

  @Option(
      names = "--snapshot",
      paramLabel = "YYYY-MM",
      description =
          "The snapshot month the tables are written as. Default: the current month (UTC).")
  private String snapshot;

  @Option(
      names = "--refit-topics",
      description =
          "Fit a new topic model even when the latest snapshot's model fits the topic settings (by default it is reused, so months stay comparable).")
  private boolean refitTopics;

  @Option(
      names = "--full",
      description =
          "Analyse every input again instead of building on the latest earlier snapshot (by default a run reuses that snapshot's documents, sentences, sentiment and topic shares and analyses only inputs not seen before).")
  private boolean full;

  @Spec private CommandSpec spec;

  /** Runs the job and exits the JVM with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the job and returns its exit code; for tests and embedding. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the job with its messages on the given writers; returns the exit code. */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new DiscourseAtlasJob());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine()
              .getErr()
              .println("discourse-atlas: " + e.getMessage() + " (see --help)");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof OutputBusyException) {
            commandLine.getErr().println("discourse-atlas: " + e.getMessage());
            return EXIT_OUTPUT_BUSY;
          }
          if (isUsageError(e)) {
            commandLine.getErr().println("discourse-atlas: " + e.getMessage());
            return EXIT_USAGE;
          }
          LOG.error("run failed", e);
          commandLine.getErr().println("discourse-atlas: run failed: " + e);
          return EXIT_FAILED;
        });
    return cli.execute(args);
  }

  private static boolean isUsageError(Exception e) {
    return e instanceof InvalidConfigException
        || e instanceof InvalidGazetteerException
        || e instanceof InputNotFoundException
        || e instanceof OutputRefusedException
        || e instanceof MissingModelException
        || e instanceof CommandLine.ParameterException;
  }

  @Override
  public Integer call() {
    String month = snapshotMonth();
    JobConfig jobConfig =
        config == null ? JobConfigLoader.defaults() : JobConfigLoader.load(config);
    JobOptions options =
        new JobOptions(List.copyOf(inputs), output, config, month, refitTopics, full);
    String runId = RunIds.next();

    // Embedded (tests, notebooks' JVMs) the caller's session is used and left running.
    boolean ownSession =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session();
    try {
      // A job in local mode runs its tasks in this JVM: once sentiment is scored, the later stages
      // get the heap CoreNLP's models held. Embedded, the caller's next run would reload them.
      RunSummary summary =
          new Pipeline(spark, options, jobConfig, runId)
              .releaseModelsAfterUse(ownSession && spark.sparkContext().isLocal())
              .run();
      LOG.info(summaryText(summary));
      return EXIT_OK;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private String snapshotMonth() {
    if (snapshot == null) {
      return YearMonth.now(ZoneOffset.UTC).format(MONTH);
    }
    try {
      return YearMonth.parse(snapshot, MONTH).format(MONTH);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--snapshot must be YYYY-MM, got '" + snapshot + "'");
    }
  }

  /** The session spark-submit configured; a plain `java` launch without a master runs locally. */
  private static SparkSession session() {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("discourse-atlas")
            .config("spark.ui.showConsoleProgress", "true");
    if (!conf.contains(MAX_PLAN_STRING)) {
      // The stages reuse cached datasets; printed in full, each plan repeats their lineage, and
      // adaptive execution prints plans for the UI: unbounded, that string outgrew a 4 GB heap.
      builder.config(MAX_PLAN_STRING, "200000");
    }
    if (!conf.contains(MAX_FIELDS)) {
      // Plans list a dataset's columns; Spark elides lists over 25 fields, and the records and
      // documents carry about 30. The limit is on one list, not on a plan's size.
      builder.config(MAX_FIELDS, "100");
    }
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    loopbackOnly(conf, builder);
    SparkSession spark = builder.getOrCreate();
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 shuffle partitions is for large clusters; a transcript corpus on a
      // few cores is faster with a few per core. An explicit --conf setting wins.
      int partitions = Math.max(4, spark.sparkContext().defaultParallelism() * 4);
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
    return spark;
  }

  /**
   * Nothing of a local run listens beyond this machine: the driver's RPC and block manager bind to
   * the loopback address, and the Spark UI, which binds to {@code SPARK_LOCAL_IP} or else to every
   * interface (Spark's WebUI.bind reads only that variable), is turned off unless that variable is
   * a loopback address (jobs/submit.sh sets it). The UI's job-killing links are off on any master.
   * An explicit --conf of any of these wins. Clusters: README, "Security on a cluster".
   */
  private static void loopbackOnly(SparkConf conf, SparkSession.Builder builder) {
    if (!conf.contains("spark.ui.killEnabled")) {
      builder.config("spark.ui.killEnabled", "false");
    }
    if (!conf.get("spark.master", "local[*]").startsWith("local")) {
      return;
    }
    for (String key : List.of("spark.driver.bindAddress", "spark.driver.host")) {
      if (!conf.contains(key)) {
        builder.config(key, LOOPBACK);
      }
    }
    String localIp = System.getenv("SPARK_LOCAL_IP");
    boolean uiOnLoopback = localIp != null && localIp.startsWith("127.");
    if (!conf.contains("spark.ui.enabled") && !uiOnLoopback) {
      LOG.info(
          "Spark UI off: it would listen on every interface; set SPARK_LOCAL_IP={} to have it on"
              + " this machine only (jobs/run.sh does)",
          LOOPBACK);
      builder.config("spark.ui.enabled", "false");
    }
  }

  static String summaryText(RunSummary s) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "run %s done: snapshot %s%n  inputs: %d files, %d records = %d documents + %d duplicates + %d rejects (%d documents without a date)%n  tables under %s:%n",
            s.runId(),
            s.snapshot(),
            s.inputFiles(),
            s.records(),
            s.documents(),
            s.duplicates(),
            s.rejects(),
            s.documentsWithoutDate(),
            s.outputRoot()));
    s.rowCounts()
        .forEach(
            (table, rows) ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "    %-18s %,10d rows  %s/snapshot=%s/run=%s%n",
                        table,
                        rows,
                        table,
                        s.snapshot(),
                        s.runId())));
    text.append("  manifest: ")
        .append(s.outputRoot())
        .append("/_runs/")
        .append(s.runId())
        .append(".json");
    return text.toString();
  }

  /** --version: the application, Spark and CoreNLP versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      java.util.Properties props = new java.util.Properties();
      try (java.io.InputStream in =
          Version.class.getResourceAsStream("/discourse-atlas-version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {
        "discourse-atlas "
            + props.getProperty("version", "unknown")
            + " (Spark "
            + props.getProperty("spark", "?")
            + ", CoreNLP "
            + props.getProperty("corenlp", "?")
            + ")"
      };
    }
  }
}
