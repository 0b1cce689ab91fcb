package org.discourseatlas.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZoneMatcherTest {
  private static ZoneMatcher matcher;

  @BeforeAll
  static void loadDefaultGazetteer() throws IOException {
    matcher = new ZoneMatcher(ZoneGazetteerTest.defaultGazetteer());
  }

  private static List<String> zoneIds(String text) {
    return matcher.find(text).stream().map(ZoneMention::zoneId).toList();
  }

  @Test
  void findsZonesInOrderWithTheirSpanInTheOriginalText() {
    String sentence =
        "It is certain that more people have fled Mosul than eastern Aleppo during that city’s"
            + " liberation.";

    List<ZoneMention> mentions = matcher.find(sentence);

    assertEquals(List.of("mosul", "aleppo"), mentions.stream().map(ZoneMention::zoneId).toList());
    ZoneMention mosul = mentions.get(0);
    assertEquals("Mosul", mosul.alias());
    assertEquals("Mosul", mosul.match());
    assertEquals(sentence.indexOf("Mosul"), mosul.begin());
    assertEquals("Mosul", sentence.substring(mosul.begin(), mosul.end()));
  }

  @Test
  void multiwordAliasWinsOverTheShorterOne() {
    String sentence =
        "First, we used to hear never ending wailings about the need to provide immediate access to"
            + " terrorist-controlled eastern Aleppo to supply medicines.";

    List<ZoneMention> mentions = matcher.find(sentence);

    assertEquals(1, mentions.size());
    ZoneMention mention = mentions.get(0);
    assertEquals("aleppo", mention.zoneId());
    assertEquals("eastern Aleppo", mention.alias());
    assertEquals("eastern Aleppo", mention.match());
    assertEquals("eastern Aleppo", sentence.substring(mention.begin(), mention.end()));
    assertEquals(sentence.indexOf("eastern Aleppo"), mention.begin());
  }

  @Test
  void caseAndDiacriticsDoNotMatter() {
    String sentence =
        "Residents of ḤALAB, of halab and of ALEPPO returned; Türkiye sent aid to İdlib.";

    List<ZoneMention> mentions = matcher.find(sentence);

    assertEquals(
        List.of("aleppo", "aleppo", "aleppo", "idlib"),
        mentions.stream().map(ZoneMention::zoneId).toList());
    assertEquals("Halab", mentions.get(0).alias());
    assertEquals("ḤALAB", mentions.get(0).match());
    assertEquals("İdlib", mentions.get(3).match());
    for (ZoneMention mention : mentions) {
      assertEquals(mention.match(), sentence.substring(mention.begin(), mention.end()));
    }
  }

  @Test
  void decomposedDiacriticsMatchToo() {
    String sentence = "The convoy reached H\u0323alab at dawn.";

    ZoneMention mention = matcher.find(sentence).get(0);

    assertEquals("aleppo", mention.zoneId());
    assertEquals("H\u0323alab", mention.match());
  }

  @Test
  void possessiveWithCurlyApostropheMatches() {
    String sentence = "The city’s liberation from terrorists revealed Aleppo’s hidden warehouses.";

    ZoneMention mention = matcher.find(sentence).get(0);

    assertEquals("aleppo", mention.zoneId());
    assertEquals("Aleppo", mention.match());
    assertEquals(sentence.indexOf("Aleppo’s"), mention.begin());
    assertEquals(sentence.indexOf("’s hidden"), mention.end());
  }

  @Test
  void demonymDoesNotNameTheCountry() {
    assertEquals(
        List.of(),
        zoneIds(
            "They are after regime change, not a settlement of the Syrian crisis through diplomacy."
                + " The Syrian army’s operation was aided by Iraqi and Ukrainian volunteers."));
  }

  @Test
  void wordsThatOnlyStartWithAnAliasDoNotMatch() {
    assertEquals(List.of(), zoneIds("The Libyans, the Yemenis and the Crimeans in Aleppan exile."));
  }

  @Test
  void hyphenatedArabicSpellingMatchesMosul() {
    String sentence = "Civilians are fleeing Al-Mawsil through the western corridor.";

    ZoneMention mention = matcher.find(sentence).get(0);

    assertEquals("mosul", mention.zoneId());
    assertEquals("Al-Mawsil", mention.alias());
    assertEquals("Al-Mawsil", mention.match());
    assertEquals(sentence.indexOf("Al-Mawsil"), mention.begin());
    assertEquals(sentence.indexOf(" through"), mention.end());
  }

  @Test
  void multiwordAliasMatchesAcrossALineBreakAndExtraSpaces() {
    String sentence = "Access to eastern\n  Aleppo was blocked.";

    ZoneMention mention = matcher.find(sentence).get(0);

    assertEquals("eastern Aleppo", mention.alias());
    assertEquals("eastern\n  Aleppo", mention.match());
  }

  @Test
  void countryAndCityInOneSentenceAreBothFound() {
    assertEquals(
        List.of("syria", "aleppo", "iraq", "mosul", "yemen"),
        zoneIds(
            "Syria was not characterized as the worst case: after Aleppo, statistics for Iraq,"
                + " including west Mosul, and for Yemen were presented."));
  }

  @Test
  void textWithoutZonesGivesNoMentions() {
    assertEquals(
        List.of(), zoneIds("Yesterday, I spoke with my Turkish counterpart Mevlut Cavusoglu."));
    assertEquals(List.of(), zoneIds(""));
  }
}
