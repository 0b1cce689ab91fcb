package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.discourseatlas.testing.MinistrySnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleLineTest {
  @Test
  void seedTitleGivesTitleDateAndPlace() {
    TitleLine title = TitleLine.parse(MinistrySnippets.TITLE).orElseThrow();

    assertEquals(MinistrySnippets.TITLE, title.title());
    assertEquals(LocalDate.of(2017, 3, 14), title.date());
    assertEquals("Moscow", title.place());
  }

  @Test
  void surroundingWhiteSpaceIsNotPartOfTheTitle() {
    TitleLine title = TitleLine.parse("   " + MinistrySnippets.TITLE + "  ").orElseThrow();

    assertEquals(MinistrySnippets.TITLE, title.title());
  }

  @Test
  void placeOfTwoWordsBeforeADayFirstDate() {
    TitleLine title =
        TitleLine.parse(
                "Foreign Minister Sergey Lavrov’s remarks at a meeting with students of MGIMO,"
                    + " Nizhny Novgorod, 3 November 2016")
            .orElseThrow();

    assertEquals(LocalDate.of(2016, 11, 3), title.date());
    assertEquals("Nizhny Novgorod", title.place());
  }

  @Test
  void titleWithADateButNoPlaceHasNoPlace() {
    TitleLine title =
        TitleLine.parse(
                "Comment by the Information and Press Department on the humanitarian situation in"
                    + " Mosul, 03.11.2016")
            .orElseThrow();

    assertEquals(LocalDate.of(2016, 11, 3), title.date());
    assertNull(title.place());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Moscow, March 14, 2017",
        "March 14, 2017",
        "14.03.2017",
        "Press release 14.03.2017"
      })
  void shortLinesAreNotTitles(String line) {
    assertEquals(Optional.empty(), TitleLine.parse(line));
  }

  @Test
  void sentenceWithoutADateIsNotATitle() {
    assertEquals(
        Optional.empty(),
        TitleLine.parse(
            "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
                + " conference"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"14 March 2017 - 15:20", "Tuesday, 14 March 2017, 15:20"})
  void dateAndTimeLineIsNotATitle(String line) {
    assertEquals(Optional.empty(), TitleLine.parse(line));
  }

  @Test
  void aFirstLineOfThreeWordsEndingWithItsDateIsATitleButNotFurtherDown() {
    String heading = "Department Press Briefing, October 3, 2016";
    assertTrue(TitleLine.parse(heading, true).isPresent());
    assertTrue(TitleLine.parse(heading).isEmpty(), "below the first line: five words needed");
    // A wrapped line of a UN speech: starts with its date, four words beside it.
    assertTrue(TitleLine.parse("19 August 2008. Their messages of sympathy", true).isEmpty());
    assertTrue(TitleLine.parse("Press briefing, 5 May 2018", true).isEmpty(), "two words");
  }

  /** A megabyte of spaces before the date: the title is still found, in linear time. */
  @Test
  void megabyteOfSpacesBeforeTheDateIsReadInBoundedTime() {
    String line =
        "Foreign Minister Sergey Lavrov's remarks, Moscow,"
            + " ".repeat(1024 * 1024)
            + "March 14, 2017";
    Optional<TitleLine> title =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> TitleLine.parse(line));
    assertEquals(LocalDate.of(2017, 3, 14), title.orElseThrow().date());
    assertEquals("Moscow", title.get().place());
    // Spaces only, then a date: no words beside the date, no title.
    assertTrue(TitleLine.parse(" ".repeat(1024 * 1024) + "March 14, 2017", true).isEmpty());
  }
}
