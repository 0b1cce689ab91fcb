package org.discourseatlas.decode.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Finds the headline-and-teaser items of news lists among a page's blocks. */
final class TeaserMarker {
  /** A news list has at least this many headline-and-teaser items; a teaser is this short. */
  private static final int MIN_TEASER_RUN = 3;

  private static final int MAX_TEASER_WORDS = 80;

  private TeaserMarker() {}

  /**
   * Marks the teasers of a news list: runs of at least {@value #MIN_TEASER_RUN} items of a headline
   * link followed by a short text, each headline and its text held closer together than the items
   * are to each other. A transcript's paragraphs follow each other, not headlines.
   */
  static List<Block> mark(List<Block> blocks) {
    List<Block> significant = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.isHeadlineLink() || block.textWeight() > 0) {
        significant.add(block);
        positions.add(i);
      }
    }
    List<Block> marked = new ArrayList<>(blocks);
    int k = 0;
    while (k < significant.size()) {
      List<Integer> run = new ArrayList<>(); // positions in significant of the teasers
      int j = k;
      int firstItemDepth = 0;
      int lastItemDepth = 0;
      while (true) {
        int h = j;
        while (h < significant.size() && significant.get(h).isHeadlineLink()) {
          h++;
        }
        if (h == j || h >= significant.size() || significant.get(h).words() > MAX_TEASER_WORDS) {
          break;
        }
        Element headline = significant.get(h - 1).owner();
        Element text = significant.get(h).owner();
        int itemDepth = depth(commonAncestor(headline, text));
        Element previousText =
            run.isEmpty() ? null : significant.get(run.get(run.size() - 1)).owner();
        if (previousText != null && itemDepth < depth(commonAncestor(previousText, headline))) {
          break; // the "headline" belongs to the list, the text after it does not
        }
        if (run.isEmpty()) {
          firstItemDepth = itemDepth;
        }
        lastItemDepth = itemDepth;
        run.add(h);
        j = h + 1;
      }
      if (run.size() >= MIN_TEASER_RUN
          && !pairsTheOtherWay(significant, k, run, firstItemDepth, lastItemDepth)) {
        for (int at : run) {
          marked.set(positions.get(at), significant.get(at).asTeaser());
        }
        k = j;
      } else {
        k++;
      }
    }
    return marked;
  }

  /**
   * Whether "headline, text, headline, text" is rather "text, link, text, link": a transcript with
   * a link after each paragraph, bound as tightly to a paragraph before the first link as to a link
   * after the last text.
   */
  private static boolean pairsTheOtherWay(
      List<Block> significant, int firstLink, List<Integer> run, int firstDepth, int lastDepth) {
    int lastText = run.get(run.size() - 1);
    if (firstLink == 0 || lastText + 1 >= significant.size()) {
      return false;
    }
    Block before = significant.get(firstLink - 1);
    Block after = significant.get(lastText + 1);
    return !before.isHeadlineLink()
        && after.isHeadlineLink()
        && depth(commonAncestor(before.owner(), significant.get(firstLink).owner())) >= firstDepth
        && depth(commonAncestor(significant.get(lastText).owner(), after.owner())) >= lastDepth;
  }

  private static Element commonAncestor(Element a, Element b) {
    Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e = a; e != null; e = e.parent()) {
      ancestors.add(e);
    }
    for (Element e = b; e != null; e = e.parent()) {
      if (ancestors.contains(e)) {
        return e;
      }
    }
    return null;
  }

  private static int depth(Element element) {
    int depth = 0;
    for (Element e = element; e != null; e = e.parent()) {
      depth++;
    }
    return depth;
  }
}
