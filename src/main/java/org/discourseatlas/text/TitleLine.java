package org.discourseatlas.text;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript's title line, as ministry sites write it: "Foreign Minister X's remarks ...,
 * Moscow, March 14, 2017" — the title, then the place and the date at its end.
 */
public record TitleLine(String title, LocalDate date, String place) {
  /** A title is a sentence-length line, not a bare date or a menu item. */
  private static final int MIN_TITLE_WORDS = 5;
  /** The place is the comma-separated phrase right before the date: ", Moscow, March 14, 2017". */
  private static final Pattern PLACE_BEFORE_DATE =
      Pattern.compile(",\\s*(\\p{Lu}[\\p{L}'’.\\- ]{1,40}?)\\s*,?\\s*$");

  /** The line read as a title with a date, if it is one. */
  public static Optional<TitleLine> parse(String line) {
    String text = line.strip();
    if (text.split("\\s+").length < MIN_TITLE_WORDS) {
      return Optional.empty();
    }
    return DateParser.find(text).map(found -> new TitleLine(text, found.date(), placeBefore(text, found)));
  }

  private static String placeBefore(String text, DateParser.FoundDate found) {
    Matcher m = PLACE_BEFORE_DATE.matcher(text.substring(0, found.start()));
    return m.find() ? m.group(1).strip() : null;
  }
}
