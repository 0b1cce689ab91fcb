package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.BlockWalker.BLOCK_LEVEL;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Text and weight of the blocks inside one element, and its score as their container. */
final class ContainerStats {
  /**
   * Block-level elements that hold one paragraph's worth of text, or a list or table row of them;
   * their text is credited to the container around them.
   */
  private static final Set<String> PARAGRAPH_LIKE =
      Set.of(
          "address",
          "blockquote",
          "dd",
          "dir",
          "dl",
          "dt",
          "figcaption",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "li",
          "ol",
          "p",
          "pre",
          "summary",
          "caption",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "ul",
          "legend",
          "hgroup");

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** How much of a container's score its container and that one's container get. */
  private static final double[] ANCESTOR_DECAY = {1.0, 0.5, 0.25};

  int chars;
  int linkChars;
  double weight;

  /** Blocks that are neither substantive text nor headings. */
  int junkBlocks;

  /** Weight of the blocks it holds, decayed by how far below it they sit. */
  double score;

  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  double finalScore() {
    return score * (1 - linkDensity());
  }

  static Map<Element, ContainerStats> of(List<Block> blocks) {
    Map<Element, ContainerStats> stats = new IdentityHashMap<>();
    for (Block block : blocks) {
      double weight = block.weight();
      boolean junk = weight == 0 && !HEADINGS.contains(block.owner().normalName());
      for (Element e = block.owner(); e != null; e = e.parent()) {
        ContainerStats s = stats.computeIfAbsent(e, k -> new ContainerStats());
        s.chars += block.chars();
        s.linkChars += block.linkChars();
        s.weight += weight;
        if (junk) {
          s.junkBlocks++;
        }
      }
      // Readability's idea: a paragraph's text is credited to the container that holds it, and
      // less and less to that container's containers, so the tightest container of many
      // paragraphs wins over the page wrapper that also holds them.
      Element container = containerOf(block.owner());
      for (int level = 0; level < ANCESTOR_DECAY.length && container != null; level++) {
        ContainerStats s = stats.computeIfAbsent(container, k -> new ContainerStats());
        s.score += weight * ANCESTOR_DECAY[level];
        container = containerOf(container.parent());
      }
    }
    return stats;
  }

  /** The element itself, or the nearest ancestor, that holds paragraphs rather than being one. */
  private static Element containerOf(Element element) {
    for (Element e = element; e != null && !(e instanceof Document); e = e.parent()) {
      String name = e.normalName();
      if (name.equals("html")) {
        return null;
      }
      if (BLOCK_LEVEL.contains(name) && !PARAGRAPH_LIKE.contains(name)) {
        return e;
      }
    }
    return null;
  }

  static double weightOf(Map<Element, ContainerStats> stats, Element element) {
    ContainerStats s = stats.get(element);
    return s == null ? 0 : s.weight;
  }
}
