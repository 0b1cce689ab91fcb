package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.discourseatlas.schema.TableDefinition.about;
import static org.discourseatlas.schema.TableDefinition.also;
import static org.discourseatlas.schema.TableDefinition.define;
import static org.discourseatlas.schema.TableDefinition.field;

import java.util.List;

/** The corpus tables' definitions: documents, rejects, turns, sentences, zones, mentions. */
final class CorpusTables {
  private CorpusTables() {}

  static final TableDefinition DOCUMENTS =
      define(
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
              "`txt`, `html`, `jsonl`, `csv`, `markdown`, each possibly with `.gz`"),
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
              "SHA-256 (first 128 bits, hex) of the input file's bytes: how a refresh knows the file was ingested; every record of a JSONL/CSV file shares it"));

  static final TableDefinition REJECTS =
      define(
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
              "as in documents; for a file not read (too large, unreadable) `unread:` and a hash of its path and size"));

  static final TableDefinition TURNS =
      define(
          about("one row per speaker turn"),
          List.of(Columns.DOC_ID, Columns.TURN),
          field(Columns.DOC_ID, StringType, false, ""),
          field(Columns.TURN, IntegerType, false, "1, 2, ... in speaking order"),
          field(
              Columns.SPEAKER,
              StringType,
              true,
              "who speaks: the label's name without honorifics or job title (\"Sergey Lavrov\", \"Psaki\"), the role word of an unnamed journalist, moderator or interpreter (\"Question\", \"Moderator\"); for \"A:\" and unlabelled opening text the official the title or opening names; null when not stated (an outlet alone, \"A:\" with no official named)"),
          field(
              Columns.SPEAKER_KIND,
              StringType,
              false,
              "`official`, `journalist` (question labels, outlets, a person with an outlet), `moderator`, `interpreter`, `unknown` (unlabelled text, no official named)"),
          field(
              Columns.SPEAKER_AFFILIATION,
              StringType,
              true,
              "a journalist's outlet (\"Reuters\", \"Al Mayadeen TV\"), an official's job title as written before the name (\"Deputy Foreign Minister\"); null when not stated"),
          field(
              Columns.ROLE,
              StringType,
              false,
              "from the exchange: `question` (a journalist), `moderator`, `answer` (anyone else after a question since the last moderator turn), `statement` (otherwise)"),
          field(
              Columns.TEXT, StringType, false, "the turn's paragraphs, separated by a blank line"));

  static final TableDefinition SENTENCES =
      define(
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
          field(
              Columns.N_TOKENS,
              IntegerType,
              false,
              "running words (tokens with a letter or digit)"),
          field(Columns.TOKENS, createArrayType(StringType, false), false, "CoreNLP's tokens"),
          field(
              Columns.TERM_UNITS,
              createArrayType(StringType, true),
              false,
              "the units the term statistics count, in order: lemmas, multiword names whole; null where a stopword, a number or punctuation breaks an n-gram"),
          field(
              Columns.SENTIMENT_LABEL,
              StringType,
              true,
              "the most probable class of the configured model (`sentiment.model`): `negative`, `neutral`, `positive` for `diplomatic`; CoreNLP's `very_negative` .. `very_positive` for `corenlp`; null when not scored"),
          field(
              Columns.SENTIMENT_SCORE,
              DoubleType,
              true,
              "on -1..+1: P(positive) − P(negative) for `diplomatic`; for `corenlp` the expected class mapped to -1..+1, (Σ p_k·k − 2) / 2, k = 0..4"),
          field(
              Columns.SENTIMENT_PROBS,
              createArrayType(DoubleType, false),
              true,
              "the class probabilities: 3 for `diplomatic` (`negative` first), 5 for `corenlp` (`very_negative` first)"),
          field(
              Columns.CORENLP_LABEL,
              StringType,
              true,
              "CoreNLP's own most probable class (`very_negative` .. `very_positive`) and score ((Σ p_k·k − 2) / 2), whatever `sentiment.model`; null when not scored"),
          also(Columns.CORENLP_SCORE, DoubleType, true),
          field(
              Columns.SENTIMENT_STATUS,
              StringType,
              true,
              "`scored`, `too_long` (over `sentiment.max-tokens`), null outside the scope"),
          field(
              Columns.ENTITIES,
              createArrayType(FramingTables.ENTITY, false),
              true,
              "from the same parse, where `actors.enabled`: named entities (text, CoreNLP class PERSON, LOCATION, ORGANIZATION or MISC, token begin and end) and events (verb lemma, agent and target phrases and head words, negated, passive); null when not parsed"),
          also(Columns.EVENTS, createArrayType(FramingTables.EVENT, false), true));

  static final TableDefinition ZONES =
      define(
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
              "the names matched in sentences"));

  static final TableDefinition MENTIONS =
      define(
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
          also(Columns.RIGHT, StringType, false));
}
