package org.discourseatlas.schema;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.discourseatlas.schema.TableDefinition.about;
import static org.discourseatlas.schema.TableDefinition.also;
import static org.discourseatlas.schema.TableDefinition.define;
import static org.discourseatlas.schema.TableDefinition.field;

import java.util.List;

/**
 * The topic tables' definitions: topics, topic_prevalence, topic_prevalence_comparisons,
 * topic_shares, topic_model_selection.
 */
final class TopicTables {
  private TopicTables() {}

  static final TableDefinition TOPICS =
      define(
          about("one row per top term of a topic")
              .section(
                  "Topics: what is modelled",
                  """
                  Spark MLlib LDA (online by default) over topic units — speaker turns by default — of the analysed
                  documents (duplicates excluded). A unit's terms are the lexical unigrams above (lemmas, multiword
                  names whole, stopwords removed); the vocabulary keeps terms in ≥ 2 units and ≤ 50% of them, the
                  5,000 most frequent. A unit belongs to a zone when one of its sentences is in the zone's window.
                  The vocabulary and model are saved under `<output>/models/snapshot=YYYY-MM/run=<run_id>/` (the
                  manifest's `models`; `topic-model`: one Spark ML `PipelineModel` of the `CountVectorizerModel`
                  and the `LocalLDAModel`, and `topic-model.json`, beside `repeated-lines.json`, the boilerplate lines
                  the run removed per source; a model of an older run saved as `topic-vocabulary` and `topic-lda`
                  is not reused: a new one is fitted); a later
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
              Columns.MEAN_SHARE,
              DoubleType,
              true,
              "the topic's mean share over all modelled units"));

  static final TableDefinition TOPIC_PREVALENCE =
      define(
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
          also(Columns.N_DOCUMENTS, LongType, false));

  static final TableDefinition TOPIC_PREVALENCE_COMPARISONS =
      define(
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
          also(Columns.CI_HIGH, DoubleType, true));

  static final TableDefinition TOPIC_SHARES =
      define(
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
          also(Columns.TOP_SHARE, DoubleType, false));

  static final TableDefinition TOPIC_MODEL_SELECTION =
      define(
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
}
