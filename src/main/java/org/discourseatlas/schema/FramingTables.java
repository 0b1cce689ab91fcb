package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.discourseatlas.schema.TableDefinition.about;
import static org.discourseatlas.schema.TableDefinition.also;
import static org.discourseatlas.schema.TableDefinition.define;
import static org.discourseatlas.schema.TableDefinition.field;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The framing and actor tables' definitions: frames, frame_comparisons, frame_mentions,
 * actor_events, actors; and the nested types of the sentences' entities and events.
 */
public final class FramingTables {
  private FramingTables() {}

  /** A named-entity mention of a sentence: tokens begin..end (exclusive), CoreNLP's class. */
  public static final StructType ENTITY =
      new StructType()
          .add(Columns.TEXT, StringType, false)
          .add(Columns.NER, StringType, false)
          .add(Columns.BEGIN, IntegerType, false)
          .add(Columns.END, IntegerType, false);

  /** A verb of a sentence with its agent and target phrases and head words (null: absent). */
  public static final StructType EVENT =
      new StructType()
          .add(Columns.VERB, StringType, false)
          .add(Columns.AGENT, StringType, true)
          .add(Columns.AGENT_HEAD, StringType, true)
          .add(Columns.TARGET, StringType, true)
          .add(Columns.TARGET_HEAD, StringType, true)
          .add(Columns.NEGATED, BooleanType, false)
          .add(Columns.PASSIVE, BooleanType, false);

  private static final String GROUP =
      """
      Groups as in term_frequencies: each zone (the sentences in its windows) all time, per month, per role;
      the corpus (zone null) all time, per month, per role, per source.""";

  static final TableDefinition FRAMES =
      define(
          about("one row per dictionary, category and group")
              .section(
                  "Framing and actors",
                  """
                  How a zone is talked about in categories rather than words (`frames.dictionaries`: the shipped
                  conflict-framing dictionary, or the user's in quanteda YAML or LIWC `.dic` format; matching as
                  quanteda's `tokens_lookup`, glob patterns, case-insensitive, see the README's "Framing
                  dictionaries"), and who does what to whom in the zone windows (`actors.enabled`).
                  """)
              .note(GROUP),
          List.of(
              Columns.DICTIONARY,
              Columns.CATEGORY,
              Columns.ZONE,
              Columns.PERIOD,
              Columns.ROLE,
              Columns.SOURCE),
          field(Columns.DICTIONARY, StringType, false, "the dictionary's name and the category"),
          also(Columns.CATEGORY, StringType, false),
          field(Columns.ZONE, StringType, true, "the group; null where it does not apply"),
          also(Columns.PERIOD, StringType, true),
          also(Columns.ROLE, StringType, true),
          also(Columns.SOURCE, StringType, true),
          field(
              Columns.COUNT,
              LongType,
              false,
              "dictionary hits: a multiword match counts once, and a token counts once per category"),
          field(Columns.RUNNING_WORDS, LongType, false, "the group's running words"),
          field(Columns.RATE, DoubleType, false, "hits per 10,000 running words"),
          field(
              Columns.N_DOCUMENTS,
              LongType,
              false,
              "documents of the group, those with a hit, and their share"),
          also(Columns.N_DOCUMENTS_WITH, LongType, false),
          also(Columns.DOCUMENT_SHARE, DoubleType, false),
          field(
              Columns.CI_LOW,
              DoubleType,
              true,
              "95% percentile bootstrap interval of the rate, documents resampled with all their words (`frames.bootstrap-resamples`, seeded per row)"),
          also(Columns.CI_HIGH, DoubleType, true));

  static final TableDefinition FRAME_COMPARISONS =
      define(
          about("one row per configured comparison, dictionary and category"),
          List.of(Columns.TARGET, Columns.REFERENCE, Columns.DICTIONARY, Columns.CATEGORY),
          field(
              Columns.TARGET,
              StringType,
              false,
              "zone ids (`frames.comparisons`; sets joined by `+`, `rest` = sentences outside the target's windows)"),
          also(Columns.REFERENCE, StringType, false),
          field(Columns.DICTIONARY, StringType, false, "the category"),
          also(Columns.CATEGORY, StringType, false),
          field(Columns.COUNT_TARGET, LongType, false, "hits and documents on each side"),
          also(Columns.COUNT_REFERENCE, LongType, false),
          also(Columns.N_DOCUMENTS_TARGET, LongType, false),
          also(Columns.N_DOCUMENTS_REFERENCE, LongType, false),
          field(
              Columns.RATE_TARGET,
              DoubleType,
              true,
              "hits per 10,000 running words on each side, and target − reference"),
          also(Columns.RATE_REFERENCE, DoubleType, true),
          also(Columns.DIFFERENCE, DoubleType, true),
          field(
              Columns.CI_LOW,
              DoubleType,
              true,
              "95% interval of the difference: the two sides bootstrapped independently over documents"),
          also(Columns.CI_HIGH, DoubleType, true));

  static final TableDefinition FRAME_MENTIONS =
      define(
          about("one row per dictionary hit in a zone window and zone (KWIC)"),
          List.of(
              Columns.DOC_ID,
              Columns.SENTENCE,
              Columns.ZONE,
              Columns.DICTIONARY,
              Columns.CATEGORY,
              Columns.LEFT,
              Columns.MATCH),
          field(Columns.ZONE, StringType, false, "where"),
          also(Columns.DOC_ID, StringType, false),
          also(Columns.TURN, IntegerType, false),
          also(Columns.SENTENCE, IntegerType, false),
          field(
              Columns.DICTIONARY,
              StringType,
              false,
              "the most specific category that matched, and the pattern"),
          also(Columns.CATEGORY, StringType, false),
          also(Columns.PATTERN, StringType, false),
          field(
              Columns.LEFT,
              StringType,
              false,
              "up to `mentions.context-words` tokens before, the tokens matched, the tokens after"),
          also(Columns.MATCH, StringType, false),
          also(Columns.RIGHT, StringType, false));

  static final TableDefinition ACTOR_EVENTS =
      define(
          about(
                  "one row per event (a verb with its agent or target) of a zone-window sentence, per zone")
              .note(
                  """
                  From the sentiment stage's own parse (CoreNLP's enhanced++ dependencies converted from the tree):
                  on 142 zone-window sentences labelled by reading, agents precision 0.85, recall 0.88; whole
                  (agent, verb, target) events precision 0.79, recall 0.79 (README, "Actors")."""),
          List.of(Columns.DOC_ID, Columns.SENTENCE, Columns.ZONE, Columns.VERB, Columns.AGENT),
          field(Columns.DOC_ID, StringType, false, ""),
          also(Columns.TURN, IntegerType, false),
          also(Columns.SENTENCE, IntegerType, false),
          field(Columns.ZONE, StringType, false, "the zone window and the document's month"),
          also(Columns.PERIOD, StringType, true),
          field(
              Columns.AGENT,
              StringType,
              true,
              "who acts: the actor dictionary's actor, else the named entity, else the phrase; null when the sentence names none"),
          field(Columns.AGENT_TEXT, StringType, true, "the agent's phrase as written"),
          field(Columns.VERB, StringType, false, "the verb's lemma"),
          field(
              Columns.TARGET, StringType, true, "what or whom it is done to, normalised as agent"),
          also(Columns.TARGET_TEXT, StringType, true),
          field(
              Columns.NEGATED, BooleanType, false, "not / n't / never on the verb; a passive verb"),
          also(Columns.PASSIVE, BooleanType, false),
          field(Columns.SENTIMENT_SCORE, DoubleType, true, "the sentence's sentiment_score"));

  static final TableDefinition ACTORS =
      define(
          about("one row per zone (period null) and zone × month, and actor"),
          List.of(Columns.ZONE, Columns.PERIOD, Columns.ACTOR),
          field(Columns.ZONE, StringType, false, "the group"),
          also(Columns.PERIOD, StringType, true),
          field(
              Columns.ACTOR,
              StringType,
              false,
              "the actor dictionary's actor (`actors.dictionary`), or a named entity's text"),
          field(
              Columns.MENTIONS,
              LongType,
              false,
              "mentions in the zone's scored sentences (dictionary hits, and named entities no hit covers)"),
          field(Columns.AS_AGENT, LongType, false, "events with the actor as agent, as target"),
          also(Columns.AS_TARGET, LongType, false),
          field(
              Columns.N_SENTENCES,
              LongType,
              false,
              "scored sentences that mention the actor, and their documents"),
          also(Columns.N_DOCUMENTS, LongType, false),
          field(Columns.MEAN_SCORE, DoubleType, false, "mean sentiment_score of those sentences"),
          field(
              Columns.CI_LOW,
              DoubleType,
              true,
              "95% percentile bootstrap interval, documents resampled with all their sentences"),
          also(Columns.CI_HIGH, DoubleType, true));
}
