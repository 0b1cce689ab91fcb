package org.discourseatlas.nlp;

import edu.stanford.nlp.process.Morphology;
import java.util.concurrent.ConcurrentHashMap;
import org.discourseatlas.terms.Lemmatizer;

/**
 * Lemmas by CoreNLP's morphology (Morpha, rule-based: no model file), computed once per distinct
 * word type in each JVM and cached, not once per token: a corpus of 35 million tokens has a few
 * hundred thousand types. Morphology keeps lexer state, so each thread has its own.
 */
public final class MorphaLemmatizer implements Lemmatizer {
  /** Past this many cached types (a corpus of noise), lemmas are computed without caching. */
  private static final int MAX_CACHED_TYPES = 2_000_000;

  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();
  private static final ThreadLocal<Morphology> MORPHA = ThreadLocal.withInitial(Morphology::new);

  @Override
  public String lemma(String lowercaseWord) {
    String cached = CACHE.get(lowercaseWord);
    if (cached != null) {
      return cached;
    }
    String lemma = MORPHA.get().stem(lowercaseWord);
    if (lemma == null || lemma.isEmpty()) {
      lemma = lowercaseWord;
    }
    if (CACHE.size() < MAX_CACHED_TYPES) {
      CACHE.put(lowercaseWord, lemma);
    }
    return lemma;
  }
}
