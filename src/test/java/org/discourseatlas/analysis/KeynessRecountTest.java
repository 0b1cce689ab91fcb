package org.discourseatlas.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.stats.KeynessStats;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * Every keyness row, of every kind of comparison, against a recount in plain Java from the
 * sentences themselves: zone windows that overlap (a sentence in Aleppo's and Mosul's windows
 * counts for both), unigrams and bigrams, a zone without bigrams, and n-grams on both sides of the
 * minimum count. The Spark side reads counts only through {@link Keyness#counts}' candidates (an
 * n-gram's corpus count and each zone's count), so this is what shows that the pre-filter (corpus
 * count >= half the minimum) drops no row a comparison needs.
 */
class KeynessRecountTest {
  private static final List<List<String>> WINDOWS =
      List.of(
          List.of(),
          List.of("aleppo"),
          List.of("mosul"),
          List.of("aleppo", "mosul"),
          List.of("raqqa"),
          List.of("homs"));
  private static final List<String> WORDS =
      List.of("siege", "convoy", "aid", "truce", "shelling", "talks", "city", "the", "civilians");
  private static final int MIN_COUNT = 5;
  private static final double ALPHA0 = 50;

  /** A sentence: its zones and its n-grams (term, n). */
  private record Sentence(List<String> zones, List<String[]> ngrams) {}

  @Test
  void everyRowIsWhatARecountFromTheSentencesGives() {
    List<Sentence> sentences = sentences();
    SparkSession spark = SharedSpark.session();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      List<Row> ngrams = new ArrayList<>();
      for (String[] g : s.ngrams()) {
        ngrams.add(RowFactory.create(g[0], Integer.parseInt(g[1]), null, null));
      }
      rows.add(RowFactory.create("d" + i, RowValues.array(s.zones()), RowValues.array(ngrams)));
    }
    Dataset<Row> units = spark.createDataFrame(rows, UnitCounts.UNITS);
    Keyness.Settings settings =
        new Keyness.Settings(ALPHA0, KeynessStats.Correction.NONE, MIN_COUNT);
    List<JobConfig.KeynessComparison> comparisons =
        List.of(
            new JobConfig.KeynessComparison(List.of("aleppo"), List.of("mosul")),
            new JobConfig.KeynessComparison(List.of("mosul"), List.of()),
            new JobConfig.KeynessComparison(List.of("aleppo", "mosul"), List.of()),
            new JobConfig.KeynessComparison(List.of("raqqa"), List.of("aleppo", "homs")));
    Keyness.Counts counts =
        Keyness.counts(
            UnitCounts.zoneCounts(units), UnitCounts.corpusCounts(units), settings, d -> d);
    // The configured comparisons and each zone against the rest are separate parts of the table
    // (Mosul against the rest is in both).
    Map<String, double[]> actual = rowsByKey(Keyness.compute(units, counts, comparisons, settings));
    actual.putAll(rowsByKey(Keyness.eachZoneVersusRest(counts, settings), "each:"));

    Map<String, double[]> expected = new TreeMap<>();
    for (JobConfig.KeynessComparison c : comparisons) {
      recount(
          sentences,
          c.target(),
          c.reference(),
          c.targetLabel() + "|" + c.referenceLabel(),
          expected);
    }
    for (String zone : List.of("aleppo", "mosul", "raqqa", "homs")) {
      recount(sentences, List.of(zone), List.of(), "each:" + zone + "|rest", expected);
    }
    assertEquals(expected.keySet(), actual.keySet());
    // The boundary the pre-filter rests on: a row whose target + reference reaches the minimum
    // while the n-gram's corpus count does not (the overlapping windows count it twice).
    assertTrue(
        expected.keySet().stream()
            .anyMatch(
                key -> key.startsWith("aleppo|mosul|") && corpusCount(sentences, key) < MIN_COUNT),
        "the fixture has an Aleppo-Mosul row whose corpus count is under the minimum");
    expected.forEach(
        (key, want) -> {
          double[] got = actual.get(key);
          for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-9 * Math.max(1, Math.abs(want[i])), key + " #" + i);
          }
        });
  }

  /** target|reference|term|n (after {@code prefix}) -> counts, totals, G2 and chi2. */
  private static Map<String, double[]> rowsByKey(Dataset<Row> rows, String... prefix) {
    Map<String, double[]> byKey = new TreeMap<>();
    for (Row row : rows.collectAsList()) {
      String key =
          String.join("", prefix)
              + row.getAs(Columns.TARGET)
              + "|"
              + row.getAs(Columns.REFERENCE)
              + "|"
              + row.getAs(Columns.TERM)
              + "|"
              + row.getAs(Columns.NGRAM);
      double[] values = {
        row.<Long>getAs(Columns.COUNT_TARGET),
        row.<Long>getAs(Columns.COUNT_REFERENCE),
        row.<Long>getAs(Columns.TOTAL_TARGET),
        row.<Long>getAs(Columns.TOTAL_REFERENCE),
        row.<Double>getAs(Columns.G2),
        row.<Double>getAs(Columns.CHI2)
      };
      assertEquals(null, byKey.put(key, values), "one row per key: " + key);
    }
    return byKey;
  }

  /**
   * The rows of target against reference (the rest when empty), counted from the sentences: a side
   * counts each sentence whose zones hold one of its zones, once.
   */
  private static void recount(
      List<Sentence> sentences,
      List<String> target,
      List<String> reference,
      String label,
      Map<String, double[]> into) {
    Map<String, Long> a = new HashMap<>();
    Map<String, Long> b = new HashMap<>();
    Map<String, Long> corpus = new HashMap<>();
    Map<Integer, Long> targetTotals = new HashMap<>();
    Map<Integer, Long> referenceTotals = new HashMap<>();
    Map<Integer, Long> corpusTotals = new HashMap<>();
    for (Sentence s : sentences) {
      boolean inTarget = s.zones().stream().anyMatch(target::contains);
      boolean inReference =
          reference.isEmpty() ? !inTarget : s.zones().stream().anyMatch(reference::contains);
      for (String[] g : s.ngrams()) {
        String key = g[0] + "|" + g[1];
        int n = Integer.parseInt(g[1]);
        corpus.merge(key, 1L, Long::sum);
        corpusTotals.merge(n, 1L, Long::sum);
        if (inTarget) {
          a.merge(key, 1L, Long::sum);
          targetTotals.merge(n, 1L, Long::sum);
        }
        if (inReference) {
          b.merge(key, 1L, Long::sum);
          referenceTotals.merge(n, 1L, Long::sum);
        }
      }
    }
    for (String key : new TreeSet<>(corpus.keySet())) {
      long countA = a.getOrDefault(key, 0L);
      long countB = b.getOrDefault(key, 0L);
      int n = Integer.parseInt(key.substring(key.indexOf('|') + 1));
      long totalA = targetTotals.getOrDefault(n, 0L);
      long totalB = referenceTotals.getOrDefault(n, 0L);
      if (countA + countB < MIN_COUNT || totalA == 0 || totalB == 0) {
        continue;
      }
      KeynessStats.Scores scores =
          KeynessStats.score(
              countA,
              countB,
              totalA,
              totalB,
              corpus.get(key),
              corpusTotals.get(n),
              ALPHA0,
              KeynessStats.Correction.NONE);
      into.put(
          label + "|" + key,
          new double[] {countA, countB, totalA, totalB, scores.g2(), scores.chi2()});
    }
  }

  private static long corpusCount(List<Sentence> sentences, String rowKey) {
    String[] parts = rowKey.split("\\|");
    return sentences.stream()
        .flatMap(s -> s.ngrams().stream())
        .filter(g -> g[0].equals(parts[2]) && g[1].equals(parts[3]))
        .count();
  }

  /**
   * 200 sentences of 3 to 8 words, each in one of the windows above (seeded), with their bigrams
   * except in Homs' windows (a zone with unigrams only); and three sentences in both Aleppo's and
   * Mosul's windows holding "ceasefire", so that it counts 3 in each zone and 3 in the corpus.
   */
  private static List<Sentence> sentences() {
    Random random = new Random(20170314);
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<String> zones = WINDOWS.get(random.nextInt(WINDOWS.size()));
      int length = 3 + random.nextInt(6);
      List<String> words = new ArrayList<>();
      for (int w = 0; w < length; w++) {
        // Skewed: the first words are common, the last rare.
        words.add(WORDS.get(Math.min(random.nextInt(WORDS.size()), random.nextInt(WORDS.size()))));
      }
      sentences.add(new Sentence(zones, ngrams(words, !zones.contains("homs"))));
    }
    for (int i = 0; i < 3; i++) {
      sentences.add(
          new Sentence(
              List.of("aleppo", "mosul"), ngrams(List.of("ceasefire", "holds", "the"), true)));
    }
    return sentences;
  }

  private static List<String[]> ngrams(List<String> words, boolean bigrams) {
    List<String[]> ngrams = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      ngrams.add(new String[] {words.get(i), "1"});
      if (bigrams && i > 0) {
        ngrams.add(new String[] {words.get(i - 1) + " " + words.get(i), "2"});
      }
    }
    return ngrams;
  }
}
