package org.discourseatlas.pipeline.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.discourseatlas.analysis.DocumentStats;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.analysis.Segmentation;
import org.discourseatlas.analysis.Sentiment;
import org.discourseatlas.analysis.ZoneTagging;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.pipeline.BaseSnapshot;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.pipeline.Stage;
import org.discourseatlas.pipeline.StageLog;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.terms.TermExtractor;
import org.discourseatlas.zones.ZoneMatcher;

/**
 * The stages from documents to the snapshot's turns, sentences (zones, sentiment), documents with
 * their counts, rejects and zone sentiment. Rows of the base snapshot are carried over; only new
 * documents are segmented, tagged and parsed.
 */
public final class AnalysisStages {
  /** Sentiment columns of the sentences table: what the sentiment stage adds. */
  private static final List<String> SENTIMENT_COLUMNS =
      List.of(
          Columns.SENTIMENT_LABEL,
          Columns.SENTIMENT_SCORE,
          Columns.SENTIMENT_PROBS,
          Columns.CORENLP_LABEL,
          Columns.CORENLP_SCORE,
          Columns.SENTIMENT_STATUS,
          Columns.ENTITIES,
          Columns.EVENTS);

  private AnalysisStages() {}

  /** The stages in the order they run. */
  public static List<Stage> all() {
    return List.of(
        new SplitTurns(),
        new TagSentences(),
        new ScoreSentiment(),
        new CountDocuments(),
        new ZoneSentiment());
  }

  /** Speaker turns of the new documents, with the base snapshot's turns. */
  static final class SplitTurns implements Stage {
    public String name() {
      return "turns";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.NEW_DOCUMENTS, Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.TURN_LIST));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.TURNS), Uses.like(RunData.NEW_TURNS, Table.TURNS));
    }

    public Counts run(RunState run) {
      Dataset<Row> newTurns = run.keepFlat(Segmentation.turns(run.get(RunData.NEW_DOCUMENTS)));
      run.put(RunData.NEW_TURNS, newTurns);
      // The base's turns stay in its folders: only the new ones are written.
      run.putCarried(RunData.TURNS, newTurns);
      return new Counts(
          run.fact(StageReports.NewDocuments.class).documents(), newTurns.count(), "turns");
    }
  }

  /**
   * Sentences of the new documents' turns, tagged with the zones they name or follow; the base
   * snapshot's sentences are carried over, tagged again when the gazetteer or the window changed.
   */
  static final class TagSentences implements Stage {
    public String name() {
      return "sentences+zones";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.NEW_DOCUMENTS, Columns.DOC_ID, Columns.DUPLICATE_OF, Columns.TURN_LIST),
          Uses.of(RunData.TURNS));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.of(RunData.TAGGED_SENTENCES, taggedColumns().toArray(String[]::new)),
          Uses.table(RunData.ZONES));
    }

    public Counts run(RunState run) {
      ZoneMatcher matcher = new ZoneMatcher(run.gazetteer);
      int window = run.config.zoneWindow();
      BaseSnapshot base = run.base();
      TermExtractor extractor = LexicalStages.termExtractor(run);
      Dataset<Row> fresh =
          LexicalUnits.withTermUnits(
              Segmentation.taggedSentences(run.get(RunData.NEW_DOCUMENTS), matcher, window),
              extractor);
      Column inScope = Sentiment.inScope(run.config.sentiment());
      long sentences;
      long sentencesInScope;
      if (ScoreSentiment.carriesBaseSentences(base)) {
        // The sentiment stage scores only the new sentences and the base's stay in its folders:
        // the earlier ones are counted from their files (one column), not read whole and cached.
        Dataset<Row> tagged = run.keepFlat(select(fresh, taggedColumns()));
        run.put(RunData.TAGGED_SENTENCES, tagged);
        Row earlierCounts = sentenceCounts(base.table(Table.SENTENCES), inScope);
        Row freshCounts = sentenceCounts(tagged, inScope);
        sentences = earlierCounts.getLong(0) + freshCounts.getLong(0);
        sentencesInScope = earlierCounts.getLong(1) + freshCounts.getLong(1);
      } else {
        Dataset<Row> earlier = base.table(Table.SENTENCES);
        if (base.zonesChanged()) {
          earlier =
              ZoneTagging.tag(earlier.drop(Columns.NAMED_ZONES, Columns.ZONES), matcher, window);
        }
        if (!base.termCountsHold()) {
          // Other term settings or multiword zone names: the earlier sentences' units change too.
          earlier = LexicalUnits.withTermUnits(earlier.drop(Columns.TERM_UNITS), extractor);
        }
        Dataset<Row> tagged =
            run.keepFlat(
                select(earlier, taggedColumns()).unionByName(select(fresh, taggedColumns())));
        run.put(RunData.TAGGED_SENTENCES, tagged);
        Row counts = sentenceCounts(tagged, inScope);
        sentences = counts.getLong(0);
        sentencesInScope = counts.getLong(1);
      }
      run.put(RunData.ZONES, ZoneTagging.zonesTable(run.spark, run.gazetteer));
      StageReports.Segments segments =
          new StageReports.Segments(run.get(RunData.TURNS).count(), sentences, sentencesInScope);
      run.report(segments);
      return new Counts(segments.turns(), segments.sentences(), "sentences");
    }

    /** One pass: the sentences, and those the sentiment stage will score. */
    private static Row sentenceCounts(Dataset<Row> sentences, Column inScope) {
      return sentences.agg(count(functions.lit(1)), count(when(inScope, 1))).first();
    }

    private static List<String> taggedColumns() {
      List<String> columns = new ArrayList<>(List.of(Table.SENTENCES.schema().fieldNames()));
      columns.removeAll(SENTIMENT_COLUMNS);
      return columns;
    }
  }

  /**
   * Sentiment of the sentences in zone windows (or of all): the base snapshot's results are reused,
   * the rest is parsed (and counted).
   */
  static final class ScoreSentiment implements Stage {
    public String name() {
      return "sentiment";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(
              RunData.TAGGED_SENTENCES,
              Columns.DOC_ID,
              Columns.SENTENCE,
              Columns.TEXT,
              Columns.TOKENS,
              Columns.ZONES));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.SENTENCES));
    }

    /** Counts the sentences this run parsed, as the table is written (stages are made per run). */
    private LongAccumulator parsed;

    /**
     * The scored sentences are computed once, as the pipeline writes them: they are not cached (a
     * cache of every sentence with its text held the heap while the table was written), and what
     * the stage reports is counted afterwards from the written table.
     */
    public Counts run(RunState run) {
      parsed = run.spark.sparkContext().longAccumulator("sentences parsed for sentiment");
      Dataset<Row> tagged = run.get(RunData.TAGGED_SENTENCES);
      long inScope = run.fact(StageReports.Segments.class).inSentimentScope();
      BaseSnapshot base = run.base();
      // The base's sentences are what scoring them again would give (same zones, term units and
      // scores reused): they stay in its folders, and the tagged sentences are only the new
      // documents', scored and written.
      boolean carry = carriesBaseSentences(base);
      Dataset<Row> scored =
          Sentiment.score(
              tagged,
              run.config.sentiment(),
              run.config.actors().enabled(),
              carry ? null : base.sentimentResults(),
              parsed,
              inScope);
      if (carry) {
        run.putCarried(RunData.SENTENCES, scored);
      } else {
        run.put(RunData.SENTENCES, scored);
      }
      return new Counts(run.fact(StageReports.Segments.class).sentences(), 0, "parsed");
    }

    /**
     * Whether the base's sentences are what tagging and scoring them again would give (same zones,
     * term units and sentiment settings): then only the new documents' sentences are tagged for
     * this stage, scored and written.
     */
    static boolean carriesBaseSentences(BaseSnapshot base) {
      return base.termCountsHold() && !base.sentimentChanged();
    }

    @Override
    public Counts afterWritten(RunState run, Counts counts) {
      if (run.releasesModelsAfterUse()) {
        SentimentScorer.releaseModels();
      }
      Row statuses =
          run.get(RunData.SENTENCES)
              .agg(
                  count(when(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED), 1)),
                  count(when(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.TOO_LONG), 1)))
              .first();
      long scored = statuses.getLong(0);
      long tooLong = statuses.getLong(1);
      run.report(new StageReports.SentimentCounts(scored, parsed.value(), tooLong));
      StageLog.note(
          scored
              + " sentences scored, "
              + parsed.value()
              + " of them parsed in this run; "
              + tooLong
              + " over sentiment.max-tokens = "
              + run.config.sentiment().maxTokens()
              + " not scored (sentiment_status = too_long)");
      return new Counts(counts.in(), parsed.value(), counts.unit());
    }
  }

  /**
   * Every document of the snapshot (the earlier ones as they were, the new ones with their counts)
   * and every reject; checks that records = documents + duplicates + rejects.
   */
  static final class CountDocuments implements Stage {
    public String name() {
      return "document counts";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.NEW_DOCUMENTS, Columns.DOC_ID),
          Uses.like(RunData.NEW_REJECTS, Table.REJECTS),
          Uses.like(RunData.EARLIER_DOCUMENTS, Table.DOCUMENTS),
          Uses.of(RunData.NEW_TURNS, Columns.DOC_ID),
          Uses.of(
              RunData.SENTENCES, Columns.DOC_ID, Columns.TURN, Columns.SENTENCE, Columns.N_TOKENS));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.DOCUMENTS), Uses.table(RunData.REJECTS));
    }

    public Counts run(RunState run) {
      Dataset<Row> earlierDocuments = run.get(RunData.EARLIER_DOCUMENTS);
      Dataset<Row> newSentences = run.newDocumentRows(RunData.SENTENCES);
      // The base's documents and rejects stay in its folders: only the new ones are written.
      Dataset<Row> newDocuments =
          run.keep(
              select(
                  DocumentStats.withCounts(
                      run.get(RunData.NEW_DOCUMENTS), newSentences, earlierDocuments),
                  List.of(Table.DOCUMENTS.schema().fieldNames())));
      Dataset<Row> documents = earlierDocuments.unionByName(newDocuments);
      Dataset<Row> earlierRejects = run.base().table(Table.REJECTS);
      Dataset<Row> newRejects =
          select(run.get(RunData.NEW_REJECTS), List.of(Table.REJECTS.schema().fieldNames()));
      Dataset<Row> rejects = earlierRejects.unionByName(newRejects);
      long rejectCount = rejects.count();
      // One pass for the three counts.
      Row totals =
          documents
              .agg(
                  functions.count(functions.lit(1)),
                  functions.count(functions.when(col(Columns.DUPLICATE_OF).isNotNull(), 1)),
                  functions.count(
                      functions.when(
                          col(Columns.DUPLICATE_OF).isNull().and(col(Columns.DATE).isNull()), 1)))
              .first();
      long duplicates = totals.getLong(1);
      long analysed = totals.getLong(0) - duplicates;
      long withoutDate = totals.getLong(2);
      long records = analysed + duplicates + rejectCount;
      long earlierRecords = earlierDocuments.count() + earlierRejects.count();
      long newRecords = run.fact(StageReports.SeenInputs.class).newRecords();
      if (earlierRecords + newRecords != records) {
        throw new IllegalStateException(
            "input accounting broken: "
                + earlierRecords
                + " earlier + "
                + newRecords
                + " new records != "
                + analysed
                + " documents + "
                + duplicates
                + " duplicates + "
                + rejectCount
                + " rejects");
      }
      Map<String, Long> byReason = new LinkedHashMap<>();
      for (Row row :
          rejects.groupBy(Columns.REASON).count().orderBy(Columns.REASON).collectAsList()) {
        byReason.put(row.getString(0), row.getLong(1));
      }
      run.putCarried(RunData.DOCUMENTS, newDocuments);
      run.putCarried(RunData.REJECTS, newRejects);
      run.report(
          new StageReports.SnapshotCounts(
              records, analysed, duplicates, rejectCount, withoutDate, byReason));
      return new Counts(records, analysed, "documents");
    }
  }

  /** Sentiment per zone (month, role) with intervals, and the configured zone comparisons. */
  static final class ZoneSentiment implements Stage {
    public String name() {
      return "zone_sentiment";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.table(RunData.SENTENCES), Uses.table(RunData.TURNS), Uses.table(RunData.DOCUMENTS));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.table(RunData.ZONE_SENTIMENT), Uses.table(RunData.ZONE_SENTIMENT_COMPARISONS));
    }

    public Counts run(RunState run) {
      Dataset<Row> sentences = run.get(RunData.SENTENCES);
      run.put(
          RunData.ZONE_SENTIMENT,
          Sentiment.byZone(
              sentences,
              run.get(RunData.TURNS),
              run.get(RunData.DOCUMENTS),
              run.config.sentiment()));
      run.put(
          RunData.ZONE_SENTIMENT_COMPARISONS,
          Sentiment.comparisons(
              sentences, run.config.sentiment().comparisons(), run.config.sentiment()));
      return Counts.written(
          run.fact(StageReports.SentimentCounts.class).scored(), "rows", RunData.ZONE_SENTIMENT);
    }

    public String whyEmpty(RunState run, RunData table) {
      long scored = run.fact(StageReports.SentimentCounts.class).scored();
      return table == RunData.ZONE_SENTIMENT
          ? scored + " sentences in a zone window: no zone to give a sentiment to"
          : "no configured comparison has scored sentences on both sides ("
              + run.config.sentiment().comparisons().size()
              + " configured, "
              + scored
              + " sentences in zone windows)";
    }
  }

  static Dataset<Row> select(Dataset<Row> rows, List<String> columns) {
    return Columns.select(rows, columns.toArray(String[]::new));
  }
}
