package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.stats.SetSimilarity;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

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

  /**
   * 2^22 shingle buckets: collisions between distinct shingles stay rare for transcript lengths.
   */
  private static final int FEATURES = 1 << 22;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static final String FEATURES_COLUMN = "shingle_features";
  private static final String DISTANCE = "jaccard_distance";
  private static final String SIGNATURE = "shingle_hashes";
  private static final String BUCKET_TABLE = "hash_table";
  private static final String BUCKET = "hash_value";
  private static final String SHINGLES = "shingles";
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
   * New documents marked against each other and against the documents analysed by earlier runs
   * ({@link #earlierDocuments}): an exact copy of an earlier document is its duplicate, and in a
   * cluster of near duplicates an earlier document is kept before any new one, so what was analysed
   * stays analysed. Returns the new documents only.
   */
  public static Dataset<Row> markAgainst(
      Dataset<Row> fresh, Dataset<Row> earlier, JobConfig.NearDuplicates rule) {
    String earlierId = "earlier_doc_id";
    String isNew = "is_new";
    Dataset<Row> exact =
        fresh
            .join(
                earlier.select(col(Columns.DOC_ID).as(earlierId)),
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
    if (!rule.enabled() || fresh.isEmpty()) {
      return exact;
    }
    Dataset<Row> both =
        exact
            .select(
                col(Columns.DOC_ID),
                col(Columns.SOURCE_PATH),
                col(Columns.TURN_LIST),
                col(Columns.DUPLICATE_OF),
                col(Columns.DUPLICATE_SIMILARITY),
                lit("1").as(isNew))
            .unionByName(
                earlier.select(
                    col(Columns.DOC_ID),
                    col(Columns.SOURCE_PATH),
                    col(Columns.TURN_LIST),
                    lit(null).cast(DataTypes.StringType).as(Columns.DUPLICATE_OF),
                    lit(null).cast(DataTypes.DoubleType).as(Columns.DUPLICATE_SIMILARITY),
                    lit("0").as(isNew)));
    // Ordered by (earlier first, then source path): the first of a cluster is the copy kept.
    Dataset<Row> marks =
        mark(both, rule, concat(col(isNew), col(Columns.SOURCE_PATH)))
            .filter(col(isNew).equalTo("1"))
            .select(
                col(Columns.DOC_ID),
                col(Columns.SOURCE_PATH),
                col(Columns.DUPLICATE_OF).as(CANONICAL),
                col(Columns.DUPLICATE_SIMILARITY).as(SIMILARITY));
    return exact
        .drop(Columns.DUPLICATE_OF, Columns.DUPLICATE_SIMILARITY)
        .join(marks, new String[] {Columns.DOC_ID, Columns.SOURCE_PATH})
        .withColumnRenamed(CANONICAL, Columns.DUPLICATE_OF)
        .withColumnRenamed(SIMILARITY, Columns.DUPLICATE_SIMILARITY);
  }

  /**
   * The analysed documents of earlier runs as {@link #markAgainst} compares them: doc_id,
   * source_path and their turns (from the turns table, in order) as turn_list.
   */
  public static Dataset<Row> earlierDocuments(Dataset<Row> documents, Dataset<Row> turns) {
    String ordered = "ordered_turns";
    Dataset<Row> turnLists =
        turns
            .groupBy(Columns.DOC_ID)
            .agg(
                sort_array(
                        collect_list(
                            struct(
                                Columns.TURN,
                                Columns.SPEAKER,
                                Columns.SPEAKER_KIND,
                                Columns.SPEAKER_AFFILIATION,
                                Columns.ROLE,
                                Columns.TEXT)))
                    .as(ordered))
            .select(
                col(Columns.DOC_ID),
                transform(
                        col(ordered),
                        t ->
                            struct(
                                t.getField(Columns.SPEAKER).as(Columns.SPEAKER),
                                t.getField(Columns.SPEAKER_KIND).as(Columns.SPEAKER_KIND),
                                t.getField(Columns.SPEAKER_AFFILIATION)
                                    .as(Columns.SPEAKER_AFFILIATION),
                                t.getField(Columns.ROLE).as(Columns.ROLE),
                                t.getField(Columns.TEXT).as(Columns.TEXT)))
                    .as(Columns.TURN_LIST));
    return documents
        .filter(col(Columns.DUPLICATE_OF).isNull())
        .select(Columns.DOC_ID, Columns.SOURCE_PATH)
        .join(turnLists, Columns.DOC_ID);
  }

  /**
   * The pairs (A before B by order key) whose Jaccard similarity is above {@code minJaccard} among
   * those sharing a MinHash bucket: what {@code MinHashLSHModel.approxSimilarityJoin(hashed,
   * hashed, 1 - minJaccard)} returns once its self pairs and mirror images are dropped. That join
   * carries both rows' shingle vectors through its bucket join and {@code distinct} and measures
   * every document against itself (a profile of the UN corpus: a third of the documents stage in
   * its distance function); here the buckets are joined on ids alone and only the distinct
   * candidate pairs that can still reach {@code minJaccard} get their vectors back, for the same
   * exact distance. Rows: A's id and order key, B's, distance.
   */
  private static List<Row> similarPairs(
      MinHashLSHModel model, Dataset<Row> hashed, double minJaccard) {
    UDF1<Vector, Integer> shingleCount = v -> v.toSparse().indices().length;
    // Cached: both sides of the bucket join read it, and each would otherwise run the MinHash
    // UDF over every document again (two stages of the documents stage on the UN corpus).
    Dataset<Row> buckets =
        model
            .transform(hashed)
            .select(
                col(Columns.DOC_ID),
                col(Columns.SOURCE_PATH),
                udf(shingleCount, DataTypes.IntegerType).apply(col(FEATURES_COLUMN)).as(SHINGLES),
                posexplode(col(SIGNATURE)).as(new String[] {BUCKET_TABLE, BUCKET}))
            .cache();
    Dataset<Row> a = buckets.as("a");
    Dataset<Row> b = buckets.as("b");
    Column shinglesA = col("a." + SHINGLES);
    Column shinglesB = col("b." + SHINGLES);
    // Jaccard(A, B) <= min(|A|, |B|) / max(|A|, |B|): a pair whose shingle counts differ by more
    // than that cannot be similar enough, and is dropped before its vectors are fetched (the size
    // filter of exact set-similarity joins: Arasu, Ganti, Kaushik, "Efficient exact set-similarity
    // joins", VLDB 2006). The margin keeps a pair at the threshold up to rounding; the exact
    // distance below still decides. On the UN corpus most bucket collisions are speeches of
    // unrelated lengths that share formulaic openings.
    Column couldBeSimilar =
        least(shinglesA, shinglesB).geq(greatest(shinglesA, shinglesB).multiply(minJaccard - 1e-9));
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
            .distinct();
    Dataset<Row> vectors = hashed.select(Columns.DOC_ID, Columns.SOURCE_PATH, FEATURES_COLUMN);
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
    buckets.unpersist();
    return similar;
  }

  private static Dataset<Row> mark(
      Dataset<Row> documents, JobConfig.NearDuplicates rule, Column order) {
    if (!rule.enabled()) {
      return documents;
    }
    int n = rule.shingleWords();
    // Spark's HashingTF (binary, 2^22 features) maps each shingle to its index; the vector is made
    // here, from the indices, rather than by HashingTF.transform over an array column of the
    // shingles: the same sparse vector without every shingle string going through Spark's row
    // format and back (decision 0016).
    HashingTF hashing = new HashingTF().setNumFeatures(FEATURES).setBinary(true);
    UDF1<Seq<Row>, Vector> shingleVector =
        turns -> {
          List<String> words = new ArrayList<>();
          for (Row turn : CollectionConverters.asJava(turns)) {
            Matcher m =
                WORD.matcher(
                    turn.getString(turn.fieldIndex(Columns.TEXT)).toLowerCase(Locale.ROOT));
            while (m.find()) {
              words.add(m.group());
            }
          }
          if (words.size() < n) {
            return null; // fewer words than a shingle: MinHash needs at least one
          }
          int[] indices = new int[words.size() - n + 1];
          StringBuilder shingle = new StringBuilder();
          for (int i = 0; i < indices.length; i++) {
            shingle.setLength(0);
            for (int k = i; k < i + n; k++) {
              if (k > i) {
                shingle.append(' ');
              }
              shingle.append(words.get(k));
            }
            indices[i] = hashing.indexOf(shingle.toString());
          }
          Arrays.sort(indices);
          int distinct = 0;
          for (int index : indices) {
            if (distinct == 0 || indices[distinct - 1] != index) {
              indices[distinct++] = index;
            }
          }
          int[] sorted = Arrays.copyOf(indices, distinct);
          double[] ones = new double[sorted.length];
          Arrays.fill(ones, 1.0);
          return Vectors.sparse(FEATURES, sorted, ones);
        };
    Dataset<Row> shingleVectors =
        documents
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(
                col(Columns.DOC_ID),
                order.as(Columns.SOURCE_PATH),
                // Marked nondeterministic only so that the filter below is not pushed beneath
                // it, which would compute every document's shingles twice.
                udf(shingleVector, SQLDataTypes.VectorType())
                    .asNondeterministic()
                    .apply(col(Columns.TURN_LIST))
                    // The vector size as metadata, as HashingTF writes it: without it MinHashLSH
                    // runs a job to read a first vector for it.
                    .as(
                        FEATURES_COLUMN,
                        new AttributeGroup(FEATURES_COLUMN, FEATURES).toMetadata()))
            .filter(col(FEATURES_COLUMN).isNotNull());
    // Cached over its rows, not its lineage: the pair search reads it four times, and each read
    // of a cached plan prints that plan (the whole ingest) into the query's own.
    Dataset<Row> hashed =
        documents
            .sparkSession()
            .createDataFrame(shingleVectors.javaRDD(), shingleVectors.schema())
            .cache();
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(HASH_TABLES)
            .setSeed(rule.seed())
            .setInputCol(FEATURES_COLUMN)
            .setOutputCol(SIGNATURE)
            .fit(hashed);
    List<Row> similar = similarPairs(model, hashed, rule.minJaccard());
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
    Map<String, DuplicateClusters.Duplicate> duplicates = DuplicateClusters.resolve(pairs);
    if (duplicates.isEmpty()) {
      return documents;
    }
    List<Row> rows = new ArrayList<>();
    duplicates.forEach((id, d) -> rows.add(RowFactory.create(id, d.canonical(), d.similarity())));
    StructType schema =
        new StructType()
            .add(Columns.DOC_ID, DataTypes.StringType, false)
            .add(CANONICAL, DataTypes.StringType, false)
            .add(SIMILARITY, DataTypes.DoubleType, false);
    Dataset<Row> marks = documents.sparkSession().createDataFrame(rows, schema);
    return documents
        .join(marks, new String[] {Columns.DOC_ID}, "left")
        .withColumn(Columns.DUPLICATE_OF, coalesce(col(CANONICAL), col(Columns.DUPLICATE_OF)))
        .withColumn(
            Columns.DUPLICATE_SIMILARITY,
            coalesce(col(SIMILARITY), col(Columns.DUPLICATE_SIMILARITY)))
        .drop(CANONICAL, SIMILARITY);
  }
}
