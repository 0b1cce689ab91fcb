package org.discourseatlas.schema;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Every column name of the output tables and of the datasets between stages, defined once. Names
 * are snake_case as the table contract in the README's data dictionary lists them.
 */
public final class Columns {
  private Columns() {}

  /** The named columns of {@code rows}, in that order (a schema's field names, say). */
  public static Dataset<Row> select(Dataset<Row> rows, String... names) {
    return rows.select(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
  }

  // documents
  public static final String DOC_ID = "doc_id";
  public static final String SOURCE_PATH = "source_path";
  public static final String FORMAT = "format";
  public static final String ENCODING = "encoding";
  public static final String TITLE = "title";
  public static final String DATE = "date";
  public static final String PLACE = "place";
  public static final String SOURCE = "source";
  public static final String URL = "url";
  public static final String LANGUAGE = "language";
  public static final String DATE_SOURCE = "date_source";
  public static final String PATH_FIELDS = "path_fields";
  public static final String COUNTRY = "country";
  public static final String YEAR = "year";
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String DUPLICATE_SIMILARITY = "duplicate_similarity";
  public static final String N_TURNS = "n_turns";
  public static final String N_SENTENCES = "n_sentences";
  public static final String N_TOKENS = "n_tokens";

  // rejects
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String BYTES = "bytes";

  // turns
  public static final String TURN = "turn";
  public static final String SPEAKER = "speaker";
  public static final String ROLE = "role";
  public static final String SPEAKER_KIND = "speaker_kind";
  public static final String SPEAKER_AFFILIATION = "speaker_affiliation";
  public static final String TEXT = "text";

  // sentences
  public static final String SENTENCE = "sentence";
  public static final String NAMED_ZONES = "named_zones";
  public static final String ZONES = "zones";
  public static final String SENTIMENT_LABEL = "sentiment_label";
  public static final String SENTIMENT_SCORE = "sentiment_score";
  public static final String SENTIMENT_PROBS = "sentiment_probs";

  /** CoreNLP's own class and score, kept beside the configured model's (decision 0023). */
  public static final String CORENLP_LABEL = "corenlp_label";

  public static final String CORENLP_SCORE = "corenlp_score";

  /** "scored", "too_long" (over sentiment.max-tokens), or null outside the scored scope. */
  public static final String SENTIMENT_STATUS = "sentiment_status";

  // zone_sentiment
  public static final String N_DOCUMENTS = "n_documents";
  public static final String MEAN_SCORE = "mean_score";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";

  /** Share of each sentiment class: "share_" + class label. */
  public static final String SHARE_PREFIX = "share_";

  // zones (the gazetteer the run used)
  public static final String NAME = "name";
  public static final String PARENT = "parent";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String ALIASES = "aliases";

  // topics, topic_prevalence, topic_shares, topic_model_selection
  /** A topic's number, from 0, the index of its share in topic_distribution. */
  public static final String TOPIC = "topic";

  public static final String WEIGHT = "weight";

  /** A topic's label: its top three terms. */
  public static final String LABEL = "label";

  public static final String COHERENCE_NPMI = "coherence_npmi";
  public static final String COHERENCE_UMASS = "coherence_umass";
  public static final String MEAN_SHARE = "mean_share";

  /** Topic units (turns, paragraphs or documents) in a group. */
  public static final String N = "n";

  /** A sentence's paragraph within its turn, from 1. */
  public static final String PARAGRAPH = "paragraph";

  /** Terms of a topic unit that are in the model's vocabulary. */
  public static final String N_TERMS = "n_terms";

  public static final String TOPIC_DISTRIBUTION = "topic_distribution";
  public static final String TOP_TOPIC = "top_topic";
  public static final String TOP_SHARE = "top_share";
  public static final String K = "k";
  public static final String LOG_PERPLEXITY = "log_perplexity";
  public static final String LOG_PERPLEXITY_TRAIN = "log_perplexity_train";
  public static final String LOG_LIKELIHOOD = "log_likelihood";
  public static final String N_TRAIN_UNITS = "n_train_units";
  public static final String N_HELDOUT_UNITS = "n_heldout_units";
  public static final String SECONDS = "seconds";

  // zone_sentiment_comparisons
  public static final String N_TARGET = "n_target";
  public static final String N_REFERENCE = "n_reference";
  public static final String MEAN_TARGET = "mean_target";
  public static final String MEAN_REFERENCE = "mean_reference";
  public static final String DIFFERENCE = "difference";
  public static final String N_DOCUMENTS_TARGET = "n_documents_target";
  public static final String N_DOCUMENTS_REFERENCE = "n_documents_reference";

  // term_frequencies
  public static final String ZONE = "zone";
  public static final String PERIOD = "period";
  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String COUNT = "count";
  public static final String DOC_FREQ = "doc_freq";
  public static final String REL_FREQ = "rel_freq";
  public static final String TF_IDF = "tf_idf";

  // keyness
  public static final String TARGET = "target";
  public static final String REFERENCE = "reference";
  public static final String COUNT_TARGET = "count_target";
  public static final String COUNT_REFERENCE = "count_reference";
  public static final String TOTAL_TARGET = "total_target";
  public static final String TOTAL_REFERENCE = "total_reference";
  public static final String G2 = "g2";
  public static final String CHI2 = "chi2";
  public static final String PMI = "pmi";
  public static final String LOG_ODDS = "log_odds";
  public static final String LOG_ODDS_Z = "log_odds_z";
  public static final String P_VALUE = "p_value";
  public static final String P_VALUE_G2 = "p_value_g2";

  // mentions
  public static final String ALIAS = "alias";
  public static final String LEFT = "left";
  public static final String MATCH = "match";
  public static final String RIGHT = "right";

  // collocations
  public static final String HEAD = "head";
  public static final String TAIL = "tail";
  public static final String RANK = "rank";
  public static final String COUNT_HEAD = "count_head";
  public static final String COUNT_TAIL = "count_tail";

  /**
   * SHA-256 (128 bits, hex) of an input file's bytes: the key by which a refresh recognises inputs
   * it has already ingested. Every record of one file carries its file's hash.
   */
  public static final String CONTENT_HASH = "content_hash";

  // between stages, not written
  /** Input file size in bytes, as listed. */
  public static final String LENGTH = "length";

  /**
   * Input file modification time as listed (milliseconds since the epoch): with the path and
   * length, how a refresh recognises a file it ingested without reading it again (refresh state).
   */
  public static final String MODIFIED = "modified";

  /** Input file bytes. */
  public static final String CONTENT = "content";

  /** Why an input's bytes could not be read (null when they were). */
  public static final String READ_ERROR = "read_error";

  /** The parser's output: "document" or "reject". */
  public static final String KIND = "kind";

  /** A draft's body paragraphs, before corpus-learned boilerplate is removed. */
  public static final String BODY = "body";

  /** A document's turns as an array of (speaker, role, text). */
  public static final String TURN_LIST = "turn_list";

  /** A topic unit's lemmatised terms, stopwords removed. */
  public static final String TERMS = "terms";

  /** A topic unit's term counts over the model vocabulary. */
  public static final String FEATURES = "features";

  /**
   * A sentence's tokens as CoreNLP wrote them (written in sentences: a refresh counts old sentences
   * from them).
   */
  public static final String TOKENS = "tokens";

  /** A sentence's term units: what every lexical statistic counts (LexicalUnits). */
  public static final String TERM_UNITS = "term_units";

  // Framing dictionaries (frames, frame_comparisons, frame_mentions).

  /** A category dictionary's name (a shipped one's, or the file's base name). */
  public static final String DICTIONARY = "dictionary";

  /** A dictionary category; nested ones joined by "/". */
  public static final String CATEGORY = "category";

  /** A dictionary entry as written (globs, multiword). */
  public static final String PATTERN = "pattern";

  public static final String RUNNING_WORDS = "running_words";
  public static final String RATE = "rate";
  public static final String N_DOCUMENTS_WITH = "n_documents_with";
  public static final String DOCUMENT_SHARE = "document_share";
  public static final String RATE_TARGET = "rate_target";
  public static final String RATE_REFERENCE = "rate_reference";

  // Actors (sentences' entities and events, actor_events, actors).

  /** A sentence's named-entity mentions: (text, ner, begin, end). */
  public static final String ENTITIES = "entities";

  /** A sentence's verbs with agent and target as parsed: (verb, agent, agent_head, ...). */
  public static final String EVENTS = "events";

  public static final String NER = "ner";
  public static final String BEGIN = "begin";
  public static final String END = "end";
  public static final String VERB = "verb";
  public static final String AGENT = "agent";
  public static final String AGENT_HEAD = "agent_head";
  public static final String AGENT_TEXT = "agent_text";
  public static final String TARGET_HEAD = "target_head";
  public static final String TARGET_TEXT = "target_text";
  public static final String NEGATED = "negated";
  public static final String PASSIVE = "passive";
  public static final String ACTOR = "actor";
  public static final String MENTIONS = "mentions";
  public static final String AS_AGENT = "as_agent";
  public static final String AS_TARGET = "as_target";
}
