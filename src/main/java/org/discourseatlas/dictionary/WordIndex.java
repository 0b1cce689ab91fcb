package org.discourseatlas.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distinct words of all patterns, each with an id, and which of them a token matches. Exact
 * words are found by one hash look-up (of the token and of its lemma). Glob words would cost one
 * match per glob per token; instead the globs a token type matches are computed once per distinct
 * lowercased type and cached (a corpus of 35 million tokens has a few hundred thousand types), and
 * even then only the globs whose literal prefix ("liberat" of "liberat*") starts the token are
 * tried.
 */
final class WordIndex {
  /** Past this many cached types (a corpus of noise), glob matches are computed uncached. */
  private static final int MAX_CACHED_TYPES = 1_000_000;

  private static final int[] NONE = new int[0];

  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, List<Glob>> globsByPrefix = new HashMap<>();
  private int longestPrefix;
  private final ConcurrentHashMap<String, int[]> globCache = new ConcurrentHashMap<>();

  private record Glob(int id, String word) {}

  /** The id of a pattern word, given a new one the first time. */
  int add(String word) {
    Integer known = ids.get(word);
    if (known != null) {
      return known;
    }
    int id = ids.size();
    ids.put(word, id);
    if (DictionaryPattern.isGlob(word)) {
      String prefix = DictionaryPattern.literalPrefix(word);
      globsByPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new Glob(id, word));
      longestPrefix = Math.max(longestPrefix, prefix.length());
    } else {
      exact.put(word, id);
    }
    return id;
  }

  int size() {
    return ids.size();
  }

  /**
   * The ids of the words that match a token: its exact word, the exact word of its lemma, and the
   * globs it matches (the token only: see {@link DictionaryPattern}).
   *
   * @param token the token, lowercased
   * @param lemma the lemma, lowercased, or null
   */
  int[] matches(String token, String lemma) {
    Integer byToken = exact.get(token);
    Integer byLemma = lemma == null ? null : exact.get(lemma);
    if (byLemma != null && byLemma.equals(byToken)) {
      byLemma = null; // the lemma is the token itself ("aleppo"): one match, not two
    }
    int[] globs = globMatches(token);
    if (byToken == null && byLemma == null) {
      return globs;
    }
    int[] all = Arrays.copyOf(globs, globs.length + 2);
    int next = globs.length;
    if (byToken != null) {
      all[next++] = byToken;
    }
    if (byLemma != null) {
      all[next++] = byLemma;
    }
    return Arrays.copyOf(all, next);
  }

  private int[] globMatches(String token) {
    if (globsByPrefix.isEmpty()) {
      return NONE;
    }
    int[] cached = globCache.get(token);
    if (cached != null) {
      return cached;
    }
    List<Integer> found = new ArrayList<>(2);
    int upTo = Math.min(token.length(), longestPrefix);
    for (int length = 0; length <= upTo; length++) {
      List<Glob> candidates = globsByPrefix.get(token.substring(0, length));
      if (candidates != null) {
        for (Glob glob : candidates) {
          if (DictionaryPattern.globMatches(glob.word(), token)) {
            found.add(glob.id());
          }
        }
      }
    }
    int[] matched = found.isEmpty() ? NONE : found.stream().mapToInt(Integer::intValue).toArray();
    if (globCache.size() < MAX_CACHED_TYPES) {
      globCache.put(token, matched);
    }
    return matched;
  }
}
