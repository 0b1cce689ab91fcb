package org.discourseatlas.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One document's counts per group, worked by hand. */
class DocumentTermCountsTest {
  /**
   * Sentence 1 (answer, zone aleppo): units [aleppo, freed, null, civilians], 5 running words.
   * Sentence 2 (question, no zone): units [aleppo, siege], 2 running words.
   */
  private static final List<DocumentTermCounts.Sentence> DOCUMENT =
      List.of(
          new DocumentTermCounts.Sentence(
              List.of("aleppo"), "answer", Arrays.asList("aleppo", "freed", null, "civilians"), 5),
          new DocumentTermCounts.Sentence(List.of(), "question", List.of("aleppo", "siege"), 2));

  private static Map<String, Long> byKey(List<DocumentTermCounts.Count> counts) {
    Map<String, Long> map = new HashMap<>();
    for (DocumentTermCounts.Count c : counts) {
      String key = c.level() + "|" + c.zone() + "|" + c.role() + "|" + c.term() + "|" + c.n();
      assertFalse(map.containsKey(key), "one row per group and term: " + key);
      map.put(key, c.count());
    }
    return map;
  }

  @Test
  void countsEachNgramOncePerGroupItIsIn() {
    Map<String, Long> counts = byKey(DocumentTermCounts.count(DOCUMENT, true, 2));
    // Corpus: "aleppo" in both sentences; the bigram "aleppo freed" once; "freed civilians" is
    // broken by the stopword (null).
    assertEquals(2L, counts.get("CORPUS|null|null|aleppo|1"));
    assertEquals(1L, counts.get("CORPUS|null|null|aleppo freed|2"));
    assertEquals(null, counts.get("CORPUS|null|null|freed civilians|2"));
    // Per role: the answer's "aleppo" and the question's are apart.
    assertEquals(1L, counts.get("CORPUS_ROLE|null|answer|aleppo|1"));
    assertEquals(1L, counts.get("CORPUS_ROLE|null|question|aleppo|1"));
    // Zone: only sentence 1 is in Aleppo's window.
    assertEquals(1L, counts.get("ZONE|aleppo|null|aleppo|1"));
    assertEquals(null, counts.get("ZONE|aleppo|null|siege|1"));
    assertEquals(1L, counts.get("ZONE_ROLE|aleppo|answer|civilians|1"));
    // Month and source levels are keyed by the caller; here they count like the corpus.
    assertEquals(2L, counts.get("CORPUS_PERIOD|null|null|aleppo|1"));
    assertEquals(2L, counts.get("CORPUS_SOURCE|null|null|aleppo|1"));
  }

  @Test
  void runningWordsPerGroupAreRowsWithoutATerm() {
    Map<String, Long> counts = byKey(DocumentTermCounts.count(DOCUMENT, true, 2));
    assertEquals(7L, counts.get("CORPUS|null|null|null|0"));
    assertEquals(5L, counts.get("CORPUS_ROLE|null|answer|null|0"));
    assertEquals(2L, counts.get("CORPUS_ROLE|null|question|null|0"));
    assertEquals(5L, counts.get("ZONE|aleppo|null|null|0"));
    assertEquals(5L, counts.get("ZONE_PERIOD|aleppo|null|null|0"));
  }

  @Test
  void anUndatedDocumentCountsOnlyAllTime() {
    Map<String, Long> counts = byKey(DocumentTermCounts.count(DOCUMENT, false, 2));
    assertEquals(2L, counts.get("CORPUS|null|null|aleppo|1"));
    assertFalse(counts.keySet().stream().anyMatch(k -> k.startsWith("CORPUS_PERIOD")));
    assertFalse(counts.keySet().stream().anyMatch(k -> k.startsWith("ZONE_PERIOD")));
  }
}
