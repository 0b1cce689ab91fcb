package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.SetSimilarity;
import scala.collection.immutable.Seq;

/**
 * Near-duplicate stage: the same transcript republished with other boilerplate or small edits. Each
 * analysed document becomes the set of its word 5-gram shingles; Spark MLlib's MinHashLSH finds
 * pairs whose Jaccard similarity is at least the configured threshold (exactly computed for every
 * candidate pair), and pairs are closed into clusters whose first document by source path is kept;
 * the others get {@code duplicate_of} and {@code duplicate_similarity}.
 */
public final class NearDuplicates {
  /** Hash tables of the LSH: a pair at Jaccard 0.9 is missed with probability 0.1^5 = 1e-5. */
  private static final int HASH_TABLES = 5;

  private static final String FEATURES_COLUMN = "shingle_features";
  private static final String DISTANCE = "jaccard_distance";
  static final String SIGNATURE = "shingle_hashes";
  private static final String BUCKET_TABLE = "hash_table";
  private static final String BUCKET = "hash_value";
  static final String SHINGLES = "shingles";
  private static final String ID_A = "id_a";
  private static final String ORDER_A = "order_a";
  private static final String FEATURES_A = "features_a";
  private static final String ID_B = "id_b";
  private static final String ORDER_B = "order_b";
  private static final String FEATURES_B = "features_b";
  private static final String CANONICAL = "near_canonical";
  private static final String SIMILARITY = "near_similarity";

  private NearDuplicates() {}

  /**
   * The MinHash signatures of analysed documents, as a run keeps them for the next one (refresh
   * state): the document, its order key (source path), its distinct shingle count and one MinHash
   * value per hash table. With them a refresh compares only new x (earlier + new) pairs, and
   * rebuilds the shingles of an earlier document only when it shares a bucket with a new one.
   */
  public static final StructType SIGNATURE_SCHEMA =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.SOURCE_PATH, DataTypes.StringType, false)
          .add(SHINGLES, DataTypes.IntegerType, false)
          .add(SIGNATURE, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /**
   * What earlier runs analysed, as the search needs it: their analysed documents' ids (an exact
   * copy of one is its duplicate), their signatures ({@link #SIGNATURE_SCHEMA}) and their turns
   * (doc_id, turn, text; read only for the few documents a new one shares a bucket with).
   */
  public record Earlier(Dataset<Row> documentIds, Dataset<Row> signatures, Dataset<Row> turns) {}

  /** The new documents, marked; and the signatures of every analysed document, earlier and new. */
  public record Marked(Dataset<Row> documents, Dataset<Row> signatures) {}

  /**
   * New documents marked against each other and against the documents analysed by earlier runs: an
   * exact copy of an earlier document is its duplicate, and in a cluster of near duplicates an
   * earlier document is kept before any new one, so what was analysed stays analysed.
   */
  public static Marked markAgainst(
      Dataset<Row> fresh, Earlier earlier, JobConfig.NearDuplicates rule) {
    return markAgainst(fresh, earlier, rule, NearPairsOnDriver.MAX_NEW_DOCUMENTS);
  }

  /** As above; up to {@code maxOnDriver} new documents are searched on the driver. */
  static Marked markAgainst(
      Dataset<Row> fresh, Earlier earlier, JobConfig.NearDuplicates rule, int maxOnDriver) {
    String earlierId = "earlier_doc_id";
    Dataset<Row> exact =
        fresh
            .join(
                earlier.documentIds().select(col(Columns.DOC_ID).as(earlierId)),
                col(Columns.DOC_ID).equalTo(col(earlierId)),
                "left")
            .withColumn(
                Columns.DUPLICATE_OF,
                when(col(earlierId).isNotNull(), col(Columns.DOC_ID))
                    .otherwise(col(Columns.DUPLICATE_OF)))
            .withColumn(
                Columns.DUPLICATE_SIMILARITY,
                when(col(earlierId).isNotNull(), lit(1.0))
                    .otherwise(col(Columns.DUPLICATE_SIMILARITY)))
            .drop(earlierId);
    if (!rule.enabled()) {
      return new Marked(exact, earlier.signatures());
    }
    return mark(exact, earlier, rule, maxOnDriver);
  }

  /** Order keys: an earlier document sorts before every new one, then by source path. */
  static final String EARLIER = "0";

  private static final String NEW = "1";

  /**
   * The pairs (new B, A before B by order key) whose Jaccard similarity is above {@code minJaccard}
   * among those sharing a MinHash bucket: what {@code MinHashLSHModel.approxSimilarityJoin} returns
   * once its self pairs, mirror images and pairs of two earlier documents are dropped (those were
   * compared by the run that analysed the later of them). That join carries both rows' shingle
   * vectors through its bucket join and {@code distinct} and measures every document against itself
   * (a profile of the UN corpus: a third of the documents stage in its distance function); here the
   * buckets are joined on ids alone and only the distinct candidate pairs that can still reach
   * {@code minJaccard} get their vectors back, for the same exact distance. An earlier document's
   * vector is rebuilt from its turns, for the candidates only. Rows: A's id and order key, B's,
   * distance.
   */
  private static List<Row> similarPairs(
      Dataset<Row> newSignatures,
      Dataset<Row> earlierSignatures,
      Dataset<Row> newVectors,
      Dataset<Row> earlierTurns,
      UDF1<Seq<String>, Vector> shingleVector,
      double minJaccard) {
    Dataset<Row> b = buckets(newSignatures).as("b");
    Dataset<Row> a = buckets(newSignatures.unionByName(earlierSignatures)).as("a");
    Column shinglesA = col("a." + SHINGLES);
    Column shinglesB = col("b." + SHINGLES);
    // Jaccard(A, B) <= min(|A|, |B|) / max(|A|, |B|): a pair whose shingle counts differ by more
    // than that cannot be similar enough, and is dropped before its vectors are fetched (the size
    // filter of exact set-similarity joins: Arasu, Ganti, Kaushik, "Efficient exact set-similarity
    // joins", VLDB 2006). The margin keeps a pair at the threshold up to rounding; the exact
    // distance below still decides. On the UN corpus most bucket collisions are speeches of
    // unrelated lengths that share formulaic openings.
    Column couldBeSimilar =
        least(shinglesA, shinglesB)
            .geq(
                greatest(shinglesA, shinglesB)
                    .multiply(minJaccard - BucketCandidates.SIZE_FILTER_MARGIN));
    Dataset<Row> candidates =
        a.join(
                b,
                col("a." + BUCKET_TABLE)
                    .equalTo(col("b." + BUCKET_TABLE))
                    .and(col("a." + BUCKET).equalTo(col("b." + BUCKET)))
                    .and(col("a." + Columns.SOURCE_PATH).lt(col("b." + Columns.SOURCE_PATH)))
                    .and(couldBeSimilar))
            .select(
                col("a." + Columns.DOC_ID).as(ID_A),
                col("a." + Columns.SOURCE_PATH).as(ORDER_A),
                col("b." + Columns.DOC_ID).as(ID_B),
                col("b." + Columns.SOURCE_PATH).as(ORDER_B))
            .distinct()
            .cache();
    // The earlier documents among the candidates, their shingles rebuilt from their turns in order.
    Dataset<Row> earlierCandidates =
        candidates
            .filter(col(ORDER_A).startsWith(EARLIER))
            .select(col(ID_A).as(Columns.DOC_ID), col(ORDER_A).as(Columns.SOURCE_PATH))
            .distinct();
    String ordered = "ordered_turns";
    Dataset<Row> earlierVectors =
        earlierTurns
            .join(earlierCandidates.select(Columns.DOC_ID), Columns.DOC_ID, "left_semi")
            .groupBy(Columns.DOC_ID)
            .agg(sort_array(collect_list(struct(Columns.TURN, Columns.TEXT))).as(ordered))
            .join(earlierCandidates, Columns.DOC_ID)
            .select(
                col(Columns.DOC_ID),
                col(Columns.SOURCE_PATH),
                udf(shingleVector, SQLDataTypes.VectorType())
                    .apply(transform(col(ordered), t -> t.getField(Columns.TEXT)))
                    .as(FEATURES_COLUMN));
    Dataset<Row> vectors = newVectors.unionByName(earlierVectors);
    UDF2<Vector, Vector, Double> distance =
        (x, y) -> 1.0 - SetSimilarity.jaccard(x.toSparse().indices(), y.toSparse().indices());
    List<Row> similar =
        candidates
            .join(vectors.toDF(ID_A, ORDER_A, FEATURES_A), new String[] {ID_A, ORDER_A})
            .join(vectors.toDF(ID_B, ORDER_B, FEATURES_B), new String[] {ID_B, ORDER_B})
            .select(
                col(ID_A),
                col(ORDER_A),
                col(ID_B),
                col(ORDER_B),
                udf(distance, DataTypes.DoubleType)
                    .apply(col(FEATURES_A), col(FEATURES_B))
                    .as(DISTANCE))
            .filter(col(DISTANCE).lt(1.0 - minJaccard))
            .collectAsList();
    candidates.unpersist();
    return similar;
  }

  /** One row per (document, hash table): the bucket the document falls in. */
  private static Dataset<Row> buckets(Dataset<Row> signatures) {
    return signatures.select(
        col(Columns.DOC_ID),
        col(Columns.SOURCE_PATH),
        col(SHINGLES),
        posexplode(col(SIGNATURE)).as(new String[] {BUCKET_TABLE, BUCKET}));
  }

  private static Marked mark(
      Dataset<Row> documents, Earlier earlier, JobConfig.NearDuplicates rule, int maxOnDriver) {
    UDF1<Seq<String>, Vector> shingleVector = ShingleVectors.of(rule.shingleWords());
    SparkSession spark = documents.sparkSession();
    Dataset<Row> shingleVectors =
        documents
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(
                col(Columns.DOC_ID),
                concat(lit(NEW), col(Columns.SOURCE_PATH)).as(Columns.SOURCE_PATH),
                // Marked nondeterministic only so that the filter below is not pushed beneath
                // it, which would compute every document's shingles twice.
                udf(shingleVector, SQLDataTypes.VectorType())
                    .asNondeterministic()
                    .apply(transform(col(Columns.TURN_LIST), turn -> turn.getField(Columns.TEXT)))
                    // The vector size as metadata, as HashingTF writes it: without it MinHashLSH
                    // runs a job to read a first vector for it.
                    .as(
                        FEATURES_COLUMN,
                        new AttributeGroup(FEATURES_COLUMN, ShingleVectors.FEATURES).toMetadata()))
            .filter(col(FEATURES_COLUMN).isNotNull());
    // Cached over its rows, not its lineage: the pair search reads it twice, and each read of a
    // cached plan prints that plan (the whole ingest) into the query's own.
    Dataset<Row> hashed = spark.createDataFrame(shingleVectors.javaRDD(), shingleVectors.schema());
    hashed.cache();
    // The model is its seed's random coefficients (MinHashLSH.fit reads no rows with the vector
    // size in the metadata): an earlier run with the same seed gave its documents the same
    // signatures, which is what makes them worth keeping.
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(HASH_TABLES)
            .setSeed(rule.seed())
            .setInputCol(FEATURES_COLUMN)
            .setOutputCol(SIGNATURE)
            .fit(hashed);
    UDF1<Vector, Integer> shingleCount = v -> v.toSparse().indices().length;
    // The new signatures are few rows (one per new document): held on the driver, they are both
    // sides' input of the bucket join and the state kept for the next run, computed once.
    Dataset<Row> computed =
        model
            .transform(hashed)
            .select(
                col(Columns.DOC_ID),
                col(Columns.SOURCE_PATH),
                udf(shingleCount, DataTypes.IntegerType).apply(col(FEATURES_COLUMN)).as(SHINGLES),
                transform(
                        col(SIGNATURE),
                        v ->
                            element_at(
                                org.apache.spark.ml.functions.vector_to_array(v, "float64"), 1))
                    .as(SIGNATURE));
    List<Row> newSignatureRows = computed.collectAsList();
    Dataset<Row> newSignatures = spark.createDataFrame(newSignatureRows, SIGNATURE_SCHEMA);
    Dataset<Row> earlierSignatures =
        earlier
            .signatures()
            .select(
                col(Columns.DOC_ID),
                concat(lit(EARLIER), col(Columns.SOURCE_PATH)).as(Columns.SOURCE_PATH),
                col(SHINGLES),
                col(SIGNATURE));
    Dataset<Row> newVectors = hashed.select(Columns.DOC_ID, Columns.SOURCE_PATH, FEATURES_COLUMN);
    List<Row> similar =
        newSignatureRows.size() <= maxOnDriver
            ? NearPairsOnDriver.similarPairs(
                newSignatureRows,
                earlierSignatures,
                newVectors,
                earlier.turns(),
                shingleVector,
                rule.minJaccard())
            : similarPairs(
                newSignatures,
                earlierSignatures,
                newVectors,
                earlier.turns(),
                shingleVector,
                rule.minJaccard());
    hashed.unpersist();
    List<DuplicateClusters.Pair> pairs = new ArrayList<>();
    for (Row r : similar) {
      pairs.add(
          new DuplicateClusters.Pair(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              1.0 - r.getDouble(4)));
    }
    // Only new documents are marked: an earlier one stays analysed (it heads its cluster, being
    // ordered first).
    Map<String, DuplicateClusters.Duplicate> duplicates = DuplicateClusters.resolve(pairs);
    Set<String> newlyMarked = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    duplicates.forEach(
        (id, d) -> {
          rows.add(RowFactory.create(id, d.canonical(), d.similarity()));
          newlyMarked.add(id);
        });
    Dataset<Row> signatures =
        earlier
            .signatures()
            .unionByName(
                newSignatures
                    .filter(not(col(Columns.DOC_ID).isin(newlyMarked.toArray())))
                    .withColumn(
                        Columns.SOURCE_PATH, expr("substring(" + Columns.SOURCE_PATH + ", 2)")));
    if (duplicates.isEmpty()) {
      return new Marked(documents, signatures);
    }
    StructType schema =
        new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType, false)
            .add(CANONICAL, DataTypes.StringType, false)
            .add(SIMILARITY, DataTypes.DoubleType, false);
    Dataset<Row> marks = spark.createDataFrame(rows, schema);
    Dataset<Row> marked =
        documents
            .join(marks, new String[] {Columns.DOC_ID}, "left")
            .withColumn(Columns.DUPLICATE_OF, coalesce(col(CANONICAL), col(Columns.DUPLICATE_OF)))
            .withColumn(
                Columns.DUPLICATE_SIMILARITY,
                coalesce(col(SIMILARITY), col(Columns.DUPLICATE_SIMILARITY)))
            .drop(CANONICAL, SIMILARITY);
    return new Marked(marked, signatures);
  }
}
