package org.discourseatlas.stats;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topic coherence from document co-occurrence of a topic's top terms, over the units the model was
 * fitted on (each unit a "document"; a term counts once per unit).
 *
 * <ul>
 *   <li>NPMI (Bouma 2009, "Normalized (pointwise) mutual information in collocation extraction"; as
 *       a topic coherence: Aletras &amp; Stevenson 2013, Röder et al. 2015, C_NPMI with boolean
 *       documents): the mean over pairs i &lt; j of the top N terms of {@code ln(P(wi,wj) / (P(wi)
 *       P(wj))) / -ln P(wi,wj)}, where {@code P(w) = D(w) / D}. A pair that never co-occurs takes
 *       the limit -1 (no smoothing epsilon); one in every unit, 1.
 *   <li>UMass (Mimno et al. 2011, "Optimizing semantic coherence in topic models", eq. 1): for the
 *       terms in rank order, {@code ln((D(v_m, v_l) + 1) / D(v_l))} over m = 2..N, l &lt; m. Mimno
 *       et al. sum it; this is the mean over the N(N-1)/2 pairs (as gensim's CoherenceModel reports
 *       it), so values compare across N. Always &lt;= ~0; closer to 0 is more coherent.
 * </ul>
 */
public final class TopicCoherence {
  private TopicCoherence() {}

  /** Mean NPMI over the pairs of a topic's top terms. */
  public static double npmi(List<String> topTerms, Cooccurrences counts) {
    double sum = 0;
    int pairs = 0;
    double documents = counts.documents();
    for (int i = 0; i < topTerms.size(); i++) {
      for (int j = i + 1; j < topTerms.size(); j++) {
        long joint = counts.together(topTerms.get(i), topTerms.get(j));
        double value;
        if (joint == 0) {
          value = -1;
        } else if (joint == documents) {
          value = 1;
        } else {
          double pJoint = joint / documents;
          double pI = counts.of(topTerms.get(i)) / documents;
          double pJ = counts.of(topTerms.get(j)) / documents;
          value = Math.log(pJoint / (pI * pJ)) / -Math.log(pJoint);
        }
        sum += value;
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /** Mean UMass score over the ordered pairs of a topic's top terms (higher rank first). */
  public static double umass(List<String> topTerms, Cooccurrences counts) {
    double sum = 0;
    int pairs = 0;
    for (int m = 1; m < topTerms.size(); m++) {
      for (int l = 0; l < m; l++) {
        long dl = counts.of(topTerms.get(l));
        if (dl == 0) {
          return Double.NaN; // a top term in no unit: the counts are not the model's corpus
        }
        sum += Math.log((counts.together(topTerms.get(m), topTerms.get(l)) + 1.0) / dl);
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }

  /**
   * Unit frequencies of a fixed set of terms and of their pairs, accumulated unit by unit and
   * mergeable (one per partition, merged on the driver).
   */
  public static final class Cooccurrences implements Serializable {
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] single;
    private final long[][] pair;
    private long documents;

    public Cooccurrences(Collection<String> terms) {
      for (String term : terms) {
        index.putIfAbsent(term, index.size());
      }
      single = new long[index.size()];
      pair = new long[index.size()][index.size()];
    }

    /** Counts one unit: each tracked term once, each pair of tracked terms once. */
    public void addUnit(Collection<String> unitTerms) {
      documents++;
      Set<Integer> present = new HashSet<>();
      for (String term : unitTerms) {
        Integer i = index.get(term);
        if (i != null) {
          present.add(i);
        }
      }
      int[] ids = present.stream().mapToInt(Integer::intValue).toArray();
      for (int a = 0; a < ids.length; a++) {
        single[ids[a]]++;
        for (int b = a + 1; b < ids.length; b++) {
          pair[Math.min(ids[a], ids[b])][Math.max(ids[a], ids[b])]++;
        }
      }
    }

    /** Adds another accumulator over the same terms into this one. */
    public Cooccurrences merge(Cooccurrences other) {
      if (!other.index.equals(index)) {
        throw new IllegalArgumentException("co-occurrence counts over different terms");
      }
      documents += other.documents;
      for (int i = 0; i < single.length; i++) {
        single[i] += other.single[i];
        for (int j = 0; j < single.length; j++) {
          pair[i][j] += other.pair[i][j];
        }
      }
      return this;
    }

    public long documents() {
      return documents;
    }

    /** Units holding the term (0 for a term not tracked). */
    public long of(String term) {
      Integer i = index.get(term);
      return i == null ? 0 : single[i];
    }

    /** Units holding both terms. */
    public long together(String a, String b) {
      Integer i = index.get(a);
      Integer j = index.get(b);
      if (i == null || j == null) {
        return 0;
      }
      if (i.equals(j)) {
        return single[i];
      }
      return pair[Math.min(i, j)][Math.max(i, j)];
    }
  }
}
