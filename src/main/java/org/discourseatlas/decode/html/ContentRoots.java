package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.ContainerStats.weightOf;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the element(s) of a page that hold the transcript. */
public final class ContentRoots {
  /** An article or main element is the content when it holds this share of the weight. */
  private static final double SEMANTIC_ROOT_SHARE = 0.5;

  /** A sibling joins the content when its link density is at most this ... */
  private static final double SIBLING_MAX_LINK_DENSITY = 0.1;

  /** ... and its score is this share of the content's, or all its blocks are text. */
  private static final double SIBLING_MIN_SCORE_SHARE = 0.3;

  private ContentRoots() {}

  /** The content root(s) of the page, scored on its blocks without the furniture. */
  public static List<Element> of(Document page, List<Block> blocks) {
    return contentRoots(page, ContainerStats.of(blocks));
  }

  /**
   * The element(s) that hold the transcript: the article or main element when one holds most of the
   * page's substantive text; otherwise the container with the best score (non-link text of its
   * paragraphs times one minus its link density), with its neighbouring siblings that are text too.
   */
  private static List<Element> contentRoots(Document page, Map<Element, ContainerStats> stats) {
    Element body = page.body();
    double total = weightOf(stats, body);
    if (total == 0) {
      return List.of(body);
    }

    Element semantic = null;
    for (Element element : body.select("article, main, [role=main]")) {
      if (weightOf(stats, element) >= SEMANTIC_ROOT_SHARE * total
          && (semantic == null || element.parents().contains(semantic))) {
        semantic = element; // the innermost: an <article> inside <main>
      }
    }
    if (semantic != null) {
      return List.of(semantic);
    }

    Element best = body;
    double bestScore = 0;
    for (Element element : body.getAllElements()) {
      ContainerStats s = stats.get(element);
      if (s != null && s.finalScore() > bestScore) {
        bestScore = s.finalScore();
        best = element;
      }
    }
    return withTextSiblings(best, stats);
  }

  /**
   * The content root and its siblings on either side that continue it (a lead paragraph in its own
   * {@code <div>}, the second half of a long transcript), up to the first sibling that is not text:
   * a sidebar of headlines and teasers has links in it. Siblings without any substantive text in
   * between (a "Print" link, an empty div) are passed over.
   */
  private static List<Element> withTextSiblings(Element best, Map<Element, ContainerStats> stats) {
    Element parent = best.parent();
    if (parent == null || best.normalName().equals("body")) {
      return List.of(best);
    }
    List<Element> siblings = parent.children();
    int at = siblings.indexOf(best);
    ContainerStats bestStats = stats.get(best);
    int first = at;
    int last = at;
    for (int i = at - 1; i >= 0; i--) {
      ContainerStats s = stats.get(siblings.get(i));
      if (s == null || s.weight == 0) {
        continue;
      }
      if (!continuesContent(s, bestStats)) {
        break;
      }
      first = i;
    }
    for (int i = at + 1; i < siblings.size(); i++) {
      ContainerStats s = stats.get(siblings.get(i));
      if (s == null || s.weight == 0) {
        continue;
      }
      if (!continuesContent(s, bestStats)) {
        break;
      }
      last = i;
    }
    return List.copyOf(siblings.subList(first, last + 1));
  }

  private static boolean continuesContent(ContainerStats sibling, ContainerStats best) {
    return sibling.linkDensity() <= SIBLING_MAX_LINK_DENSITY
        && (sibling.finalScore() >= SIBLING_MIN_SCORE_SHARE * best.finalScore()
            || sibling.junkBlocks == 0);
  }

  /** Whether {@code element} is one of {@code roots} or inside one of them. */
  static boolean within(Element element, List<Element> roots) {
    for (Element e = element; e != null; e = e.parent()) {
      for (Element root : roots) {
        if (e == root) {
          return true;
        }
      }
    }
    return false;
  }
}
