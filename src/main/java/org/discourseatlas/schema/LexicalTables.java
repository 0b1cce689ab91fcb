package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.discourseatlas.schema.TableDefinition.about;
import static org.discourseatlas.schema.TableDefinition.also;
import static org.discourseatlas.schema.TableDefinition.define;
import static org.discourseatlas.schema.TableDefinition.field;

import java.util.List;

/** The lexical tables' definitions: term_frequencies, keyness, collocations. */
final class LexicalTables {
  private LexicalTables() {}

  static final TableDefinition TERM_FREQUENCIES =
      define(
          about("one row per n-gram in a group")
              .section(
                  "Terms: what is counted",
                  """
                  Every lexical table counts the same units. A sentence's tokens (CoreNLP) are lowercased; the
                  gazetteer's multiword names and `terms.multiword-expressions` are kept whole ("eastern aleppo",
                  "humanitarian law"); other words are lemmatised by CoreNLP's morphology, once per word type
                  (capitalised words are not, since they may be names: "ISIS" stays "isis", "Russia" "russia"); stopwords, numbers and punctuation are
                  dropped and leave a gap. N-grams (n = 1..3) run over consecutive units and never across a gap:
                  "liberation of Aleppo" gives no bigram "liberation aleppo". Duplicates are left out.
                  """)
              .note(
                  """
                  Groups: each zone (its sentences: those whose `zones` hold it) all-time, per month and per
                  speaker role; the corpus (zone null) all-time, per month, per role and per source. A group
                  column that does not apply is null; undated documents count only all-time.
                  """),
          List.of(
              Columns.ZONE,
              Columns.PERIOD,
              Columns.ROLE,
              Columns.SOURCE,
              Columns.NGRAM,
              Columns.TERM),
          field(Columns.ZONE, StringType, true, "zone id; null = the whole corpus"),
          field(Columns.PERIOD, StringType, true, "`YYYY-MM`; null = all time"),
          field(
              Columns.ROLE,
              StringType,
              true,
              "`question`, `answer`, `statement`, `moderator`; null = all roles"),
          field(
              Columns.SOURCE, StringType, true, "a source (corpus rows only); null = all sources"),
          field(Columns.TERM, StringType, false, "the n-gram, units joined by a space"),
          field(
              Columns.NGRAM,
              IntegerType,
              false,
              "number of units (a multiword expression is one unit)"),
          field(
              Columns.COUNT,
              LongType,
              false,
              "occurrences in the group's sentences; 2- and 3-grams only from `terms.min-ngram-count`"),
          field(Columns.DOC_FREQ, LongType, false, "documents of the group with the n-gram"),
          field(
              Columns.REL_FREQ,
              DoubleType,
              false,
              "count per 10,000 running words (tokens with a letter or digit, stopwords included) of the group"),
          field(
              Columns.TF_IDF,
              DoubleType,
              false,
              "rel_freq × ln((N+1)/(df+1)), N documents in the corpus, df those with the n-gram (Spark ML's IDF)"));

  static final TableDefinition KEYNESS =
      define(
          about("one row per n-gram in a comparison")
              .note(
                  """
                  For each comparison in `keyness.comparisons` (default Aleppo vs Mosul) and, with
                  `keyness.each-zone-vs-rest`, every zone against the rest of the corpus. Counts are compared
                  within one n-gram order (unigrams against unigram totals). Positive means "more in target".
                  Rows need `count_target + count_reference >= keyness.min-count`.
                  """)
              .after(
                  """
                  The formulas, the correction and the handling of zero counts are in
                  `docs/decisions/0009-keyness-formulas.md`; `KeynessStatsTest` and `KeynessTest` check them
                  against hand-computed values.
                  """),
          List.of(Columns.TARGET, Columns.REFERENCE, Columns.NGRAM, Columns.TERM),
          field(
              Columns.TARGET,
              StringType,
              false,
              "zone ids (a set joined by `+`); reference `rest` = every sentence outside the target's windows"),
          also(Columns.REFERENCE, StringType, false),
          field(Columns.TERM, StringType, false, "as in term_frequencies"),
          also(Columns.NGRAM, IntegerType, false),
          field(Columns.COUNT_TARGET, LongType, false, "the n-gram's count on each side"),
          also(Columns.COUNT_REFERENCE, LongType, false),
          field(Columns.TOTAL_TARGET, LongType, false, "all n-grams of that order on each side"),
          also(Columns.TOTAL_REFERENCE, LongType, false),
          field(
              Columns.G2,
              DoubleType,
              true,
              "log-likelihood G2 (quanteda `textstat_keyness(measure = \"lr\")`), signed"),
          field(
              Columns.CHI2,
              DoubleType,
              true,
              "Pearson chi2 (quanteda `measure = \"chi2\"`), signed; correction per `keyness.correction`"),
          field(
              Columns.PMI,
              DoubleType,
              true,
              "ln(a·N / ((a+b)(a+c))) (quanteda `measure = \"pmi\"`); null when the target count is 0"),
          field(
              Columns.LOG_ODDS,
              DoubleType,
              true,
              "log-odds ratio with informative Dirichlet prior and its z-score (Monroe, Colaresi & Quinn 2008, \"Fightin' Words\"); prior = corpus shares × `keyness.alpha0`"),
          also(Columns.LOG_ODDS_Z, DoubleType, true),
          field(
              Columns.P_VALUE,
              DoubleType,
              true,
              "upper tail of chi2 with 1 df for chi2 and for G2"),
          also(Columns.P_VALUE_G2, DoubleType, true));

  static final TableDefinition COLLOCATIONS =
      define(
          about("top n-grams around each zone")
              .note(
                  """
                  Bigrams and trigrams in a zone's sentences whose head (first units) and tail (last unit) occur
                  together more than chance: Dunning's log-likelihood G2 on the 2×2 table of the zone's n-grams of
                  that order (head then tail, head then other, other then tail, other then other); PMI alongside.
                  Kept: `count >= collocations.min-count`, G2 > 0; the top `collocations.top` by G2.
                  """),
          List.of(Columns.ZONE, Columns.NGRAM, Columns.RANK),
          field(Columns.ZONE, StringType, false, "rank 1 = the highest G2"),
          also(Columns.NGRAM, IntegerType, false),
          also(Columns.RANK, IntegerType, false),
          field(Columns.TERM, StringType, false, "the n-gram, its first units, its last unit"),
          also(Columns.HEAD, StringType, false),
          also(Columns.TAIL, StringType, false),
          field(
              Columns.COUNT,
              LongType,
              false,
              "the n-gram; n-grams of that order starting with head; ending with tail"),
          also(Columns.COUNT_HEAD, LongType, false),
          also(Columns.COUNT_TAIL, LongType, false),
          field(Columns.G2, DoubleType, true, "association, signed G2 (positive = attracted)"),
          also(Columns.PMI, DoubleType, true),
          also(Columns.P_VALUE_G2, DoubleType, true));
}
