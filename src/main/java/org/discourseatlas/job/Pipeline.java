package org.discourseatlas.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.discourseatlas.analysis.DocumentStats;
import org.discourseatlas.analysis.Segmentation;
import org.discourseatlas.analysis.Sentiment;
import org.discourseatlas.analysis.Keyness;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.analysis.Mentions;
import org.discourseatlas.analysis.TermFrequencies;
import org.discourseatlas.analysis.ZoneTagging;
import org.discourseatlas.config.JobConfig;
import java.util.Set;
import org.discourseatlas.ingest.InputFiles;
import org.discourseatlas.ingest.NearDuplicates;
import org.discourseatlas.ingest.RepeatedLines;
import org.discourseatlas.ingest.TranscriptIngest;
import org.discourseatlas.io.Columns;
import org.discourseatlas.io.RunManifest;
import org.discourseatlas.io.SnapshotStore;
import org.discourseatlas.io.Table;
import org.discourseatlas.nlp.MorphaLemmatizer;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.text.Lemmatizer;
import org.discourseatlas.text.TermExtractor;
import org.discourseatlas.text.Zone;
import org.discourseatlas.text.ZoneGazetteer;
import org.discourseatlas.text.ZoneMatcher;

/** One run: reads the inputs, applies the stages in order, writes the tables and the manifest. */
final class Pipeline {
  /** Between stages, datasets that are read more than once stay in memory, spilling to disk. */
  private static final StorageLevel KEEP = StorageLevel.MEMORY_AND_DISK();

  private final SparkSession spark;
  private final JobOptions options;
  private final JobConfig config;
  private final String runId;
  private final StageLog stages = new StageLog();
  private final List<Dataset<Row>> persisted = new ArrayList<>();
  private final Map<String, Integer> learnedLinesBySource = new java.util.TreeMap<>();
  private long nearDuplicateCount;
  private long tooLongCount;

  Pipeline(SparkSession spark, JobOptions options, JobConfig config, String runId) {
    this.spark = spark;
    this.options = options;
    this.config = config;
    this.runId = runId;
  }

  RunSummary run() {
    Instant startedAt = Instant.now();
    List<String> missing = SentimentScorer.missingModels(SentimentScorer.parser(config.sentiment().parser()));
    if (!missing.isEmpty()) {
      throw new MissingModelException(
          "CoreNLP model files not on the classpath: " + missing
              + " (jobs/run.sh passes target/discourse-atlas-models.jar; with spark-submit add --jars <it>)");
    }
    SnapshotStore store =
        SnapshotStore.open(
            options.output(), options.snapshot(), runId, spark.sparkContext().hadoopConfiguration());
    ZoneGazetteer gazetteer =
        GazetteerSource.load(config.gazetteerPath(), spark.sparkContext().hadoopConfiguration());
    try {
      // Reads the inputs.
      long t = stages.start();
      Dataset<Row> listing = keep(InputFiles.list(spark, options.inputs()));
      long inputFiles = listing.count();
      stages.finish("list inputs", options.inputs().size(), inputFiles, "files", t);

      // Reads transcripts (drafts) and rejects what cannot be read.
      t = stages.start();
      Dataset<Row> read =
          keep(TranscriptIngest.read(InputFiles.read(listing, config.parser().maxFileBytes()), config.parser()));
      long records = read.count();
      stages.finish("read", inputFiles, records, "records", t);

      // Learns each source's repeated boilerplate lines from the corpus.
      t = stages.start();
      Map<String, Set<String>> repeatedLines = RepeatedLines.learn(read, config.repeatedLines());
      long learnedLines = repeatedLines.values().stream().mapToLong(Set::size).sum();
      stages.finish("boilerplate", records, learnedLines, "lines", t);
      repeatedLines.forEach((source, lines) -> {
        learnedLinesBySource.put(source, lines.size());
        StageLog.note("source '" + source + "': " + lines.size() + " repeated lines dropped as boilerplate");
      });

      // Finishes drafts into documents: turns, language; marks exact and near duplicates.
      t = stages.start();
      Dataset<Row> finished = keep(TranscriptIngest.finish(read, repeatedLines, config.parser()));
      Dataset<Row> rejects =
          keep(TranscriptIngest.rejects(read).unionByName(TranscriptIngest.rejects(finished)));
      Dataset<Row> documents =
          keep(NearDuplicates.mark(TranscriptIngest.documents(finished), config.nearDuplicates()));
      long rejectCount = rejects.count();
      long duplicates = documents.filter(col(Columns.DUPLICATE_OF).isNotNull()).count();
      long nearDuplicates =
          documents.filter(col(Columns.DUPLICATE_SIMILARITY).lt(1.0)).count();
      long analysed = documents.count() - duplicates;
      nearDuplicateCount = nearDuplicates;
      long withoutDate =
          documents.filter(col(Columns.DUPLICATE_OF).isNull().and(col(Columns.DATE).isNull())).count();
      stages.finish("documents", records, analysed, "documents", t);
      // Drafts and finished records are in documents and rejects now: free their memory.
      release(read, finished, listing);
      StageLog.note(duplicates + " duplicates (" + nearDuplicates + " near, Jaccard >= "
          + config.nearDuplicates().minJaccard() + "), " + rejectCount + " rejects, "
          + withoutDate + " documents without a date");

      // Splits speaker turns, then sentences.
      t = stages.start();
      Dataset<Row> turns = keep(Segmentation.turns(documents));
      long turnCount = turns.count();
      stages.finish("turns", analysed, turnCount, "turns", t);

      t = stages.start();
      Dataset<Row> split = Segmentation.sentences(turns);
      Dataset<Row> sentences =
          keep(ZoneTagging.tag(split, new ZoneMatcher(gazetteer), config.zoneWindow()));
      long sentenceCount = sentences.count();
      stages.finish("sentences+zones", turnCount, sentenceCount, "sentences", t);

      // Sentiment of the sentences in zone windows (or all), then per zone with intervals.
      t = stages.start();
      Dataset<Row> tagged = sentences;
      sentences = keep(Sentiment.score(tagged, config.sentiment()));
      long scored = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED)).count();
      tooLongCount = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.TOO_LONG)).count();
      release(tagged);
      stages.finish("sentiment", sentenceCount, scored, "scored", t);
      StageLog.note(tooLongCount + " sentences over sentiment.max-tokens = " + config.sentiment().maxTokens()
          + " not scored (sentiment_status = too_long)");
      t = stages.start();
      Dataset<Row> zoneSentiment = keep(Sentiment.byZone(sentences, turns, documents, config.sentiment()));
      Dataset<Row> sentimentComparisons =
          keep(Sentiment.comparisons(sentences, config.sentiment().comparisons(), config.sentiment()));
      long zoneSentimentRows = zoneSentiment.count();
      stages.finish("zone_sentiment", scored, zoneSentimentRows, "rows", t);

      // Lexical statistics: n-gram units, term frequencies, keyness, collocations, KWIC.
      JobConfig.Lexical lexical = config.lexical();
      t = stages.start();
      TermExtractor extractor =
          new TermExtractor(
              config.extraStopwords(),
              config.minTermLength(),
              multiwordExpressions(gazetteer, lexical),
              lexical.lemmas() ? new MorphaLemmatizer() : Lemmatizer.none());
      Dataset<Row> units = keep(LexicalUnits.of(sentences, turns, documents, extractor, lexical.maxNgram()));
      Dataset<Row> termFrequencies = keep(TermFrequencies.compute(units, lexical.minNgramCount()));
      long termRows = termFrequencies.count();
      stages.finish("term_frequencies", sentenceCount, termRows, "rows", t);

      t = stages.start();
      Dataset<Row> zoneCounts = keep(Keyness.zoneCounts(units));
      Dataset<Row> corpusCounts = keep(Keyness.corpusCounts(units));
      Keyness.Settings keynessSettings =
          new Keyness.Settings(lexical.alpha0(), lexical.correction(), lexical.keynessMinCount());
      Dataset<Row> keynessRows = spark.createDataFrame(List.of(), Table.KEYNESS.schema());
      if (!lexical.comparisons().isEmpty()) {
        keynessRows =
            keynessRows.unionByName(
                Keyness.compute(units, zoneCounts, corpusCounts, lexical.comparisons(), keynessSettings));
      }
      if (lexical.eachZoneVsRest()) {
        keynessRows = keynessRows.unionByName(Keyness.eachZoneVersusRest(zoneCounts, corpusCounts, keynessSettings));
      }
      Dataset<Row> keyness = keep(keynessRows);
      long keynessCount = keyness.count();
      stages.finish("keyness", lexical.comparisons().size(), keynessCount, "rows", t);

      t = stages.start();
      Dataset<Row> collocations =
          keep(Keyness.collocations(units, lexical.collocationMinCount(), lexical.collocationTop()));
      Dataset<Row> mentions = keep(Mentions.of(sentences, new ZoneMatcher(gazetteer), lexical.contextWords()));
      long collocationRows = collocations.count();
      long mentionRows = mentions.count();
      stages.finish("collocations+kwic", sentenceCount, collocationRows + mentionRows, "rows", t);

      // Writes the tables to staging, then makes them visible with the manifest.
      t = stages.start();
      store.stage(Table.DOCUMENTS, DocumentStats.withCounts(documents, sentences));
      store.stage(Table.REJECTS, rejects);
      store.stage(Table.TURNS, turns);
      store.stage(Table.SENTENCES, sentences);
      store.stage(Table.ZONE_SENTIMENT, zoneSentiment);
      store.stage(Table.ZONE_SENTIMENT_COMPARISONS, sentimentComparisons);
      store.stage(Table.TERM_FREQUENCIES, termFrequencies);
      store.stage(Table.KEYNESS, keyness);
      store.stage(Table.COLLOCATIONS, collocations);
      store.stage(Table.MENTIONS, mentions);
      Map<String, Long> rowCounts = new LinkedHashMap<>();
      store.rowCounts().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rowCounts.put(e.getKey().tableName(), e.getValue()));
      stages.finish("write", Table.values().length, rowCounts.size(), "tables", t);

      RunSummary summary =
          new RunSummary(
              runId, store.root().toString(), options.snapshot(), inputFiles, records, analysed,
              duplicates, rejectCount, withoutDate, rowCounts);
      if (records != analysed + duplicates + rejectCount) {
        throw new IllegalStateException(
            "input accounting broken: " + records + " records != " + analysed + " documents + "
                + duplicates + " duplicates + " + rejectCount + " rejects");
      }
      store.commit(manifest(summary, startedAt, rejects, store).toJson());
      return summary;
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private RunManifest manifest(RunSummary summary, Instant startedAt, Dataset<Row> rejects, SnapshotStore store) {
    Map<String, Long> rejectsByReason = new LinkedHashMap<>();
    for (Row row : rejects.groupBy(Columns.REASON).count().orderBy(Columns.REASON).collectAsList()) {
      rejectsByReason.put(row.getString(0), row.getLong(1));
    }
    Map<String, Object> inputCounts = new LinkedHashMap<>();
    inputCounts.put("input_files", summary.inputFiles());
    inputCounts.put("records", summary.records());
    inputCounts.put("documents", summary.documents());
    inputCounts.put("duplicates", summary.duplicates());
    inputCounts.put("near_duplicates", nearDuplicateCount);
    inputCounts.put("sentences_too_long_for_sentiment", tooLongCount);
    inputCounts.put("rejects", summary.rejects());
    inputCounts.put("rejects_by_reason", rejectsByReason);
    inputCounts.put("documents_without_date", summary.documentsWithoutDate());
    Map<String, String> tables = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      tables.put(table.tableName(), store.tablePath(table).toString());
    }
    List<Map<String, Object>> timings = new ArrayList<>();
    stages.timings().forEach(s -> timings.add(s.toMap()));
    return new RunManifest()
        .put("run_id", runId)
        .put("snapshot", options.snapshot())
        .put("status", "succeeded")
        .put("started_at", startedAt.toString())
        .put("finished_at", Instant.now().toString())
        .put("inputs", options.inputs())
        .put("versions", versions())
        .put("spark_master", spark.sparkContext().master())
        .put("config", config.rendered())
        .put("input_counts", inputCounts)
        .put("boilerplate_lines_learned", learnedLinesBySource)
        .put("row_counts", summary.rowCounts())
        .put("tables", tables)
        .put("stages", timings);
  }

  private Map<String, String> versions() {
    Properties props = new Properties();
    try (InputStream in = Pipeline.class.getResourceAsStream("/discourse-atlas-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("discourse_atlas", props.getProperty("version", "unknown"));
    versions.put("spark", spark.version());
    versions.put("corenlp", props.getProperty("corenlp", "unknown"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  /** The gazetteer's multiword names and the configured expressions, kept whole as one unit. */
  private static List<String> multiwordExpressions(ZoneGazetteer gazetteer, JobConfig.Lexical lexical) {
    List<String> expressions = new ArrayList<>(lexical.multiwordExpressions());
    for (Zone zone : gazetteer.zones()) {
      for (String alias : zone.aliases()) {
        if (alias.strip().contains(" ")) {
          expressions.add(alias);
        }
      }
    }
    return expressions;
  }

  @SafeVarargs
  private void release(Dataset<Row>... datasets) {
    for (Dataset<Row> dataset : datasets) {
      dataset.unpersist();
      persisted.remove(dataset);
    }
  }

  private Dataset<Row> keep(Dataset<Row> dataset) {
    Dataset<Row> kept = dataset.persist(KEEP);
    persisted.add(kept);
    return kept;
  }
}
