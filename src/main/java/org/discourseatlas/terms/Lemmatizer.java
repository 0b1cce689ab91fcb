package org.discourseatlas.terms;

import java.io.Serializable;

/** Maps a lowercased word to its lemma; the identity when lemmas are off. */
@FunctionalInterface
public interface Lemmatizer extends Serializable {
  String lemma(String lowercaseWord);

  /** No lemmatisation: every word stands for itself. */
  static Lemmatizer none() {
    return word -> word;
  }
}
