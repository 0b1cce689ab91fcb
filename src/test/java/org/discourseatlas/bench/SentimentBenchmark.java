package org.discourseatlas.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.analysis.Sentiment;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.schema.Columns;

/**
 * The sentiment part of the benchmark, in one run: the sentences a job scored (read from its
 * sentences table) go through the job's sentiment stage on local[threads], then through plain
 * CoreNLP (same properties, {@code annotate(Iterable, threads)}) in this JVM; both rates and their
 * ratio are printed. Models are loaded before either clock starts. The stage runs with the
 * configured {@code sentiment.model} (default diplomatic, decision 0023) and once more with {@code
 * corenlp}, which skips the diplomatic model: their ratio is what the model costs beyond the parse
 * (after one unmeasured warm-up pass, the two alternate twice and each time is the mean of two).
 * Then the stage once more with {@code actors} (NER and the dependency conversion on the same
 * parse): what the actor tables cost the sentiment stage, in the same JVM on the same sentences.
 *
 * <p>{@code SentimentBenchmark <output>/sentences/snapshot=YYYY-MM <threads> [limit]}: at most
 * {@code limit} sentences (default all).
 */
public final class SentimentBenchmark {
  private SentimentBenchmark() {}

  public static void main(String[] args) {
    String sentencesPath = args[0];
    int threads = Integer.parseInt(args[1]);
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
    SparkSession spark =
        SparkSession.builder()
            .master("local[" + threads + "]")
            .appName("discourse-atlas-sentiment-benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(threads * 4))
            .getOrCreate();
    JobConfig config = JobConfigLoader.defaults();
    SentimentScorer.Parser parser = SentimentScorer.parser(config.sentiment().parser());
    // The same sentences the job scored; tokens only feed the length cap, which they all passed.
    Dataset<Row> sentences =
        spark
            .read()
            .parquet(sentencesPath)
            .filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED))
            .select(Columns.DOC_ID, Columns.SENTENCE, Columns.TEXT, Columns.ZONES)
            .orderBy(Columns.DOC_ID, Columns.SENTENCE)
            .limit(limit)
            .withColumn(Columns.TOKENS, split(col(Columns.TEXT), " "))
            .repartition(threads * 4)
            .cache();
    long n = sentences.count();
    List<String> texts = sentences.select(Columns.TEXT).as(Encoders.STRING()).collectAsList();
    SentimentScorer.score(List.of("The models load before the clock starts."), parser);
    SentimentScorer.score(List.of("The models load before the clock starts."), parser, true);

    JobConfig.Sentiment s = config.sentiment();
    JobConfig.Sentiment corenlpModel =
        new JobConfig.Sentiment(
            s.allSentences(),
            s.parser(),
            JobConfig.Sentiment.CORENLP,
            s.maxTokens(),
            s.batchSize(),
            s.bootstrapResamples(),
            s.seed(),
            s.comparisons());
    // One unmeasured pass first: the first parse of a JVM runs CoreNLP's code cold (JIT), which
    // made whichever run came first look 2x slower. Then the two models alternate, twice each.
    long scored = stageRun(sentences, corenlpModel, false, n).scored();
    double stageSeconds = 0;
    double corenlpModelSeconds = 0;
    for (int round = 0; round < 2; round++) {
      stageSeconds += stageRun(sentences, s, false, n).seconds() / 2;
      corenlpModelSeconds += stageRun(sentences, corenlpModel, false, n).seconds() / 2;
    }
    double actorSeconds = stageRun(sentences, s, true, n).seconds();

    long start;
    StanfordCoreNLP plain = new StanfordCoreNLP(SentimentScorer.properties(parser));
    plain.annotate(new Annotation("The models load before the clock starts."));
    List<Annotation> annotations = new ArrayList<>(texts.size());
    texts.forEach(t -> annotations.add(new Annotation(t)));
    start = System.nanoTime();
    plain.annotate(annotations, threads);
    double plainSeconds = (System.nanoTime() - start) / 1e9;

    double stageRate = scored / stageSeconds;
    double plainRate = texts.size() / plainSeconds;
    System.out.printf(
        Locale.ROOT,
        "sentiment benchmark: %d sentences, %d threads, %s parser, %d cores, Java %s%n"
            + "  job sentiment stage (model %s): %8.1f s  %7.1f sentences/s%n"
            + "  stage, model corenlp:   %8.1f s  %7.1f sentences/s (rate %.2fx the stage's)%n"
            + "  plain CoreNLP:          %8.1f s  %7.1f sentences/s%n"
            + "  ratio stage / plain: %.2f%n"
            + "  stage with actors:   %8.1f s  %7.1f sentences/s (%.2fx the stage without)%n",
        n,
        threads,
        config.sentiment().parser(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        s.model(),
        stageSeconds,
        stageRate,
        corenlpModelSeconds,
        scored / corenlpModelSeconds,
        (scored / corenlpModelSeconds) / stageRate,
        plainSeconds,
        plainRate,
        stageRate / plainRate,
        actorSeconds,
        scored / actorSeconds,
        actorSeconds / stageSeconds);
    spark.stop();
  }

  private record Timed(long scored, double seconds) {}

  private static Timed stageRun(
      Dataset<Row> sentences, JobConfig.Sentiment settings, boolean actors, long n) {
    long start = System.nanoTime();
    long scored =
        Sentiment.score(sentences, settings, actors, null, null, n)
            .filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED))
            .count();
    return new Timed(scored, (System.nanoTime() - start) / 1e9);
  }
}
