package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.Metadata;
import org.discourseatlas.nlp.SentimentScorer;

/**
 * The output tables: name, schema (columns in order, with types) and sort key. The schema here is
 * the contract with the notebooks; {@code TableSchemaTest} pins it, the README documents it.
 */
public enum Table {
  DOCUMENTS(
      List.of(Columns.DOC_ID, Columns.SOURCE_PATH),
      field(Columns.DOC_ID, StringType, false),
      field(Columns.SOURCE_PATH, StringType, false),
      field(Columns.FORMAT, StringType, false),
      field(Columns.ENCODING, StringType, false),
      field(Columns.TITLE, StringType, true),
      field(Columns.DATE, DateType, true),
      field(Columns.PLACE, StringType, true),
      field(Columns.SOURCE, StringType, true),
      field(Columns.URL, StringType, true),
      field(Columns.LANGUAGE, StringType, false),
      field(Columns.DUPLICATE_OF, StringType, true),
      field(Columns.DUPLICATE_SIMILARITY, DoubleType, true),
      field(Columns.DATE_SOURCE, StringType, true),
      field(Columns.COUNTRY, StringType, true),
      field(Columns.YEAR, IntegerType, true),
      field(Columns.PATH_FIELDS, createMapType(StringType, StringType), true),
      field(Columns.N_TURNS, IntegerType, true),
      field(Columns.N_SENTENCES, IntegerType, true),
      field(Columns.N_TOKENS, LongType, true),
      field(Columns.CONTENT_HASH, StringType, false)),
  REJECTS(
      List.of(Columns.SOURCE_PATH),
      field(Columns.SOURCE_PATH, StringType, false),
      field(Columns.REASON, StringType, false),
      field(Columns.DETAIL, StringType, true),
      field(Columns.BYTES, LongType, false),
      field(Columns.CONTENT_HASH, StringType, false)),
  TURNS(
      List.of(Columns.DOC_ID, Columns.TURN),
      field(Columns.DOC_ID, StringType, false),
      field(Columns.TURN, IntegerType, false),
      field(Columns.SPEAKER, StringType, true),
      field(Columns.ROLE, StringType, false),
      field(Columns.TEXT, StringType, false)),
  SENTENCES(
      List.of(Columns.DOC_ID, Columns.TURN, Columns.SENTENCE),
      field(Columns.DOC_ID, StringType, false),
      field(Columns.TURN, IntegerType, false),
      field(Columns.SENTENCE, IntegerType, false),
      field(Columns.PARAGRAPH, IntegerType, false),
      field(Columns.TEXT, StringType, false),
      field(Columns.NAMED_ZONES, createArrayType(StringType, false), false),
      field(Columns.ZONES, createArrayType(StringType, false), false),
      field(Columns.N_TOKENS, IntegerType, false),
      field(Columns.TOKENS, createArrayType(StringType, false), false),
      field(Columns.SENTIMENT_LABEL, StringType, true),
      field(Columns.SENTIMENT_SCORE, DoubleType, true),
      field(Columns.SENTIMENT_PROBS, createArrayType(DoubleType, false), true),
      field(Columns.SENTIMENT_STATUS, StringType, true)),
  TERM_FREQUENCIES(
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.SOURCE, Columns.NGRAM, Columns.TERM),
      field(Columns.ZONE, StringType, true),
      field(Columns.PERIOD, StringType, true),
      field(Columns.ROLE, StringType, true),
      field(Columns.SOURCE, StringType, true),
      field(Columns.TERM, StringType, false),
      field(Columns.NGRAM, IntegerType, false),
      field(Columns.COUNT, LongType, false),
      field(Columns.DOC_FREQ, LongType, false),
      field(Columns.REL_FREQ, DoubleType, false),
      field(Columns.TF_IDF, DoubleType, false)),
  KEYNESS(
      List.of(Columns.TARGET, Columns.REFERENCE, Columns.NGRAM, Columns.TERM),
      field(Columns.TARGET, StringType, false),
      field(Columns.REFERENCE, StringType, false),
      field(Columns.TERM, StringType, false),
      field(Columns.NGRAM, IntegerType, false),
      field(Columns.COUNT_TARGET, LongType, false),
      field(Columns.COUNT_REFERENCE, LongType, false),
      field(Columns.TOTAL_TARGET, LongType, false),
      field(Columns.TOTAL_REFERENCE, LongType, false),
      field(Columns.G2, DoubleType, true),
      field(Columns.CHI2, DoubleType, true),
      field(Columns.PMI, DoubleType, true),
      field(Columns.LOG_ODDS, DoubleType, true),
      field(Columns.LOG_ODDS_Z, DoubleType, true),
      field(Columns.P_VALUE, DoubleType, true),
      field(Columns.P_VALUE_G2, DoubleType, true)),
  ZONE_SENTIMENT(
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE),
      field(Columns.ZONE, StringType, false),
      field(Columns.PERIOD, StringType, true),
      field(Columns.ROLE, StringType, true),
      field(Columns.N_SENTENCES, LongType, false),
      field(Columns.N_DOCUMENTS, LongType, false),
      field(Columns.MEAN_SCORE, DoubleType, false),
      field(Columns.CI_LOW, DoubleType, true),
      field(Columns.CI_HIGH, DoubleType, true),
      field(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(0), DoubleType, false),
      field(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(1), DoubleType, false),
      field(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(2), DoubleType, false),
      field(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(3), DoubleType, false),
      field(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(4), DoubleType, false)),
  ZONE_SENTIMENT_COMPARISONS(
      List.of(Columns.TARGET, Columns.REFERENCE),
      field(Columns.TARGET, StringType, false),
      field(Columns.REFERENCE, StringType, false),
      field(Columns.N_TARGET, LongType, false),
      field(Columns.N_REFERENCE, LongType, false),
      field(Columns.N_DOCUMENTS_TARGET, LongType, false),
      field(Columns.N_DOCUMENTS_REFERENCE, LongType, false),
      field(Columns.MEAN_TARGET, DoubleType, true),
      field(Columns.MEAN_REFERENCE, DoubleType, true),
      field(Columns.DIFFERENCE, DoubleType, true),
      field(Columns.CI_LOW, DoubleType, true),
      field(Columns.CI_HIGH, DoubleType, true)),
  MENTIONS(
      List.of(Columns.DOC_ID, Columns.SENTENCE, Columns.ZONE, Columns.MATCH),
      field(Columns.ZONE, StringType, false),
      field(Columns.DOC_ID, StringType, false),
      field(Columns.TURN, IntegerType, false),
      field(Columns.SENTENCE, IntegerType, false),
      field(Columns.ALIAS, StringType, false),
      field(Columns.LEFT, StringType, false),
      field(Columns.MATCH, StringType, false),
      field(Columns.RIGHT, StringType, false)),
  COLLOCATIONS(
      List.of(Columns.ZONE, Columns.NGRAM, Columns.RANK),
      field(Columns.ZONE, StringType, false),
      field(Columns.NGRAM, IntegerType, false),
      field(Columns.RANK, IntegerType, false),
      field(Columns.TERM, StringType, false),
      field(Columns.HEAD, StringType, false),
      field(Columns.TAIL, StringType, false),
      field(Columns.COUNT, LongType, false),
      field(Columns.COUNT_HEAD, LongType, false),
      field(Columns.COUNT_TAIL, LongType, false),
      field(Columns.G2, DoubleType, true),
      field(Columns.PMI, DoubleType, true),
      field(Columns.P_VALUE_G2, DoubleType, true)),
  ZONES(
      List.of(Columns.ZONE),
      field(Columns.ZONE, StringType, false),
      field(Columns.NAME, StringType, false),
      field(Columns.PARENT, StringType, true),
      field(Columns.LATITUDE, DoubleType, true),
      field(Columns.LONGITUDE, DoubleType, true),
      field(Columns.ALIASES, createArrayType(StringType, false), false)),
  TOPICS(
      List.of(Columns.TOPIC, Columns.RANK),
      field(Columns.TOPIC, IntegerType, false),
      field(Columns.RANK, IntegerType, false),
      field(Columns.TERM, StringType, false),
      field(Columns.WEIGHT, DoubleType, false),
      field(Columns.LABEL, StringType, false),
      field(Columns.COHERENCE_NPMI, DoubleType, true),
      field(Columns.COHERENCE_UMASS, DoubleType, true),
      field(Columns.MEAN_SHARE, DoubleType, true)),
  TOPIC_PREVALENCE(
      List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE, Columns.TOPIC),
      field(Columns.ZONE, StringType, true),
      field(Columns.PERIOD, StringType, true),
      field(Columns.ROLE, StringType, true),
      field(Columns.TOPIC, IntegerType, false),
      field(Columns.LABEL, StringType, false),
      field(Columns.MEAN_SHARE, DoubleType, false),
      field(Columns.CI_LOW, DoubleType, true),
      field(Columns.CI_HIGH, DoubleType, true),
      field(Columns.N, LongType, false),
      field(Columns.N_DOCUMENTS, LongType, false)),
  TOPIC_PREVALENCE_COMPARISONS(
      List.of(Columns.TARGET, Columns.REFERENCE, Columns.TOPIC),
      field(Columns.TARGET, StringType, false),
      field(Columns.REFERENCE, StringType, false),
      field(Columns.TOPIC, IntegerType, false),
      field(Columns.LABEL, StringType, false),
      field(Columns.N_TARGET, LongType, false),
      field(Columns.N_REFERENCE, LongType, false),
      field(Columns.N_DOCUMENTS_TARGET, LongType, false),
      field(Columns.N_DOCUMENTS_REFERENCE, LongType, false),
      field(Columns.MEAN_TARGET, DoubleType, true),
      field(Columns.MEAN_REFERENCE, DoubleType, true),
      field(Columns.DIFFERENCE, DoubleType, true),
      field(Columns.CI_LOW, DoubleType, true),
      field(Columns.CI_HIGH, DoubleType, true)),
  TOPIC_SHARES(
      List.of(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH),
      field(Columns.DOC_ID, StringType, false),
      field(Columns.TURN, IntegerType, true),
      field(Columns.PARAGRAPH, IntegerType, true),
      field(Columns.PERIOD, StringType, true),
      field(Columns.ROLE, StringType, true),
      field(Columns.ZONES, createArrayType(StringType, false), false),
      field(Columns.N_TERMS, IntegerType, false),
      field(Columns.TOPIC_DISTRIBUTION, createArrayType(DoubleType, false), false),
      field(Columns.TOP_TOPIC, IntegerType, false),
      field(Columns.TOP_SHARE, DoubleType, false)),
  TOPIC_MODEL_SELECTION(
      List.of(Columns.K),
      field(Columns.K, IntegerType, false),
      field(Columns.LOG_PERPLEXITY, DoubleType, true),
      field(Columns.LOG_PERPLEXITY_TRAIN, DoubleType, true),
      field(Columns.LOG_LIKELIHOOD, DoubleType, true),
      field(Columns.COHERENCE_NPMI, DoubleType, true),
      field(Columns.COHERENCE_UMASS, DoubleType, true),
      field(Columns.N_TRAIN_UNITS, LongType, false),
      field(Columns.N_HELDOUT_UNITS, LongType, false),
      field(Columns.SECONDS, DoubleType, false));

  private final List<String> sortKey;
  private final StructType schema;

  Table(List<String> sortKey, StructField... fields) {
    this.sortKey = sortKey;
    this.schema = new StructType(fields);
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

  private static StructField field(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }
}
