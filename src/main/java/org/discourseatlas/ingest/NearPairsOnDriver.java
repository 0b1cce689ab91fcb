package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.SetSimilarity;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The near-duplicate pair search of a month's few new documents, on the driver: the kept signatures
 * are collected (about 80 bytes a document), the candidate pairs found in memory ({@link
 * BucketCandidates}), and only the candidates' shingles fetched: the new ones' from their cached
 * vectors, the earlier ones' rebuilt from their turns read by id. The same pairs and distances as
 * NearDuplicates' search in Spark, without its bucket join, distinct and two vector joins as Spark
 * jobs (decision 0031).
 */
final class NearPairsOnDriver {
  /** The most new documents searched this way; more go through Spark (a full run's thousands). */
  static final int MAX_NEW_DOCUMENTS = 2_000;

  private NearPairsOnDriver() {}

  /**
   * Rows of A's id and order key, B's, and their Jaccard distance, for the candidate pairs below
   * {@code 1 - minJaccard}, as NearDuplicates' search returns them.
   *
   * @param newSignatures the new documents' signature rows (order keys prefixed), on the driver
   * @param earlierSignatures the earlier documents' (order keys prefixed)
   * @param newVectors the new documents' doc_id, order key and shingle vector
   * @param earlierTurns the earlier documents' doc_id, turn and text
   */
  static List<Row> similarPairs(
      List<Row> newSignatures,
      Dataset<Row> earlierSignatures,
      Dataset<Row> newVectors,
      Dataset<Row> earlierTurns,
      UDF1<Seq<String>, Vector> shingleVector,
      double minJaccard) {
    List<BucketCandidates.Candidate> candidates =
        BucketCandidates.of(
            signatures(newSignatures), signatures(earlierSignatures.collectAsList()), minJaccard);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> newIds = new HashSet<>();
    Map<String, String> earlierOrders = new HashMap<>();
    for (BucketCandidates.Candidate c : candidates) {
      newIds.add(c.b().id());
      if (c.a().order().startsWith(NearDuplicates.EARLIER)) {
        earlierOrders.put(c.a().id(), c.a().order());
      } else {
        newIds.add(c.a().id());
      }
    }
    Map<String, int[]> shingles = new HashMap<>();
    for (Row row : newVectors.filter(col(Columns.DOC_ID).isin(newIds.toArray())).collectAsList()) {
      shingles.put(key(row.getString(0), row.getString(1)), indices(row.get(2)));
    }
    shingles.putAll(earlierShingles(earlierTurns, earlierOrders, shingleVector));
    List<Row> similar = new ArrayList<>();
    for (BucketCandidates.Candidate c : candidates) {
      int[] a = shingles.get(key(c.a().id(), c.a().order()));
      int[] b = shingles.get(key(c.b().id(), c.b().order()));
      if (a == null || b == null) {
        continue; // no vector (as the inner joins of the search in Spark drop the pair)
      }
      double distance = 1.0 - SetSimilarity.jaccard(a, b);
      if (distance < 1.0 - minJaccard) {
        similar.add(
            RowFactory.create(c.a().id(), c.a().order(), c.b().id(), c.b().order(), distance));
      }
    }
    return similar;
  }

  /** The earlier candidates' shingles, rebuilt from their turns' texts in turn order. */
  private static Map<String, int[]> earlierShingles(
      Dataset<Row> earlierTurns,
      Map<String, String> orders,
      UDF1<Seq<String>, Vector> shingleVector) {
    Map<String, List<Row>> turnsById = new HashMap<>();
    if (!orders.isEmpty()) {
      for (Row turn :
          earlierTurns
              .filter(col(Columns.DOC_ID).isin(orders.keySet().toArray()))
              .select(Columns.DOC_ID, Columns.TURN, Columns.TEXT)
              .collectAsList()) {
        turnsById.computeIfAbsent(turn.getString(0), k -> new ArrayList<>()).add(turn);
      }
    }
    Map<String, int[]> shingles = new HashMap<>();
    Comparator<Row> turnOrder =
        Comparator.<Row>comparingInt(r -> r.getInt(1))
            .thenComparing(r -> r.getString(2), Comparator.nullsFirst(Comparator.naturalOrder()));
    turnsById.forEach(
        (id, turns) -> {
          turns.sort(turnOrder);
          List<String> texts = new ArrayList<>();
          turns.forEach(t -> texts.add(t.getString(2)));
          Vector vector = shingles(shingleVector, texts);
          if (vector != null) {
            shingles.put(key(id, orders.get(id)), vector.toSparse().indices());
          }
        });
    return shingles;
  }

  private static Vector shingles(UDF1<Seq<String>, Vector> shingleVector, List<String> texts) {
    try {
      return shingleVector.call(CollectionConverters.asScala(texts).toSeq());
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a document's shingles", e);
    }
  }

  private static List<BucketCandidates.Signature> signatures(List<Row> rows) {
    List<BucketCandidates.Signature> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      List<Double> hashes = row.getList(row.fieldIndex(NearDuplicates.SIGNATURE));
      double[] buckets = new double[hashes.size()];
      for (int t = 0; t < buckets.length; t++) {
        buckets[t] = hashes.get(t);
      }
      out.add(
          new BucketCandidates.Signature(
              row.getString(row.fieldIndex(Columns.DOC_ID)),
              row.getString(row.fieldIndex(Columns.SOURCE_PATH)),
              row.getInt(row.fieldIndex(NearDuplicates.SHINGLES)),
              buckets));
    }
    return out;
  }

  private static int[] indices(Object vector) {
    return ((Vector) vector).toSparse().indices();
  }

  private static String key(String id, String order) {
    return order + '\n' + id;
  }
}
