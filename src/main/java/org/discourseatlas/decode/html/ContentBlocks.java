package org.discourseatlas.decode.html;

import static org.discourseatlas.decode.html.Block.FULL_WEIGHT_WORDS;
import static org.discourseatlas.decode.html.Block.MAX_BLOCK_LINK_DENSITY;
import static org.discourseatlas.decode.html.ContentRoots.within;
import static org.discourseatlas.decode.html.HtmlText.wordCount;
import static org.discourseatlas.decode.html.PageDate.isDateline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Picks the transcript's paragraphs from the blocks of its content root(s): without the title,
 * teasers, captions, links, share and print widgets, and the dateline under the title.
 */
public final class ContentBlocks {
  /**
   * Widgets that are boilerplate as a whole block: "Print version", "Back to top", "Share:". The
   * font-size buttons ("A- A A+") are at most six: an unbounded repeated group recursed once per
   * repetition in java.util.regex and overflowed the stack on a block of "a a a ...".
   */
  static final Pattern WIDGET =
      Pattern.compile(
          "(?i)^(share( this( page| article| news)?| on| via)?|print( version| this page| page)?"
              + "|printable version|version for print(ing)?|print-friendly version|back|back to top"
              + "|to top|top|up|go back|back to (the )?list|send( by e-?mail| to a friend)?"
              + "|e-?mail( this page)?|read also|see also|read more|more|related( news| articles"
              + "| materials| links| publications)?|more on (this|the) topic|tags?|keywords"
              + "|subscribe|follow us|rss|font size|(a[-+]{0,2}\\s?){2,6}|views?:? ?\\d+"
              + "|\\d+ views?)"
              + "\\W*$");

  private static final String SOCIAL_NETWORK =
      "(facebook|twitter|x|vk|vkontakte|telegram|whatsapp|viber|linkedin|e-?mail|print"
          + "|odnoklassniki|weibo|wechat|youtube|instagram|flickr|rss|livejournal|pinterest"
          + "|reddit)";

  /** "Share: Facebook Twitter" or "Facebook | Twitter | Telegram" without being links. */
  private static final Pattern SOCIAL_ONLY =
      Pattern.compile(
          "(?i)^(share( this| on| via)?\\W*("
              + SOCIAL_NETWORK
              + "\\W*)+|("
              + SOCIAL_NETWORK
              + "\\W+)+"
              + SOCIAL_NETWORK
              + "\\W*)$");

  /** A short block seen this often in the content is a repeated widget ("Back to top"). */
  private static final int REPEATED_WIDGET_TIMES = 3;

  private static final int REPEATED_WIDGET_MAX_WORDS = 3;
  private static final Pattern SENTENCE_MARK = Pattern.compile("[.!?:;)\\]]");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  /** An image caption by its class: "caption", "wp-caption-text", "image-caption". */
  private static final Pattern CAPTION_NAME = Pattern.compile("(?i)(^|[\\s_-])caption([\\s_-]|$)");

  private ContentBlocks() {}

  /** The texts of the blocks within the content root(s) that are the transcript, in page order. */
  public static List<String> of(
      List<Block> blocks, List<Element> roots, Element titleElement, String title) {
    List<Block> kept = new ArrayList<>();
    Map<String, Integer> shortTexts = new HashMap<>();
    for (Block block : blocks) {
      if (!within(block.owner(), roots)
          || (titleElement != null && within(block.owner(), List.of(titleElement)))
          || (title != null && block.text().equalsIgnoreCase(title))
          || block.teaser()
          || isCaption(block.owner(), roots)
          || (block.linkDensity() > MAX_BLOCK_LINK_DENSITY && !block.isLabel())
          || WIDGET.matcher(block.text()).matches()
          || SOCIAL_ONLY.matcher(block.text()).matches()) {
        continue;
      }
      kept.add(block);
      if (isWidgetShaped(block)) {
        shortTexts.merge(block.text().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    List<String> content = new ArrayList<>();
    for (Block block : kept) {
      if (isWidgetShaped(block)
          && shortTexts.get(block.text().toLowerCase(Locale.ROOT)) >= REPEATED_WIDGET_TIMES) {
        continue;
      }
      // The dateline right under the title says when, not what.
      if (content.size() < 2
          && content.stream().noneMatch(ContentBlocks::isSubstantive)
          && isDateline(block.text())) {
        continue;
      }
      content.add(block.text());
    }
    return content;
  }

  private static boolean isSubstantive(String text) {
    return wordCount(text) >= FULL_WEIGHT_WORDS;
  }

  /** Short, no sentence punctuation, not a speaker label: "Back to top", "Print". */
  private static boolean isWidgetShaped(Block block) {
    return block.words() <= REPEATED_WIDGET_MAX_WORDS
        && !SENTENCE_MARK.matcher(block.text()).find()
        && LETTER.matcher(block.text()).find();
  }

  private static boolean isCaption(Element owner, List<Element> roots) {
    for (Element e = owner; e != null; e = e.parent()) {
      if (e.normalName().equals("figcaption") || CAPTION_NAME.matcher(e.className()).find()) {
        return true;
      }
      if (roots.contains(e)) {
        return false;
      }
    }
    return false;
  }
}
