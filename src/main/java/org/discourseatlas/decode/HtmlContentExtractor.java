package org.discourseatlas.decode;

import static org.discourseatlas.decode.html.HtmlText.normalize;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.discourseatlas.decode.html.Block;
import org.discourseatlas.decode.html.BlockWalker;
import org.discourseatlas.decode.html.ContentBlocks;
import org.discourseatlas.decode.html.ContentRoots;
import org.discourseatlas.decode.html.PageDate;
import org.discourseatlas.decode.html.PageFurniture;
import org.discourseatlas.decode.html.PageTitle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts a transcript from an HTML page with jsoup, in the spirit of Boilerpipe and Readability:
 * the page is cut into text blocks (paragraphs, list items, table cells, and the runs of text
 * between {@code <br>}s of old sites), each block is weighed by its non-link text, and the
 * container whose blocks hold the most such text, at the least link density, is the content. Menus,
 * "related news" sidebars, footers and cookie banners lose because their blocks are links or short.
 *
 * <p>Within the content, blocks that are links ("Read also: ..."), image captions, share and print
 * widgets, and the dateline under the title are dropped; the rest keep their order.
 *
 * <p>The steps live in {@code org.discourseatlas.decode.html}: {@link BlockWalker} cuts the page
 * into blocks, {@link PageFurniture} and {@link ContentRoots} find the content, {@link PageTitle}
 * and {@link PageDate} its metadata, and {@link ContentBlocks} keeps the transcript's paragraphs.
 */
public final class HtmlContentExtractor {
  private HtmlContentExtractor() {}

  public static ExtractedPage extract(String html) {
    Document page = Jsoup.parse(html);
    Element body = page.body();

    // First pass: every block of the page; furniture by tag or class is furniture only while it
    // holds a small share of the page's text ("one-sidebar" on <body> is a hint, not a verdict).
    List<Block> everything = new BlockWalker(element -> false).walk(body);
    Set<Element> furniture = PageFurniture.of(body, everything);

    List<Block> blocks = new BlockWalker(furniture::contains).walk(body);
    List<Element> roots = ContentRoots.of(page, blocks);

    Set<String> siteNames = PageTitle.siteNames(page);
    Element titleElement = PageTitle.titleElement(page, roots, siteNames);
    String title =
        titleElement != null
            ? normalize(titleElement.text())
            : PageTitle.metaTitle(page, siteNames);
    LocalDate date = PageDate.dateOf(page, roots, titleElement, title, everything).orElse(null);

    List<String> content = ContentBlocks.of(blocks, roots, titleElement, title);
    if (content.isEmpty()) {
      for (Element root : roots) {
        for (String line : root.wholeText().split("\\R")) {
          String text = normalize(line);
          if (!text.isEmpty() && !text.equalsIgnoreCase(title == null ? "" : title)) {
            content.add(text);
          }
        }
      }
    }
    return new ExtractedPage(title, date, content);
  }
}
