package org.discourseatlas.parse;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.discourseatlas.text.DateParser;

/**
 * A transcript's title line, as ministry sites write it: "Foreign Minister X's remarks ..., Moscow,
 * March 14, 2017" — the title, then the place and the date at its end.
 */
public record TitleLine(String title, LocalDate date, String place) {
  /** A title is a sentence-length line, not a bare date or a menu item. */
  private static final int MIN_TITLE_WORDS = 5;

  /**
   * The first line of a file may be a shorter heading ending with its date: "Department Press
   * Briefing, October 3, 2016". Further down, a line of three or four words and a date is more
   * often a wrapped sentence ("19 August 2008. Their messages of sympathy").
   */
  private static final int MIN_FIRST_LINE_TITLE_WORDS = 3;

  /** The place is the comma-separated phrase right before the date: ", Moscow, March 14, 2017". */
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  /**
   * Ministry titles run to about 40 words ("...'s remarks and answers ... Gakosso, Moscow, ...").
   */
  private static final int MAX_TITLE_WORDS = 50;

  private static final Pattern SENTENCE_END = Pattern.compile("\\p{Ll}[.?!]\\s+\\p{Lu}");
  private static final Pattern NOT_TITLE_WORDS =
      Pattern.compile(
          "(?i)\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
              + "|am|pm|gmt|utc|msk|cet)\\b|\\d{1,2}:\\d{2}");
  private static final Pattern PLACE_BEFORE_DATE =
      Pattern.compile(",\\s*(\\p{Lu}[\\p{L}'’.\\- ]{1,40}?)\\s*,?\\s*$");

  /** The line read as a title with a date, if it is one. */
  public static Optional<TitleLine> parse(String line) {
    return parse(line, false);
  }

  /**
   * The line read as a title with a date, if it is one; the first line of a file may be a heading
   * of three words or more that ends with its date.
   */
  public static Optional<TitleLine> parse(String line, boolean firstLine) {
    String text = line.strip();
    Optional<DateParser.FoundDate> found = DateParser.find(text);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // A title ends with its date (", Moscow, March 14, 2017") or starts with it; a date in the
    // middle of a line is an event mentioned in a sentence ("the attacks of 11 September 2001").
    boolean dateAtAnEnd =
        found.get().start() == 0 || text.substring(found.get().end()).matches("[\\s.,;:)\\]]*");
    // A title is one heading, not a paragraph: no sentence ends before the date, and it is short.
    boolean oneHeading =
        !SENTENCE_END.matcher(text.substring(0, found.get().start())).find()
            && text.split("\\s+").length <= MAX_TITLE_WORDS;
    if (!dateAtAnEnd || !oneHeading) {
      return Optional.empty();
    }
    // "Tuesday, 14 March 2017, 15:20" is a dateline, not a title: count the words beside the date.
    String beside =
        text.substring(0, found.get().start()) + " " + text.substring(found.get().end());
    long words = WORD.matcher(NOT_TITLE_WORDS.matcher(beside).replaceAll(" ")).results().count();
    boolean endsWithDate = found.get().start() > 0;
    int minWords = firstLine && endsWithDate ? MIN_FIRST_LINE_TITLE_WORDS : MIN_TITLE_WORDS;
    if (words < minWords) {
      return Optional.empty();
    }
    return Optional.of(new TitleLine(text, found.get().date(), placeBefore(text, found.get())));
  }

  private static String placeBefore(String text, DateParser.FoundDate found) {
    Matcher m = PLACE_BEFORE_DATE.matcher(text.substring(0, found.start()));
    return m.find() ? m.group(1).strip() : null;
  }

  /**
   * The date and place of a record that carries its own metadata (a JSONL or CSV record, a Markdown
   * front matter): the metadata's date when it parses, else its title line's; the place is the
   * title line's.
   *
   * @param dateSource "metadata", "title", or null when neither gives a date
   */
  record Dated(LocalDate date, String dateSource, String place) {
    static Dated of(String title, String metadataDate) {
      Optional<TitleLine> titleLine = title == null ? Optional.empty() : TitleLine.parse(title);
      Optional<LocalDate> fromMetadata =
          Optional.ofNullable(metadataDate).flatMap(DateParser::parseWhole);
      return new Dated(
          fromMetadata.orElse(titleLine.map(TitleLine::date).orElse(null)),
          fromMetadata.isPresent() ? "metadata" : titleLine.isPresent() ? "title" : null,
          titleLine.map(TitleLine::place).orElse(null));
    }
  }
}
