package org.discourseatlas.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.analysis.Sentiment;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.nlp.SentenceSplitter;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.schema.Columns;

/**
 * The floors the job is measured against, each timed in one JVM with a fixed number of threads and
 * no Spark on the clock:
 *
 * <ul>
 *   <li>{@code wordcount DIR THREADS OUT.json}: one pass over the files, reading and counting
 *       lowercased runs of letters;
 *   <li>{@code tokenize DIR THREADS OUT.json}: CoreNLP's tokenizer and sentence splitter alone,
 *       with the job's properties ({@link SentenceSplitter#properties()}), one file per task;
 *   <li>{@code sentiment SENTENCES_TABLE THREADS OUT.json [CONFIG]}: CoreNLP sentiment alone, with
 *       the job's properties, over exactly the sentences a job run scored (read from its sentences
 *       table before the clock starts), one sentence per task as the job scores them;
 *   <li>{@code probe DIR THREADS OUT.json LABEL}: the tokenize floor over a fixed slice of the
 *       files (every {@value #PROBE_STRIDE}th in path order), run before and after each part of the
 *       benchmark: the same work each time, so its CPU seconds say whether the shared host's speed
 *       moved between parts (a run whose sentiment floor took 18% more CPU in one hour than the
 *       tokenize floor's hour suggested had no way to show it; decision 0016).
 * </ul>
 *
 * <p>Threads are a fixed pool sharing one pipeline (StanfordCoreNLP.annotate is thread-safe); the
 * models load and one warm-up text is annotated before the clock starts. Each run writes its
 * figures as JSON for {@link BenchmarkReport} and prints one line.
 */
public final class Floors {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The probe tokenizes every this-many-th file: about 1,100 files, 20 MB of the UN corpus. */
  static final int PROBE_STRIDE = 10;

  private Floors() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: Floors wordcount|tokenize DIR THREADS OUT.json"
              + " | sentiment SENTENCES_TABLE THREADS OUT.json [CONFIG]"
              + " | probe DIR THREADS OUT.json LABEL");
      System.exit(2);
    }
    String part = args[0];
    int threads = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    Map<String, Object> result =
        switch (part) {
          case "wordcount" -> wordCount(files(Path.of(args[1])), threads);
          case "tokenize" -> tokenize(files(Path.of(args[1])), threads);
          case "sentiment" -> sentiment(args[1], threads, args.length > 4 ? args[4] : null);
          case "probe" ->
              probe(files(Path.of(args[1])), threads, args.length > 4 ? args[4] : "probe");
          default -> throw new IllegalArgumentException("unknown floor '" + part + "'");
        };
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), result);
    System.out.println("floor " + result);
  }

  /** Every regular file under the folder, in path order (the job reads the same set). */
  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static Map<String, Object> wordCount(List<Path> files, int threads) throws Exception {
    List<Map<String, Integer>> countsPerThread = new ArrayList<>();
    AtomicLong words = new AtomicLong();
    Clock clock = Clock.start();
    long bytes =
        runAll(
            files,
            threads,
            file -> {
              String text = read(file);
              Map<String, Integer> counts = new HashMap<>();
              long n = countWords(text, counts);
              words.addAndGet(n);
              synchronized (countsPerThread) {
                countsPerThread.add(counts);
              }
              return Files.size(file);
            });
    Map<String, Integer> merged = new HashMap<>();
    countsPerThread.forEach(c -> c.forEach((w, n) -> merged.merge(w, n, Integer::sum)));
    Map<String, Object> result = clock.stop("wordcount", threads);
    result.put("files", files.size());
    result.put("bytes", bytes);
    result.put("words", words.get());
    result.put("types", merged.size());
    return result;
  }

  /**
   * A file as UTF-8; malformed bytes (a few UN files have them) become U+FFFD rather than failing.
   */
  static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Counts lowercased runs of letters into counts; returns how many there were. */
  static long countWords(String text, Map<String, Integer> counts) {
    long words = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int begin = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > begin) {
        counts.merge(text.substring(begin, i).toLowerCase(Locale.ROOT), 1, Integer::sum);
        words++;
      }
    }
    return words;
  }

  static Map<String, Object> tokenize(List<Path> files, int threads) throws Exception {
    StanfordCoreNLP pipeline = new StanfordCoreNLP(SentenceSplitter.properties());
    pipeline.annotate(new Annotation("The tokenizer warms up. Before the clock starts."));
    AtomicLong sentences = new AtomicLong();
    AtomicLong tokens = new AtomicLong();
    Clock clock = Clock.start();
    long bytes =
        runAll(
            files,
            threads,
            file -> {
              Annotation document = new Annotation(read(file));
              pipeline.annotate(document);
              List<CoreMap> split = document.get(CoreAnnotations.SentencesAnnotation.class);
              sentences.addAndGet(split.size());
              tokens.addAndGet(document.get(CoreAnnotations.TokensAnnotation.class).size());
              return Files.size(file);
            });
    Map<String, Object> result = clock.stop("tokenize", threads);
    result.put("files", files.size());
    result.put("bytes", bytes);
    result.put("sentences", sentences.get());
    result.put("tokens", tokens.get());
    return result;
  }

  /** Every {@link #PROBE_STRIDE}th file, the first included: the probe's fixed slice. */
  static List<Path> probeSlice(List<Path> files) {
    List<Path> slice = new ArrayList<>();
    for (int i = 0; i < files.size(); i += PROBE_STRIDE) {
      slice.add(files.get(i));
    }
    return slice;
  }

  /** The tokenize floor over the probe's slice, labelled with the part it ran beside and when. */
  static Map<String, Object> probe(List<Path> files, int threads, String label) throws Exception {
    Map<String, Object> result = tokenize(probeSlice(files), threads);
    result.put("floor", "probe");
    result.put("label", label);
    result.put("finished_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return result;
  }

  static Map<String, Object> sentiment(String sentencesTable, int threads, String configPath)
      throws Exception {
    JobConfig config =
        configPath == null
            ? JobConfigLoader.defaults()
            : JobConfigLoader.load(new File(configPath));
    List<String> texts = scoredSentences(sentencesTable);
    SentimentScorer.Parser parser = SentimentScorer.parser(config.sentiment().parser());
    StanfordCoreNLP pipeline = new StanfordCoreNLP(SentimentScorer.properties(parser));
    pipeline.annotate(new Annotation("The models load before the clock starts."));
    AtomicLong positive = new AtomicLong();
    Clock clock = Clock.start();
    runAll(
        texts,
        threads,
        text -> {
          Annotation annotation = new Annotation(text);
          pipeline.annotate(annotation);
          // Reads the result, so the work cannot be skipped: sentences the model calls (very)
          // positive.
          for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            String label = sentence.get(SentimentCoreAnnotations.SentimentClass.class);
            if (label != null && label.toLowerCase(Locale.ROOT).contains("positive")) {
              positive.incrementAndGet();
            }
          }
          return 1;
        });
    Map<String, Object> result = clock.stop("sentiment", threads);
    result.put("sentences", texts.size());
    result.put("positive", positive.get());
    result.put("parser", config.sentiment().parser());
    return result;
  }

  /** The sentence texts a run scored, in (doc_id, sentence) order; Spark is stopped afterwards. */
  private static List<String> scoredSentences(String sentencesTable) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("discourse-atlas-floors")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      return spark
          .read()
          .parquet(sentencesTable)
          .filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED))
          .orderBy(Columns.DOC_ID, Columns.SENTENCE)
          .select(Columns.TEXT)
          .as(Encoders.STRING())
          .collectAsList();
    } finally {
      spark.stop();
    }
  }

  /** Work on one item that returns an amount (bytes, sentences) to be summed. */
  @FunctionalInterface
  interface Task<T> {
    long run(T item) throws Exception;
  }

  /**
   * Runs every item through a fixed pool of threads; returns the sum of what the tasks returned.
   */
  static <T> long runAll(List<T> items, int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> done = new ArrayList<>(items.size());
      for (T item : items) {
        done.add(pool.submit(() -> task.run(item)));
      }
      long sum = 0;
      for (Future<Long> future : done) {
        sum += future.get();
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Wall and process CPU time of a floor (CPU shows the JIT and GC threads a "1-thread" run uses
   * too).
   */
  private record Clock(long wallStart, long cpuStart) {
    static Clock start() {
      return new Clock(System.nanoTime(), cpuNanos());
    }

    Map<String, Object> stop(String floor, int threads) {
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("floor", floor);
      result.put("threads", threads);
      result.put("seconds", round(seconds));
      result.put("cpu_seconds", round(cpuSeconds));
      result.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      return result;
    }

    private static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    private static double round(double seconds) {
      return Math.round(seconds * 1000) / 1000.0;
    }
  }
}
