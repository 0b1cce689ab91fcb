package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermVocabularyTest {
  private static List<String> tokens(String text) {
    return List.of(text.split(" "));
  }

  @Test
  void termsAreLowercaseWordsAndAdjacentPairsWithoutPunctuation() {
    // Words: we, do, n't, condemn, peace, security ("," and "." have no letter); pairs skip them.
    assertEquals(
        List.of(
            "we",
            "do",
            "n't",
            "condemn",
            "peace",
            "security",
            "we do",
            "do n't",
            "n't condemn",
            "condemn peace",
            "peace security"),
        List.copyOf(TermVocabulary.terms(tokens("We do n't condemn peace , security ."), 2)));
    // Distinct: "war" twice is one term.
    assertEquals(List.of("war"), List.copyOf(TermVocabulary.terms(tokens("war War"), 1)));
  }

  @Test
  void idfAndUnitVectorsByHand() {
    // Three sentences, unigrams, kept from 2 sentences: "the" in 3, "war" in 2, "ends" and "talks"
    // in 1 (out).
    // idf = ln((1 + 3) / (1 + df)) + 1: the -> ln(4/4) + 1 = 1; war -> ln(4/3) + 1 = 1.2876821.
    TermVocabulary vocabulary =
        TermVocabulary.build(
            List.of(tokens("the war"), tokens("the war ends"), tokens("the talks")), 2, 1);
    assertEquals(List.of("the", "war"), vocabulary.terms());
    assertEquals(1.0, vocabulary.idf(0), 1e-12);
    assertEquals(Math.log(4.0 / 3) + 1, vocabulary.idf(1), 1e-12);

    // "the war war": the (1.0) and war (1.2876821), once each; length sqrt(1 + 1.6581251) =
    // 1.6303758; values 0.6133555 and 0.7898069.
    TermVocabulary.Sparse v = vocabulary.vector(tokens("The war war"));
    assertArrayEquals(new int[] {0, 1}, v.indices());
    assertArrayEquals(new double[] {0.6133555, 0.7898069}, v.values(), 1e-7);
    // Nothing of the vocabulary: an empty vector, not NaN.
    assertEquals(0, vocabulary.vector(tokens("peace")).indices().length);
  }
}
