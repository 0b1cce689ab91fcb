package org.discourseatlas.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * The text of a Markdown document without its markup, one block per paragraph, heading, list item,
 * quoted paragraph or table row, as an HTML page's blocks are: speaker labels are found per block.
 * CommonMark (with GitHub tables) parses it, so emphasis, links, reference links, autolinks, code
 * spans, entities and escapes are read as a renderer reads them; this walk keeps only the words.
 */
public final class MarkdownText {
  /**
   * One block of text; {@code level} is a heading's level (1 for "#"), 0 for any other block.
   * {@code lines} are its lines as written: a paragraph's line breaks are spaces in CommonMark, but
   * a scraped transcript often puts its turns on consecutive lines without a blank line between,
   * and a label at the start of a line must still start a turn.
   */
  public record Block(List<String> lines, int level) {
    public Block {
      lines = List.copyOf(lines);
    }

    /** The block's text on one line. */
    public String text() {
      return String.join(" ", lines);
    }
  }

  /** Thread-safe once built (commonmark-java's parser holds no state between documents). */
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static final Pattern SPACES = Pattern.compile("[ \\t]+");
  private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\b.*");

  /** Table cells of a row are kept as text, set apart as a sentence would not run across them. */
  private static final String CELL_SEPARATOR = "; ";

  private MarkdownText() {}

  /** The blocks of a Markdown text, in order, blank ones left out. */
  public static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    collect(PARSER.parse(markdown), blocks);
    return blocks;
  }

  /** Container blocks (document, block quotes, lists, list items, tables) give their children. */
  private static void collect(Node node, List<Block> out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Heading heading) {
        add(out, inline(heading), heading.getLevel());
      } else if (child instanceof Paragraph || child instanceof TableRow) {
        add(out, inline(child), 0);
      } else if (child instanceof FencedCodeBlock code) {
        add(out, code.getLiteral(), 0);
      } else if (child instanceof IndentedCodeBlock code) {
        // Scraped transcripts indent paragraphs by four spaces more often than they quote code.
        add(out, code.getLiteral(), 0);
      } else if (child instanceof HtmlBlock html) {
        add(out, Jsoup.parseBodyFragment(html.getLiteral()).text(), 0);
      } else if (!(child instanceof ThematicBreak || child instanceof LinkReferenceDefinition)) {
        collect(child, out);
      }
    }
  }

  private static void add(List<Block> out, String text, int level) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      String words = SPACES.matcher(line).replaceAll(" ").strip();
      if (!words.isEmpty()) {
        lines.add(words);
      }
    }
    if (!lines.isEmpty()) {
      out.add(new Block(lines, level));
    }
  }

  private static String inline(Node block) {
    StringBuilder text = new StringBuilder();
    inline(block, text);
    return text.toString();
  }

  /**
   * The words of inline content: emphasis and links give their text, images nothing (their alt text
   * describes a picture, not what was said), inline HTML tags nothing but a line break's space, and
   * a table row its cells.
   */
  private static void inline(Node node, StringBuilder out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        out.append(text.getLiteral());
      } else if (child instanceof Code code) {
        out.append(code.getLiteral());
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        out.append('\n');
      } else if (child instanceof HtmlInline html) {
        if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
          out.append('\n');
        }
      } else if (!(child instanceof Image)) {
        int before = out.length();
        inline(child, out);
        if (node instanceof TableRow && child.getNext() != null && out.length() > before) {
          out.append(CELL_SEPARATOR);
        }
      }
    }
  }
}
