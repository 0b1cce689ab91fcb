package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.parse.DocumentId;
import org.discourseatlas.parse.TranscriptFinisher;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.text.TextNormalizer;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Learns each source's boilerplate from the corpus: a short paragraph that stands in many of a
 * source's documents (a site's slogan, a "Press service" signature, a disclaimer) is the site, not
 * the transcript. Copies of one transcript count once, so a republished transcript does not make
 * its own sentences look like boilerplate.
 */
public final class RepeatedLines {
  /** A source without a name is keyed by the empty string. */
  public static final String NO_SOURCE = "";

  private static final String LINE = "line";
  private static final String BODY_HASH = "body_hash";
  private static final String N_DOCUMENTS = "n_documents";
  private static final String LINE_KEYS = "line_keys";

  /**
   * The distinct documents counted, per source (refresh state): a copy of a document counted before
   * is not counted again, in this run or a later one.
   */
  public static final StructType DOCUMENTS_SCHEMA =
      new StructType()
          .add(Columns.SOURCE, DataTypes.StringType, false)
          .add(BODY_HASH, DataTypes.StringType, false);

  /**
   * Per source, each short paragraph key and the number of distinct documents it stands in (refresh
   * state). Every key is kept, not only those over the thresholds: a key in one document now may
   * stand in enough of them after a later month.
   */
  public static final StructType LINE_COUNTS_SCHEMA =
      new StructType()
          .add(Columns.SOURCE, DataTypes.StringType, false)
          .add(LINE, DataTypes.StringType, false)
          .add(N_DOCUMENTS, DataTypes.LongType, false);

  /**
   * What the boilerplate is learned from: the distinct documents of each source ({@link
   * #DOCUMENTS_SCHEMA}) and their short paragraph keys' document counts ({@link
   * #LINE_COUNTS_SCHEMA}). Both are sums over disjoint sets of documents, so a month's counts are
   * the previous month's plus its new documents', exactly what counting every input again gives.
   */
  public record Counts(Dataset<Row> documents, Dataset<Row> lineCounts) {
    /** No document counted yet. */
    public static Counts none(SparkSession spark) {
      return new Counts(
          spark.createDataFrame(List.of(), DOCUMENTS_SCHEMA),
          spark.createDataFrame(List.of(), LINE_COUNTS_SCHEMA));
    }
  }

  private RepeatedLines() {}

  /**
   * {@code earlier} plus the drafts among {@code read}: each draft's distinct paragraph keys of at
   * most {@code maxWords} words, counted once per distinct document (body hash) of its source, so
   * that copies of one transcript count once.
   */
  public static Counts count(Dataset<Row> read, Counts earlier, int maxWords) {
    UDF1<Seq<String>, List<String>> keys =
        body -> {
          Set<String> distinct = new LinkedHashSet<>();
          for (String paragraph : CollectionConverters.asJava(body)) {
            String key = TranscriptFinisher.lineKey(paragraph);
            if (!key.isEmpty() && TextNormalizer.wordsUpTo(key, maxWords) <= maxWords) {
              distinct.add(key);
            }
          }
          return new ArrayList<>(distinct);
        };
    UDF1<Seq<String>, String> bodyHash =
        body -> DocumentId.of(String.join("\n", CollectionConverters.asJava(body)));
    // The same body gives the same keys: of a source's copies of one document, any one stands for
    // all, and one already counted by an earlier run is not counted again.
    Dataset<Row> fresh =
        read.filter(col(Columns.KIND).equalTo(TranscriptIngest.KIND_DRAFT))
            .select(
                coalesce(col(Columns.SOURCE), lit(NO_SOURCE)).as(Columns.SOURCE),
                udf(bodyHash, DataTypes.StringType).apply(col(Columns.BODY)).as(BODY_HASH),
                col(Columns.BODY))
            .dropDuplicates(Columns.SOURCE, BODY_HASH)
            .join(earlier.documents(), new String[] {Columns.SOURCE, BODY_HASH}, "left_anti")
            .select(
                col(Columns.SOURCE),
                col(BODY_HASH),
                udf(keys, DataTypes.createArrayType(DataTypes.StringType, false))
                    .apply(col(Columns.BODY))
                    .as(LINE_KEYS));
    Dataset<Row> documents =
        earlier.documents().unionByName(fresh.select(Columns.SOURCE, BODY_HASH));
    Dataset<Row> lineCounts =
        earlier
            .lineCounts()
            .unionByName(
                fresh
                    .select(col(Columns.SOURCE), explode(col(LINE_KEYS)).as(LINE))
                    .groupBy(Columns.SOURCE, LINE)
                    .agg(functions.count(lit(1)).as(N_DOCUMENTS)))
            .groupBy(Columns.SOURCE, LINE)
            .agg(sum(N_DOCUMENTS).cast(DataTypes.LongType).as(N_DOCUMENTS));
    return new Counts(documents, lineCounts);
  }

  /**
   * Source -> paragraph keys ({@link TranscriptFinisher#lineKey}) found in at least {@code
   * minDocuments} distinct documents and at least {@code minShare} of the source's distinct
   * documents, for paragraphs of at most {@code maxWords} words ({@link #count}).
   */
  public static Map<String, Set<String>> learn(Counts counts, JobConfig.RepeatedLines rule) {
    Map<String, Long> documentsBySource = new HashMap<>();
    for (Row row : counts.documents().groupBy(Columns.SOURCE).count().collectAsList()) {
      documentsBySource.put(row.getString(0), row.getLong(1));
    }
    Map<String, Set<String>> bySource = new HashMap<>();
    for (Row row :
        counts.lineCounts().filter(col(N_DOCUMENTS).geq(rule.minDocuments())).collectAsList()) {
      if (row.getLong(2) >= documentsBySource.get(row.getString(0)) * rule.minShare()) {
        bySource.computeIfAbsent(row.getString(0), s -> new HashSet<>()).add(row.getString(1));
      }
    }
    return bySource;
  }
}
