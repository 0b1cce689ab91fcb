package org.discourseatlas.pipeline.stages;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.discourseatlas.analysis.Keyness;
import org.discourseatlas.analysis.LexicalUnits;
import org.discourseatlas.analysis.Mentions;
import org.discourseatlas.analysis.TermFrequencies;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.nlp.MorphaLemmatizer;
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
              Columns.TOKENS,
              Columns.N_TOKENS),
          Uses.of(RunData.TURNS, Columns.DOC_ID, Columns.TURN, Columns.ROLE),
          Uses.of(
              RunData.DOCUMENTS,
              Columns.DOC_ID,
              Columns.DATE,
              Columns.SOURCE,
              Columns.DUPLICATE_OF));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.of(
              RunData.LEXICAL_UNITS,
              Columns.DOC_ID,
              Columns.ZONES,
              LexicalUnits.TERM_UNITS,
              LexicalUnits.NGRAMS),
          Uses.table(RunData.TERM_FREQUENCIES));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      TermExtractor extractor =
          new TermExtractor(
              run.config.extraStopwords(),
              run.config.minTermLength(),
              run.multiwordExpressions,
              lexical.lemmas() ? new MorphaLemmatizer() : Lemmatizer.none());
      // The term units (lemmas) are cached, once; the n-grams are derived from them by each
      // reader (a cheap split), not cached: as structs they outweighed everything else on the heap.
      Dataset<Row> units =
          LexicalUnits.withNgrams(
              run.keep(
                  LexicalUnits.of(
                      run.get(RunData.SENTENCES),
                      run.get(RunData.TURNS),
                      run.get(RunData.DOCUMENTS),
                      extractor)),
              lexical.maxNgram());
      Dataset<Row> termFrequencies =
          run.keep(TermFrequencies.compute(units, lexical.minNgramCount()));
      run.put(RunData.LEXICAL_UNITS, units);
      run.put(RunData.TERM_FREQUENCIES, termFrequencies);
      return new Counts(run.get(RunData.SENTENCES).count(), termFrequencies.count(), "rows");
    }
  }

  /** Keyness of the configured comparisons and, when asked, of each zone against the rest. */
  static final class KeynessStage implements Stage {
    public String name() {
      return "keyness";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.LEXICAL_UNITS, Columns.ZONES, LexicalUnits.NGRAMS));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.KEYNESS));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      Dataset<Row> units = run.get(RunData.LEXICAL_UNITS);
      Dataset<Row> zoneCounts = run.keep(Keyness.zoneCounts(units));
      Dataset<Row> corpusCounts = run.keep(Keyness.corpusCounts(units));
      Keyness.Settings settings =
          new Keyness.Settings(lexical.alpha0(), lexical.correction(), lexical.keynessMinCount());
      Dataset<Row> keyness = run.spark.createDataFrame(List.of(), Table.KEYNESS.schema());
      if (!lexical.comparisons().isEmpty()) {
        keyness =
            keyness.unionByName(
                Keyness.compute(units, zoneCounts, corpusCounts, lexical.comparisons(), settings));
      }
      if (lexical.eachZoneVsRest()) {
        keyness =
            keyness.unionByName(Keyness.eachZoneVersusRest(zoneCounts, corpusCounts, settings));
      }
      keyness = run.keep(keyness);
      run.put(RunData.KEYNESS, keyness);
      return new Counts(lexical.comparisons().size(), keyness.count(), "rows");
    }
  }

  /** Collocations per zone, and every zone mention in its context (KWIC). */
  static final class CollocationsAndKwic implements Stage {
    public String name() {
      return "collocations+kwic";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.LEXICAL_UNITS, Columns.ZONES, LexicalUnits.NGRAMS),
          Uses.of(RunData.SENTENCES, Columns.DOC_ID, Columns.TURN, Columns.SENTENCE, Columns.TEXT));
    }

    public List<Uses> adds() {
      return List.of(Uses.table(RunData.COLLOCATIONS), Uses.table(RunData.MENTIONS));
    }

    public Counts run(RunState run) {
      JobConfig.Lexical lexical = run.config.lexical();
      Dataset<Row> collocations =
          run.keep(
              Keyness.collocations(
                  run.get(RunData.LEXICAL_UNITS),
                  lexical.collocationMinCount(),
                  lexical.collocationTop()));
      Dataset<Row> mentions =
          run.keep(
              Mentions.of(
                  run.get(RunData.SENTENCES),
                  new ZoneMatcher(run.gazetteer),
                  lexical.contextWords()));
      run.put(RunData.COLLOCATIONS, collocations);
      run.put(RunData.MENTIONS, mentions);
      return new Counts(
          run.get(RunData.SENTENCES).count(), collocations.count() + mentions.count(), "rows");
    }
  }
}
