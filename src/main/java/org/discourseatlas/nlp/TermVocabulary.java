package org.discourseatlas.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The word and word-pair features of the diplomatic sentiment model (decision 0023): which of a
 * fixed vocabulary's terms a sentence contains, each weighted by its inverse document frequency,
 * the vector scaled to unit length (the binary TF-IDF of Salton and Buckley 1988, "Term-weighting
 * approaches in automatic text retrieval", with scikit-learn's smoothed idf, below).
 *
 * <p>The trainer builds it from the training sentences and the shipped model carries it, so the
 * vectors the model was fitted on and the vectors it is applied to come from this one class. Plain
 * Java rather than Spark's CountVectorizer and IDF: the model runs inside the sentiment stage on
 * one sentence at a time, and its vocabulary is sorted by term, not by Spark's count order whose
 * ties are not fixed.
 */
public final class TermVocabulary {
  private final List<String> terms;
  private final double[] idf;
  private final int maxN;
  private final Map<String, Integer> index = new HashMap<>();

  /** A vocabulary of {@code terms} (sorted) with their idf, of n-grams up to {@code maxN}. */
  public TermVocabulary(List<String> terms, double[] idf, int maxN) {
    if (terms.size() != idf.length) {
      throw new IllegalArgumentException(terms.size() + " terms, " + idf.length + " idf values");
    }
    this.terms = List.copyOf(terms);
    this.idf = idf.clone();
    this.maxN = maxN;
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
    }
  }

  /**
   * The vocabulary of the terms found in at least {@code minDocuments} of the sentences, with
   * idf(t) = ln((1 + n) / (1 + df(t))) + 1 over the n sentences: scikit-learn's TfidfVectorizer
   * with smooth_idf=True (its documentation, "Tf–idf term weighting"), where a term in every
   * sentence still weighs 1 rather than 0 as in Spark's IDF.
   */
  public static TermVocabulary build(List<List<String>> sentences, int minDocuments, int maxN) {
    Map<String, Integer> documentFrequency = new TreeMap<>();
    for (List<String> tokens : sentences) {
      for (String term : terms(tokens, maxN)) {
        documentFrequency.merge(term, 1, Integer::sum);
      }
    }
    List<String> kept = new ArrayList<>();
    List<Double> idf = new ArrayList<>();
    int n = sentences.size();
    documentFrequency.forEach(
        (term, df) -> {
          if (df >= minDocuments) {
            kept.add(term);
            idf.add(Math.log((1.0 + n) / (1.0 + df)) + 1);
          }
        });
    return new TermVocabulary(kept, idf.stream().mapToDouble(Double::doubleValue).toArray(), maxN);
  }

  /**
   * The distinct terms of a sentence in order of first appearance: its words (tokens with a letter
   * or digit, lowercased, so "n't" is one and "," is none) and each run of up to {@code maxN}
   * adjacent words joined by one space. Punctuation is skipped, so "peace, security" is the pair
   * "peace security".
   */
  public static Set<String> terms(List<String> tokens, int maxN) {
    List<String> words = new ArrayList<>();
    for (String token : tokens) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words.add(token.toLowerCase(Locale.ROOT));
      }
    }
    Set<String> terms = new LinkedHashSet<>();
    for (int n = 1; n <= maxN; n++) {
      for (int i = 0; i + n <= words.size(); i++) {
        terms.add(String.join(" ", words.subList(i, i + n)));
      }
    }
    return terms;
  }

  /** A sparse vector: ascending indices into the vocabulary and their values. */
  public record Sparse(int[] indices, double[] values) {}

  /**
   * A sentence's vector: idf(t) for each vocabulary term it contains (once, however often it
   * occurs), scaled to Euclidean length 1; empty when it contains none.
   */
  public Sparse vector(List<String> tokens) {
    TreeMap<Integer, Double> present = new TreeMap<>();
    for (String term : terms(tokens, maxN)) {
      Integer i = index.get(term);
      if (i != null) {
        present.put(i, idf[i]);
      }
    }
    double norm = Math.sqrt(present.values().stream().mapToDouble(v -> v * v).sum());
    int[] indices = new int[present.size()];
    double[] values = new double[present.size()];
    int k = 0;
    for (Map.Entry<Integer, Double> e : present.entrySet()) {
      indices[k] = e.getKey();
      values[k] = e.getValue() / norm;
      k++;
    }
    return new Sparse(indices, values);
  }

  public List<String> terms() {
    return terms;
  }

  public double idf(int i) {
    return idf[i];
  }

  public int maxN() {
    return maxN;
  }

  public int size() {
    return terms.size();
  }
}
