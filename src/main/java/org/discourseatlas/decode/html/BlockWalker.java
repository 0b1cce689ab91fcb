package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.HtmlText.normalize;
import static org.discourseatlas.decode.html.HtmlText.visibleChars;
import static org.discourseatlas.decode.html.HtmlText.wordCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts an element into blocks in document order: each block-level element starts a block, and so
 * does a {@code <br>} (old sites separate paragraphs with them), except after a speaker label.
 */
public final class BlockWalker {
  /** Never text of the page: scripts, styles, form controls, embedded objects. */
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "head",
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "svg",
          "math",
          "button",
          "select",
          "option",
          "textarea",
          "input",
          "object",
          "embed",
          "canvas",
          "map",
          "audio",
          "video",
          "source",
          "track");

  /** Tags that start a new block of text (everything else flows inline). */
  static final Set<String> BLOCK_LEVEL =
      Set.of(
          "html",
          "body",
          "address",
          "article",
          "aside",
          "blockquote",
          "center",
          "dd",
          "details",
          "dialog",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "caption",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "ul",
          "legend");

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");

  private final Predicate<Element> skipped;
  private final List<Block> blocks = new ArrayList<>();

  /** A walker that passes over the elements {@code skipped} accepts, and all inside them. */
  public BlockWalker(Predicate<Element> skipped) {
    this.skipped = skipped;
  }

  /** The blocks of {@code root}, the teasers of news lists among them marked. */
  public List<Block> walk(Element root) {
    block(root);
    return TeaserMarker.mark(blocks);
  }

  private void block(Element element) {
    Run run = new Run(element);
    inline(element, run, false, element.normalName().equals("pre"));
    run.end(true);
  }

  private void inline(Element parent, Run run, boolean inLink, boolean inPre) {
    for (Node child : parent.childNodes()) {
      if (child instanceof TextNode text) {
        run.append(text.getWholeText(), inLink, inPre);
      } else if (child instanceof Element element) {
        String name = element.normalName();
        if (NEVER_TEXT.contains(name) || skipped.test(element)) {
          continue;
        }
        if (name.equals("br")) {
          run.end(false);
        } else if (BLOCK_LEVEL.contains(name)) {
          run.end(true);
          block(element);
        } else {
          boolean link = inLink || (name.equals("a") && element.hasAttr("href"));
          inline(element, run, link, inPre || name.equals("pre"));
        }
      }
    }
  }

  /** The text gathered for the current block of one element. */
  private final class Run {
    private final Element owner;
    private final StringBuilder text = new StringBuilder();
    private int chars;
    private int linkChars;

    Run(Element owner) {
      this.owner = owner;
    }

    void append(String raw, boolean inLink, boolean inPre) {
      if (!inPre) {
        add(raw, inLink);
        return;
      }
      String[] paragraphs = BLANK_LINE.split(raw, -1);
      for (int i = 0; i < paragraphs.length; i++) {
        if (i > 0) {
          end(true);
        }
        add(paragraphs[i], inLink);
      }
    }

    private void add(String raw, boolean inLink) {
      text.append(raw);
      int visible = visibleChars(raw);
      chars += visible;
      if (inLink) {
        linkChars += visible;
      }
    }

    /** Ends the block; at a {@code <br>} ({@code hard} false) a label stays with what follows. */
    void end(boolean hard) {
      String normalized = normalize(text);
      if (normalized.isEmpty()) {
        reset();
        return;
      }
      Block block = new Block(owner, normalized, chars, linkChars, wordCount(normalized));
      if (!hard && block.isLabel()) {
        text.append(' ');
        return;
      }
      blocks.add(block);
      reset();
    }

    private void reset() {
      text.setLength(0);
      chars = 0;
      linkChars = 0;
    }
  }
}
