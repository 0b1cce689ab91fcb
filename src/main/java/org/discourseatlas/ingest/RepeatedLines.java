package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
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

  private RepeatedLines() {}

  /**
   * Source -> paragraph keys ({@link TranscriptFinisher#lineKey}) found in at least {@code
   * minDocuments} distinct documents and at least {@code minShare} of the source's distinct
   * documents, for paragraphs of at most {@code maxWords} words.
   */
  public static Map<String, Set<String>> learn(Dataset<Row> read, JobConfig.RepeatedLines rule) {
    int maxWords = rule.maxWords();
    // Each document's distinct short paragraph keys, after a null that stands for the document
    // itself: one aggregation then counts both the documents of a source (line null) and those of
    // each line, and the body hash is computed once (two aggregations computed it twice).
    UDF1<Seq<String>, List<String>> keys =
        body -> {
          Set<String> distinct = new LinkedHashSet<>();
          for (String paragraph : CollectionConverters.asJava(body)) {
            String key = TranscriptFinisher.lineKey(paragraph);
            if (!key.isEmpty() && TextNormalizer.wordsUpTo(key, maxWords) <= maxWords) {
              distinct.add(key);
            }
          }
          List<String> withDocument = new ArrayList<>(distinct.size() + 1);
          withDocument.add(null);
          withDocument.addAll(distinct);
          return withDocument;
        };
    UDF1<Seq<String>, String> bodyHash =
        body -> DocumentId.of(String.join("\n", CollectionConverters.asJava(body)));
    // Two projections: the hash is computed beneath the explode, once per document (in the same
    // select as the explode, Spark computed it once per exploded line).
    List<Row> counted =
        read.filter(col(Columns.KIND).equalTo(TranscriptIngest.KIND_DRAFT))
            .select(
                coalesce(col(Columns.SOURCE), lit(NO_SOURCE)).as(Columns.SOURCE),
                udf(bodyHash, DataTypes.StringType).apply(col(Columns.BODY)).as(BODY_HASH),
                udf(keys, DataTypes.createArrayType(DataTypes.StringType, true))
                    .apply(col(Columns.BODY))
                    .as(Columns.BODY))
            .select(col(Columns.SOURCE), col(BODY_HASH), explode(col(Columns.BODY)).as(LINE))
            .groupBy(Columns.SOURCE, LINE)
            .agg(countDistinct(BODY_HASH).as(N_DOCUMENTS))
            .filter(col(LINE).isNull().or(col(N_DOCUMENTS).geq(rule.minDocuments())))
            .collectAsList();
    Map<String, Long> documentsBySource = new HashMap<>();
    for (Row row : counted) {
      if (row.isNullAt(1)) {
        documentsBySource.put(row.getString(0), row.getLong(2));
      }
    }
    Map<String, Set<String>> bySource = new HashMap<>();
    for (Row row : counted) {
      if (!row.isNullAt(1)
          && row.getLong(2) >= documentsBySource.get(row.getString(0)) * rule.minShare()) {
        bySource.computeIfAbsent(row.getString(0), s -> new HashSet<>()).add(row.getString(1));
      }
    }
    return bySource;
  }
}
