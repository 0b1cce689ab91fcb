package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every regular expression the ingestion runs over user text stays linear on long runs of one
 * character: an expression like {@code \s*[|]} is tried at each space of a run and reads the run to
 * its end each time, quadratic (minutes on a line of 100,000 spaces). The bound is generous (a
 * linear pattern takes milliseconds here); it catches the quadratic ones, not slowness.
 */
class UserTextPatternsTest {
  /** The classes whose static patterns meet text from input files. */
  private static final List<String> CLASSES =
      List.of(
          "org.discourseatlas.decode.EnglishProseCheck",
          "org.discourseatlas.decode.InputFormat",
          "org.discourseatlas.decode.html.BlockWalker",
          "org.discourseatlas.decode.html.ContentBlocks",
          "org.discourseatlas.decode.html.HtmlText",
          "org.discourseatlas.decode.html.PageDate",
          "org.discourseatlas.decode.html.PageFurniture",
          "org.discourseatlas.decode.html.PageTitle",
          "org.discourseatlas.parse.BoilerplateFilter",
          "org.discourseatlas.parse.Paragraphs",
          "org.discourseatlas.parse.SoftWraps",
          "org.discourseatlas.parse.TitleLine",
          "org.discourseatlas.parse.TranscriptParser",
          "org.discourseatlas.parse.TranscriptFinisher",
          "org.discourseatlas.text.DateParser",
          "org.discourseatlas.text.TextNormalizer",
          "org.discourseatlas.turns.DocumentOfficial",
          "org.discourseatlas.turns.Outlets",
          "org.discourseatlas.turns.SpeakerLabel",
          "org.discourseatlas.turns.TurnSegmenter");

  /**
   * Used with matches() only, where a match can start at the beginning alone: SpeakerLabel's
   * person-with-outlet split of a label. find() from every position would be quadratic, and is
   * never done.
   */
  private static final java.util.Set<String> ANCHORED =
      java.util.Set.of("(.+?)(?:(?<!\\s)\\s++from\\s++|(?<!\\s)\\s*+,\\s*+)(.+)");

  private static final int RUN = 100_000;

  /** Long runs of what the patterns are built around: spaces, words, commas, digits, dots. */
  private static final List<String> HOSTILE =
      List.of(
          " ".repeat(RUN) + "x",
          "Remarks," + " ".repeat(RUN) + "March 14, 2017",
          "a ".repeat(RUN / 2),
          "A ".repeat(RUN / 2) + ":",
          ", ".repeat(RUN / 2),
          "1".repeat(RUN),
          "1 ".repeat(RUN / 2),
          "A.".repeat(RUN / 2),
          "\n ".repeat(RUN / 2) + "x",
          "-".repeat(RUN),
          "Question" + " ".repeat(RUN) + "x:",
          "\t".repeat(RUN) + "\u00a0".repeat(RUN));

  @Test
  void everyPatternOverUserTextIsLinearOnLongRuns() throws Exception {
    List<Pattern> patterns = new ArrayList<>();
    for (String name : CLASSES) {
      for (Field field : Class.forName(name).getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == Pattern.class) {
          field.setAccessible(true);
          patterns.add((Pattern) field.get(null));
        }
      }
    }
    assertTrue(patterns.size() > 40, "patterns found: " + patterns.size());
    List<String> failures = new ArrayList<>();
    for (Pattern pattern : patterns) {
      for (String text : HOSTILE) {
        String what = "/" + pattern + "/ on a run of '" + text.charAt(text.length() / 2) + "'";
        try {
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> {
                Matcher m = pattern.matcher(text);
                if (!ANCHORED.contains(pattern.pattern())) {
                  while (m.find()) {
                    // every match, as split() and replaceAll() look for them
                  }
                }
                m.reset().matches();
              });
        } catch (AssertionFailedError e) {
          failures.add(what + ": over 5 s");
        } catch (StackOverflowError e) {
          // A repeated group recurses per repetition in java.util.regex.
          failures.add(what + ": StackOverflowError");
        }
      }
    }
    assertEquals(List.of(), failures);
  }
}
