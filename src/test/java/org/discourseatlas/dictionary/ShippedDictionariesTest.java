package org.discourseatlas.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped dictionaries load, and on sentences written for this test in the style of a
 * foreign-ministry press conference (tokenised as CoreNLP's PTB tokenizer would) they hit the
 * categories a reader would name.
 */
class ShippedDictionariesTest {
  private static final Dictionary FRAMING = DictionaryReader.shipped("conflict-framing");
  private static final Dictionary ACTORS = DictionaryReader.shipped("actors");
  private static final DictionaryMatcher MATCHER = new DictionaryMatcher(FRAMING, ACTORS);

  /** Hits per "dictionary:category", in order of first hit. */
  private static Map<String, Integer> counts(String sentence) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Hit hit : MATCHER.find(List.of(sentence.split(" ")), null)) {
      counts.merge(hit.dictionary() + ":" + hit.category(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void bothLoadWithCategoriesOfFifteenToFortyPatternsPerLeaf() {
    assertTrue(FRAMING.categories().size() >= 20, "framing categories");
    for (Category c : FRAMING.categories()) {
      boolean leaf =
          FRAMING.categories().stream().noneMatch(o -> o.key().startsWith(c.key() + "/"));
      if (leaf) {
        int n = c.patterns().size();
        assertTrue(n >= 15 && n <= 40, c.key() + " has " + n + " patterns");
      }
    }
    assertEquals(
        List.of(
            "ISIS",
            "NUSRA",
            "COALITION",
            "USA",
            "RUSSIA",
            "SYRIA_GOVERNMENT",
            "IRAQ_GOVERNMENT",
            "SDF",
            "KURDISH_FORCES",
            "TURKEY",
            "IRAN",
            "UN",
            "OPPOSITION",
            "TERRORISTS",
            "CIVILIANS",
            "WESTERN_COUNTRIES",
            "EU",
            "NATO",
            "MEDIA"),
        ACTORS.categories().stream().map(Category::key).toList());
  }

  @Test
  void liberationFromTerrorists() {
    // liberation: "liberation" (liberat*); terrorism and terrorism/labels: "terrorists"
    // (terroris*); actors: TERRORISTS (terrorist*). "Aleppo" is no category.
    assertEquals(
        Map.of(
            "conflict-framing:liberation", 1,
            "conflict-framing:terrorism", 1,
            "conflict-framing:terrorism/labels", 1,
            "actors:TERRORISTS", 1),
        counts("the liberation of Aleppo from terrorists"));
  }

  @Test
  void civiliansKilledByCoalitionAirstrikes() {
    // civilian_harm/casualties: "killed"; intervention/coalition: "coalition";
    // intervention/airstrikes: "airstrikes"; the parents once per child hit (two different
    // tokens under intervention). Actors: CIVILIANS "civilians", COALITION "coalition".
    assertEquals(
        Map.of(
            "actors:CIVILIANS", 1,
            "conflict-framing:civilian_harm", 1,
            "conflict-framing:civilian_harm/casualties", 1,
            "conflict-framing:intervention", 2,
            "conflict-framing:intervention/coalition", 1,
            "conflict-framing:intervention/airstrikes", 1,
            "actors:COALITION", 1),
        counts("civilians were killed by coalition airstrikes in Mosul"));
  }

  @Test
  void theUsLedCoalitionAndASilentMedia() {
    // Tokens: 0 The, 1 US-led, 2 coalition, 3 has, 4 killed, 5 civilians, 6 in, 7 Mosul, 8 ",",
    // 9 and, 10 the, 11 international, 12 media, 13 stay, 14 silent, 15 ".".
    // "us-led coalition" [1,3) is one hit of intervention/coalition and of COALITION (the longer
    // pattern first; "us-led" and "coalition" alone then touch flagged tokens). "silent" is
    // media/bias; "international media" [11,13) is one MEDIA hit ("media" alone is nested in it).
    assertEquals(
        Map.of(
            "conflict-framing:intervention", 1,
            "conflict-framing:intervention/coalition", 1,
            "actors:COALITION", 1,
            "conflict-framing:civilian_harm", 1,
            "conflict-framing:civilian_harm/casualties", 1,
            "actors:CIVILIANS", 1,
            "actors:MEDIA", 1,
            "conflict-framing:media", 1,
            "conflict-framing:media/bias", 1),
        counts(
            "The US-led coalition has killed civilians in Mosul , and the international media"
                + " stay silent ."));
  }

  @Test
  void aHumanitarianPauseForConvoysAndEvacuation() {
    // "humanitarian pause" [3,5) is in humanitarian/access and in ceasefire/truce; "aid convoys"
    // [7,9) in humanitarian/aid; "wounded" (16) civilian_harm/casualties; "evacuated" (19)
    // evacuation. The humanitarian parent counts the pause and the convoys: 2.
    assertEquals(
        Map.of(
            "conflict-framing:humanitarian", 2,
            "conflict-framing:humanitarian/access", 1,
            "conflict-framing:ceasefire", 1,
            "conflict-framing:ceasefire/truce", 1,
            "conflict-framing:humanitarian/aid", 1,
            "conflict-framing:civilian_harm", 1,
            "conflict-framing:civilian_harm/casualties", 1,
            "conflict-framing:evacuation", 1),
        counts(
            "We call for a humanitarian pause so that aid convoys can reach eastern Aleppo and"
                + " the wounded can be evacuated ."));
  }

  @Test
  void fakeNewsAndDoubleStandards() {
    // "fake news" [4,6) is one propaganda hit ("fake" alone is nested in it); "siege" (8) siege;
    // "double standards" [15,17) media/bias; media counts both. "Western media" is MEDIA.
    assertEquals(
        Map.of(
            "actors:MEDIA", 1,
            "conflict-framing:media", 2,
            "conflict-framing:media/propaganda", 1,
            "conflict-framing:siege", 1,
            "conflict-framing:media/bias", 1),
        counts(
            "The Western media spread fake news about the siege , while in Mosul they see no"
                + " double standards ."));
  }

  @Test
  void sovereigntyAndTheAstanaTalks() {
    // "sovereignty" (3) and "territorial integrity" [5,7) are two sovereignty hits; "Syria" is no
    // actor alone (the government is "Syrian government"...); "intra-Syrian talks" [11,13) and
    // "Astana" (14) are two negotiation hits ("talks" is nested in the longer one).
    assertEquals(
        Map.of(
            "conflict-framing:sovereignty", 2,
            "conflict-framing:sovereignty/sovereignty", 2,
            "conflict-framing:ceasefire", 2,
            "conflict-framing:ceasefire/negotiation", 2),
        counts(
            "We respect the sovereignty and territorial integrity of Syria and support the"
                + " intra-Syrian talks in Astana ."));
  }

  /**
   * Ten thousand sentences made from press-conference phrases, many word types (numbers, names) so
   * that the glob cache fills: every repeat of a phrase must give the hits its first run gave (the
   * cache must not change a result). No timing is asserted.
   */
  @Test
  void tenThousandSentencesGiveTheSameHitsForTheSamePhrase() {
    String[] phrases = {
      "the liberation of eastern Aleppo from terrorists was completed",
      "the US-led coalition conducted airstrikes near Mosul",
      "more than %d civilians were killed and %d wounded",
      "aid convoys could not reach the besieged districts of %s",
      "the evacuation of militants and their families to Idlib",
      "we call on all parties to respect the ceasefire and the cessation of hostilities",
      "the Western media are spreading disinformation about %s",
      "the sovereignty and territorial integrity of Syria must be respected",
      "the intra-Syrian talks in Astana and Geneva continue",
      "ISIS fighters retook Palmyra on December %d",
      "thousands of people have been displaced from %s",
      "the Syrian army , aided by Russian aerospace forces , freed the city",
      "humanitarian corridors were opened for residents of %s",
      "we do n't see any double standards in our position",
      "the UN Security Council discussed the situation in %s"
    };
    String[] places = {"Aleppo", "Mosul", "Raqqa", "Homs", "Fallujah", "al-Waer", "Deir ez-Zor"};
    Random random = new Random(20170314);
    Map<String, List<Hit>> firstRun = new LinkedHashMap<>();
    int sentences = 0;
    long hits = 0;
    for (; sentences < 10_000; sentences++) {
      int p = random.nextInt(phrases.length);
      String phrase =
          phrases[p].contains("%d")
              ? phrases[p].replace("%d", Integer.toString(random.nextInt(5000)))
              : phrases[p].replace("%s", places[random.nextInt(places.length)]);
      // A made-up word type per sentence ("w4711x"), as a corpus has names and typos.
      String sentence = phrase + " w" + random.nextInt(100_000) + "x .";
      List<String> tokens = List.of(sentence.split(" "));
      List<String> lemmas = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      List<Hit> found = MATCHER.find(tokens, lemmas);
      hits += found.size();
      String key = phrase.replaceAll("\\d+", "N");
      List<Hit> first = firstRun.putIfAbsent(key, found);
      if (first != null) {
        assertEquals(renderCategories(first), renderCategories(found), sentence);
      }
    }
    assertEquals(10_000, sentences);
    // Every phrase above hits at least one category, so at least one hit per sentence.
    assertTrue(hits >= 10_000, "hits: " + hits);
  }

  private static List<String> renderCategories(List<Hit> hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.category() + "@" + h.begin()));
    return out;
  }
}
