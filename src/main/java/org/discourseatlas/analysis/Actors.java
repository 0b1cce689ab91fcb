package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.dictionary.ActorNames;
import org.discourseatlas.nlp.AgencyExtractor;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;

/**
 * The actor tables from the entities and events the sentiment stage's parse gave each scored
 * sentence: every event with its agent and target named as actors (actor_events), and per zone and
 * month each actor's mentions, its events as agent and as target, and the mean sentiment of the
 * sentences that name it with a bootstrap interval over documents (actors).
 */
public final class Actors {
  private static final String N_MENTIONS = "n_mentions";
  private static final String N_AGENT = "n_agent";
  private static final String N_TARGET = "n_target";

  /** One actor of one sentence and zone: {@link #perSentence}'s rows. */
  public static final StructType PER_SENTENCE =
      new StructType()
          .add(Columns.ZONE, DataTypes.StringType, false)
          .add(Columns.PERIOD, DataTypes.StringType, true)
          .add(Columns.ACTOR, DataTypes.StringType, false)
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.SENTIMENT_SCORE, DataTypes.DoubleType, false)
          .add(N_MENTIONS, DataTypes.LongType, false)
          .add(N_AGENT, DataTypes.LongType, false)
          .add(N_TARGET, DataTypes.LongType, false);

  private Actors() {}

  /**
   * The scored sentences of analysed documents that the parse gave entities and events for.
   *
   * @return doc_id, turn, sentence, zones, tokens, entities, events, sentiment_score, period
   */
  public static Dataset<Row> parsedSentences(Dataset<Row> sentences, Dataset<Row> documents) {
    Dataset<Row> periods =
        LexicalUnits.analysedDocuments(documents).select(Columns.DOC_ID, Columns.PERIOD);
    return sentences
        .filter(
            col(Columns.EVENTS)
                .isNotNull()
                .and(col(Columns.SENTIMENT_SCORE).isNotNull())
                .and(col(Columns.SENTIMENT_STATUS).equalTo(Sentiment.SCORED)))
        .select(
            Columns.DOC_ID,
            Columns.TURN,
            Columns.SENTENCE,
            Columns.ZONES,
            Columns.TOKENS,
            Columns.ENTITIES,
            Columns.EVENTS,
            Columns.SENTIMENT_SCORE)
        .join(periods, Columns.DOC_ID);
  }

  /** actor_events from {@link #parsedSentences}: one row per event and zone of its sentence. */
  public static Dataset<Row> events(Dataset<Row> parsed, ActorNames names) {
    FlatMapFunction<Row, Row> toEvents =
        row -> {
          List<ActorNames.Entity> entities = entities(row.getList(5));
          List<Row> out = new ArrayList<>();
          for (Row event : row.<Row>getList(6)) {
            String agent = names.actor(event.getString(1), event.getString(2), entities);
            String target = names.actor(event.getString(3), event.getString(4), entities);
            for (String zone : row.<String>getList(3)) {
              out.add(
                  RowFactory.create(
                      row.getString(0),
                      row.getInt(1),
                      row.getInt(2),
                      zone,
                      row.getString(8),
                      agent,
                      event.getString(1),
                      event.getString(0),
                      target,
                      event.getString(3),
                      event.getBoolean(5),
                      event.getBoolean(6),
                      row.getDouble(7)));
            }
          }
          return out.iterator();
        };
    return parsed.flatMap(toEvents, Encoders.row(Table.ACTOR_EVENTS.schema()));
  }

  /**
   * Each actor of each {@link #parsedSentences} row and zone: its mentions, events as agent and as
   * target, and the sentence's score ({@link #PER_SENTENCE}).
   */
  public static Dataset<Row> perSentence(Dataset<Row> parsed, ActorNames names) {
    FlatMapFunction<Row, Row> toActors =
        row -> {
          List<ActorNames.Entity> entities = entities(row.getList(5));
          Map<String, long[]> counts = new LinkedHashMap<>();
          for (String actor : names.mentions(row.getList(4), entities)) {
            counts.computeIfAbsent(actor, a -> new long[3])[0]++;
          }
          for (Row event : row.<Row>getList(6)) {
            String agent = names.actor(event.getString(1), event.getString(2), entities);
            String target = names.actor(event.getString(3), event.getString(4), entities);
            if (agent != null) {
              counts.computeIfAbsent(agent, a -> new long[3])[1]++;
            }
            if (target != null) {
              counts.computeIfAbsent(target, a -> new long[3])[2]++;
            }
          }
          List<Row> out = new ArrayList<>();
          for (String zone : row.<String>getList(3)) {
            counts.forEach(
                (actor, c) ->
                    out.add(
                        RowFactory.create(
                            zone,
                            row.getString(8),
                            actor,
                            row.getString(0),
                            row.getDouble(7),
                            c[0],
                            c[1],
                            c[2])));
          }
          return out.iterator();
        };
    return parsed.flatMap(toActors, Encoders.row(PER_SENTENCE));
  }

  /** actors from {@link #perSentence}: per zone all time and per zone and month. */
  public static Dataset<Row> byZone(Dataset<Row> rows, int bootstrapResamples, long seed) {
    // Both levels in one aggregation: the all-time rows' period is null and every monthly row's is
    // not, so grouping their union by (zone, period, actor) keeps the levels apart (decision 0034).
    Dataset<Row> allTime = rows.withColumn(Columns.PERIOD, lit(null).cast("string"));
    Dataset<Row> byMonth = rows.filter(col(Columns.PERIOD).isNotNull());
    return level(allTime.unionByName(byMonth), bootstrapResamples, seed);
  }

  private static Dataset<Row> level(Dataset<Row> rows, int resamples, long seed) {
    String[] keys = {Columns.ZONE, Columns.PERIOD, Columns.ACTOR};
    ClusteredMeans.Spec spec =
        new ClusteredMeans.Spec(
            List.of(keys),
            Columns.SENTIMENT_SCORE,
            Columns.N_SENTENCES,
            Columns.MEAN_SCORE,
            Map.of(),
            concat_ws(
                "|", col(Columns.ZONE), coalesce(col(Columns.PERIOD), lit("")), col(Columns.ACTOR)),
            resamples,
            seed);
    // Aliased: both sides come from the same rows, and unaliased key columns would compare equal.
    Dataset<Row> means = ClusteredMeans.of(rows, spec).as("means");
    Dataset<Row> sums =
        rows.groupBy(keys[0], keys[1], keys[2])
            .agg(
                sum(N_MENTIONS).as(Columns.MENTIONS),
                sum(N_AGENT).as(Columns.AS_AGENT),
                sum(N_TARGET).as(Columns.AS_TARGET))
            .as("sums");
    Column sameKeys =
        col("means." + Columns.ZONE)
            .equalTo(col("sums." + Columns.ZONE))
            .and(col("means." + Columns.PERIOD).eqNullSafe(col("sums." + Columns.PERIOD)))
            .and(col("means." + Columns.ACTOR).equalTo(col("sums." + Columns.ACTOR)));
    List<Column> out = new ArrayList<>();
    for (String column : Table.ACTORS.schema().fieldNames()) {
      boolean summed =
          List.of(Columns.MENTIONS, Columns.AS_AGENT, Columns.AS_TARGET).contains(column);
      out.add(col((summed ? "sums." : "means.") + column).as(column));
    }
    return means.join(sums, sameKeys).select(out.toArray(new Column[0]));
  }

  private static List<ActorNames.Entity> entities(List<Row> rows) {
    List<ActorNames.Entity> entities = new ArrayList<>(rows.size());
    for (Row e : rows) {
      entities.add(new ActorNames.Entity(e.getString(0), e.getInt(2), e.getInt(3)));
    }
    return entities;
  }

  /** The sentences table's entities of one parse (FramingTables.ENTITY rows). */
  static Row[] entityRows(AgencyExtractor.Agency agency) {
    return agency.entities().stream()
        .map(e -> RowFactory.create(e.text(), e.type(), e.begin(), e.end()))
        .toArray(Row[]::new);
  }

  /** The sentences table's events of one parse (FramingTables.EVENT rows). */
  static Row[] eventRows(AgencyExtractor.Agency agency) {
    return agency.events().stream()
        .map(
            e ->
                RowFactory.create(
                    e.verb(),
                    e.agent(),
                    e.agentHead(),
                    e.target(),
                    e.targetHead(),
                    e.negated(),
                    e.passive()))
        .toArray(Row[]::new);
  }
}
