package org.discourseatlas.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts a transcript from an HTML page with jsoup: drops the page furniture (scripts, styles,
 * navigation, language switchers, breadcrumbs, share widgets, headers, footers, sidebars), picks
 * the element that holds the most paragraph text as the content, and returns its blocks.
 */
public final class HtmlContentExtractor {
  private static final String FURNITURE_TAGS =
      "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button,"
          + " select, menu";
  /** Class or id words that name page furniture; matched as whole words of the attribute. */
  private static final Pattern FURNITURE_NAME =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|lang|"
              + "languages?|footer|header|sidebar|cookies?|banner|related|print|subscribe|tags|"
              + "pager|pagination|skip)([\\s_-]|$)");
  private static final String BLOCK_TAGS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td";
  private static final String DATE_ELEMENTS = "time, .date, .pub-date, .published, .article-date";

  private HtmlContentExtractor() {}

  public static ExtractedPage extract(String html) {
    Document page = Jsoup.parse(html);
    Optional<LocalDate> date = dateOf(page);
    String title = titleOf(page);

    page.select(FURNITURE_TAGS).remove();
    Element content = contentRoot(page);
    // Class names are a hint, not a verdict: <body class="one-sidebar"> or a wrapper
    // "main-with-sidebar" around the transcript must not take the transcript with it.
    Set<Element> keep = new HashSet<>(content.parents());
    keep.add(content);
    for (Element element : page.select("[class], [id]")) {
      if (!keep.contains(element)
          && element.parent() != null
          && (FURNITURE_NAME.matcher(element.className()).find()
              || FURNITURE_NAME.matcher(element.id()).find())) {
        element.remove();
      }
    }
    content.select(DATE_ELEMENTS).remove();

    List<String> blocks = new ArrayList<>();
    Elements blockElements = content.select(BLOCK_TAGS);
    for (Element block : blockElements) {
      // Nested blocks (a <p> inside an <li>) are read once, at the innermost level.
      if (!block.select(BLOCK_TAGS).stream().anyMatch(inner -> inner != block)) {
        String text = block.text().strip();
        if (!text.isEmpty() && !(title != null && text.equals(title))) {
          blocks.add(text);
        }
      }
    }
    if (blocks.isEmpty()) {
      for (String line : content.wholeText().split("\\R")) {
        if (!line.isBlank()) {
          blocks.add(line.strip());
        }
      }
    }
    return new ExtractedPage(title, date.orElse(null), blocks);
  }

  /** The article's heading; a site logo in an {@code <h1>} of the page header is not a title. */
  private static String titleOf(Document page) {
    for (String selector : new String[] {"article h1", "main h1", "[role=main] h1", "h1"}) {
      for (Element h1 : page.select(selector)) {
        boolean inPageFurniture =
            h1.parents().is("header, nav, footer, aside") && !h1.parents().is("article, main");
        if (!inPageFurniture && !h1.text().isBlank()) {
          return h1.text().strip();
        }
      }
    }
    String title = page.title();
    return title == null || title.isBlank() ? null : title.strip();
  }

  /** The page's own date: a machine-readable attribute first, then a date element's text. */
  private static Optional<LocalDate> dateOf(Document page) {
    for (Element time : page.select("time[datetime]")) {
      Optional<LocalDate> date = DateParser.parseWhole(time.attr("datetime"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element meta :
        page.select(
            "meta[property=article:published_time], meta[name=date], meta[name=dc.date],"
                + " meta[itemprop=datePublished]")) {
      Optional<LocalDate> date = DateParser.parseWhole(meta.attr("content"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element element : page.select(DATE_ELEMENTS)) {
      Optional<DateParser.FoundDate> date = DateParser.find(element.text());
      if (date.isPresent()) {
        return Optional.of(date.get().date());
      }
    }
    return Optional.empty();
  }

  /**
   * The one {@code <article>} or {@code <main>} where the page has it; otherwise the element whose
   * direct paragraphs hold the most text (text density), which is where a transcript sits.
   */
  private static Element contentRoot(Document page) {
    Elements articles = page.select("article");
    if (articles.size() == 1) {
      return articles.first();
    }
    Elements mains = page.select("main, [role=main]");
    if (mains.size() == 1) {
      return mains.first();
    }
    Element best = page.body();
    int bestChars = 0;
    for (Element candidate : page.select("div, section, article, td")) {
      int chars = 0;
      for (Element child : candidate.children()) {
        if (child.is("p, blockquote, h1, h2, h3")) {
          chars += child.text().length();
        }
      }
      if (chars > bestChars) {
        bestChars = chars;
        best = candidate;
      }
    }
    return best == null ? page : best;
  }
}
