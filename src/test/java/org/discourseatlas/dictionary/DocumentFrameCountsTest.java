package org.discourseatlas.dictionary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.discourseatlas.terms.Lemmatizer;
import org.discourseatlas.terms.TermLevel;
import org.junit.jupiter.api.Test;

class DocumentFrameCountsTest {
  private static final Dictionary FRAMING =
      DictionaryReader.read(
          "framing.yml",
          """
          liberation: [liberat*, freed]
          harm:
            killed: [kill, civilian casualties]
            displaced: [fled, displac*]
          """);

  /** Lemmas of the words the sentences use, by hand ("killed" -> kill). */
  private static final Lemmatizer LEMMAS =
      word ->
          Map.of("killed", "kill", "casualties", "casualty", "fled", "flee")
              .getOrDefault(word, word);

  private static DocumentFrameCounts counter(List<DocumentFrameCounts.Sides> sides) {
    return new DocumentFrameCounts(new DictionaryMatcher(FRAMING), LEMMAS, sides);
  }

  @Test
  void categoriesAreEveryDictionaryCategoryParentsFirst() {
    assertEquals(
        List.of("liberation", "harm", "harm/killed", "harm/displaced"),
        counter(List.of()).categories().stream().map(c -> c.category()).toList());
  }

  /**
   * Two sentences of one dated document, worked by hand (categories: liberation, harm, harm/killed,
   * harm/displaced):
   *
   * <ol>
   *   <li>aleppo, answer, 8 words: "The liberation of Aleppo freed civilians they killed ." —
   *       liberation 2 (liberat*, freed), harm/killed 1 ("killed" by its lemma kill), harm 1;
   *   <li>mosul, question, 5 words: "Civilian casualties : thousands fled ." — harm/killed 1 (the
   *       multiword pattern, once), harm/displaced 1 (fled), harm 2.
   * </ol>
   *
   * Zone aleppo: 8 words, hits {2, 1, 1, 0}; corpus all time: 13 words, {2, 3, 2, 1}; corpus by
   * role answer: 8 words, {2, 1, 1, 0}. Comparison aleppo vs mosul: target = sentence 1, reference
   * = sentence 2; aleppo vs rest: reference = sentence 2 as well.
   */
  @Test
  void aDocumentsHitsAndWordsInEachGroup() {
    DocumentFrameCounts counter =
        counter(
            List.of(
                new DocumentFrameCounts.Sides(List.of("aleppo"), List.of("mosul")),
                new DocumentFrameCounts.Sides(List.of("aleppo"), List.of())));
    List<DocumentFrameCounts.Sentence> sentences =
        List.of(
            new DocumentFrameCounts.Sentence(
                List.of("aleppo"),
                "answer",
                List.of(
                    "The",
                    "liberation",
                    "of",
                    "Aleppo",
                    "freed",
                    "civilians",
                    "they",
                    "killed",
                    "."),
                8),
            new DocumentFrameCounts.Sentence(
                List.of("mosul"),
                "question",
                List.of("Civilian", "casualties", ":", "thousands", "fled", "."),
                5));
    Map<DocumentFrameCounts.Group, DocumentFrameCounts.Counts> byGroup = new HashMap<>();
    for (DocumentFrameCounts.Counts c : counter.count(sentences, true)) {
      byGroup.put(c.group(), c);
    }
    // 3 zone levels x 2 zones + 4 corpus levels (role: 2 roles) + 4 comparison sides.
    assertEquals(6 + 5 + 4, byGroup.size());
    check(
        byGroup,
        new DocumentFrameCounts.Group(TermLevel.ZONE, "aleppo", null, -1, false),
        8,
        2,
        1,
        1,
        0);
    check(
        byGroup,
        new DocumentFrameCounts.Group(TermLevel.ZONE, "mosul", null, -1, false),
        5,
        0,
        2,
        1,
        1);
    check(
        byGroup,
        new DocumentFrameCounts.Group(TermLevel.CORPUS, null, null, -1, false),
        13,
        2,
        3,
        2,
        1);
    check(
        byGroup,
        new DocumentFrameCounts.Group(TermLevel.CORPUS_ROLE, null, "answer", -1, false),
        8,
        2,
        1,
        1,
        0);
    check(byGroup, new DocumentFrameCounts.Group(null, null, null, 0, true), 8, 2, 1, 1, 0);
    check(byGroup, new DocumentFrameCounts.Group(null, null, null, 0, false), 5, 0, 2, 1, 1);
    check(byGroup, new DocumentFrameCounts.Group(null, null, null, 1, false), 5, 0, 2, 1, 1);
  }

  @Test
  void anUndatedDocumentCountsOnlyAllTime() {
    List<DocumentFrameCounts.Sentence> one =
        List.of(new DocumentFrameCounts.Sentence(List.of("aleppo"), "answer", List.of("freed"), 1));
    for (DocumentFrameCounts.Counts c : counter(List.of()).count(one, false)) {
      assertEquals(false, c.group().level().byPeriod(), c.group().toString());
    }
  }

  private static void check(
      Map<DocumentFrameCounts.Group, DocumentFrameCounts.Counts> byGroup,
      DocumentFrameCounts.Group group,
      long words,
      long... hits) {
    DocumentFrameCounts.Counts counts = byGroup.get(group);
    assertEquals(words, counts.words(), group.toString());
    assertArrayEquals(hits, counts.hits(), group.toString());
  }
}
