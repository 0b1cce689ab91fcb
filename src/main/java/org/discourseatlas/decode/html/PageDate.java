package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.ContentRoots.within;
import static org.discourseatlas.decode.html.HtmlText.wordCount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.discourseatlas.text.DateParser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The date of a page: a time element, its metadata, a date element or the dateline. */
public final class PageDate {
  /** Elements that hold the page's date; not content. */
  static final String DATE_ELEMENTS = "time, .date, .pub-date, .published, .article-date";

  /** What a dateline holds besides its date: times, weekdays, "Published:", "Updated". */
  private static final Pattern DATELINE_NOISE =
      Pattern.compile(
          "(?i)(\\b\\d{1,2}[:.h]\\d{2}(\\s*[ap]\\.?m\\.?)?\\b|\\b(monday|tuesday|wednesday|thursday"
              + "|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|published|posted"
              + "|updated|last|modified|created|issued|date|on|at|hrs|gmt|utc|msk|cet|cest"
              + "|eet)\\b)");

  private static final int MAX_DATELINE_WORDS = 12;

  private PageDate() {}

  /**
   * The page's own date: a machine-readable {@code <time>} (in the content first), the publication
   * date of the page's metadata, a date element's text (in the content first), the dateline under
   * the title, and last a {@code <time>} or date element elsewhere on the page.
   */
  public static Optional<LocalDate> dateOf(
      Document page, List<Element> roots, Element titleElement, String title, List<Block> blocks) {
    List<Element> contentArea = new ArrayList<>(roots);
    if (titleElement != null && titleElement.parent() != null) {
      contentArea.add(titleElement.parent());
    }
    List<Element> times = page.select("time[datetime]");
    List<Element> dateElements = page.select(DATE_ELEMENTS);

    for (Element time : times) {
      if (within(time, contentArea)) {
        Optional<LocalDate> date = DateParser.parseWhole(time.attr("datetime"));
        if (date.isPresent()) {
          return date;
        }
      }
    }
    for (Element meta :
        page.select(
            "meta[property=article:published_time], meta[name=article:published_time],"
                + " meta[name=pubdate], meta[name=publishdate], meta[name=publish-date],"
                + " meta[name=publication_date], meta[name=date], meta[name=dc.date],"
                + " meta[name=dc.date.issued], meta[name=dcterms.date], meta[name=dcterms.issued],"
                + " meta[itemprop=datePublished]")) {
      Optional<LocalDate> date = DateParser.parseWhole(meta.attr("content"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element element : dateElements) {
      if (within(element, contentArea)) {
        Optional<DateParser.FoundDate> date = DateParser.find(element.text());
        if (date.isPresent()) {
          return Optional.of(date.get().date());
        }
      }
    }
    Optional<LocalDate> dateline = datelineDate(blocks, roots, titleElement, title);
    if (dateline.isPresent()) {
      return dateline;
    }
    for (Element time : times) {
      Optional<LocalDate> date = DateParser.parseWhole(time.attr("datetime"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element element : dateElements) {
      Optional<DateParser.FoundDate> date = DateParser.find(element.text());
      if (date.isPresent()) {
        return Optional.of(date.get().date());
      }
    }
    return Optional.empty();
  }

  /** The date of a dateline among the two blocks under the title (or atop the content). */
  private static Optional<LocalDate> datelineDate(
      List<Block> blocks, List<Element> roots, Element titleElement, String title) {
    int start = -1;
    for (int i = 0; i < blocks.size(); i++) {
      Element owner = blocks.get(i).owner();
      if (titleElement != null ? within(owner, List.of(titleElement)) : within(owner, roots)) {
        start = titleElement != null ? i + 1 : i;
        if (titleElement == null) {
          break;
        }
      }
    }
    if (start < 0) {
      return Optional.empty();
    }
    int looked = 0;
    for (int i = start; i < blocks.size() && looked < 2; i++) {
      String text = blocks.get(i).text();
      if (title != null && text.equalsIgnoreCase(title)) {
        continue;
      }
      looked++;
      if (isDateline(text)) {
        return DateParser.find(text).map(DateParser.FoundDate::date);
      }
    }
    return Optional.empty();
  }

  /** "14 March 2017 - 15:20", "Published: 03.11.2016", "Tuesday, March 14, 2017". */
  static boolean isDateline(String text) {
    if (wordCount(text) > MAX_DATELINE_WORDS) {
      return false;
    }
    Optional<DateParser.FoundDate> found = DateParser.find(text);
    if (found.isEmpty()) {
      return false;
    }
    String rest = text.substring(0, found.get().start()) + " " + text.substring(found.get().end());
    rest = DATELINE_NOISE.matcher(rest).replaceAll(" ");
    return rest.replaceAll("[\\p{P}\\p{S}\\s]+", "").isEmpty();
  }
}
