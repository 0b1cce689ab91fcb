package org.discourseatlas.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.discourseatlas.store.Snapshots;
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
import org.discourseatlas.schema.Columns;
import org.discourseatlas.store.RunManifest;
import org.discourseatlas.store.SnapshotStore;
import org.discourseatlas.schema.Table;
import org.discourseatlas.nlp.MorphaLemmatizer;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.terms.Lemmatizer;
import org.discourseatlas.terms.TermExtractor;
import org.discourseatlas.topics.TopicFingerprint;
import org.discourseatlas.topics.TopicModel;
import org.discourseatlas.topics.TopicModelInfo;
import org.discourseatlas.topics.TopicOutputs;
import org.discourseatlas.topics.TopicsStage;
import org.discourseatlas.zones.Zone;
import org.discourseatlas.zones.ZoneGazetteer;
import org.discourseatlas.zones.ZoneMatcher;

/** One run: reads the inputs, applies the stages in order, writes the tables and the manifest. */
public final class Pipeline {
  /** Between stages, datasets that are read more than once stay in memory, spilling to disk. */
  private static final StorageLevel KEEP = StorageLevel.MEMORY_AND_DISK();

  private final SparkSession spark;
  private final JobOptions options;
  private final JobConfig config;
  private final String runId;
  private final StageLog stages = new StageLog();
  private final List<Dataset<Row>> persisted = new ArrayList<>();
  private final Map<String, Integer> learnedLinesBySource = new java.util.TreeMap<>();
  private final Map<String, Object> topicModelInfo = new LinkedHashMap<>();
  /** A record's suffix on its file's path (JSON Lines, CSV): {@code <path>#<line>}. */
  private static final String RECORD_SUFFIX = "#[0-9]+$";
  /** Sentiment columns of the sentences table: what the sentiment stage adds. */
  private static final List<String> SENTIMENT_COLUMNS =
      List.of(Columns.SENTIMENT_LABEL, Columns.SENTIMENT_SCORE, Columns.SENTIMENT_PROBS, Columns.SENTIMENT_STATUS);

  private final Map<String, Object> newCounts = new LinkedHashMap<>();
  private long nearDuplicateCount;
  private long tooLongCount;
  private long filesAlreadySeen;
  private long sentencesParsed;

  public Pipeline(SparkSession spark, JobOptions options, JobConfig config, String runId) {
    this.spark = spark;
    this.options = options;
    this.config = config;
    this.runId = runId;
  }

  public RunSummary run() {
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
    List<String> expressions = multiwordExpressions(gazetteer, config.lexical());
    Fingerprints fingerprints = Fingerprints.of(config, gazetteer, TopicFingerprint.of(config, expressions));
    BaseSnapshot previous = BaseSnapshot.find(spark, store.snapshots(), options, fingerprints);
    ZoneMatcher matcher = new ZoneMatcher(gazetteer);
    try {
      // Lists the inputs.
      long t = stages.start();
      Dataset<Row> listing = keep(InputFiles.list(spark, options.inputs()));
      long inputFiles = listing.count();
      stages.finish("list inputs", options.inputs().size(), inputFiles, "files", t);

      // Reads every input into transcript drafts (and rejects what cannot be read): the
      // boilerplate is learned from the whole corpus, as a full run learns it.
      t = stages.start();
      Dataset<Row> read =
          keep(TranscriptIngest.read(InputFiles.read(listing, config.parser().maxFileBytes()), config.parser()));
      long allRecords = read.count();
      stages.finish("read", inputFiles, allRecords, "records", t);

      t = stages.start();
      Map<String, Set<String>> repeatedLines = new TreeMap<>();
      RepeatedLines.learn(read, config.repeatedLines()).forEach((source, lines) -> {
        repeatedLines.put(source, new TreeSet<>(lines));
        StageLog.note("source '" + source + "': " + lines.size() + " repeated lines dropped as boilerplate");
      });
      long learnedLines = repeatedLines.values().stream().mapToLong(Set::size).sum();
      stages.finish("boilerplate", allRecords, learnedLines, "lines", t);
      repeatedLines.forEach((source, lines) -> learnedLinesBySource.put(source, lines.size()));
      // Earlier documents were cleaned with the lines learned then: if the new inputs changed a
      // source's lines, they would be cleaned otherwise now, so every input is analysed again.
      previous = previous.unlessBoilerplateChanged(repeatedLines);

      // Only the inputs the snapshot built on has not seen (by a hash of their bytes) go on.
      Set<String> seen = previous.seenHashes();
      Dataset<Row> fresh = keep(read.filter(notSeen(seen)));
      long records = fresh.count();
      filesAlreadySeen =
          read.filter(col(Columns.CONTENT_HASH).isin(seen.toArray()).and(lit(!seen.isEmpty())))
              .select(regexp_replace(col(Columns.SOURCE_PATH), RECORD_SUFFIX, "")).distinct().count();
      release(read);
      if (previous.exists()) {
        StageLog.note(filesAlreadySeen + " of " + inputFiles + " input files were ingested by snapshot "
            + previous.manifest().get("snapshot") + ": " + records + " new records of " + allRecords);
      }
      read = fresh;

      // Finishes drafts into documents: turns, language; marks exact and near duplicates, among
      // the new documents and against the documents of the snapshot built on.
      t = stages.start();
      Dataset<Row> finished = keep(TranscriptIngest.finish(read, repeatedLines, config.parser()));
      Dataset<Row> newRejects =
          keep(TranscriptIngest.rejects(read).unionByName(TranscriptIngest.rejects(finished)));
      Dataset<Row> earlierDocuments = keep(previous.table(Table.DOCUMENTS));
      Dataset<Row> earlierTurns = previous.table(Table.TURNS);
      Dataset<Row> newDocuments =
          keepFlat(
              NearDuplicates.markAgainst(
                  TranscriptIngest.documents(finished),
                  NearDuplicates.earlierDocuments(earlierDocuments, earlierTurns),
                  config.nearDuplicates()));
      long newRejectCount = newRejects.count();
      long newDuplicates = newDocuments.filter(col(Columns.DUPLICATE_OF).isNotNull()).count();
      nearDuplicateCount = newDocuments.filter(col(Columns.DUPLICATE_SIMILARITY).lt(1.0)).count();
      long newAnalysed = newDocuments.count() - newDuplicates;
      newCounts.put("records", records);
      newCounts.put("documents", newAnalysed);
      newCounts.put("duplicates", newDuplicates);
      newCounts.put("near_duplicates", nearDuplicateCount);
      newCounts.put("rejects", newRejectCount);
      if (records != newAnalysed + newDuplicates + newRejectCount) {
        throw new IllegalStateException(
            "input accounting broken: " + records + " new records != " + newAnalysed + " documents + "
                + newDuplicates + " duplicates + " + newRejectCount + " rejects");
      }
      stages.finish("documents", records, newAnalysed, "documents", t);
      // Drafts and finished records are in documents and rejects now: free their memory.
      release(read, finished, listing);
      StageLog.note((previous.exists() ? "new inputs: " : "") + newDuplicates + " duplicates (" + nearDuplicateCount
          + " near, Jaccard >= " + config.nearDuplicates().minJaccard() + "), " + newRejectCount + " rejects");

      // Splits speaker turns, then sentences, of the new documents.
      t = stages.start();
      Dataset<Row> newTurns = keepFlat(Segmentation.turns(newDocuments));
      Dataset<Row> turns = keep(earlierTurns.unionByName(newTurns));
      long turnCount = turns.count();
      stages.finish("turns", newAnalysed, newTurns.count(), "turns", t);

      t = stages.start();
      List<String> taggedColumns = new ArrayList<>(List.of(Table.SENTENCES.schema().fieldNames()));
      taggedColumns.removeAll(SENTIMENT_COLUMNS);
      Dataset<Row> earlierSentences = previous.table(Table.SENTENCES);
      if (previous.zonesChanged()) {
        earlierSentences =
            ZoneTagging.tag(earlierSentences.drop(Columns.NAMED_ZONES, Columns.ZONES), matcher, config.zoneWindow());
      }
      Dataset<Row> newSentences =
          ZoneTagging.tag(Segmentation.sentences(newTurns), matcher, config.zoneWindow());
      Dataset<Row> tagged =
          keepFlat(select(earlierSentences, taggedColumns).unionByName(select(newSentences, taggedColumns)));
      long sentenceCount = tagged.count();
      stages.finish("sentences+zones", turnCount, sentenceCount, "sentences", t);

      // Sentiment of the sentences in zone windows (or all): results of the snapshot built on are
      // reused, the rest is parsed (and counted); then per zone with intervals.
      t = stages.start();
      LongAccumulator parsed = spark.sparkContext().longAccumulator("sentences parsed for sentiment");
      Dataset<Row> sentences =
          keepFlat(Sentiment.score(tagged, config.sentiment(), previous.sentimentResults(), parsed));
      long scored = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED)).count();
      sentencesParsed = parsed.value();
      tooLongCount = sentences.filter(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.TOO_LONG)).count();
      release(tagged);
      stages.finish("sentiment", sentenceCount, sentencesParsed, "parsed", t);
      StageLog.note(scored + " sentences scored, " + sentencesParsed + " of them parsed in this run; " + tooLongCount
          + " over sentiment.max-tokens = " + config.sentiment().maxTokens()
          + " not scored (sentiment_status = too_long)");

      // Every document of the snapshot: the earlier ones as they were, the new ones with counts.
      Dataset<Row> newSentenceRows = sentences.join(newTurns.select(Columns.DOC_ID).distinct(), Columns.DOC_ID);
      Dataset<Row> documents =
          keep(
              earlierDocuments.unionByName(
                  select(
                      DocumentStats.withCounts(newDocuments, newSentenceRows, earlierDocuments),
                      List.of(Table.DOCUMENTS.schema().fieldNames()))));
      Dataset<Row> earlierRejects = previous.table(Table.REJECTS);
      Dataset<Row> rejects =
          keep(earlierRejects.unionByName(select(newRejects, List.of(Table.REJECTS.schema().fieldNames()))));
      long rejectCount = rejects.count();
      long duplicates = documents.filter(col(Columns.DUPLICATE_OF).isNotNull()).count();
      long analysed = documents.count() - duplicates;
      long withoutDate =
          documents.filter(col(Columns.DUPLICATE_OF).isNull().and(col(Columns.DATE).isNull())).count();
      long snapshotRecords = analysed + duplicates + rejectCount;
      long earlierRecords = earlierDocuments.count() + earlierRejects.count();
      if (earlierRecords + records != snapshotRecords) {
        throw new IllegalStateException(
            "input accounting broken: " + earlierRecords + " earlier + " + records + " new records != " + analysed
                + " documents + " + duplicates + " duplicates + " + rejectCount + " rejects");
      }
      release(newRejects, newDocuments, newTurns);

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
              expressions,
              lexical.lemmas() ? new MorphaLemmatizer() : Lemmatizer.none());
      // Not kept flat: rebuilding 10^7 n-gram structs as Rows cost more (UN: 253 s against 140 s)
      // than its plan, which is small now that its inputs are flat.
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
      Dataset<Row> mentions = keep(Mentions.of(sentences, matcher, lexical.contextWords()));
      long collocationRows = collocations.count();
      long mentionRows = mentions.count();
      stages.finish("collocations+kwic", sentenceCount, collocationRows + mentionRows, "rows", t);

      // Topics: LDA over turns (paragraphs, documents), topic shares and prevalence per zone.
      TopicOutputs topics =
          new TopicsStage(spark, config.topics(), store, topicHooks())
              .run(units, runId, topicBase(previous), fingerprints.topics(), options.refitTopics());
      topicModelInfo.putAll(topics.info().toMap());

      // Writes the tables to staging, then makes them visible with the manifest.
      t = stages.start();
      store.stage(Table.DOCUMENTS, documents);
      store.stage(Table.REJECTS, rejects);
      store.stage(Table.TURNS, turns);
      store.stage(Table.SENTENCES, sentences);
      store.stage(Table.ZONE_SENTIMENT, zoneSentiment);
      store.stage(Table.ZONE_SENTIMENT_COMPARISONS, sentimentComparisons);
      store.stage(Table.TERM_FREQUENCIES, termFrequencies);
      store.stage(Table.KEYNESS, keyness);
      store.stage(Table.COLLOCATIONS, collocations);
      store.stage(Table.MENTIONS, mentions);
      store.stage(Table.ZONES, ZoneTagging.zonesTable(spark, gazetteer));
      store.stage(Table.TOPICS, topics.topics());
      store.stage(Table.TOPIC_PREVALENCE, topics.prevalence());
      store.stage(Table.TOPIC_PREVALENCE_COMPARISONS, topics.comparisons());
      store.stage(Table.TOPIC_SHARES, topics.shares());
      if (topics.selection() != null) {
        store.stage(Table.TOPIC_MODEL_SELECTION, topics.selection());
      }
      if (topics.model() != null) {
        store.stageModel(TopicModel.DIRECTORY, topics.model().pipeline());
        store.stageModelInfo(TopicModelInfo.FILE, topicModelInfo);
      }
      store.stageModelInfo(BaseSnapshot.REPEATED_LINES, repeatedLines);
      Map<String, Long> rowCounts = new LinkedHashMap<>();
      store.rowCounts().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rowCounts.put(e.getKey().tableName(), e.getValue()));
      stages.finish("write", rowCounts.size(), rowCounts.size(), "tables", t);

      RunSummary summary =
          new RunSummary(
              runId, store.root().toString(), options.snapshot(), inputFiles, snapshotRecords, analysed,
              duplicates, rejectCount, withoutDate, rowCounts);
      store.commit(manifest(summary, startedAt, rejects, store, previous, fingerprints).toJson());
      return summary;
    } finally {
      persisted.forEach(Dataset::unpersist);
      stages.close();
    }
  }

  private RunManifest manifest(
      RunSummary summary, Instant startedAt, Dataset<Row> rejects, SnapshotStore store, BaseSnapshot previous,
      Fingerprints fingerprints) {
    Map<String, Long> rejectsByReason = new LinkedHashMap<>();
    for (Row row : rejects.groupBy(Columns.REASON).count().orderBy(Columns.REASON).collectAsList()) {
      rejectsByReason.put(row.getString(0), row.getLong(1));
    }
    Map<String, Object> inputCounts = new LinkedHashMap<>();
    // The snapshot's totals (earlier records and this run's), then what this run read.
    inputCounts.put("input_files", summary.inputFiles());
    inputCounts.put("input_files_already_seen", filesAlreadySeen);
    inputCounts.put("records", summary.records());
    inputCounts.put("documents", summary.documents());
    inputCounts.put("duplicates", summary.duplicates());
    inputCounts.put("near_duplicates", nearDuplicateCount);
    inputCounts.put("sentences_too_long_for_sentiment", tooLongCount);
    inputCounts.put("sentences_parsed_for_sentiment", sentencesParsed);
    inputCounts.put("rejects", summary.rejects());
    inputCounts.put("rejects_by_reason", rejectsByReason);
    inputCounts.put("documents_without_date", summary.documentsWithoutDate());
    inputCounts.put("new", newCounts);
    Map<String, String> tables = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      if (store.rowCounts().containsKey(table)) {
        tables.put(table.tableName(), store.relativeTablePath(table));
      }
    }
    Map<String, Object> refresh = new LinkedHashMap<>();
    refresh.put("mode", previous.exists() ? "incremental" : "full");
    refresh.put("reason", previous.fullReason());
    if (previous.exists()) {
      refresh.put("base", Map.of("snapshot", previous.manifest().get("snapshot"), "run_id", previous.manifest().get("run_id")));
      refresh.put("zones_retagged", previous.zonesChanged());
      refresh.put("sentiment_rescored", previous.sentimentChanged());
    }
    refresh.put("topic_shares_reused", topicModelInfo.getOrDefault("shares_reused", false));
    List<Map<String, Object>> timings = new ArrayList<>();
    stages.timings().forEach(s -> timings.add(s.toMap()));
    return new RunManifest()
        .put("run_id", runId)
        .put("snapshot", options.snapshot())
        .put("status", "succeeded")
        .put(Snapshots.LAYOUT, Snapshots.LAYOUT_RUN_FOLDERS)
        .put("started_at", startedAt.toString())
        .put("finished_at", Instant.now().toString())
        .put("inputs", options.inputs())
        .put("versions", versions())
        .put("spark_master", spark.sparkContext().master())
        .put("config", config.rendered())
        .put("fingerprints", fingerprints.toMap())
        .put("refresh", refresh)
        .put("input_counts", inputCounts)
        .put("boilerplate_lines_learned", learnedLinesBySource)
        .put("topic_model", topicModelInfo)
        .put("row_counts", summary.rowCounts())
        .put("tables", tables)
        .put("models", store.wroteModels() ? store.relativeModelsPath() : null)
        .put("stages", timings)
        // In local mode the driver's JVM runs the executor threads too: its heap is the whole job's.
        .put("driver_jvm", stages.jvmMemory());
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

  /** What the topic stage needs from the run: keeping datasets, stage timings, log lines. */
  private TopicsStage.Hooks topicHooks() {
    return new TopicsStage.Hooks() {
      @Override public Dataset<Row> keep(Dataset<Row> rows) { return Pipeline.this.keep(rows); }
      @Override public Dataset<Row> keepFlat(Dataset<Row> rows) { return Pipeline.this.keepFlat(rows); }
      @Override public long start() { return stages.start(); }
      @Override public void finish(String stage, long in, long out, String unit, long t) { stages.finish(stage, in, out, unit, t); }
      @Override public void note(String line) { StageLog.note(line); }
    };
  }

  /** The base snapshot's topic model id and, read when reused, its topic shares. */
  private static TopicsStage.Base topicBase(BaseSnapshot previous) {
    return new TopicsStage.Base(previous.topicModelId(), () -> previous.table(Table.TOPIC_SHARES));
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

  /** Keeps the records whose input's content hash is not among {@code seen}. */
  private FilterFunction<Row> notSeen(Set<String> seen) {
    Broadcast<Set<String>> hashes = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(seen);
    // By position: rows of a typed map carry no schema.
    int hashAt = TranscriptIngest.READ_SCHEMA.fieldIndex(Columns.CONTENT_HASH);
    return row -> !hashes.value().contains(row.getString(hashAt));
  }

  private static Dataset<Row> select(Dataset<Row> rows, List<String> columns) {
    return rows.select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
  }

  @SafeVarargs
  private void release(Dataset<Row>... datasets) {
    for (Dataset<Row> dataset : datasets) {
      dataset.unpersist();
      persisted.remove(dataset);
    }
  }

  /**
   * Keeps a dataset behind a plan of its own (its rows, from its RDD): later stages plan over a
   * scan of it instead of the whole upstream query, whose plan text reached 10^7 characters and
   * cost seconds per action. The RDD lineage stays, so lost blocks are recomputed.
   */
  private Dataset<Row> keepFlat(Dataset<Row> dataset) {
    return keep(spark.createDataFrame(dataset.javaRDD(), dataset.schema()));
  }

  private Dataset<Row> keep(Dataset<Row> dataset) {
    Dataset<Row> kept = dataset.persist(KEEP);
    persisted.add(kept);
    return kept;
  }
}
