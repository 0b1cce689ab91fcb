package org.discourseatlas.terms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One document's n-gram counts in every group it belongs to ({@link TermLevel}), and the running
 * words of each group: what term frequencies sum over documents. A document's month and source are
 * the same for all its sentences, so a group here is a level, a zone (or none) and a role (or
 * none); the caller adds the month and source.
 *
 * <p>Counted in one map per document, so memory is bounded by the largest document, not by the
 * corpus: Spark's hash aggregation of the same keys over every document at once ran out of heap on
 * the UN corpus.
 */
public final class DocumentTermCounts {
  /** A sentence: the zones whose windows hold it, its speaker role, term units, running words. */
  public record Sentence(List<String> zones, String role, List<String> units, int words) {}

  /**
   * A group's count of one n-gram in the document; for the running words of the group, {@code term}
   * is null and {@code n} is 0.
   */
  public record Count(TermLevel level, String zone, String role, String term, int n, long count) {}

  private record Key(TermLevel level, String zone, String role, String term, int n) {}

  private DocumentTermCounts() {}

  /**
   * @param dated whether the document has a month (undated documents count only all-time)
   * @param maxN the longest n-gram
   */
  public static List<Count> count(List<Sentence> sentences, boolean dated, int maxN) {
    Map<Key, long[]> counts = new HashMap<>();
    for (Sentence sentence : sentences) {
      List<TermExtractor.NGram> ngrams = TermExtractor.ngrams(sentence.units(), maxN);
      for (TermLevel.Group group : TermLevel.groupsOf(sentence.zones(), sentence.role(), dated)) {
        TermLevel level = group.level();
        add(counts, new Key(level, group.zone(), group.role(), null, 0), sentence.words());
        for (TermExtractor.NGram g : ngrams) {
          add(counts, new Key(level, group.zone(), group.role(), g.term(), g.n()), 1);
        }
      }
    }
    List<Count> out = new ArrayList<>(counts.size());
    counts.forEach(
        (k, v) -> out.add(new Count(k.level(), k.zone(), k.role(), k.term(), k.n(), v[0])));
    return out;
  }

  private static void add(Map<Key, long[]> counts, Key key, long by) {
    counts.computeIfAbsent(key, k -> new long[1])[0] += by;
  }
}
