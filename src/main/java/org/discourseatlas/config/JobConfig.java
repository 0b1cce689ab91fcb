package org.discourseatlas.config;

import java.io.Serializable;
import java.util.List;
import org.discourseatlas.parse.ParserSettings;
import org.discourseatlas.stats.KeynessStats;

/**
 * The job's configuration, validated and immutable: what {@code reference.conf} and the user's
 * {@code --config} file say, under {@code discourse-atlas}.
 *
 * @param parser ingestion settings ({@code ingest.*}, {@code turns.*})
 * @param repeatedLines how a source's boilerplate is learned ({@code ingest.repeated-lines})
 * @param nearDuplicates how near duplicates are found ({@code ingest.near-duplicates})
 * @param maxSecondsPerFile time budget for reading, decoding and parsing one input, and for
 *     splitting one record's turns; past it the input is a reject ({@code
 *     ingest.max-seconds-per-file})
 * @param gazetteerPath the user's gazetteer file, or null for the shipped default ({@code
 *     zones.gazetteer})
 * @param zoneWindow sentences a zone carries forward within a turn ({@code zones.window})
 * @param minTermLength shortest counted term ({@code terms.min-term-length})
 * @param extraStopwords stopwords added to the default list ({@code terms.extra-stopwords})
 * @param lexical n-grams, keyness, collocations and KWIC settings
 * @param sentiment what is scored, with which parser, and how intervals are computed
 * @param topics the topic model: units, vocabulary, LDA, prevalence and model selection
 * @param frames the category dictionaries counted per zone
 * @param actors entities and events in the zone windows
 * @param rendered the merged configuration as HOCON, for the run manifest
 */
public record JobConfig(
    ParserSettings parser,
    RepeatedLines repeatedLines,
    NearDuplicates nearDuplicates,
    long maxSecondsPerFile,
    String gazetteerPath,
    int zoneWindow,
    int minTermLength,
    List<String> extraStopwords,
    Lexical lexical,
    Sentiment sentiment,
    Topics topics,
    Frames frames,
    Actors actors,
    String rendered)
    implements Serializable {

  /**
   * Framing dictionaries ({@code frames.*}): shipped names or file paths, the bootstrap of the
   * intervals, the comparisons.
   */
  public record Frames(
      List<String> dictionaries,
      int bootstrapResamples,
      long seed,
      List<KeynessComparison> comparisons)
      implements Serializable {}

  /** Actors ({@code actors.*}): whether the sentiment stage's parse also gives them; aliases. */
  public record Actors(boolean enabled, String dictionary) implements Serializable {}

  /** Sentiment settings ({@code sentiment.*}). */
  public record Sentiment(
      boolean allSentences,
      String parser,
      String model,
      int maxTokens,
      int batchSize,
      int bootstrapResamples,
      long seed,
      List<KeynessComparison> comparisons)
      implements Serializable {
    /** {@code sentiment.model}: CoreNLP's own 5 classes. */
    public static final String CORENLP = "corenlp";

    /** {@code sentiment.model}: the diplomatic model over CoreNLP's parse (decision 0023). */
    public static final String DIPLOMATIC = "diplomatic";

    /** Whether sentiment_label/score/probs are the diplomatic model's. */
    public boolean diplomatic() {
      return DIPLOMATIC.equals(model);
    }
  }

  /** What a topic model is fitted on ({@code topics.unit}). */
  public enum TopicUnit {
    TURN,
    PARAGRAPH,
    DOCUMENT
  }

  /**
   * Topic model settings ({@code topics.*}).
   *
   * @param extraStopwords words left out of topic terms only
   * @param miniBatchFraction the online optimizer's share of units per iteration; 0 = automatic
   * @param docConcentration alpha; 0 = automatic (online 50/k, em Spark's default)
   * @param topicConcentration eta; 0 = automatic (online 0.1, em Spark's default)
   * @param vocabularySize the most frequent terms kept (by unit frequency, then term)
   * @param minDocFreq a term must be in at least this many units
   * @param maxDocShare and in at most this share of units
   * @param selectionK the k of the model-selection table (empty: no selection)
   * @param reuseModel infer with the latest snapshot's model instead of refitting, when it fits
   *     this configuration
   */
  public record Topics(
      boolean enabled,
      TopicUnit unit,
      List<String> extraStopwords,
      int minUnitTerms,
      int k,
      String optimizer,
      int maxIterations,
      long seed,
      double miniBatchFraction,
      double docConcentration,
      double topicConcentration,
      double learningOffset,
      double learningDecay,
      int partitions,
      int vocabularySize,
      int minDocFreq,
      double maxDocShare,
      int topTerms,
      int coherenceTerms,
      int bootstrapResamples,
      List<KeynessComparison> comparisons,
      List<Integer> selectionK,
      double heldoutShare,
      boolean reuseModel)
      implements Serializable {}

  /**
   * Lexical statistics settings ({@code terms.*}, {@code keyness.*}, {@code collocations.*}, {@code
   * mentions.*}).
   */
  public record Lexical(
      boolean lemmas,
      int maxNgram,
      int minNgramCount,
      List<String> multiwordExpressions,
      List<KeynessComparison> comparisons,
      boolean eachZoneVsRest,
      int keynessMinCount,
      double alpha0,
      KeynessStats.Correction correction,
      int collocationMinCount,
      int collocationTop,
      int contextWords)
      implements Serializable {}

  /** A target zone set against a reference zone set, or against the rest (empty reference). */
  public record KeynessComparison(List<String> target, List<String> reference)
      implements Serializable {
    /** The reference that stands for every sentence outside the target's windows. */
    public static final String REST = "rest";

    public String targetLabel() {
      return String.join("+", target);
    }

    public String referenceLabel() {
      return reference.isEmpty() ? REST : String.join("+", reference);
    }
  }

  /**
   * A paragraph of at most {@code maxWords} words found in at least {@code minDocuments} distinct
   * documents of a source, and in at least {@code minShare} of them, is that source's boilerplate.
   */
  public record RepeatedLines(int minDocuments, double minShare, int maxWords)
      implements Serializable {}

  /**
   * Documents whose word {@code shingleWords}-gram sets have Jaccard similarity of at least {@code
   * minJaccard} are near duplicates (MinHashLSH seeded with {@code seed}).
   */
  public record NearDuplicates(boolean enabled, double minJaccard, int shingleWords, long seed)
      implements Serializable {}
}
