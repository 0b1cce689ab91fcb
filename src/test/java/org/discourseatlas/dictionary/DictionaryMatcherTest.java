package org.discourseatlas.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matcher's semantics (quanteda's tokens_lookup with nested_scope = "key", plus lemmas), each
 * vector worked by hand in its comment. A hit is written "category pattern [begin,end)".
 */
class DictionaryMatcherTest {
  private static Dictionary yaml(String name, String text) {
    return DictionaryReader.read(name + ".yml", text);
  }

  private static List<String> find(DictionaryMatcher matcher, String sentence) {
    return find(matcher, sentence, null);
  }

  private static List<String> find(DictionaryMatcher matcher, String sentence, String lemmas) {
    List<String> tokens = sentence.isEmpty() ? List.of() : List.of(sentence.split(" "));
    List<String> lemmaList =
        lemmas == null ? null : lemmas.isEmpty() ? List.of() : List.of(lemmas.split(" "));
    return matcher.find(tokens, lemmaList).stream()
        .map(h -> h.category() + " " + h.pattern() + " [" + h.begin() + "," + h.end() + ")")
        .toList();
  }

  @Test
  void patternsNestedWithinOneCategoryCountOnce() {
    // "the humanitarian corridors were opened": tokens 0 the, 1 humanitarian, 2 corridors.
    // Longest first: "humanitarian corridor*" matches [1,3) and flags tokens 1 and 2 for the key;
    // "corridor*" at 2 and "humanitarian" at 1 touch flagged tokens and are dropped: one hit.
    DictionaryMatcher matcher =
        new DictionaryMatcher(
            yaml("d", "access: [humanitarian corridor*, corridor*, humanitarian]"));
    assertEquals(
        List.of("access humanitarian corridor* [1,3)"),
        find(matcher, "the humanitarian corridors were opened"));
  }

  @Test
  void theSameTokensCountForEachCategory() {
    // Two keys, each flags its own tokens: "aid convoy" [1,3) counts for aid, "convoy*" at 2 for
    // logistics. Sorted by begin: aid's hit at 1, then logistics' at 2.
    DictionaryMatcher matcher =
        new DictionaryMatcher(yaml("d", "aid: [aid convoy*]\nlogistics: [convoy*]"));
    assertEquals(
        List.of("aid aid convoy* [1,3)", "logistics convoy* [2,3)"),
        find(matcher, "an aid convoy reached Aleppo"));
  }

  @Test
  void aParentAndItsChildBothCount() {
    // liberation/military holds liberat*, liberation/civil holds "return to normal life"; the
    // parent holds both. Tokens: 0 after, 1 liberation, 2 ",", 3 residents, 4 began, 5 to,
    // 6 return, 7 to, 8 normal, 9 life. "liberation" (1) counts for the parent and for military;
    // "return to normal life" [6,10) for the parent and for civil. Order: by begin, then category
    // order
    // (liberation, liberation/military, liberation/civil).
    DictionaryMatcher matcher =
        new DictionaryMatcher(
            yaml(
                "d",
                "liberation:\n"
                    + "  military: [liberat*]\n"
                    + "  civil: [return to normal life]\n"));
    assertEquals(
        List.of(
            "liberation liberat* [1,2)",
            "liberation/military liberat* [1,2)",
            "liberation return to normal life [6,10)",
            "liberation/civil return to normal life [6,10)"),
        find(matcher, "after liberation , residents began to return to normal life"));
  }

  @Test
  void globsAreAnchoredAndDoNotMixWithLiberal() {
    // Tokens: 0 the, 1 city, 2 liberated, 3 ;, 4 liberal, 5 parties, 6 praised, 7 Liberation,
    // 8 ;, 9 killed, 10 ;, 11 skill. liberat*: "liberated" (2) and "Liberation" (7) yes, "liberal"
    // (4) no: it lacks the "t". kill*: "killed" (9) yes; "skill" (11) no, the glob is anchored.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "a: [liberat*]\nb: [kill*]"));
    assertEquals(
        List.of("a liberat* [2,3)", "a liberat* [7,8)", "b kill* [9,10)"),
        find(matcher, "the city liberated ; liberal parties praised Liberation ; killed ; skill"));
  }

  @Test
  void questionMarkIsExactlyOneCharacter() {
    // gunm?n: "gunmen" and "gunman" (one letter between m and n) match; "gunmn" (none) and
    // "gunmaen" (two) do not. organi?ation*: "organisations" and "organizations" both.
    DictionaryMatcher matcher =
        new DictionaryMatcher(yaml("d", "g:\n  - gunm?n\no:\n  - organi?ation*\n"));
    assertEquals(
        List.of(
            "g gunm?n [0,1)", "g gunm?n [1,2)", "o organi?ation* [4,5)", "o organi?ation* [5,6)"),
        find(matcher, "gunmen gunman gunmn gunmaen organisations organizations"));
  }

  @Test
  void caseIsIgnoredOnBothSides() {
    // The pattern "Aleppo" is lowercased when read; "ALEPPO", "Aleppo" and "aleppo" all match.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "city: [Aleppo]"));
    assertEquals(
        List.of("city aleppo [0,1)", "city aleppo [1,2)", "city aleppo [2,3)"),
        find(matcher, "ALEPPO Aleppo aleppo"));
  }

  @Test
  void anExactWordMatchesThroughTheLemmaAGlobDoesNot() {
    // "kill" has no wildcard: token 1 "killed" has lemma "kill" and matches. "die*" is a glob:
    // token 4 "died" (lemma "die") is matched on the token "died", which "die*" does match; token 6
    // "dying" (lemma "die") is not: "dying" does not start with "die", and the lemma is not tried.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "harm: [kill]\ndeath: [die*]"));
    assertEquals(
        List.of("harm kill [1,2)", "death die* [4,5)"),
        find(matcher, "civilians killed , many died , dying", "civilian kill , many die , die"));
    // Without lemmas only the token is seen: "killed" is not "kill".
    assertEquals(
        List.of("death die* [4,5)"), find(matcher, "civilians killed , many died , dying"));
  }

  @Test
  void overlappingMultiwordMatchesInOneCategoryKeepTheLeftmost() {
    // "a b" [0,2) and "b c" [1,3) have the same length: leftmost first keeps "a b", then "b c"
    // touches the flagged token 1 and is dropped.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [b c, a b]"));
    assertEquals(List.of("k a b [0,2)"), find(matcher, "a b c"));
    // In two categories both count.
    DictionaryMatcher two = new DictionaryMatcher(yaml("d", "k: [a b]\nl: [b c]"));
    assertEquals(List.of("k a b [0,2)", "l b c [1,3)"), find(two, "a b c"));
  }

  @Test
  void aLongerMatchWinsOverAnEarlierShorterOne() {
    // Longest first, then leftmost: "b c d" [1,4) is kept before "a b" [0,2) is tried, which then
    // touches the flagged token 1 and is dropped, although it starts further left.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [a b, b c d]"));
    assertEquals(List.of("k b c d [1,4)"), find(matcher, "a b c d"));
  }

  @Test
  void adjacentRepeatsEachCount() {
    // "cease fire" at [0,2) and [2,4), then "truce" at 4: three hits, no token shared.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [cease fire, truce]"));
    assertEquals(
        List.of("k cease fire [0,2)", "k cease fire [2,4)", "k truce [4,5)"),
        find(matcher, "cease fire cease fire truce"));
  }

  @Test
  void twoPatternsOnTheSameTokenCountOnceWithTheFirstPatternNamed() {
    // "siege" and "sieg*" both match token 1; the key counts it once, named by its first pattern.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [siege, sieg*]"));
    assertEquals(List.of("k siege [1,2)"), find(matcher, "the siege ended"));
  }

  @Test
  void anEmptySentenceHasNoHits() {
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [siege]"));
    assertEquals(List.of(), find(matcher, ""));
    assertEquals(List.of(), find(matcher, "", ""));
  }

  @Test
  void regexMetacharactersAreLiteral() {
    // "u.s." matches only the token "u.s.": "." is not "any character", so "uxsx" fails.
    // "c++" matches "C++" (lowercased), "(un)" matches "(un)" and not "un".
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [u.s., c++, (un)]"));
    assertEquals(
        List.of("k u.s. [0,1)", "k c++ [2,3)", "k (un) [4,5)"),
        find(matcher, "U.S. uxsx C++ un (un)"));
  }

  @Test
  void hitsAreOrderedByTokenThenDictionaryThenCategory() {
    // Dictionary f (categories x, y) before dictionary a (category z), whatever their names.
    // Token 0 "siege" hits f/y and a/z; token 1 "aid" hits f/x. Order: (0, f, y), (0, a, z),
    // (1, f, x).
    Dictionary f = yaml("f", "x: [aid]\ny: [siege]");
    Dictionary a = yaml("a", "z: [siege]");
    DictionaryMatcher matcher = new DictionaryMatcher(f, a);
    assertEquals(
        List.of("f/y 0", "a/z 0", "f/x 1"),
        matcher.find(List.of("siege", "aid"), null).stream()
            .map(h -> h.dictionary() + "/" + h.category() + " " + h.begin())
            .toList());
  }

  @Test
  void lemmasMustMatchTheTokensInNumber() {
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [siege]"));
    assertThrows(
        IllegalArgumentException.class, () -> matcher.find(List.of("a", "b"), List.of("a")));
  }

  @Test
  void survivesSerializationAsOnASparkExecutor() throws Exception {
    // The index is transient and rebuilt on reading: the copy finds the same hit.
    DictionaryMatcher matcher = new DictionaryMatcher(yaml("d", "k: [humanitarian corridor*]"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(matcher);
    }
    DictionaryMatcher copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DictionaryMatcher) in.readObject();
    }
    assertEquals(
        List.of("k humanitarian corridor* [0,2)"), find(copy, "humanitarian corridors opened"));
  }
}
