package org.discourseatlas.analysis;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spreads rows whose work is CPU-bound (CoreNLP's tokenizer and parser) over a fixed number of
 * partitions, a multiple of the cores.
 *
 * <p>Adaptive execution sizes partitions by their bytes: the documents of the UN corpus (120 MB)
 * came out of their last shuffle as three partitions, so on two cores two tasks split sentences
 * while the third waited, and ran alone afterwards; the sentiment stage's three large tasks left a
 * core idle for 174 s of its 458 s (decision 0016, fifth session). A repartition to a number of
 * partitions is not coalesced by adaptive execution; hashing on a key keeps it deterministic.
 */
final class CpuBoundWork {
  private CpuBoundWork() {}

  /**
   * {@code rows} hash-partitioned on {@code keys} into {@code perCore} partitions per core of the
   * application (Spark's default parallelism), at least {@code perCore}.
   */
  static Dataset<Row> spread(Dataset<Row> rows, int perCore, Column... keys) {
    int cores = rows.sparkSession().sparkContext().defaultParallelism();
    return rows.repartition(Math.max(1, cores) * perCore, keys);
  }
}
