package org.discourseatlas.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns one benchmark run's figures into the printed summary and {@code docs/benchmarks.md}: the
 * floors ({@link Floors}' JSON), the two job runs (local[1] and local[2]; their wall time as
 * jobs/benchmark.sh measured it and their manifests, which hold each stage's time, records and
 * heap), and the machine.
 *
 * <p>{@code BenchmarkReport RESULTS_DIR MARKDOWN_OUT [COMMIT]}; RESULTS_DIR holds wordcount-N.json,
 * tokenize-N.json, sentiment-N.json and job-N.json for N = 1 and 2.
 */
public final class BenchmarkReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The probes' result files: probe-before-PART.json, probe-after-PART.json. */
  private static final String PROBE_PREFIX = "probe-";

  /**
   * Above this spread (most over least CPU seconds) of the probes the report says the host's speed
   * moved. Between benchmarks the same floor has agreed within 3% of CPU (tokenize: 208.7 s at
   * a7ff217, 202.2 s at fc3a413) and, in a slowed hour, took 18% more (sentiment: 579.2 s, 684.6
   * s).
   */
  static final double HOST_DRIFT_LIMIT = 1.10;

  /**
   * Ingest through keyness (and the collocations that follow it): the stages the tokenize floor
   * bounds.
   */
  static final Set<String> LEXICAL_STAGES =
      Set.of(
          "list inputs",
          "read",
          "boilerplate",
          "new inputs",
          "documents",
          "turns",
          "sentences+zones",
          "document counts",
          "term_frequencies",
          "keyness",
          "collocations+kwic");

  static final String SENTIMENT_STAGE = "sentiment";
  static final double MB = 1e6;

  private final Path results;
  private final StringBuilder md = new StringBuilder();

  private BenchmarkReport(Path results) {
    this.results = results;
  }

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("refresh")) {
      // Only the refresh section, put into an existing report (the other parts not rerun).
      Path results = Path.of(args[1]);
      Path markdown = Path.of(args[2]);
      String section = new BenchmarkReport(results).refreshSection();
      String existing =
          Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
      Files.writeString(markdown, withSection(existing, section), StandardCharsets.UTF_8);
      System.out.println(section);
      System.out.println("written to " + markdown);
      return;
    }
    Path results = Path.of(args[0]);
    Path markdown = Path.of(args[1]);
    String commit = args.length > 2 ? args[2] : "unknown";
    String text = new BenchmarkReport(results).render(commit);
    Files.writeString(markdown, text, StandardCharsets.UTF_8);
    System.out.println(text);
    System.out.println("written to " + markdown);
  }

  String render(String commit) throws IOException {
    Map<String, Object> words = result("wordcount-2");
    Map<String, Object> tok1 = result("tokenize-1");
    Map<String, Object> tok2 = result("tokenize-2");
    // The local[1] parts only serve the scaling ratio; without them that row says so.
    Map<String, Object> sent1 = optionalResult("sentiment-1");
    Map<String, Object> sent2 = result("sentiment-2");
    Map<String, Object> job1 = optionalResult("job-1");
    Map<String, Object> job2 = result("job-2");
    Map<String, Object> manifest2 = manifest(job2);
    Map<String, Object> manifest1 = job1.isEmpty() ? Map.of() : manifest(job1);
    Map<String, Object> counts = map(manifest2.get("input_counts"));
    List<Map<String, Object>> stages2 = stages(manifest2);
    Map<String, Double> seconds1 = new LinkedHashMap<>();
    if (!manifest1.isEmpty()) {
      stages(manifest1).forEach(s -> seconds1.put(str(s.get("stage")), num(s.get("seconds"))));
    }

    double corpusMb = num(tok2.get("bytes")) / MB;
    double documents = num(counts.get("documents"));
    double sentences =
        stages2.stream()
            .filter(s -> "sentences+zones".equals(s.get("stage")))
            .mapToDouble(s -> num(s.get("records_out")))
            .findFirst()
            .orElse(Double.NaN);
    Map<String, Object> sentimentStage =
        stages2.stream()
            .filter(s -> SENTIMENT_STAGE.equals(s.get("stage")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no sentiment stage in the manifest"));
    double scored = num(sentimentStage.get("records_out"));

    line("# Benchmark: the whole job on the UN General Debate corpus");
    line("");
    line(
        "Written by `jobs/benchmark.sh` ("
            + Machine.today()
            + ", commit "
            + commit
            + "). One run: every figure");
    line(
        "below comes from the same invocation, so compare them as ratios; the machine is shared and");
    line("absolute times move between runs.");
    line("");
    line("## Machine");
    line("");
    Machine.describe().forEach((k, v) -> line("- " + k + ": " + v));
    Map<String, Object> versions = map(manifest2.get("versions"));
    line(
        "- Spark "
            + versions.get("spark")
            + ", CoreNLP "
            + versions.get("corenlp")
            + ", sentiment parser `"
            + sent2.get("parser")
            + "`");
    line(
        "- Job JVM heap ceiling (-Xmx): "
            + fmt0(num(map(manifest2.get("driver_jvm")).get("heap_max_mb")))
            + " MB"
            + " (`ATLAS_DRIVER_MEMORY`); floors ran with "
            + fmt0(num(tok2.get("heap_max_mb")))
            + " MB");
    line("");
    line("## Corpus");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "%s files, %.1f MB; %s records = %s documents + %s duplicates + %s rejects;"
                + " %s sentences, %s of them scored for sentiment (in a zone window, under the token cap).",
            fmt0(num(counts.get("input_files"))),
            corpusMb,
            fmt0(num(counts.get("records"))),
            fmt0(documents),
            fmt0(num(counts.get("duplicates"))),
            fmt0(num(counts.get("rejects"))),
            fmt0(sentences),
            fmt0(scored)));
    line("");
    line("## Stages of the job, local[2] (local[1] time beside it)");
    line("");
    line("Throughput is the whole corpus over the stage's time (MB of input, analysed documents,");
    line(
        "sentences); \"out/s\" is the stage's own output. Heap: peak used (sum of the heap pools'");
    line(
        "peaks) and \"live\" (largest heap right after a collection; G1 leaves old garbage until it needs");
    line(
        "the room, so an upper bound of what is live) during the stage, in the one local-mode JVM that");
    line("holds the driver and the executor threads.");
    line("");
    line(
        "| stage | records in | records out | s local[2] | s local[1] | MB/s | docs/s | sentences/s | out/s | heap peak MB | heap live MB |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    double stageSum = 0;
    double lexical = 0;
    double lexical1 = 0;
    long heapLive = 0;
    long heapPeak = 0;
    for (Map<String, Object> s : stages2) {
      String name = str(s.get("stage"));
      double sec = num(s.get("seconds"));
      stageSum += sec;
      if (LEXICAL_STAGES.contains(name)) {
        lexical += sec;
        lexical1 += seconds1.getOrDefault(name, Double.NaN);
      }
      heapLive = Math.max(heapLive, (long) num(s.get("heap_peak_live_mb")));
      heapPeak = Math.max(heapPeak, (long) num(s.get("heap_peak_used_mb")));
      line(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s %s | %.1f | %s | %.2f | %.1f | %.0f | %.1f | %s | %s |",
              name,
              fmt0(num(s.get("records_in"))),
              fmt0(num(s.get("records_out"))),
              s.get("out_unit"),
              sec,
              secondsOrDash(seconds1.getOrDefault(name, Double.NaN)),
              corpusMb / sec,
              documents / sec,
              sentences / sec,
              num(s.get("records_out")) / sec,
              fmt0(num(s.get("heap_peak_used_mb"))),
              fmt0(num(s.get("heap_peak_live_mb")))));
    }
    double jobWall2 = num(job2.get("seconds"));
    double jobWall1 = num(job1.get("seconds"));
    line(
        String.format(
            Locale.ROOT,
            "| **sum of stages** | | | %.1f | %s | %.2f | %.1f | %.0f | | %s | %s |",
            stageSum,
            seconds1.isEmpty()
                ? "-"
                : secondsOrDash(seconds1.values().stream().mapToDouble(Double::doubleValue).sum()),
            corpusMb / stageSum,
            documents / stageSum,
            sentences / stageSum,
            fmt0(heapPeak),
            fmt0(heapLive)));
    line(
        String.format(
            Locale.ROOT,
            "| **wall, spark-submit to exit** | | | %.1f | %s | %.2f | %.1f | %.0f | | | |",
            jobWall2,
            secondsOrDash(jobWall1),
            corpusMb / jobWall2,
            documents / jobWall2,
            sentences / jobWall2));
    line("");
    Map<String, Object> jvm2 = map(manifest2.get("driver_jvm"));
    line(
        "Whole run, local[2]: peak live heap "
            + fmt0(num(jvm2.get("heap_peak_live_mb")))
            + " MB"
            + (jvm2.containsKey("peak_resident_mb")
                ? ", peak resident set " + fmt0(num(jvm2.get("peak_resident_mb"))) + " MB"
                : "")
            + (manifest1.isEmpty()
                ? ". local[1]: not run."
                : ". local[1]: peak live heap "
                    + fmt0(num(map(manifest1.get("driver_jvm")).get("heap_peak_live_mb")))
                    + " MB."));
    line("");
    slotUseSection(stages2, 2);

    line("## Floors (plain Java and plain CoreNLP, one JVM, no Spark)");
    line("");
    line("| floor | threads | seconds | process CPU s | rate |");
    line("|---|---:|---:|---:|---|");
    floorRow(
        words,
        String.format(
            Locale.ROOT,
            "%.1f MB/s, %s words",
            corpusMb / num(words.get("seconds")),
            fmt0(num(words.get("words")))));
    for (Map<String, Object> tok : List.of(tok1, tok2)) {
      floorRow(
          tok,
          String.format(
              Locale.ROOT,
              "%.2f MB/s, %.0f sentences/s",
              corpusMb / num(tok.get("seconds")),
              num(tok.get("sentences")) / num(tok.get("seconds"))));
    }
    for (Map<String, Object> sent : sent1.isEmpty() ? List.of(sent2) : List.of(sent1, sent2)) {
      floorRow(
          sent,
          String.format(
              Locale.ROOT,
              "%.1f sentences/s over %s sentences",
              num(sent.get("sentences")) / num(sent.get("seconds")),
              fmt0(num(sent.get("sentences")))));
    }
    line("");

    hostSpeedSection();

    double tokFloor = num(tok2.get("seconds"));
    double sentFloor = num(sent2.get("seconds"));
    double lexicalRatio = lexical / tokFloor;
    double stageRate = scored / num(sentimentStage.get("seconds"));
    double plainRate = num(sent2.get("sentences")) / sentFloor;
    double sentimentRatio = stageRate / plainRate;
    double wholeRatio = jobWall2 / (tokFloor + sentFloor);
    double jobSpeedup = jobWall1 / jobWall2;
    double plainSpeedup =
        (num(tok1.get("seconds")) + num(sent1.get("seconds"))) / (tokFloor + sentFloor);
    double scalingRatio = jobSpeedup / plainSpeedup;
    double executorHeapGb = heapLive / 1024.0;

    line("## Ratios against the targets");
    line("");
    line("| measure | value | target | met |");
    line("|---|---:|---|---|");
    target(
        String.format(
            Locale.ROOT,
            "lexical stages (%.1f s) / CoreNLP tokenize+ssplit (%.1f s), 2 threads",
            lexical,
            tokFloor),
        lexicalRatio,
        "<= 3.0",
        lexicalRatio <= 3.0);
    target(
        String.format(
            Locale.ROOT,
            "sentiment stage rate (%.1f/s) / plain CoreNLP (%.1f/s), same sentences, 2 threads",
            stageRate,
            plainRate),
        sentimentRatio,
        ">= 0.9",
        sentimentRatio >= 0.9);
    target(
        String.format(
            Locale.ROOT,
            "whole job wall (%.1f s) / (tokenize %.1f s + sentiment %.1f s)",
            jobWall2,
            tokFloor,
            sentFloor),
        wholeRatio,
        "<= 2.0",
        wholeRatio <= 2.0);
    if (job1.isEmpty() || sent1.isEmpty()) {
      line(
          "| job speed-up local[1]/local[2] / plain CoreNLP 1/2 threads: not measured (`job 1` or"
              + " the 1-thread sentiment floor not run) | | >= 0.9 | not measured |");
    } else {
      target(
          String.format(
              Locale.ROOT,
              "job speed-up local[1]/local[2] (%.2f) / plain CoreNLP 1/2 threads (%.2f)",
              jobSpeedup,
              plainSpeedup),
          scalingRatio,
          ">= 0.9",
          scalingRatio >= 0.9);
    }
    Path clusterResult = results.resolve("job-cluster.json");
    Map<String, Object> cluster = Files.exists(clusterResult) ? result("job-cluster") : null;
    if (cluster != null && cluster.containsKey("failed_exit")) {
      target(
          String.format(
              Locale.ROOT,
              "standalone run with driver -Xmx%s and executor -Xmx%s: failed, exit %s after %.1f s",
              cluster.get("driver_heap"),
              cluster.get("executor_heap"),
              cluster.get("failed_exit"),
              num(cluster.get("seconds"))),
          Double.NaN,
          "completes",
          false);
    } else if (cluster != null) {
      Map<String, Object> driver = map(manifest(cluster).get("driver_jvm"));
      double driverGb = num(driver.get("heap_peak_live_mb")) / 1024.0;
      double executorGb = num(cluster.get("executor_heap_peak_after_gc_mb")) / 1024.0;
      // A lost executor (exit 52 is Spark's OutOfMemoryError) means the heap was not enough, even
      // though the job recovered by recomputing on a new one.
      List<String> lost = lostExecutors(clusterLog(cluster));
      target(
          String.format(
              Locale.ROOT,
              "driver heap after GC, GB (standalone run, -Xmx%s, completed in %.1f s)",
              cluster.get("driver_heap"),
              num(cluster.get("seconds"))),
          driverGb,
          "<= 1",
          driverGb <= 1);
      target(
          String.format(
              Locale.ROOT,
              "executor heap after GC, GB (same run, -Xmx%s, 2 cores; peak used %.2f GB;"
                  + " executors lost: %d%s)",
              cluster.get("executor_heap"),
              num(cluster.get("executor_heap_peak_used_mb")) / 1024.0,
              lost.size(),
              lost.isEmpty() ? "" : ", " + String.join("; ", lost)),
          executorGb,
          "no executor lost",
          lost.isEmpty());
    }
    target(
        "local-mode JVM heap after GC, GB (driver and executor threads in one heap; an upper bound of live)",
        executorHeapGb,
        "<= 3 (executor + driver together)",
        executorHeapGb <= 3);
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Also: lexical stages / word-count floor (%.1f s, 2 threads) = %.1f; lexical stages"
                + " local[1]/local[2] = %s; CoreNLP tokenize 1/2 threads = %s; sentiment 1/2 threads = %s.",
            num(words.get("seconds")),
            lexical / num(words.get("seconds")),
            ratioOrNotRun(lexical1 / lexical),
            ratioOrNotRun(num(tok1.get("seconds")) / tokFloor),
            ratioOrNotRun(num(sent1.get("seconds")) / sentFloor)));
    // Stage names are the job's log labels: a renamed stage would silently leave the lexical sum.
    Set<String> absent = new java.util.TreeSet<>(LEXICAL_STAGES);
    stages2.forEach(st -> absent.remove(str(st.get("stage"))));
    if (!absent.isEmpty()) {
      line(
          "Lexical stages absent from this run's manifest (not in the sum): "
              + String.join(", ", absent)
              + ".");
    }
    line("");
    if (Files.exists(results.resolve(REFRESH + ".json"))) {
      md.append(refreshSection());
    }
    Path notes = results.resolve("notes.md");
    if (Files.exists(notes)) {
      md.append(Files.readString(notes, StandardCharsets.UTF_8));
    }
    return md.toString();
  }

  static final String REFRESH = "refresh";
  static final String REFRESH_HEADING = "## Monthly refresh: 1% new documents";

  /** The budget: a refresh adding 1% costs at most this share of a full run. */
  static final double REFRESH_BUDGET = 0.20;

  /**
   * The refresh part: wall time of the refresh against the full run over the same inputs, per stage
   * from their manifests, and whether every table came out equal.
   */
  String refreshSection() throws IOException {
    Map<String, Object> refresh = result(REFRESH);
    Map<String, Object> refreshed = manifest(Map.of("output", refresh.get("refresh_output")));
    Map<String, Object> full = manifest(Map.of("output", refresh.get("full_output")));
    double ratio = num(refresh.get("refresh_seconds")) / num(refresh.get("full_seconds"));
    // Results written before ATLAS_BENCH_REFRESH_EVERY held back every 100th file.
    double every = refresh.containsKey("refresh_every") ? num(refresh.get("refresh_every")) : 100;
    Map<String, Object> counts = map(refreshed.get("input_counts"));
    Map<String, Object> fullCounts = map(full.get("input_counts"));
    StringBuilder out = new StringBuilder();
    java.util.function.Consumer<String> add = text -> out.append(text).append('\n');
    add.accept(REFRESH_HEADING);
    add.accept("");
    add.accept(
        String.format(
            Locale.ROOT,
            "`jobs/benchmark.sh refresh` (commit %s, heap %s): %s files held back (every %sth by path, %s new); the rest as"
                + " snapshot 2026-10 in %.1f s. Snapshot 2026-11 with them added, as a refresh of 2026-10 and, into a copy"
                + " of that output, as a full run (`--full`; the topic model is reused in both, as a monthly run reuses it).",
            refresh.get("commit"),
            refresh.get("heap"),
            fmt0(num(refresh.get("held_files"))),
            fmt0(every),
            String.format(Locale.ROOT, "%.0f%%", 100.0 / every),
            num(refresh.get("base_seconds"))));
    add.accept("");
    String rounds = roundsLine(refresh);
    if (!rounds.isEmpty()) {
      add.accept(rounds);
      add.accept("");
    }
    add.accept("| | refresh | full run |");
    add.accept("|---|---:|---:|");
    add.accept(
        String.format(
            Locale.ROOT,
            "| wall time, s (JVM start included) | %.1f | %.1f |",
            num(refresh.get("refresh_seconds")),
            num(refresh.get("full_seconds"))));
    add.accept(
        String.format(
            Locale.ROOT,
            "| input files read (of %s) | %s | %s |",
            fmt0(num(counts.get("input_files"))),
            fmt0(filesRead(counts)),
            fmt0(filesRead(fullCounts))));
    add.accept(
        String.format(
            Locale.ROOT,
            "| sentences parsed for sentiment | %s | %s |",
            fmt0(num(counts.get("sentences_parsed_for_sentiment"))),
            fmt0(num(fullCounts.get("sentences_parsed_for_sentiment")))));
    Map<String, Double> fullStages = new LinkedHashMap<>();
    stages(full)
        .forEach(st -> fullStages.merge(str(st.get("stage")), num(st.get("seconds")), Double::sum));
    Map<String, Double> refreshStages = new LinkedHashMap<>();
    stages(refreshed)
        .forEach(
            st -> refreshStages.merge(str(st.get("stage")), num(st.get("seconds")), Double::sum));
    java.util.Set<String> names = new java.util.LinkedHashSet<>(fullStages.keySet());
    names.addAll(refreshStages.keySet());
    for (String stage : names) {
      add.accept(
          String.format(
              Locale.ROOT,
              "| stage %s, s | %.1f | %.1f |",
              stage,
              refreshStages.getOrDefault(stage, 0.0),
              fullStages.getOrDefault(stage, 0.0)));
    }
    add.accept("");
    boolean equal = Boolean.TRUE.equals(refresh.get("tables_equal"));
    add.accept("| measure | value | target | met |");
    add.accept("|---|---|---|---|");
    add.accept(
        String.format(
            Locale.ROOT,
            "| refresh / full run, wall time | %.3f | <= %.2f | %s |",
            ratio,
            REFRESH_BUDGET,
            ratio <= REFRESH_BUDGET ? "yes" : "**no**"));
    add.accept(
        "| every table of 2026-11 equal (refresh vs full, relative 1e-9) | "
            + (equal ? "yes" : "no")
            + " | identical aggregates | "
            + (equal ? "yes" : "**no**")
            + " |");
    Path tables = results.resolve("refresh-tables.json");
    if (!equal && Files.exists(tables)) {
      Map<String, Object> found =
          JSON.readValue(tables.toFile(), new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) found.get("tables");
      for (Map<String, Object> row : rows) {
        if (!Boolean.TRUE.equals(row.get("equal"))) {
          add.accept("- " + row.get("table") + " differs: " + row.get("mismatches"));
        }
      }
    }
    add.accept("");
    Path notes = results.resolve("refresh-notes.md");
    if (Files.exists(notes)) {
      out.append(Files.readString(notes, StandardCharsets.UTF_8).strip()).append("\n\n");
    }
    return out.toString();
  }

  /**
   * The runs in the order they were timed (round 1 refresh then full, round 2 full then refresh,
   * and so on) and each round's ratio; empty for a result of one pair without its run lists.
   */
  static String roundsLine(Map<String, Object> refresh) {
    if (!(refresh.get("refresh_runs") instanceof List<?> refreshRuns)
        || !(refresh.get("full_runs") instanceof List<?> fullRuns)
        || refreshRuns.size() != fullRuns.size()
        || refreshRuns.size() < 2) {
      return "";
    }
    List<String> order = new ArrayList<>();
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    for (int round = 0; round < refreshRuns.size(); round++) {
      String refreshed = String.format(Locale.ROOT, "refresh %.1f s", num(refreshRuns.get(round)));
      String full = String.format(Locale.ROOT, "full %.1f s", num(fullRuns.get(round)));
      // Odd rounds (1, 3, ...) time the refresh first, even rounds the full run first.
      order.addAll(round % 2 == 0 ? List.of(refreshed, full) : List.of(full, refreshed));
      double ratio = num(refreshRuns.get(round)) / num(fullRuns.get(round));
      lowest = Math.min(lowest, ratio);
      highest = Math.max(highest, ratio);
    }
    return String.format(
        Locale.ROOT,
        "Timed in this order, each after a host probe: %s. The table gives the means; the ratio"
            + " within one round spans %.3f to %.3f.",
        String.join(", ", order),
        lowest,
        highest);
  }

  /**
   * The report with its refresh section replaced (from its heading to the next "## "), or added at
   * the end.
   */
  /**
   * Per stage of the local[threads] run, how busy its task slots were (from the run's Spark event
   * log, results/events-THREADS; the section is left out when there is none).
   */
  private void slotUseSection(List<Map<String, Object>> stages, int threads) throws IOException {
    Path events = results.resolve("events-" + threads);
    if (!Files.isDirectory(events)) {
      return;
    }
    Map<String, SlotUse.Usage> usage = SlotUse.perStage(events);
    line("## Task slots per stage, local[" + threads + "]");
    line("");
    line(
        "From the run's Spark event log: the tasks of each stage's Spark jobs, their summed run time");
    line(
        "and executor CPU time over "
            + threads
            + " slots x the stage's wall time. Under 1: slots idle (too few");
    line(
        "tasks, one long task left alone, the driver working between jobs); CPU under run time: tasks");
    line(
        "waiting (shuffle reads, the collector's pauses) or off the cores while the JVM's other threads");
    line(
        "run. JVM CPU share: all of the job JVM's threads (tasks, driver, JIT compilers, collector)");
    line(
        "over the same cores x wall; JIT and pause seconds from its management beans (the manifest).");
    line("");
    line(
        "| stage | s | tasks | longest task s | slot-busy share | task CPU share | JVM CPU share | JIT s | GC pauses s |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    double wall = 0;
    double jvmCpuAll = 0;
    SlotUse.Usage all = new SlotUse.Usage(0, 0, 0, 0);
    for (Map<String, Object> s : stages) {
      String name = str(s.get("stage"));
      double sec = num(s.get("seconds"));
      SlotUse.Usage u = usage.getOrDefault(name, new SlotUse.Usage(0, 0, 0, 0));
      wall += sec;
      all = all.plus(u);
      // NaN (a manifest from before the field) and -1 (the JVM could not tell) are both unknown.
      double jvmCpu = num(s.get("jvm_cpu_seconds"));
      boolean jvmCpuKnown = jvmCpu >= 0;
      jvmCpuAll += jvmCpuKnown ? jvmCpu : 0;
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s | %.1f | %.2f | %.2f | %s | %s | %s |",
              name,
              sec,
              fmt0(u.tasks()),
              u.longestTaskSeconds(),
              u.slotShare(sec, threads),
              u.cpuShare(sec, threads),
              jvmCpuKnown ? String.format(Locale.ROOT, "%.2f", jvmCpu / (threads * sec)) : "-",
              secondsOrDash(s.get("jit_seconds")),
              secondsOrDash(s.get("gc_pause_seconds"))));
    }
    line(
        String.format(
            Locale.ROOT,
            "| **all stages** | %.1f | %s | %.1f | %.2f | %.2f | %s | | |",
            wall,
            fmt0(all.tasks()),
            all.longestTaskSeconds(),
            all.slotShare(wall, threads),
            all.cpuShare(wall, threads),
            jvmCpuAll > 0
                ? String.format(Locale.ROOT, "%.2f", jvmCpuAll / (threads * wall))
                : "-"));
    line("");
  }

  /**
   * A seconds figure, or "-" when it is unknown: a part not run or a manifest that predates the
   * field (NaN), or a JVM that could not tell (-1).
   */
  private static String secondsOrDash(Object value) {
    if (!(num(value) >= 0)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f", num(value));
  }

  static String withSection(String report, String section) {
    int start = report.indexOf(REFRESH_HEADING);
    if (start < 0) {
      return report + (report.isEmpty() || report.endsWith("\n\n") ? "" : "\n") + section;
    }
    int end = report.indexOf("\n## ", start + REFRESH_HEADING.length());
    return report.substring(0, start) + section + (end < 0 ? "" : report.substring(end + 1));
  }

  /** The standalone run's driver log: named in its result, or beside the results folder. */
  private Path clusterLog(Map<String, Object> cluster) {
    Object log = cluster.get("log");
    return log != null
        ? Path.of(str(log))
        : results.toAbsolutePath().getParent().resolve("job-cluster.log");
  }

  /** Spark's "Lost executor N on HOST: REASON" lines of a driver log, reason only. */
  static List<String> lostExecutors(Path driverLog) throws IOException {
    List<String> lost = new ArrayList<>();
    if (!Files.exists(driverLog)) {
      return lost;
    }
    Matcher m = LOST_EXECUTOR.matcher(Files.readString(driverLog, StandardCharsets.ISO_8859_1));
    while (m.find()) {
      lost.add("executor " + m.group(1) + ": " + m.group(2).trim());
    }
    return lost;
  }

  private static final Pattern LOST_EXECUTOR =
      Pattern.compile("ERROR TaskSchedulerImpl: Lost executor (\\S+) on \\S+: ([^\\n\\[]*)");

  /**
   * The probes ({@link Floors#probe}: one slice of the corpus tokenized before and after each part)
   * in the order they ran. On a steady host their CPU seconds agree; more CPU for the same work
   * means the cores ran slower while that part ran, and a ratio between parts carries it.
   */
  private void hostSpeedSection() throws IOException {
    List<Map<String, Object>> probes = new ArrayList<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith(PROBE_PREFIX))
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .toList()) {
        probes.add(JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {}));
      }
    }
    if (probes.isEmpty()) {
      return;
    }
    probes.sort(Comparator.comparing(p -> str(p.get("finished_at"))));
    double first = num(probes.get(0).get("cpu_seconds"));
    double least = Double.MAX_VALUE;
    double most = 0;
    line("## Host speed during the run");
    line("");
    line(
        "The same slice of the corpus (every "
            + Floors.PROBE_STRIDE
            + "th file) tokenized by plain CoreNLP before and after each part");
    line(
        "(`Floors probe`, 2 threads). The work is the same each time: more CPU seconds for it mean the");
    line("host's cores ran slower (other tenants on a shared machine), not the code.");
    line("");
    line("| probe | finished (UTC) | seconds | process CPU s | CPU / first probe |");
    line("|---|---|---:|---:|---:|");
    for (Map<String, Object> probe : probes) {
      double cpu = num(probe.get("cpu_seconds"));
      least = Math.min(least, cpu);
      most = Math.max(most, cpu);
      line(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %.1f | %.2f |",
              probe.get("label"),
              probe.get("finished_at"),
              num(probe.get("seconds")),
              cpu,
              cpu / first));
    }
    line("");
    double spread = most / least;
    if (spread > HOST_DRIFT_LIMIT) {
      line(
          String.format(
              Locale.ROOT,
              "**The host's speed moved during this run**: the probes' CPU seconds span %.2fx (%.1f s"
                  + " to %.1f s), above %.2f. A ratio between parts that ran at different speeds"
                  + " carries that error: read the probes beside each part first.",
              spread,
              least,
              most,
              HOST_DRIFT_LIMIT));
    } else {
      line(
          String.format(
              Locale.ROOT,
              "The probes' CPU seconds span %.2fx (%.1f s to %.1f s), within %.2f: the parts ran on"
                  + " a host of steady speed, to that margin.",
              spread,
              least,
              most,
              HOST_DRIFT_LIMIT));
    }
    line("");
  }

  private void floorRow(Map<String, Object> floor, String rate) {
    line(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %.1f | %s |",
            floor.get("floor"),
            floor.get("threads"),
            num(floor.get("seconds")),
            num(floor.get("cpu_seconds")),
            rate));
  }

  private void target(String measure, double value, String target, boolean met) {
    line(
        String.format(
            Locale.ROOT,
            "| %s | %.2f | %s | %s |",
            measure,
            value,
            target,
            met ? "yes" : "**no**"));
  }

  private void line(String text) {
    md.append(text).append('\n');
  }

  /** A part's result, or empty when that part was not run. */
  private Map<String, Object> optionalResult(String name) throws IOException {
    return Files.exists(results.resolve(name + ".json")) ? result(name) : Map.of();
  }

  private Map<String, Object> result(String name) throws IOException {
    Path file = results.resolve(name + ".json");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "benchmark result missing: " + file + " (run that part of jobs/benchmark.sh)");
    }
    return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
  }

  /** The newest succeeded manifest of the job run's output. */
  private static Map<String, Object> manifest(Map<String, Object> job) throws IOException {
    Path runs = Path.of(str(job.get("output")), "_runs");
    List<Map<String, Object>> succeeded = new ArrayList<>();
    try (Stream<Path> files = Files.list(runs)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        Map<String, Object> m =
            JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
        if ("succeeded".equals(m.get("status"))) {
          succeeded.add(m);
        }
      }
    }
    return succeeded.stream()
        .max(Comparator.comparing(m -> str(m.get("finished_at"))))
        .orElseThrow(() -> new IllegalStateException("no succeeded run under " + runs));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> manifest) {
    return (List<Map<String, Object>>) manifest.get("stages");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static String str(Object value) {
    return String.valueOf(value);
  }

  private static double num(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A ratio with two decimals, or "not run" when a part it needs is missing (NaN). */
  private static String ratioOrNotRun(double ratio) {
    return Double.isNaN(ratio) ? "not run" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String fmt0(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /**
   * The input files a run read: {@code input_files_read} since the refresh state; a manifest from
   * before it has only the files not already seen (a refresh of then read every file to learn the
   * boilerplate, and analysed those).
   */
  private static double filesRead(Map<?, ?> counts) {
    Object read = counts.get("input_files_read");
    return read != null
        ? num(read)
        : num(counts.get("input_files")) - num(counts.get("input_files_already_seen"));
  }
}
