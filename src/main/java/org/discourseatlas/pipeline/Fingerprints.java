package org.discourseatlas.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.nlp.DiplomaticSentiment;
import org.discourseatlas.nlp.SentimentScorer;
import org.discourseatlas.text.Sha256Hex;
import org.discourseatlas.turns.TurnSegmenter;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * A fingerprint of each part of the configuration that shapes per-document results, recorded in the
 * manifest. A refresh compares them with its base snapshot's to recompute exactly what a change
 * affects:
 *
 * <ul>
 *   <li>{@code ingest} (parser, boilerplate and near-duplicate settings): documents themselves
 *       would differ, so every input is analysed again;
 *   <li>{@code zones} (gazetteer, window): earlier sentences are tagged again;
 *   <li>{@code sentiment} (scope, parser, model and the diplomatic model file's hash, token limit,
 *       whether and with which NER model the parse also gives actors): earlier sentences are scored
 *       again;
 *   <li>{@code topics} ({@code TopicFingerprint.of}): a new model is fitted, every unit inferred;
 *   <li>{@code frames} (the framing dictionaries' content, the frame comparisons' sides, the KWIC
 *       context): each document's frame counts and the frame mentions are made again;
 *   <li>{@code actors} (the actor dictionary's content): the actors of earlier sentences are named
 *       again from their kept parse.
 * </ul>
 *
 * <p>{@code lexical} (term length, stopwords, lemmas, n-gram length, multiword expressions): the
 * kept term counts and the earlier sentences' term units are made again (decision 0025). Settings
 * that only shape the tables of groups (intervals, thresholds, keyness comparisons) are in none:
 * those tables are computed every run.
 */
public record Fingerprints(
    String ingest,
    String zones,
    String sentiment,
    String topics,
    String lexical,
    String frames,
    String actors) {
  static final String INGEST = "ingest";
  static final String ZONES = "zones";
  static final String SENTIMENT = "sentiment";
  static final String TOPICS = "topics";
  static final String LEXICAL = "lexical";
  static final String FRAMES = "frames";
  static final String ACTORS = "actors";

  static Fingerprints of(
      JobConfig config,
      ZoneGazetteer gazetteer,
      String topicsFingerprint,
      ReferenceFiles.Dictionaries dictionaries) {
    JobConfig.Sentiment sentiment = config.sentiment();
    JobConfig.Lexical lexical = config.lexical();
    return new Fingerprints(
        digest(
            config.parser(),
            config.repeatedLines(),
            config.nearDuplicates(),
            TurnSegmenter.RULES_VERSION),
        digest(gazetteer.zones(), config.zoneWindow()),
        digest(
            sentiment.allSentences(),
            sentiment.parser(),
            sentiment.model(),
            // The model file's hash: a retrained model scores earlier sentences again.
            sentiment.diplomatic() ? DiplomaticSentiment.shippedSha256() : "",
            sentiment.maxTokens(),
            config.actors().enabled(),
            SentimentScorer.NER_MODEL),
        topicsFingerprint,
        digest(
            config.minTermLength(),
            new TreeSet<>(config.extraStopwords()),
            lexical.lemmas(),
            lexical.maxNgram(),
            new TreeSet<>(lexical.multiwordExpressions())),
        // The dictionaries as read (records print every category and pattern): an edited file
        // counts again; the comparisons' sides decide which documents each side counts.
        digest(
            dictionaries.frames(),
            config.frames().comparisons().stream()
                .map(c -> List.of(c.target(), c.reference()))
                .toList(),
            lexical.contextWords()),
        // No dictionary when actors are off (the sentiment fingerprint says so too).
        digest(String.valueOf(dictionaries.actors())));
  }

  Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(INGEST, ingest);
    map.put(ZONES, zones);
    map.put(SENTIMENT, sentiment);
    map.put(TOPICS, topics);
    map.put(LEXICAL, lexical);
    map.put(FRAMES, frames);
    map.put(ACTORS, actors);
    return map;
  }

  /** SHA-256 (128 bits, hex) of the parts' text; records and lists print their fields in order. */
  static String digest(Object... parts) {
    return Sha256Hex.of(List.of(parts).toString());
  }
}
