package org.discourseatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate pairs of the near-duplicate search, found in memory: every (A, B) with B new, A new
 * or earlier and ordered before B, that share a MinHash bucket in some hash table and whose shingle
 * counts allow the Jaccard threshold. The same pairs as the bucket join of {@link NearDuplicates}
 * (decision 0031), for a month's few new documents against the kept signatures.
 */
final class BucketCandidates {
  /** A document's id, order key, shingle count and bucket in each hash table. */
  record Signature(String id, String order, int shingles, double[] buckets) {}

  /** A pair to measure: {@code a} ordered before {@code b}, {@code b} new. */
  record Candidate(Signature a, Signature b) {}

  private BucketCandidates() {}

  /**
   * The distinct candidate pairs, in a stable order (new documents as given, then tables, then
   * bucket members as given).
   */
  static List<Candidate> of(List<Signature> fresh, List<Signature> earlier, double minJaccard) {
    int tables = fresh.isEmpty() ? 0 : fresh.get(0).buckets().length;
    List<Map<Double, List<Signature>>> byBucket = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      byBucket.add(new HashMap<>());
    }
    for (List<Signature> side : List.of(fresh, earlier)) {
      for (Signature s : side) {
        for (int t = 0; t < tables; t++) {
          byBucket.get(t).computeIfAbsent(s.buckets()[t], k -> new ArrayList<>()).add(s);
        }
      }
    }
    Map<List<String>, Candidate> distinct = new LinkedHashMap<>();
    for (Signature b : fresh) {
      byte[] orderB = b.order().getBytes(StandardCharsets.UTF_8);
      for (int t = 0; t < tables; t++) {
        for (Signature a : byBucket.get(t).getOrDefault(b.buckets()[t], List.of())) {
          // Spark compares strings by their UTF-8 bytes, unsigned.
          boolean before =
              Arrays.compareUnsigned(a.order().getBytes(StandardCharsets.UTF_8), orderB) < 0;
          if (before && couldBeSimilar(a.shingles(), b.shingles(), minJaccard)) {
            distinct.putIfAbsent(
                List.of(a.id(), a.order(), b.id(), b.order()), new Candidate(a, b));
          }
        }
      }
    }
    return List.copyOf(distinct.values());
  }

  /**
   * Jaccard(A, B) <= min(|A|, |B|) / max(|A|, |B|): the size filter of exact set-similarity joins
   * (Arasu, Ganti, Kaushik, VLDB 2006), with NearDuplicates' margin for rounding.
   */
  static boolean couldBeSimilar(int shinglesA, int shinglesB, double minJaccard) {
    return Math.min(shinglesA, shinglesB)
        >= Math.max(shinglesA, shinglesB) * (minJaccard - SIZE_FILTER_MARGIN);
  }

  /** Keeps a pair exactly at the threshold up to rounding; the exact distance still decides. */
  static final double SIZE_FILTER_MARGIN = 1e-9;
}
