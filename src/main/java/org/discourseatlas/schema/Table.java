package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.nlp.SentimentScorer;

/**
 * The output tables: name, schema (columns in order, with types), sort key, and what each table and
 * column means. This is the one copy of the table contract with the notebooks: {@code
 * TableContractTest} generates the README's data dictionary and {@code notebooks/atlas_tables.py}
 * from it (and fails when they drift), and {@code
 * DataSampleEndToEndTest.everyTableHasItsContractSchema} checks that the job writes these schemas.
 *
 * <p>A column's meaning is given where it is declared ({@link #field(String, DataType, boolean,
 * String)}); {@link #also(String, DataType, boolean)} declares a column documented together with
 * the one before it (one row of the data dictionary, e.g. {@code left, match, right}).
 */
public enum Table {
  DOCUMENTS(
      about("one row per transcript (duplicates included)"),
      List.of(Columns.DOC_ID, Columns.SOURCE_PATH),
      field(
          Columns.DOC_ID,
          StringType,
          false,
          "SHA-256 (first 128 bits, hex) of the cleaned text, white space folded, NFC"),
      field(
          Columns.SOURCE_PATH,
          StringType,
          false,
          "the input's full path; for JSONL `<path>#<line>`"),
      field(
          Columns.FORMAT,
          StringType,
          false,
          "`txt`, `html`, `jsonl`, `csv`, each possibly with `.gz`"),
      field(
          Columns.ENCODING,
          StringType,
          false,
          "`UTF-8`, `UTF-8-BOM`, `windows-1251`, `windows-1252`, `ISO-8859-1`"),
      field(
          Columns.TITLE,
          StringType,
          true,
          "title line, `<h1>`/`<title>`, or JSONL title; null if none"),
      field(
          Columns.DATE,
          DateType,
          true,
          "the transcript's date; null if none found (counted in the manifest)"),
      field(
          Columns.PLACE,
          StringType,
          true,
          "from the title (\"..., Moscow, March 14, 2017\"); null if none"),
      field(Columns.SOURCE, StringType, true, "the ministry/site (see `ingest.sources`)"),
      field(Columns.URL, StringType, true, "JSONL `url` field; null otherwise"),
      field(Columns.LANGUAGE, StringType, false, "`en` (other languages are rejected)"),
      field(
          Columns.DUPLICATE_OF,
          StringType,
          true,
          "null for an analysed document; the analysed copy's doc_id for a duplicate"),
      field(
          Columns.DUPLICATE_SIMILARITY,
          DoubleType,
          true,
          "null for an analysed document; 1.0 for an exact copy; the Jaccard similarity for a near duplicate"),
      field(
          Columns.DATE_SOURCE,
          StringType,
          true,
          "`metadata`, `title`, `path`, `text`; null without a date"),
      field(Columns.COUNTRY, StringType, true, "the `{country}` path field; null without one"),
      field(Columns.YEAR, IntegerType, true, "the date's year, else the `{year}` path field"),
      field(
          Columns.PATH_FIELDS,
          createMapType(StringType, StringType),
          true,
          "every field of the first matching path pattern"),
      field(
          Columns.N_TURNS,
          IntegerType,
          true,
          "turns, sentences, running words; an exact copy shows its analysed copy's counts, a near duplicate null (not analysed)"),
      also(Columns.N_SENTENCES, IntegerType, true),
      also(Columns.N_TOKENS, LongType, true),
      field(
          Columns.CONTENT_HASH,
          StringType,
          false,
          "SHA-256 (first 128 bits, hex) of the input file's bytes: how a refresh knows the file was ingested; every record of a JSONL/CSV file shares it")),
  REJECTS(
      about("one row per input (or JSONL record) not analysed"),
      List.of(Columns.SOURCE_PATH),
      field(Columns.SOURCE_PATH, StringType, false, "as in documents"),
      field(Columns.REASON, StringType, false, "a code from the table under \"Input\""),
      field(Columns.DETAIL, StringType, true, "what exactly was wrong"),
      field(Columns.BYTES, LongType, false, "size of the file (or JSONL line)"),
      field(
          Columns.CONTENT_HASH,
          StringType,
          false,
          "as in documents; for a file not read (too large, unreadable) `unread:` and a hash of its path and size")),
  TURNS(
      about("one row per speaker turn"),
      List.of(Columns.DOC_ID, Columns.TURN),
      field(Columns.DOC_ID, StringType, false, ""),
      field(Columns.TURN, IntegerType, false, "1, 2, ... in speaking order"),
      field(
          Columns.SPEAKER,
          StringType,
          true,
          "the normalised label (\"Sergey Lavrov\", \"Psaki\", \"Question\"); null for unlabelled text and \"A:\""),
      field(Columns.ROLE, StringType, false, "`question`, `answer`, `statement`, `moderator`"),
      field(Columns.TEXT, StringType, false, "the turn's paragraphs, separated by a blank line")),
  SENTENCES(
      about("one row per sentence (CoreNLP's splitter)"),
      List.of(Columns.DOC_ID, Columns.TURN, Columns.SENTENCE),
      field(Columns.DOC_ID, StringType, false, ""),
      also(Columns.TURN, IntegerType, false),
      field(Columns.SENTENCE, IntegerType, false, "1, 2, ... through the document"),
      field(
          Columns.PARAGRAPH,
          IntegerType,
          false,
          "the sentence's paragraph (blank-line block) within its turn, from 1"),
      field(Columns.TEXT, StringType, false, "the sentence as written"),
      field(
          Columns.NAMED_ZONES,
          createArrayType(StringType, false),
          false,
          "zone ids the sentence names, sorted"),
      field(
          Columns.ZONES,
          createArrayType(StringType, false),
          false,
          "named zones plus those carried by the window, sorted"),
      field(Columns.N_TOKENS, IntegerType, false, "running words (tokens with a letter or digit)"),
      field(
          Columns.TOKENS,
          createArrayType(StringType, false),
          false,
          "CoreNLP's tokens, as the term statistics count them (a refresh recounts earlier sentences from these)"),
      field(
          Columns.SENTIMENT_LABEL,
          StringType,
          true,
          "CoreNLP's most probable class: `very_negative` .. `very_positive`; null when not scored"),
      field(
          Columns.SENTIMENT_SCORE,
          DoubleType,
          true,
          "the expected class mapped to -1..+1: (Σ p_k·k − 2) / 2, k = 0..4"),
      field(
          Columns.SENTIMENT_PROBS,
          createArrayType(DoubleType, false),
          true,
          "the 5 class probabilities, `very_negative` first"),
      field(
          Columns.SENTIMENT_STATUS,
          StringType,
          true,
          "`scored`, `too_long` (over `sentiment.max-tokens`), null outside the scope")),
  TERM_FREQUENCIES(
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
          Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE, Columns.NGRAM, Columns.TERM),
      field(Columns.ZONE, StringType, true, "zone id; null = the whole corpus"),
      field(Columns.PERIOD, StringType, true, "`YYYY-MM`; null = all time"),
      field(
          Columns.ROLE,
          StringType,
          true,
          "`question`, `answer`, `statement`, `moderator`; null = all roles"),
      field(Columns.SOURCE, StringType, true, "a source (corpus rows only); null = all sources"),
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
          "rel_freq × ln((N+1)/(df+1)), N documents in the corpus, df those with the n-gram (Spark ML's IDF)")),
  KEYNESS(
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
      field(Columns.P_VALUE, DoubleType, true, "upper tail of chi2 with 1 df for chi2 and for G2"),
      also(Columns.P_VALUE_G2, DoubleType, true)),
  ZONE_SENTIMENT(
      about("one row per group")
          .note(
              """
              Over the scored sentences of each zone (its windows): all time (period and role null), per month,
              per speaker role. CoreNLP's model was trained on movie reviews; on 259 diplomatic sentences written
              for the project it reaches accuracy 0.71 (3 classes; `src/test/resources/sentiment/README.md`):
              compare zones and months with each other rather than reading scores as absolute tone.
              """),
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE),
      field(Columns.ZONE, StringType, false, "the group; null where it does not apply"),
      also(Columns.PERIOD, StringType, true),
      also(Columns.ROLE, StringType, true),
      field(Columns.N_SENTENCES, LongType, false, "scored sentences and their documents"),
      also(Columns.N_DOCUMENTS, LongType, false),
      field(Columns.MEAN_SCORE, DoubleType, false, "mean sentiment_score"),
      field(
          Columns.CI_LOW,
          DoubleType,
          true,
          "95% percentile bootstrap interval, documents resampled with all their sentences (`sentiment.bootstrap-resamples`, seeded per group)"),
      also(Columns.CI_HIGH, DoubleType, true),
      field(
          Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(0),
          DoubleType,
          false,
          "share of each class"),
      also(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(1), DoubleType, false),
      also(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(2), DoubleType, false),
      also(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(3), DoubleType, false),
      also(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(4), DoubleType, false)),
  ZONE_SENTIMENT_COMPARISONS(
      about("one row per configured comparison"),
      List.of(Columns.TARGET, Columns.REFERENCE),
      field(
          Columns.TARGET,
          StringType,
          false,
          "zone ids (sets joined by `+`; `rest` = scored sentences outside the target)"),
      also(Columns.REFERENCE, StringType, false),
      field(Columns.N_TARGET, LongType, false, "sentences and documents on each side"),
      also(Columns.N_REFERENCE, LongType, false),
      also(Columns.N_DOCUMENTS_TARGET, LongType, false),
      also(Columns.N_DOCUMENTS_REFERENCE, LongType, false),
      field(Columns.MEAN_TARGET, DoubleType, true, "mean scores and target − reference"),
      also(Columns.MEAN_REFERENCE, DoubleType, true),
      also(Columns.DIFFERENCE, DoubleType, true),
      field(
          Columns.CI_LOW,
          DoubleType,
          true,
          "95% interval of the difference: the two sides bootstrapped independently over documents"),
      also(Columns.CI_HIGH, DoubleType, true)),
  MENTIONS(
      about("one row per zone mention (KWIC)"),
      List.of(Columns.DOC_ID, Columns.SENTENCE, Columns.ZONE, Columns.MATCH),
      field(Columns.ZONE, StringType, false, "where"),
      also(Columns.DOC_ID, StringType, false),
      also(Columns.TURN, IntegerType, false),
      also(Columns.SENTENCE, IntegerType, false),
      field(
          Columns.ALIAS,
          StringType,
          false,
          "the gazetteer alias that matched (\"eastern Aleppo\")"),
      field(
          Columns.LEFT,
          StringType,
          false,
          "up to `mentions.context-words` words of the sentence before, the text as written, the words after"),
      also(Columns.MATCH, StringType, false),
      also(Columns.RIGHT, StringType, false)),
  COLLOCATIONS(
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
      also(Columns.P_VALUE_G2, DoubleType, true)),
  ZONES(
      about("one row per gazetteer zone the run tagged with"),
      List.of(Columns.ZONE),
      field(Columns.ZONE, StringType, false, "the zone id used in every other table"),
      field(Columns.NAME, StringType, false, "display name; country or region"),
      also(Columns.PARENT, StringType, true),
      field(Columns.LATITUDE, DoubleType, true, "for maps"),
      also(Columns.LONGITUDE, DoubleType, true),
      field(
          Columns.ALIASES,
          createArrayType(StringType, false),
          false,
          "the names matched in sentences")),
  TOPICS(
      about("one row per top term of a topic")
          .section(
              "Topics: what is modelled",
              """
              Spark MLlib LDA (online by default) over topic units — speaker turns by default — of the analysed
              documents (duplicates excluded). A unit's terms are the lexical unigrams above (lemmas, multiword
              names whole, stopwords removed); the vocabulary keeps terms in ≥ 2 units and ≤ 50% of them, the
              5,000 most frequent. A unit belongs to a zone when one of its sentences is in the zone's window.
              The vocabulary and model are saved under `<output>/models/snapshot=YYYY-MM/run=<run_id>/` (the
              manifest's `models`; `topic-vocabulary`, `topic-lda`: Spark ML `CountVectorizerModel` and
              `LocalLDAModel`, and `topic-model.json`, beside `repeated-lines.json`, the boilerplate lines
              the run removed per source); a later
              run into the same output reuses the latest one when it was fitted under the same topic and term
              settings, so months stay comparable (the manifest's `topic_model` says `fitted` or `reused`, and
              from which snapshot). See `docs/decisions/0012-topic-model.md`.
              """),
      List.of(Columns.TOPIC, Columns.RANK),
      field(Columns.TOPIC, IntegerType, false, "0 .. k−1, the index into `topic_distribution`"),
      field(
          Columns.RANK,
          IntegerType,
          false,
          "the term's rank (1 = most probable) and its probability in the topic"),
      also(Columns.TERM, StringType, false),
      also(Columns.WEIGHT, DoubleType, false),
      field(Columns.LABEL, StringType, false, "the topic's top three terms"),
      field(
          Columns.COHERENCE_NPMI,
          DoubleType,
          true,
          "mean NPMI of the top 10 terms' pairs over unit co-occurrence (−1 never together .. 1 always)"),
      field(
          Columns.COHERENCE_UMASS,
          DoubleType,
          true,
          "mean UMass score, ln((D(w_m, w_l) + 1) / D(w_l)) over ranked pairs (≤ ~0; closer to 0 is more coherent)"),
      field(
          Columns.MEAN_SHARE, DoubleType, true, "the topic's mean share over all modelled units")),
  TOPIC_PREVALENCE(
      about("one row per topic in a group")
          .note(
              """
              Groups: the whole corpus (zone null), per month (zone null), per zone, zone × month, zone × role,
              zone × month × role. A group's mean shares sum to 1.
              """),
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.TOPIC),
      field(Columns.ZONE, StringType, true, "the group; null where it does not apply"),
      also(Columns.PERIOD, StringType, true),
      also(Columns.ROLE, StringType, true),
      field(Columns.TOPIC, IntegerType, false, ""),
      also(Columns.LABEL, StringType, false),
      field(Columns.MEAN_SHARE, DoubleType, false, "mean topic share over the group's units"),
      field(
          Columns.CI_LOW,
          DoubleType,
          true,
          "95% percentile bootstrap interval, documents resampled with all their units (`topics.bootstrap-resamples`, seeded per group)"),
      also(Columns.CI_HIGH, DoubleType, true),
      field(Columns.N, LongType, false, "units and documents in the group"),
      also(Columns.N_DOCUMENTS, LongType, false)),
  TOPIC_PREVALENCE_COMPARISONS(
      about("one row per topic of a configured comparison"),
      List.of(Columns.TARGET, Columns.REFERENCE, Columns.TOPIC),
      field(Columns.TARGET, StringType, false, "`rest` = units outside the target"),
      also(Columns.REFERENCE, StringType, false),
      also(Columns.TOPIC, IntegerType, false),
      also(Columns.LABEL, StringType, false),
      field(Columns.N_TARGET, LongType, false, "units and documents on each side"),
      also(Columns.N_REFERENCE, LongType, false),
      also(Columns.N_DOCUMENTS_TARGET, LongType, false),
      also(Columns.N_DOCUMENTS_REFERENCE, LongType, false),
      field(Columns.MEAN_TARGET, DoubleType, true, "mean shares and target − reference"),
      also(Columns.MEAN_REFERENCE, DoubleType, true),
      also(Columns.DIFFERENCE, DoubleType, true),
      field(
          Columns.CI_LOW,
          DoubleType,
          true,
          "95% interval of the difference (independent document bootstraps)"),
      also(Columns.CI_HIGH, DoubleType, true)),
  TOPIC_SHARES(
      about("one row per modelled unit"),
      List.of(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH),
      field(
          Columns.DOC_ID,
          StringType,
          false,
          "the unit (turn null for document units, paragraph null unless paragraph units)"),
      also(Columns.TURN, IntegerType, true),
      also(Columns.PARAGRAPH, IntegerType, true),
      field(
          Columns.PERIOD,
          StringType,
          true,
          "its month and speaker role (role null for document units)"),
      also(Columns.ROLE, StringType, true),
      field(
          Columns.ZONES,
          createArrayType(StringType, false),
          false,
          "zones of its sentences' windows"),
      field(Columns.N_TERMS, IntegerType, false, "vocabulary terms in it"),
      field(
          Columns.TOPIC_DISTRIBUTION,
          createArrayType(DoubleType, false),
          false,
          "k shares summing to 1"),
      field(Columns.TOP_TOPIC, IntegerType, false, "its most prevalent topic"),
      also(Columns.TOP_SHARE, DoubleType, false)),
  TOPIC_MODEL_SELECTION(
      about("one row per k, written when `topics.model-selection.k` is set"),
      List.of(Columns.K),
      field(Columns.K, IntegerType, false, "topics"),
      field(
          Columns.LOG_PERPLEXITY,
          DoubleType,
          true,
          "Spark's per-token log perplexity bound on the held-out documents' units (lower is better); null with `em` where Spark's bound is undefined"),
      field(
          Columns.LOG_PERPLEXITY_TRAIN,
          DoubleType,
          true,
          "the bound on the training units; held-out log likelihood bound"),
      also(Columns.LOG_LIKELIHOOD, DoubleType, true),
      field(Columns.COHERENCE_NPMI, DoubleType, true, "mean over the topics"),
      also(Columns.COHERENCE_UMASS, DoubleType, true),
      field(
          Columns.N_TRAIN_UNITS,
          LongType,
          false,
          "units fitted on and held out (by document, `heldout-share`, seeded)"),
      also(Columns.N_HELDOUT_UNITS, LongType, false),
      field(Columns.SECONDS, DoubleType, false, "fit time"));

  /**
   * What the data dictionary says about a table: which rows it holds ("one row per ..."), and
   * optional prose: a {@code section} (heading and text) that introduces it and the tables after
   * it, a {@code note} between its heading and its columns, and text {@code after} its columns.
   * Prose is Markdown, kept with its line breaks; null where there is none.
   */
  public record About(
      String rows, String sectionHeading, String section, String note, String after) {
    About section(String heading, String text) {
      return new About(rows, heading, text, note, after);
    }

    About note(String text) {
      return new About(rows, sectionHeading, section, text, after);
    }

    About after(String text) {
      return new About(rows, sectionHeading, section, note, text);
    }
  }

  /**
   * A column and what it means. A null meaning: documented together with the column before it (same
   * data dictionary row).
   */
  public record Column(StructField field, String meaning) {
    public String name() {
      return field.name();
    }
  }

  private final About about;
  private final List<String> sortKey;
  private final StructType schema;
  private final List<Column> columns;

  Table(About about, List<String> sortKey, Column... columns) {
    if (columns.length == 0 || columns[0].meaning() == null) {
      throw new IllegalArgumentException("the first column of " + name() + " needs a meaning");
    }
    this.about = about;
    this.sortKey = sortKey;
    this.columns = List.of(columns);
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(column.field());
    }
    this.schema = new StructType(fields.toArray(StructField[]::new));
  }

  /** The folder name under the output root. */
  public String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public StructType schema() {
    return schema;
  }

  /** Rows are written sorted by these columns, so two runs give byte-comparable tables. */
  public List<String> sortKey() {
    return sortKey;
  }

  /** What the data dictionary says about the table as a whole. */
  public About about() {
    return about;
  }

  /** The schema's columns in order, each with its meaning (null: as the column before it). */
  public List<Column> columns() {
    return columns;
  }

  /** What a column means: its own text, or that of the column it is documented with. */
  public String meaning(String column) {
    String meaning = null;
    for (Column c : columns) {
      if (c.meaning() != null) {
        meaning = c.meaning();
      }
      if (c.name().equals(column)) {
        return meaning;
      }
    }
    throw new IllegalArgumentException(tableName() + " has no column " + column);
  }

  private static About about(String rows) {
    return new About(rows, null, null, null, null);
  }

  private static Column field(String name, DataType type, boolean nullable, String meaning) {
    if (meaning == null) {
      throw new IllegalArgumentException(
          name + ": a meaning, or also(...) to share the one before");
    }
    return new Column(new StructField(name, type, nullable, Metadata.empty()), meaning);
  }

  /** A column documented in the same data dictionary row as the column before it. */
  private static Column also(String name, DataType type, boolean nullable) {
    return new Column(new StructField(name, type, nullable, Metadata.empty()), null);
  }
}
