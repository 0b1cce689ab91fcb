package org.discourseatlas.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar date written in a line of text, in the forms ministry sites use: "March 14,
 * 2017", "14 March 2017", "2017-03-14", "14.03.2017" (day first, as European sites write it).
 */
public final class DateParser {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));
  private static final String MONTH_NAME =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTH_NAME + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH_NAME + ",?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Digits may follow only as a different token: "2016-11-03T10:00" is a date, "2016-11-031" not.
   */
  private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");

  private DateParser() {}

  /** A date found in a text, with where it stands. */
  public record FoundDate(LocalDate date, int start, int end) {}

  /** The earliest valid date written in {@code text}, if any. */
  public static Optional<FoundDate> find(String text) {
    FoundDate best = null;
    for (Pattern pattern : new Pattern[] {MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO, DOTTED}) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        Optional<LocalDate> date = toDate(pattern, m);
        if (date.isPresent()) {
          if (best == null || m.start() < best.start()) {
            best = new FoundDate(date.get(), m.start(), m.end());
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The date when the whole of {@code text} (trimmed) is one date in a known form. */
  public static Optional<LocalDate> parseWhole(String text) {
    String trimmed = text.strip();
    return find(trimmed)
        .filter(f -> f.start() == 0 && f.end() == trimmed.length())
        .map(FoundDate::date)
        .or(() -> isoPrefix(trimmed));
  }

  /** "2016-11-03T10:00:00+03:00" and the like: the date part of an ISO timestamp. */
  private static Optional<LocalDate> isoPrefix(String text) {
    Matcher m = ISO.matcher(text);
    if (m.lookingAt()) {
      return toDate(ISO, m);
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> toDate(Pattern pattern, Matcher m) {
    try {
      if (pattern == MONTH_DAY_YEAR) {
        return Optional.of(LocalDate.of(year(m.group(3)), month(m.group(1)), day(m.group(2))));
      } else if (pattern == DAY_MONTH_YEAR) {
        return Optional.of(LocalDate.of(year(m.group(3)), month(m.group(2)), day(m.group(1))));
      } else if (pattern == ISO) {
        return Optional.of(LocalDate.of(year(m.group(1)), day(m.group(2)), day(m.group(3))));
      } else {
        return Optional.of(LocalDate.of(year(m.group(3)), day(m.group(2)), day(m.group(1))));
      }
    } catch (DateTimeException e) {
      return Optional.empty(); // "31.02.2017" or a year out of range is not a date
    }
  }

  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    if (year < 1900 || year > 2100) {
      throw new DateTimeException("year out of range: " + year);
    }
    return year;
  }

  private static int month(String name) {
    return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
  }

  private static int day(String digits) {
    return Integer.parseInt(digits);
  }
}
