package org.discourseatlas.dictionary;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.discourseatlas.terms.Lemmatizer;

/**
 * Finds the categories of one or more dictionaries in a tokenised sentence, as quanteda's {@code
 * tokens_lookup(x, dict, valuetype = "glob", case_insensitive = TRUE, nested_scope = "key")} does,
 * plus a lemma match for words without wildcards (see {@link DictionaryPattern}).
 *
 * <p>The semantics follow quanteda's C++ kernel ({@code src/tokens_lookup.cpp}, function {@code
 * lookup}, overlap = 1 "local" for nested_scope = "key"): pattern lengths are tried longest first,
 * and for each length positions left to right; a match of a key is kept only if none of its tokens
 * is already flagged for that key, and then its tokens are flagged for that key alone. So within
 * one category a multiword match counts once and its words are not counted again, and two patterns
 * matching the same token count once; across categories nothing is suppressed, a token counts for
 * each key that matches it. The documentation of {@code tokens_lookup} (R/tokens_lookup.R, "Values
 * that are nested within the same key are always counted as a single match ... Overlapping values,
 * such as "a b" and "b a" are ... one match if the overlap is within the same key") says the same.
 * Where we differ from quanteda: a parent key and its children are all counted (quanteda counts the
 * levels chosen by {@code levels}); see the README of the dictionaries.
 *
 * <p>Thread-safe and serializable: only the dictionaries travel, and each JVM rebuilds its index
 * (and its cache of glob matches per token type) when it reads the matcher.
 */
public final class DictionaryMatcher implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final List<Dictionary> dictionaries;

  /** The compiled patterns; rebuilt by {@link #readResolve()} after deserialization. */
  private final transient Compiled compiled;

  /** One pattern of one category, its words as ids of the word index. */
  private record Entry(int category, int order, String text, int[] words) {}

  /** A match before the per-category overlap rule. */
  private record Candidate(Entry entry, int begin) {
    int length() {
      return entry.words().length;
    }
  }

  private static final Comparator<Candidate> LONGEST_THEN_LEFTMOST =
      Comparator.<Candidate>comparingInt(c -> c.entry().category())
          .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
          .thenComparingInt(Candidate::begin)
          .thenComparingInt(c -> c.entry().order());

  private static final class Compiled {
    final WordIndex words = new WordIndex();
    final List<String> dictionaryOf = new ArrayList<>();
    final List<String> keyOf = new ArrayList<>();
    List<List<Entry>> byFirstWord = new ArrayList<>();
  }

  public DictionaryMatcher(List<Dictionary> dictionaries) {
    this.dictionaries = List.copyOf(dictionaries);
    this.compiled = compile(this.dictionaries);
  }

  public DictionaryMatcher(Dictionary... dictionaries) {
    this(List.of(dictionaries));
  }

  public List<Dictionary> dictionaries() {
    return dictionaries;
  }

  private static Compiled compile(List<Dictionary> dictionaries) {
    Compiled c = new Compiled();
    List<Entry> entries = new ArrayList<>();
    for (Dictionary dictionary : dictionaries) {
      for (Category category : dictionary.categories()) {
        int id = c.keyOf.size();
        c.dictionaryOf.add(dictionary.name());
        c.keyOf.add(category.key());
        int order = 0;
        for (DictionaryPattern pattern : category.patterns()) {
          int[] words = pattern.words().stream().mapToInt(c.words::add).toArray();
          entries.add(new Entry(id, order++, pattern.text(), words));
        }
      }
    }
    for (int w = 0; w < c.words.size(); w++) {
      c.byFirstWord.add(new ArrayList<>(1));
    }
    for (Entry entry : entries) {
      c.byFirstWord.get(entry.words()[0]).add(entry);
    }
    return c;
  }

  /** The hits in one sentence, each token's lemma from {@code lemmatizer} (of its lowercase). */
  public List<Hit> findWith(List<String> tokens, Lemmatizer lemmatizer) {
    List<String> lemmas = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      lemmas.add(lemmatizer.lemma(token.toLowerCase(Locale.ROOT)));
    }
    return find(tokens, lemmas);
  }

  /**
   * The hits in one sentence, sorted by first token, then dictionary order, then category order.
   *
   * @param tokens the sentence's tokens, any case
   * @param lemmas their lemmas, as many as tokens, or null to match tokens only
   */
  public List<Hit> find(List<String> tokens, List<String> lemmas) {
    int n = tokens.size();
    if (lemmas != null && lemmas.size() != n) {
      throw new IllegalArgumentException(n + " tokens but " + lemmas.size() + " lemmas");
    }
    if (n == 0) {
      return List.of();
    }
    int[][] matched = new int[n][];
    for (int i = 0; i < n; i++) {
      String token = tokens.get(i).toLowerCase(Locale.ROOT);
      String lemma = lemmas == null ? null : lemmas.get(i);
      matched[i] =
          compiled.words.matches(token, lemma == null ? null : lemma.toLowerCase(Locale.ROOT));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int word : matched[i]) {
        for (Entry entry : compiled.byFirstWord.get(word)) {
          if (matchesFrom(entry.words(), matched, i)) {
            candidates.add(new Candidate(entry, i));
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    return keepPerCategory(candidates, n);
  }

  private static boolean matchesFrom(int[] words, int[][] matched, int begin) {
    if (begin + words.length > matched.length) {
      return false;
    }
    for (int k = 1; k < words.length; k++) {
      if (!contains(matched[begin + k], words[k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(int[] ids, int id) {
    for (int candidate : ids) {
      if (candidate == id) {
        return true;
      }
    }
    return false;
  }

  /** quanteda's rule within one key: longest first, then leftmost, no token used twice. */
  private List<Hit> keepPerCategory(List<Candidate> candidates, int n) {
    candidates.sort(LONGEST_THEN_LEFTMOST);
    List<Candidate> kept = new ArrayList<>();
    boolean[] used = new boolean[n];
    int category = -1;
    for (Candidate candidate : candidates) {
      if (candidate.entry().category() != category) {
        category = candidate.entry().category();
        Arrays.fill(used, false);
      }
      int end = candidate.begin() + candidate.length();
      boolean free = true;
      for (int t = candidate.begin(); t < end && free; t++) {
        free = !used[t];
      }
      if (free) {
        Arrays.fill(used, candidate.begin(), end, true);
        kept.add(candidate);
      }
    }
    kept.sort(
        Comparator.comparingInt(Candidate::begin).thenComparingInt(c -> c.entry().category()));
    List<Hit> hits = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      int id = c.entry().category();
      hits.add(
          new Hit(
              compiled.dictionaryOf.get(id),
              compiled.keyOf.get(id),
              c.entry().text(),
              c.begin(),
              c.begin() + c.length()));
    }
    return hits;
  }

  /** After deserialization on an executor: the same dictionaries, a fresh index and cache. */
  @Serial
  private Object readResolve() {
    return new DictionaryMatcher(dictionaries);
  }
}
