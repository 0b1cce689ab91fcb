package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.discourseatlas.schema.TableDefinition.about;
import static org.discourseatlas.schema.TableDefinition.also;
import static org.discourseatlas.schema.TableDefinition.define;
import static org.discourseatlas.schema.TableDefinition.field;

import java.util.List;
import org.discourseatlas.nlp.SentimentScorer;

/** The sentiment tables' definitions: zone_sentiment, zone_sentiment_comparisons. */
final class SentimentTables {
  private SentimentTables() {}

  static final TableDefinition ZONE_SENTIMENT =
      define(
          about("one row per group")
              .note(
                  """
                  Over the scored sentences of each zone (its windows): all time (period and role null), per month,
                  per speaker role, with the model `sentiment.model` names. With `diplomatic` (decision 0023; figures
                  in the README's "Sentiment model") the classes are negative, neutral and positive: they fill
                  `share_negative`, `share_neutral` and `share_positive`, and `share_very_negative` and
                  `share_very_positive` are 0. With `corenlp` (movie reviews) all five are CoreNLP's. Compare zones
                  and months with each other rather than reading scores as absolute tone.
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
          also(Columns.SHARE_PREFIX + SentimentScorer.LABELS.get(4), DoubleType, false));

  static final TableDefinition ZONE_SENTIMENT_COMPARISONS =
      define(
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
          also(Columns.CI_HIGH, DoubleType, true));
}
