package org.discourseatlas.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.discourseatlas.analysis.Actors;
import org.discourseatlas.analysis.Frames;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.dictionary.ActorNames;
import org.discourseatlas.dictionary.DictionaryMatcher;
import org.discourseatlas.dictionary.DocumentFrameCounts;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.nlp.MorphaLemmatizer;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.pipeline.Stage;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.terms.Lemmatizer;

/**
 * Framing categories per zone (frames, frame_comparisons, frame_mentions) and the actors of the
 * zone windows (actor_events, actors). A refresh matches only its new documents against the frame
 * dictionaries (the base's per-document counts are refresh state, its mentions carried) and names
 * actors only in its new documents' parsed sentences (the base's actor rows per sentence are
 * refresh state, its actor events carried); the tables of groups are computed again from both
 * (decision 0028).
 */
public final class FramingStages {
  private FramingStages() {}

  /** The stages in the order they run. */
  public static List<Stage> all() {
    return List.of(new FrameStage(), new ActorStage());
  }

  /** Dictionary hits per group and document, their rates with intervals, comparisons and KWIC. */
  static final class FrameStage implements Stage {
    public String name() {
      return "frames";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(
              RunData.SENTENCES,
              Columns.DOC_ID,
              Columns.TURN,
              Columns.SENTENCE,
              Columns.ZONES,
              Columns.TOKENS,
              Columns.N_TOKENS),
          Uses.of(RunData.TURNS, Columns.DOC_ID, Columns.TURN, Columns.ROLE),
          Uses.of(
              RunData.DOCUMENTS,
              Columns.DOC_ID,
              Columns.DATE,
              Columns.SOURCE,
              Columns.DUPLICATE_OF),
          Uses.of(RunData.NEW_TURNS, Columns.DOC_ID));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.table(RunData.FRAMES),
          Uses.table(RunData.FRAME_COMPARISONS),
          Uses.table(RunData.FRAME_MENTIONS));
    }

    public Counts run(RunState run) {
      JobConfig.Frames settings = run.config.frames();
      List<DocumentFrameCounts.Sides> sides = new ArrayList<>();
      settings
          .comparisons()
          .forEach(c -> sides.add(new DocumentFrameCounts.Sides(c.target(), c.reference())));
      DocumentFrameCounts counter =
          new DocumentFrameCounts(
              new DictionaryMatcher(run.dictionaries.frames()), lemmatizer(), sides);
      Dataset<Row> sentences = run.get(RunData.SENTENCES);
      Dataset<Row> turns = run.get(RunData.TURNS);
      Dataset<Row> documents = run.get(RunData.DOCUMENTS);
      int context = run.config.lexical().contextWords();
      // The base's frame counts (per document) and mentions hold for its documents: only the new
      // documents' sentences are matched against the dictionaries; the groups' rates and intervals
      // are computed again from every document's counts.
      Dataset<Row> perDocument;
      if (run.base().frameCountsHold()) {
        Dataset<Row> fresh = run.newDocumentRows(RunData.SENTENCES);
        perDocument =
            run.keep(
                run.base()
                    .state(RefreshState.FRAME_COUNTS)
                    .unionByName(Frames.perDocument(fresh, turns, documents, counter)));
        run.putCarried(RunData.FRAME_MENTIONS, Frames.mentions(fresh, counter, context));
      } else {
        perDocument = run.keep(Frames.perDocument(sentences, turns, documents, counter));
        run.put(RunData.FRAME_MENTIONS, Frames.mentions(sentences, counter, context));
      }
      run.saveState(RefreshState.FRAME_COUNTS, perDocument);
      run.put(RunData.FRAMES, Frames.byGroup(perDocument, counter, settings));
      run.put(RunData.FRAME_COMPARISONS, Frames.comparisons(perDocument, counter, settings));
      if (counter.categories().isEmpty()) {
        run.skipped("frames", "frames.dictionaries names no dictionary with a category");
      }
      // In: the sentences read; out: the rows of the three tables, as written.
      return Counts.written(
          run.fact(StageReports.Segments.class).sentences(),
          "rows",
          RunData.FRAMES,
          RunData.FRAME_COMPARISONS,
          RunData.FRAME_MENTIONS);
    }

    public String whyEmpty(RunState run, RunData table) {
      if (run.dictionaries.frames().isEmpty()) {
        return null;
      }
      return table == RunData.FRAME_COMPARISONS
          ? "no configured frame comparison ("
              + run.config.frames().comparisons().size()
              + " in frames.comparisons)"
          : table == RunData.FRAME_MENTIONS
              ? "no dictionary hit in a zone window"
              : "no analysed document";
    }
  }

  /** Events and mentions of actors in the zone windows, from the sentiment stage's parse. */
  static final class ActorStage implements Stage {
    public String name() {
      return "actors";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(
              RunData.SENTENCES,
              Columns.DOC_ID,
              Columns.TURN,
              Columns.SENTENCE,
              Columns.ZONES,
              Columns.TOKENS,
              Columns.ENTITIES,
              Columns.EVENTS,
              Columns.SENTIMENT_SCORE,
              Columns.SENTIMENT_STATUS),
          Uses.of(
              RunData.DOCUMENTS,
              Columns.DOC_ID,
              Columns.DATE,
              Columns.SOURCE,
              Columns.DUPLICATE_OF),
          Uses.of(RunData.NEW_TURNS, Columns.DOC_ID));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.ACTOR_EVENTS), Uses.table(RunData.ACTORS));
    }

    public Counts run(RunState run) {
      JobConfig.Actors settings = run.config.actors();
      if (!settings.enabled()) {
        run.skipped("actors", "actors.enabled = false");
        for (RunData data : List.of(RunData.ACTOR_EVENTS, RunData.ACTORS)) {
          run.put(data, run.spark.createDataFrame(List.of(), data.table().schema()));
        }
        return Counts.written(0, "rows", RunData.ACTOR_EVENTS, RunData.ACTORS);
      }
      ActorNames names = new ActorNames(run.dictionaries.actors(), lemmatizer());
      Dataset<Row> sentences = run.get(RunData.SENTENCES);
      Dataset<Row> documents = run.get(RunData.DOCUMENTS);
      // The base's actor events are carried and its sentences' actor rows kept as state when the
      // parse, the zones and the actor names are unchanged: only the new documents' are made.
      Dataset<Row> perSentence;
      if (run.base().actorRowsHold()) {
        Dataset<Row> parsed =
            run.keep(Actors.parsedSentences(run.newDocumentRows(RunData.SENTENCES), documents));
        run.putCarried(RunData.ACTOR_EVENTS, Actors.events(parsed, names));
        perSentence =
            run.base()
                .state(RefreshState.ACTOR_MENTIONS)
                .unionByName(Actors.perSentence(parsed, names));
      } else {
        Dataset<Row> parsed = run.keep(Actors.parsedSentences(sentences, documents));
        run.put(RunData.ACTOR_EVENTS, Actors.events(parsed, names));
        perSentence = Actors.perSentence(parsed, names);
      }
      perSentence = run.keep(perSentence);
      run.saveState(RefreshState.ACTOR_MENTIONS, perSentence);
      JobConfig.Sentiment sentiment = run.config.sentiment();
      run.put(
          RunData.ACTORS,
          Actors.byZone(perSentence, sentiment.bootstrapResamples(), sentiment.seed()));
      return Counts.written(
          run.fact(StageReports.SentimentCounts.class).scored(),
          "rows",
          RunData.ACTOR_EVENTS,
          RunData.ACTORS);
    }

    public String whyEmpty(RunState run, RunData table) {
      return run.config.actors().enabled()
          ? "no sentence in a zone window was parsed with an agent or a target"
          : null;
    }
  }

  /** Dictionary words without a glob also match a token's lemma: CoreNLP's morphology, cached. */
  private static Lemmatizer lemmatizer() {
    return new MorphaLemmatizer();
  }
}
