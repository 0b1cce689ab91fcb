package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.HtmlText.normalize;
import static org.discourseatlas.decode.html.HtmlText.visibleChars;
import static org.discourseatlas.decode.html.HtmlText.wordCount;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    // An explicit stack, not recursion: a page nested 100,000 elements deep (hostile or broken
    // markup) would overflow the thread's stack, and a StackOverflowError is no reject reason.
    Deque<Frame> open = new ArrayDeque<>();
    open.push(blockFrame(root));
    while (!open.isEmpty()) {
      Frame frame = open.peek();
      if (frame.next >= frame.parent.childNodeSize()) {
        open.pop();
        if (frame.block) {
          frame.run.end(true);
        }
        continue;
      }
      Node child = frame.parent.childNode(frame.next++);
      if (child instanceof TextNode text) {
        frame.run.append(text.getWholeText(), frame.inLink, frame.inPre);
      } else if (child instanceof Element element) {
        String name = element.normalName();
        if (NEVER_TEXT.contains(name) || skipped.test(element)) {
          continue;
        }
        if (name.equals("br")) {
          frame.run.end(false);
        } else if (BLOCK_LEVEL.contains(name)) {
          frame.run.end(true);
          open.push(blockFrame(element));
        } else {
          boolean link = frame.inLink || (name.equals("a") && element.hasAttr("href"));
          open.push(new Frame(element, frame.run, link, frame.inPre || name.equals("pre"), false));
        }
      }
    }
    return TeaserMarker.mark(blocks);
  }

  /** A block-level element: its own run of text, links and {@code <pre>} not inherited. */
  private Frame blockFrame(Element element) {
    return new Frame(element, new Run(element), false, element.normalName().equals("pre"), true);
  }

  /** An element being walked: the next child to visit and the run its text goes to. */
  private static final class Frame {
    private final Element parent;
    private final Run run;
    private final boolean inLink;
    private final boolean inPre;
    private final boolean block;
    private int next;

    Frame(Element parent, Run run, boolean inLink, boolean inPre, boolean block) {
      this.parent = parent;
      this.run = run;
      this.inLink = inLink;
      this.inPre = inPre;
      this.block = block;
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
