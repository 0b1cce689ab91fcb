package org.discourseatlas.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.api.java.UDF1;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** A document's shingles as the near-duplicate search compares them ({@link NearDuplicates}). */
final class ShingleVectors {
  /**
   * 2^22 shingle buckets: collisions between distinct shingles stay rare for transcript lengths.
   */
  static final int FEATURES = 1 << 22;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private ShingleVectors() {}

  /**
   * A document's word n-gram shingles (over its turns' texts, in order) as the sorted distinct
   * indices of Spark's HashingTF (binary, 2^22 features); null for fewer words than a shingle. The
   * vector is made here, from the indices, rather than by HashingTF.transform over an array column
   * of the shingles: the same sparse vector without every shingle string going through Spark's row
   * format and back (decision 0016).
   */
  static UDF1<Seq<String>, Vector> of(int n) {
    HashingTF hashing = new HashingTF().setNumFeatures(FEATURES).setBinary(true);
    return texts -> {
      List<String> words = new ArrayList<>();
      for (String text : CollectionConverters.asJava(texts)) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
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
  }
}
