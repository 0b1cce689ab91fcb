package org.discourseatlas.pipeline.stages;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discourseatlas.analysis.Collocations;
import org.discourseatlas.analysis.Keyness;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.analysis.Mentions;
import org.discourseatlas.analysis.TermFrequencies;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.ingest.RefreshState;
import org.discourseatlas.nlp.MorphaLemmatizer;
import org.discourseatlas.pipeline.BaseSnapshot;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.pipeline.Stage;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;
import org.discourseatlas.terms.Lemmatizer;
import org.discourseatlas.terms.TermExtractor;
import org.discourseatlas.zones.ZoneMatcher;

/** The lexical statistics: n-gram units, term frequencies, keyness, collocations and KWIC. */
public final class LexicalStages {
  private LexicalStages() {}

  /** The stages in the order they run. */
  public static List<Stage> all() {
    return List.of(new TermFrequencyStage(), new KeynessStage(), new CollocationsAndKwic());
  }

  /** The n-gram units every lexical statistic counts, and term frequencies per group. */
  static final class TermFrequencyStage implements Stage {
    public String name() {
      return "term_frequencies";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(
              RunData.SENTENCES,
              Columns.DOC_ID,
              Columns.TURN,
              Columns.SENTENCE,
              Columns.PARAGRAPH,
              Columns.ZONES,
              Columns.N_TOKENS,
              Columns.TERM_UNITS),
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
          Uses.of(RunData.LEXICAL_UNITS, Columns.DOC_ID, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(
              RunData.NEW_LEXICAL_UNITS, Columns.DOC_ID, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(RunData.ZONE_UNITS, Columns.DOC_ID, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(RunData.TERM_COUNTS, TermFrequencies.COUNTS_SCHEMA.fieldNames()),
          Uses.table(RunData.TERM_FREQUENCIES));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      BaseSnapshot base = run.base();
      // The term units (lemmas) come with the sentences, made once per sentence; the n-grams are
      // derived from them by each reader (a cheap split), not cached: as structs they outweighed
      // everything else on the heap.
      Dataset<Row> units = unitsOf(run, run.get(RunData.SENTENCES));
      boolean additive = base.termCountsHold();
      if (!additive) {
        // Every unit is counted: cached, and the other two filtered from the cache.
        units = run.keep(units);
      }
      run.put(RunData.LEXICAL_UNITS, units);
      Dataset<Row> counts;
      if (additive) {
        // The base's term counts plus the new documents' are what counting every document gives
        // (sums over disjoint documents): the archive's units are neither made nor cached (they
        // were a third of this stage on the whole UN corpus, decision 0029), only the new
        // documents' and those of sentences in a zone window, all that collocations count.
        Dataset<Row> newUnits =
            run.keep(
                LexicalUnits.of(
                    run.newDocumentRows(RunData.SENTENCES),
                    run.get(RunData.NEW_TURNS),
                    run.get(RunData.DOCUMENTS)));
        run.put(RunData.NEW_LEXICAL_UNITS, newUnits);
        run.put(RunData.ZONE_UNITS, run.keep(unitsOf(run, inSomeZone(run.get(RunData.SENTENCES)))));
        Dataset<Row> earlier = base.state(RefreshState.TERM_COUNTS);
        Dataset<Row> added = run.keep(TermFrequencies.counts(newUnits, lexical.maxNgram()));
        counts = TermFrequencies.add(earlier, added, added.count());
      } else {
        run.put(RunData.NEW_LEXICAL_UNITS, run.onlyNewDocuments(units));
        run.put(RunData.ZONE_UNITS, inSomeZone(units));
        counts = TermFrequencies.counts(units, lexical.maxNgram());
      }
      // Written once and scanned from the files by the table and keyness: a cache of them cost more
      // to build than the state's write (decision 0035).
      counts = run.saveStateAndRead(RefreshState.TERM_COUNTS, counts);
      run.put(RunData.TERM_COUNTS, counts);
      run.put(RunData.TERM_FREQUENCIES, TermFrequencies.table(counts, lexical.minNgramCount()));
      return Counts.written(sentences(run), "rows", RunData.TERM_FREQUENCIES);
    }

    /** The lexical units of {@code sentences}, with their turns' roles and documents' groups. */
    private static Dataset<Row> unitsOf(RunState run, Dataset<Row> sentences) {
      return LexicalUnits.of(sentences, run.get(RunData.TURNS), run.get(RunData.DOCUMENTS));
    }
  }

  /** Keyness of the configured comparisons and, when asked, of each zone against the rest. */
  static final class KeynessStage implements Stage {
    public String name() {
      return "keyness";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.ZONE_UNITS, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(RunData.TERM_COUNTS, TermFrequencies.COUNTS_SCHEMA.fieldNames()));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.KEYNESS));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      Dataset<Row> units = LexicalUnits.withNgrams(run.get(RunData.ZONE_UNITS), lexical.maxNgram());
      Keyness.Settings settings =
          new Keyness.Settings(lexical.alpha0(), lexical.correction(), lexical.keynessMinCount());
      // The n-gram counts of each zone and of the corpus are levels of the term counts; the
      // candidates are kept flat: every comparison reads them, and a cache's plan is printed (and
      // re-analysed) wherever it is read, where a scan of its rows is one node.
      Dataset<Row> termCounts = run.get(RunData.TERM_COUNTS);
      Keyness.Counts counts =
          Keyness.counts(
              TermFrequencies.zoneCounts(termCounts),
              TermFrequencies.corpusCounts(termCounts),
              settings,
              run::keepFlat);
      Dataset<Row> keyness = run.spark.createDataFrame(List.of(), Table.KEYNESS.schema());
      if (!lexical.comparisons().isEmpty()) {
        keyness =
            keyness.unionByName(Keyness.compute(units, counts, lexical.comparisons(), settings));
      }
      if (lexical.eachZoneVsRest()) {
        keyness = keyness.unionByName(Keyness.eachZoneVersusRest(counts, settings));
      }
      run.put(RunData.KEYNESS, keyness);
      return Counts.written(lexical.comparisons().size(), "rows", RunData.KEYNESS);
    }

    public String whyEmpty(RunState run, RunData table) {
      JobConfig.Lexical lexical = run.config.lexical();
      return "no term reaches keyness min-count "
          + lexical.keynessMinCount()
          + " in a zone of the "
          + lexical.comparisons().size()
          + " configured comparisons"
          + (lexical.eachZoneVsRest() ? " or of each zone against the rest" : "")
          + " (too few words in zone windows)";
    }
  }

  /** Collocations per zone, and every zone mention in its context (KWIC). */
  static final class CollocationsAndKwic implements Stage {
    public String name() {
      return "collocations+kwic";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.ZONE_UNITS, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(RunData.NEW_LEXICAL_UNITS, Columns.ZONES, LexicalUnits.TERM_UNITS),
          Uses.of(
              RunData.SENTENCES,
              Columns.DOC_ID,
              Columns.TURN,
              Columns.SENTENCE,
              Columns.TEXT,
              Columns.NAMED_ZONES),
          Uses.of(RunData.NEW_TURNS, Columns.DOC_ID));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.COLLOCATIONS), Uses.table(RunData.MENTIONS));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      Dataset<Row> counts;
      if (run.base().collocationCountsHold()) {
        // The base's counts plus those of the new documents' zone sentences (sums over disjoint
        // documents): the archive's zone sentences are not read again.
        counts =
            Collocations.addCounts(
                run.base().state(RefreshState.COLLOCATION_COUNTS),
                Collocations.counts(
                    LexicalUnits.withNgrams(
                        inSomeZone(run.get(RunData.NEW_LEXICAL_UNITS)), lexical.maxNgram())));
      } else {
        counts =
            Collocations.counts(
                LexicalUnits.withNgrams(run.get(RunData.ZONE_UNITS), lexical.maxNgram()));
      }
      counts = run.keep(counts);
      run.saveState(RefreshState.COLLOCATION_COUNTS, counts);
      run.put(
          RunData.COLLOCATIONS,
          Collocations.collocations(
              counts, lexical.collocationMinCount(), lexical.collocationTop()));
      // The base's mentions hold for its sentences (same gazetteer and context): only the new
      // documents' sentences are searched, and the base's folders are carried.
      boolean carried = run.base().mentionsHold();
      Dataset<Row> sentences =
          carried ? run.newDocumentRows(RunData.SENTENCES) : run.get(RunData.SENTENCES);
      // named_zones is this matcher's finding on the same text (sentences are tagged again when the
      // gazetteer changes): a sentence that names no zone holds no mention, and most name none.
      Dataset<Row> mentions =
          Mentions.of(
              sentences.filter(functions.size(col(Columns.NAMED_ZONES)).gt(0)),
              new ZoneMatcher(run.gazetteer),
              lexical.contextWords());
      if (carried) {
        run.putCarried(RunData.MENTIONS, mentions);
      } else {
        run.put(RunData.MENTIONS, mentions);
      }
      return Counts.written(sentences(run), "rows", RunData.COLLOCATIONS, RunData.MENTIONS);
    }

    public String whyEmpty(RunState run, RunData table) {
      return table == RunData.MENTIONS
          ? "no sentence names a zone of the gazetteer"
          : "no n-gram near a zone occurs "
              + run.config.lexical().collocationMinCount()
              + " times (collocation min-count)";
    }
  }

  /** The rows (sentences, units) in some zone's window. */
  private static Dataset<Row> inSomeZone(Dataset<Row> rows) {
    return rows.filter(functions.size(col(Columns.ZONES)).gt(0));
  }

  /** The term units' extractor of the run's settings (lemmas, stopwords, multiword names). */
  static TermExtractor termExtractor(RunState run) {
    return new TermExtractor(
        run.config.extraStopwords(),
        run.config.minTermLength(),
        run.multiwordExpressions,
        run.config.lexical().lemmas() ? new MorphaLemmatizer() : Lemmatizer.none());
  }

  private static long sentences(RunState run) {
    return run.fact(StageReports.Segments.class).sentences();
  }
}
