package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.ContentRoots.within;
import static org.discourseatlas.decode.html.HtmlText.normalize;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The title of a page: its article's heading, else its metadata without the site's name. */
public final class PageTitle {
  private static final Set<String> SITE_HEADER_TAGS = Set.of("header", "nav", "footer", "aside");
  private static final Set<String> ARTICLE_TAGS = Set.of("article", "main");
  private static final Evaluator LOGO_LINK =
      QueryParser.parse("a[href=/], a[href=./], a[href=index.html], img");

  private static final String HEADLINE_SELECTOR =
      "[itemprop=headline], .page-title, .article-title, .entry-title, .news-title, .node-title,"
          + " .doc-title, h1.title, h2.title";

  /** Class or id words of a site logo or name, which a heading of the site header can carry. */
  private static final Pattern LOGO_NAME =
      Pattern.compile(
          "(?i)(^|[\\s_-])(logo|logotype|brand|site-?name|site-?title|sitename|masthead|emblem)"
              + "([\\s_-]|$)");

  /**
   * Separators between a page's title and the site's name in {@code <title>}: "|", "::", or a dash
   * (colon, bullet, ...) with spaces around it. Leading spaces are tried only where their run
   * starts, possessively; "\\s*\\|" tried at every space of a long run was quadratic (an og:title
   * of 100,000 spaces took minutes).
   */
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("(?:(?<!\\s)\\s++)?(?:\\||::)\\s*+|(?<!\\s)\\s++[-–—:·•»«/]{1,2}\\s+");

  /** A title segment that names the site rather than the page. */
  private static final Pattern SITE_NAME =
      Pattern.compile(
          "(?i)^(the\\s+)?(ministry|embassy|consulate|permanent mission|mission of|government"
              + "|department of|federal foreign office|foreign office|state department|official"
              + " (web)?site|website|web portal|portal)\\b.*"
              + "|^(mfa|mofa|mid|fco|dfat|fmprc|eeas|gov)\\b.{0,30}$|^(?-i:\\p{Lu}{2,6})$");

  private PageTitle() {}

  /**
   * The article's heading: an {@code <h1>} in the content, else the nearest one before it (in the
   * content's column first), else a headline by its class. A site logo or site name in an {@code
   * <h1>}, and the heading of a teaser card elsewhere on the page, are not titles.
   */
  public static Element titleElement(Document page, List<Element> roots, Set<String> siteNames) {
    List<Element> headings = page.select("h1");
    for (Element h1 : headings) {
      if (within(h1, roots) && isArticleHeading(h1, roots, siteNames)) {
        return h1;
      }
    }
    Map<Element, Integer> order = new IdentityHashMap<>();
    int index = 0;
    for (Element element : page.getAllElements()) {
      order.put(element, index++);
    }
    Element first = roots.get(0);
    int start = order.get(first);
    // The nearest heading before the content in the smallest scope around it: the one whose
    // common ancestor with the content is deepest, the last such in document order. Computed
    // from each heading's way up, not by a select() in every scope up from the content, which
    // was quadratic on a page nested 100,000 deep.
    Map<Element, Integer> scopeLevel = new IdentityHashMap<>();
    int level = 0;
    for (Element scope = first.parent(); scope != null; scope = scope.parent()) {
      scopeLevel.put(scope, level++);
    }
    Element nearest = null;
    int nearestLevel = Integer.MAX_VALUE;
    for (Element h1 : headings) {
      if (order.get(h1) >= start || within(h1, roots)) {
        continue;
      }
      Integer h1Level = null;
      for (Element e = h1; e != null && h1Level == null; e = e.parent()) {
        h1Level = scopeLevel.get(e);
      }
      if (h1Level != null && h1Level <= nearestLevel && isArticleHeading(h1, roots, siteNames)) {
        nearest = h1;
        nearestLevel = h1Level;
      }
    }
    if (nearest != null) {
      return nearest;
    }
    Element column = first.parent() == null ? first : first.parent();
    for (Element headline : page.select(HEADLINE_SELECTOR)) {
      if (within(headline, List.of(column)) && isArticleHeading(headline, roots, siteNames)) {
        return headline;
      }
    }
    return null;
  }

  private static boolean isArticleHeading(
      Element heading, List<Element> roots, Set<String> siteNames) {
    String text = normalize(heading.text());
    if (text.isEmpty() || siteNames.contains(text.toLowerCase(Locale.ROOT))) {
      return false;
    }
    boolean inContent = within(heading, roots);
    // Tag names compared directly: Element.is(query) walks up to the root on every call.
    boolean inArticle = false;
    for (Element e = heading.parent(); e != null && !inArticle; e = e.parent()) {
      inArticle = ARTICLE_TAGS.contains(e.normalName());
    }
    for (Element e = heading; e != null && !e.normalName().equals("body"); e = e.parent()) {
      if (LOGO_NAME.matcher(e.className()).find() || LOGO_NAME.matcher(e.id()).find()) {
        return false;
      }
      if (!inContent && SITE_HEADER_TAGS.contains(e.normalName()) && !inArticle) {
        return false; // the site's header, not the article's
      }
      List<Element> card = List.of(e);
      if (!inContent
          && e != heading
          && e.normalName().equals("article")
          && roots.stream().noneMatch(root -> within(root, card))) {
        return false; // a teaser card of another page
      }
    }
    // A logo: the heading is a link home or an image, nothing else.
    Element onlyChild = heading.childrenSize() == 1 ? heading.child(0) : null;
    return !(onlyChild != null
        && LOGO_LINK.matches(heading, onlyChild)
        && normalize(heading.ownText()).isEmpty());
  }

  /** og:title, else {@code <title>}, without the site's name around it. */
  public static String metaTitle(Document page, Set<String> siteNames) {
    for (String candidate :
        new String[] {page.select("meta[property=og:title]").attr("content"), page.title()}) {
      String title = withoutSiteName(normalize(candidate), siteNames);
      if (!title.isEmpty()) {
        return title;
      }
    }
    return null;
  }

  /** "Remarks by the Minister | Ministry of Foreign Affairs of X": "Remarks by the Minister". */
  private static String withoutSiteName(String title, Set<String> siteNames) {
    List<String> segments = segmentsOf(title);
    while (segments.size() > 1 && isSiteName(segments.get(segments.size() - 1), siteNames)) {
      segments.remove(segments.size() - 1);
    }
    while (segments.size() > 1 && isSiteName(segments.get(0), siteNames)) {
      segments.remove(0);
    }
    if (segments.size() == segmentsOf(title).size()) {
      return title;
    }
    // Keep the page's own separators: cut the title at the first and last kept segment.
    int from = title.indexOf(segments.get(0));
    String lastSegment = segments.get(segments.size() - 1);
    int to = title.lastIndexOf(lastSegment) + lastSegment.length();
    return from < 0 || to < from ? String.join(" - ", segments) : title.substring(from, to).strip();
  }

  private static List<String> segmentsOf(String title) {
    List<String> segments = new ArrayList<>();
    for (String segment : TITLE_SEPARATOR.split(title)) {
      if (!segment.isBlank()) {
        segments.add(segment.strip());
      }
    }
    return segments;
  }

  private static boolean isSiteName(String segment, Set<String> siteNames) {
    return siteNames.contains(segment.toLowerCase(Locale.ROOT))
        || SITE_NAME.matcher(segment).matches();
  }

  /** The site's name as the page says it: og:site_name, and the site part of {@code <title>}. */
  public static Set<String> siteNames(Document page) {
    Set<String> names = new LinkedHashSet<>();
    for (Element meta : page.select("meta[property=og:site_name], meta[name=application-name]")) {
      String name = normalize(meta.attr("content"));
      if (!name.isEmpty()) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
    }
    String ogTitle = page.select("meta[property=og:title]").attr("content");
    for (String title : new String[] {page.title(), ogTitle}) {
      List<String> segments = segmentsOf(normalize(title));
      if (segments.size() > 1) {
        for (String segment : List.of(segments.get(0), segments.get(segments.size() - 1))) {
          if (SITE_NAME.matcher(segment).matches()) {
            names.add(segment.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
