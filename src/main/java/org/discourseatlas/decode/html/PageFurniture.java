package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.ContainerStats.weightOf;
import static org.discourseatlas.decode.html.HtmlText.wordCount;
import static org.discourseatlas.decode.html.PageDate.DATE_ELEMENTS;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Menus, headers, footers, sidebars and banners: the page's furniture around its content. */
public final class PageFurniture {
  /** Elements that are page furniture by their tag, unless they hold most of the page's text. */
  private static final Evaluator FURNITURE_TAGS =
      QueryParser.parse("nav, header, footer, aside, form, menu");

  /**
   * Matched against the body as root: {@code Element.is(query)} looks up the element's root for
   * each call, a walk up every ancestor, which on a page nested 100,000 deep made this loop
   * quadratic (minutes). Tag and class selectors need no root.
   */
  private static final Evaluator DATE_ELEMENT = QueryParser.parse(DATE_ELEMENTS);

  /** Class or id words that name page furniture; matched as whole words of the attribute. */
  private static final Pattern FURNITURE_NAME =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|lang|"
              + "languages?|footer|header|sidebar|cookies?|consent|gdpr|banner|related|print|"
              + "subscribe|newsletter|tags|pager|pagination|skip|teasers?|promo|advert|ads|popup|"
              + "modal|comments?)([\\s_-]|$)");

  /** A date element says a date and little more; a wrapper with a date class is not one. */
  private static final int MAX_DATE_ELEMENT_WORDS = 12;

  /** A furniture element that holds this share of the weight wraps the content; kept. */
  private static final double FURNITURE_MAX_SHARE = 0.5;

  private PageFurniture() {}

  /**
   * The furniture elements of {@code body} by tag or class, given every block of the page: those
   * that hold a small share of the page's text.
   */
  public static Set<Element> of(Element body, List<Block> everything) {
    Map<Element, ContainerStats> rawStats = ContainerStats.of(everything);
    double rawWeight = weightOf(rawStats, body);
    Set<Element> furniture = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element element : body.getAllElements()) {
      if (element != body && isFurniture(body, element)) {
        if (weightOf(rawStats, element) <= FURNITURE_MAX_SHARE * rawWeight) {
          furniture.add(element);
        }
      }
    }
    return furniture;
  }

  private static boolean isFurniture(Element body, Element element) {
    if (FURNITURE_TAGS.matches(body, element)) {
      return true;
    }
    if (FURNITURE_NAME.matcher(element.className()).find()
        || FURNITURE_NAME.matcher(element.id()).find()) {
      return true;
    }
    return DATE_ELEMENT.matches(body, element)
        && wordCount(element.text()) <= MAX_DATE_ELEMENT_WORDS;
  }
}
