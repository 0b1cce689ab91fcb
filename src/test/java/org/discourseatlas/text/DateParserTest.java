package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.discourseatlas.testing.MinistrySnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
  private static final LocalDate MARCH_14 = LocalDate.of(2017, 3, 14);

  private static LocalDate dateIn(String text) {
    return DateParser.find(text).map(DateParser.FoundDate::date).orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Jean-Claude Gakosso, Moscow, March 14, 2017",
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, 14 March 2017",
        "Published: 2017-03-14",
        "Ankara, 14.03.2017",
        "Moscow, Mar. 14, 2017",
        "Moscow, Mar 14 2017",
        "14 Mar. 2017, Moscow",
        "MARCH 14, 2017",
        "March 14th, 2017"
      })
  void findsTheDateInEachFormMinistrySitesWrite(String line) {
    assertEquals(MARCH_14, dateIn(line));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Sept. 21, 2016; 2016-09-21",
        "21 September 2016; 2016-09-21",
        "June 22, 2017; 2017-06-22",
        "May 5, 2017; 2017-05-05",
        "3.11.2016; 2016-11-03",
        "Dec. 23, 2016; 2016-12-23"
      })
  void readsMonthNamesAndAbbreviationsAndDayFirstDottedDates(String text, LocalDate expected) {
    assertEquals(expected, dateIn(text));
  }

  @Test
  void reportsWhereTheDateStands() {
    String line = "Jean-Claude Gakosso, Moscow, March 14, 2017";

    DateParser.FoundDate found = DateParser.find(line).orElseThrow();

    assertEquals("March 14, 2017", line.substring(found.start(), found.end()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Ankara, 31.02.2017", "2017-02-30", "February 30, 2017", "32 March 2017"})
  void impossibleCalendarDateIsNoDate(String text) {
    assertEquals(Optional.empty(), DateParser.find(text));
  }

  @Test
  void invalidDateIsSkippedForALaterValidOneOfTheSameForm() {
    assertEquals(MARCH_14, dateIn("Posted 31.02.2017, updated 14.03.2017"));
  }

  @Test
  void textWithoutADateGivesNone() {
    assertEquals(
        Optional.empty(),
        DateParser.find(
            "The Astana meeting will help move things forward along the path outlined in UN Security"
                + " Council Resolution 2254 of 2015."));
  }

  @Test
  void yearOutsideTheCalendarRangeIsNoDate() {
    assertEquals(Optional.empty(), DateParser.find("Reference 14.03.3017"));
  }

  @Test
  void earliestDateInALineWinsWhateverItsForm() {
    assertEquals(
        LocalDate.of(2017, 3, 10),
        dateIn("Comment of 10.03.2017 on the talks held in Moscow on March 14, 2017"));
    assertEquals(MARCH_14, dateIn("Remarks of March 14, 2017, updated 2017-03-20 and 21.03.2017"));
    assertEquals(
        LocalDate.of(2016, 12, 23),
        dateIn("23 December 2016 news conference, published 2017-01-09"));
  }

  @Test
  void parseWholeAcceptsALineThatIsOneDate() {
    assertEquals(Optional.of(MARCH_14), DateParser.parseWhole("  14 March 2017 "));
    assertEquals(Optional.of(MARCH_14), DateParser.parseWhole("2017-03-14"));
    assertEquals(Optional.of(MARCH_14), DateParser.parseWhole("14.03.2017"));
  }

  @Test
  void parseWholeRefusesADateInsideOtherWords() {
    assertEquals(Optional.empty(), DateParser.parseWhole("Moscow, March 14, 2017"));
    assertEquals(Optional.empty(), DateParser.parseWhole("31.02.2017"));
  }

  @Test
  void parseWholeTakesTheDateOfAnIsoTimestampWithASpace() {
    assertEquals(
        Optional.of(LocalDate.of(2016, 11, 3)), DateParser.parseWhole("2016-11-03 10:00:00"));
  }

  @Test
  void parseWholeTakesTheDatePartOfAnIsoTimestamp() {
    assertEquals(
        Optional.of(LocalDate.of(2016, 11, 3)), DateParser.parseWhole("2016-11-03T10:00:00+03:00"));
    assertEquals(Optional.of(MARCH_14), DateParser.parseWhole("2017-03-14T12:30:00Z"));
  }

  @Test
  void findsTheSeedTitlesDateEvenThoughItHoldsOtherNumbers() {
    Optional<DateParser.FoundDate> found = DateParser.find(MinistrySnippets.TITLE);
    assertTrue(found.isPresent());
    assertEquals(MARCH_14, found.get().date());
    assertEquals(MinistrySnippets.TITLE.length(), found.get().end());
  }
}
