package org.discourseatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {
  /** A manifest as the job writes it, with the stages that matter to the ratios. */
  private static String manifest(
      double read, double sentences, double sentiment, double termFrequencies, double topics) {
    return """
        {"run_id": "r1", "status": "succeeded", "finished_at": "2026-11-28T03:00:00Z",
         "versions": {"spark": "4.2.0", "corenlp": "4.5.10"},
         "input_counts": {"input_files": 10961, "records": 10961, "documents": 10951, "duplicates": 1, "rejects": 9},
         "driver_jvm": {"heap_max_mb": 4096, "heap_peak_live_mb": 2100, "peak_resident_mb": 4500},
         "stages": [
          {"stage": "read", "records_in": 10961, "records_out": 10961, "out_unit": "records", "seconds": %s,
           "heap_peak_used_mb": 900, "heap_peak_live_mb": 400},
          {"stage": "sentences+zones", "records_in": 11084, "records_out": 1500000, "out_unit": "sentences",
           "seconds": %s, "heap_peak_used_mb": 2000, "heap_peak_live_mb": 1200},
          {"stage": "sentiment", "records_in": 1500000, "records_out": 57000, "out_unit": "scored", "seconds": %s,
           "heap_peak_used_mb": 3000, "heap_peak_live_mb": 2100,
           "jvm_cpu_seconds": 1080, "gc_pause_seconds": 12.5, "jit_seconds": 40},
          {"stage": "term_frequencies", "records_in": 1500000, "records_out": 900000, "out_unit": "rows",
           "seconds": %s, "heap_peak_used_mb": 3500, "heap_peak_live_mb": 1900},
          {"stage": "topic model", "records_in": 11084, "records_out": 11078, "out_unit": "units", "seconds": %s,
           "heap_peak_used_mb": 3600, "heap_peak_live_mb": 2000}
         ]}
        """
        .formatted(read, sentences, sentiment, termFrequencies, topics);
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /**
   * The local[2] job, the floors but the 1-thread sentiment one: every part but the local[1] ones.
   */
  private static void writeTwoThreadParts(Path dir, Path results) throws Exception {
    write(dir.resolve("out-local2/_runs/r1.json"), manifest(30, 50, 600, 100, 120));
    write(
        results.resolve("job-2.json"),
        "{\"floor\": \"job\", \"threads\": 2, \"seconds\": 1000, \"output\": \""
            + dir.resolve("out-local2")
            + "\"}");
    write(
        results.resolve("wordcount-2.json"),
        "{\"floor\": \"wordcount\", \"threads\": 2, \"seconds\": 2, \"cpu_seconds\": 3, \"words\": 33000000}");
    write(
        results.resolve("tokenize-1.json"),
        "{\"floor\": \"tokenize\", \"threads\": 1, \"seconds\": 60,"
            + " \"cpu_seconds\": 85, \"bytes\": 200000000, \"sentences\": 1320000, \"heap_max_mb\": 4096}");
    write(
        results.resolve("tokenize-2.json"),
        "{\"floor\": \"tokenize\", \"threads\": 2, \"seconds\": 40,"
            + " \"cpu_seconds\": 80, \"bytes\": 200000000, \"sentences\": 1320000, \"heap_max_mb\": 4096}");
    write(
        results.resolve("sentiment-2.json"),
        "{\"floor\": \"sentiment\", \"threads\": 2, \"seconds\": 570,"
            + " \"cpu_seconds\": 1140, \"sentences\": 57000, \"parser\": \"shift-reduce\"}");
  }

  @Test
  void ratiosFollowTheTargetsDefinitions(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("results");
    writeTwoThreadParts(dir, results);
    write(dir.resolve("out-local1/_runs/r1.json"), manifest(45, 90, 950, 160, 200));
    write(
        results.resolve("job-1.json"),
        "{\"floor\": \"job\", \"threads\": 1, \"seconds\": 1600, \"output\": \""
            + dir.resolve("out-local1")
            + "\"}");
    write(
        results.resolve("sentiment-1.json"),
        "{\"floor\": \"sentiment\", \"threads\": 1, \"seconds\": 800,"
            + " \"cpu_seconds\": 1100, \"sentences\": 57000, \"parser\": \"shift-reduce\"}");
    write(results.resolve("notes.md"), "## Notes\n\nfrom the notes file\n");

    String md = Files.readString(writeReport(results, dir.resolve("benchmarks.md")));

    // Lexical stages here: read 30 + sentences+zones 50 + term_frequencies 100 = 180 s; / 40 s =
    // 4.50.
    assertTrue(
        md.contains(
            "| lexical stages (180.0 s) / CoreNLP tokenize+ssplit (40.0 s), 2 threads | 4.50 | <= 3.0 | **no** |"),
        md);
    // Stage 57,000 / 600 s = 95/s against plain 57,000 / 570 s = 100/s: 0.95.
    assertTrue(
        md.contains(
            "| sentiment stage rate (95.0/s) / plain CoreNLP (100.0/s), same sentences, 2 threads | 0.95 | >= 0.9 | yes |"),
        md);
    // Whole job 1000 s against 40 + 570 = 610 s: 1.64.
    assertTrue(
        md.contains(
            "| whole job wall (1000.0 s) / (tokenize 40.0 s + sentiment 570.0 s) | 1.64 | <= 2.0 | yes |"),
        md);
    // Job 1600/1000 = 1.60; plain (60 + 800) / (40 + 570) = 1.4098; 1.60 / 1.4098 = 1.13.
    assertTrue(
        md.contains(
            "| job speed-up local[1]/local[2] (1.60) / plain CoreNLP 1/2 threads (1.41) | 1.13 | >= 0.9 | yes |"),
        md);
    // Per-stage throughput: 200 MB / 30 s = 6.67 MB/s; 10,951 documents / 30 s = 365.0/s; 1,500,000
    // / 30 = 50000.
    assertTrue(
        md.contains(
            "| read | 10,961 | 10,961 records | 30.0 | 45.0 | 6.67 | 365.0 | 50000 | 365.4 | 900 | 400 |"),
        md);
    // Largest heap after GC over the stages: 2,100 MB = 2.05 GB.
    assertTrue(md.contains("| 2.05 | <= 3 (executor + driver together) | yes |"), md);
    assertTrue(
        md.contains(
            "10,961 files, 200.0 MB; 10,961 records = 10,951 documents + 1 duplicates + 9 rejects"),
        md);
    // The fixture has three of the eleven lexical stages: the other eight are named, not
    // silently skipped.
    assertTrue(
        md.contains(
            "Lexical stages absent from this run's manifest (not in the sum): boilerplate,"
                + " collocations+kwic, document counts, documents, keyness, list inputs, new"
                + " inputs, turns."),
        md);
    assertTrue(md.endsWith("## Notes\n\nfrom the notes file\n"), md);
  }

  @Test
  void theSlotSectionReadsTheRunsEventLogAndTheManifestsJvmSeconds(@TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results");
    writeTwoThreadParts(dir, results);
    write(
        results.resolve("events-2/eventlog_v2_local-1/events_1_local-1"),
        String.join(
            "\n",
            "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":0,\"Stage IDs\":[4],"
                + "\"Properties\":{\"spark.jobGroup.id\":\"atlas stage sentiment\"}}",
            "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":4,\"Task Info\":"
                + "{\"Launch Time\":0,\"Finish Time\":500000},"
                + "\"Task Metrics\":{\"Executor CPU Time\":450000000000}}",
            "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":4,\"Task Info\":"
                + "{\"Launch Time\":0,\"Finish Time\":580000},"
                + "\"Task Metrics\":{\"Executor CPU Time\":510000000000}}"));

    String md = Files.readString(writeReport(results, dir.resolve("benchmarks.md")));

    // Sentiment, 600 s on 2 slots: tasks of 500 + 580 = 1,080 s busy, 0.90; 450 + 510 = 960 s of
    // CPU, 0.80; the JVM's 1,080 CPU seconds over 1,200, 0.90; JIT and pauses from the manifest.
    assertTrue(
        md.contains("| sentiment | 600.0 | 2 | 580.0 | 0.90 | 0.80 | 0.90 | 40.0 | 12.5 |"), md);
    // A stage without tasks in the log and without the JVM's figures in the manifest.
    assertTrue(md.contains("| read | 30.0 | 0 | 0.0 | 0.00 | 0.00 | - | - | - |"), md);
  }

  @Test
  void withoutTheLocal1PartsTheScalingRowSaysNotMeasured(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("results");
    writeTwoThreadParts(dir, results);

    String md = Files.readString(writeReport(results, dir.resolve("benchmarks.md")));

    // The other ratios are those of the full fixture above.
    assertTrue(
        md.contains(
            "| whole job wall (1000.0 s) / (tokenize 40.0 s + sentiment 570.0 s) | 1.64 | <= 2.0 | yes |"),
        md);
    assertTrue(md.contains(">= 0.9 | not measured |"), md);
    assertTrue(md.contains("local[1]: not run."), md);
    // The 1-thread figures in the summary line say so rather than print NaN.
    assertTrue(md.contains("lexical stages local[1]/local[2] = not run;"), md);
    assertFalse(md.contains("NaN"), md);
  }

  @Test
  void lostExecutorsAreReadFromTheDriverLog(@TempDir Path dir) throws Exception {
    // As Spark 4.2 logged it in the benchmark's standalone run, behind a console progress bar.
    Path log = dir.resolve("job-cluster.log");
    write(
        log,
        "[Stage 133:=====>   (4 + 1) / 8][Stage 129:>   (0 + 1) / 2]03:40:59 ERROR TaskSchedulerImpl:"
            + " Lost executor 0 on 127.0.0.1: Command exited with code 52\n"
            + "03:41:02 WARN  TaskSetManager: Lost task 4.0 in stage 133.0 (TID 912) (127.0.0.1 executor 0)\n");
    assertEquals(
        List.of("executor 0: Command exited with code 52"), BenchmarkReport.lostExecutors(log));
    assertEquals(List.of(), BenchmarkReport.lostExecutors(dir.resolve("absent.log")));
  }

  private static String probe(String label, String finishedAt, double seconds, double cpu) {
    return String.format(
        Locale.ROOT,
        "{\"floor\": \"probe\", \"threads\": 2, \"seconds\": %s, \"cpu_seconds\": %s,"
            + " \"files\": 1097, \"label\": \"%s\", \"finished_at\": \"%s\"}",
        seconds,
        cpu,
        label,
        finishedAt);
  }

  @Test
  void theHostSectionListsTheProbesInTheOrderTheyRanAndFlagsASpreadOver10Percent(@TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results");
    writeTwoThreadParts(dir, results);
    // File names sort otherwise (after- before before-): the order is the probes' own times.
    write(
        results.resolve("probe-before-floors.json"),
        probe("before-floors", "2026-11-28T01:00:00Z", 10.2, 20.0));
    write(
        results.resolve("probe-after-floors.json"),
        probe("after-floors", "2026-11-28T01:05:00Z", 10.4, 20.4));
    write(
        results.resolve("probe-before-sentiment-floors.json"),
        probe("before-sentiment-floors", "2026-11-28T01:30:00Z", 12.1, 23.6));

    String md = Files.readString(writeReport(results, dir.resolve("benchmarks.md")));

    int first = md.indexOf("| before-floors | 2026-11-28T01:00:00Z | 10.2 | 20.0 | 1.00 |");
    int second = md.indexOf("| after-floors | 2026-11-28T01:05:00Z | 10.4 | 20.4 | 1.02 |");
    // 23.6 / 20.0 = 1.18.
    int third =
        md.indexOf("| before-sentiment-floors | 2026-11-28T01:30:00Z | 12.1 | 23.6 | 1.18 |");
    assertTrue(first > 0 && second > first && third > second, md);
    assertTrue(
        md.contains(
            "**The host's speed moved during this run**: the probes' CPU seconds span 1.18x"
                + " (20.0 s to 23.6 s), above 1.10."),
        md);

    // The slow probe replaced by one as fast as the others: within the limit, 20.4 / 20.0 = 1.02.
    write(
        results.resolve("probe-before-sentiment-floors.json"),
        probe("before-sentiment-floors", "2026-11-28T01:30:00Z", 10.3, 20.1));
    md = Files.readString(writeReport(results, dir.resolve("benchmarks.md")));
    assertTrue(
        md.contains("The probes' CPU seconds span 1.02x (20.0 s to 20.4 s), within 1.10"), md);
    assertFalse(md.contains("The host's speed moved"), md);
  }

  /** A refresh's or full run's manifest: the counts and stages the refresh section reads. */
  private static String refreshManifest(long seen, long parsed, double read, double sentiment) {
    return """
        {"run_id": "r2", "snapshot": "2026-11", "status": "succeeded", "finished_at": "2026-11-28T05:00:00Z",
         "input_counts": {"input_files": 10961, "input_files_already_seen": %d,
                          "sentences_parsed_for_sentiment": %d},
         "stages": [{"stage": "read", "seconds": %s}, {"stage": "sentiment", "seconds": %s}]}
        """
        .formatted(seen, parsed, read, sentiment);
  }

  @Test
  void theRefreshSectionComparesTheRefreshWithTheFullRunAndReplacesItself(@TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results");
    write(dir.resolve("out-refresh/_runs/r2.json"), refreshManifest(10852, 610, 12, 9));
    write(dir.resolve("out-full/_runs/r2.json"), refreshManifest(0, 57091, 33, 180));
    write(
        results.resolve("refresh.json"),
        "{\"part\": \"refresh\", \"held_files\": 109, \"base_seconds\": 990,"
            + " \"refresh_seconds\": 150.5, \"full_seconds\": 860, \"refresh_runs\": [140.5, 160.5],"
            + " \"full_runs\": [900, 820], \"tables_equal\": true, \"refresh_output\": \""
            + dir.resolve("out-refresh")
            + "\", \"full_output\": \""
            + dir.resolve("out-full")
            + "\", \"heap\": \"4g\", \"commit\": \"abc1234\"}");
    Path markdown = dir.resolve("benchmarks.md");
    write(markdown, "# Benchmark\n\n## Ratios\n\nold ratios\n\n## Notes\n\nnotes\n");

    BenchmarkReport.main(new String[] {"refresh", results.toString(), markdown.toString()});
    BenchmarkReport.main(new String[] {"refresh", results.toString(), markdown.toString()});
    String md = Files.readString(markdown);

    // 150.5 s / 860 s = 0.175: within the 20% budget.
    assertTrue(md.contains("| refresh / full run, wall time | 0.175 | <= 0.20 | yes |"), md);
    // Round 1: refresh then full (140.5 / 900 = 0.156); round 2: full then refresh (160.5 / 820).
    assertTrue(
        md.contains(
            "Timed in this order, each after a host probe: refresh 140.5 s, full 900.0 s, full 820.0 s,"
                + " refresh 160.5 s. The table gives the means; the ratio within one round spans 0.156"
                + " to 0.196."),
        md);
    assertTrue(md.contains("| input files read (of 10,961) | 109 | 10,961 |"), md);
    assertTrue(md.contains("| sentences parsed for sentiment | 610 | 57,091 |"), md);
    assertTrue(md.contains("| stage sentiment, s | 9.0 | 180.0 |"), md);
    assertEquals(
        1,
        md.split(BenchmarkReport.REFRESH_HEADING, -1).length - 1,
        "one section after two writes");
    assertTrue(md.startsWith("# Benchmark\n\n## Ratios\n\nold ratios\n\n## Notes\n\nnotes\n"), md);
  }

  private static Path writeReport(Path results, Path markdown) throws Exception {
    BenchmarkReport.main(new String[] {results.toString(), markdown.toString(), "abc1234"});
    return markdown;
  }
}
