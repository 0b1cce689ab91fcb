package org.discourseatlas.decode;

import org.discourseatlas.parse.DateParser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Extracts a transcript from an HTML page with jsoup, in the spirit of Boilerpipe and Readability:
 * the page is cut into text blocks (paragraphs, list items, table cells, and the runs of text
 * between {@code <br>}s of old sites), each block is weighed by its non-link text, and the
 * container whose blocks hold the most such text, at the least link density, is the content. Menus,
 * "related news" sidebars, footers and cookie banners lose because their blocks are links or short.
 *
 * <p>Within the content, blocks that are links ("Read also: ..."), image captions, share and print
 * widgets, and the dateline under the title are dropped; the rest keep their order.
 */
public final class HtmlContentExtractor {
  /** Never text of the page: scripts, styles, form controls, embedded objects. */
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "head", "script", "style", "noscript", "template", "iframe", "svg", "math", "button",
          "select", "option", "textarea", "input", "object", "embed", "canvas", "map", "audio",
          "video", "source", "track");
  /** Elements that are page furniture by their tag, unless they hold most of the page's text. */
  private static final String FURNITURE_TAGS = "nav, header, footer, aside, form, menu";
  /** Class or id words that name page furniture; matched as whole words of the attribute. */
  private static final Pattern FURNITURE_NAME =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|lang|"
              + "languages?|footer|header|sidebar|cookies?|consent|gdpr|banner|related|print|"
              + "subscribe|newsletter|tags|pager|pagination|skip|teasers?|promo|advert|ads|popup|"
              + "modal|comments?)([\\s_-]|$)");
  /** Elements that hold the page's date; not content. */
  private static final String DATE_ELEMENTS = "time, .date, .pub-date, .published, .article-date";
  /** A date element says a date and little more; a wrapper with a date class is not one. */
  private static final int MAX_DATE_ELEMENT_WORDS = 12;

  /** Tags that start a new block of text (everything else flows inline). */
  private static final Set<String> BLOCK_LEVEL =
      Set.of(
          "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details",
          "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
          "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
          "ol", "p", "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot",
          "tr", "td", "th", "ul", "legend");
  /**
   * Block-level elements that hold one paragraph's worth of text, or a list or table row of them;
   * their text is credited to the container around them.
   */
  private static final Set<String> PARAGRAPH_LIKE =
      Set.of(
          "address", "blockquote", "dd", "dir", "dl", "dt", "figcaption", "h1", "h2", "h3", "h4",
          "h5", "h6", "hr", "li", "ol", "p", "pre", "summary", "caption", "thead", "tbody", "tfoot",
          "tr", "ul", "legend", "hgroup");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** A block of fewer words is too short to be substantive text ("Print version", "Archive"). */
  private static final int MIN_SUBSTANTIVE_WORDS = 4;
  /** Blocks shorter than this many words count in proportion: a teaser line weighs less. */
  private static final double FULL_WEIGHT_WORDS = 15.0;
  /** A block with more of its text inside links than this is a link (menu item, headline). */
  private static final double MAX_BLOCK_LINK_DENSITY = 0.5;
  /** A news list has at least this many headline-and-teaser items; a teaser is this short. */
  private static final int MIN_TEASER_RUN = 3;
  private static final int MAX_TEASER_WORDS = 80;
  /** How much of a container's score its container and that one's container get. */
  private static final double[] ANCESTOR_DECAY = {1.0, 0.5, 0.25};
  /** An article or main element is the content when it holds this share of the weight. */
  private static final double SEMANTIC_ROOT_SHARE = 0.5;
  /** A furniture element that holds this share of the weight wraps the content; kept. */
  private static final double FURNITURE_MAX_SHARE = 0.5;
  /** A sibling joins the content when its link density is at most this ... */
  private static final double SIBLING_MAX_LINK_DENSITY = 0.1;
  /** ... and its score is this share of the content's, or all its blocks are text. */
  private static final double SIBLING_MIN_SCORE_SHARE = 0.3;

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");
  /** "Question:" or "Sergey Lavrov:" alone before a {@code <br>}: the label of what follows. */
  private static final int MAX_LABEL_WORDS = 6;

  /** Widgets that are boilerplate as a whole block: "Print version", "Back to top", "Share:". */
  private static final Pattern WIDGET =
      Pattern.compile(
          "(?i)^(share( this( page| article| news)?| on| via)?|print( version| this page| page)?"
              + "|printable version|version for print(ing)?|print-friendly version|back|back to top"
              + "|to top|top|up|go back|back to (the )?list|send( by e-?mail| to a friend)?"
              + "|e-?mail( this page)?|read also|see also|read more|more|related( news| articles"
              + "| materials| links| publications)?|more on (this|the) topic|tags?|keywords"
              + "|subscribe|follow us|rss|font size|(a[-+]{0,2}\\s?){2,}|views?:? ?\\d+"
              + "|\\d+ views?)"
              + "\\W*$");
  private static final String SOCIAL_NETWORK =
      "(facebook|twitter|x|vk|vkontakte|telegram|whatsapp|viber|linkedin|e-?mail|print"
          + "|odnoklassniki|weibo|wechat|youtube|instagram|flickr|rss|livejournal|pinterest"
          + "|reddit)";
  /** "Share: Facebook Twitter" or "Facebook | Twitter | Telegram" without being links. */
  private static final Pattern SOCIAL_ONLY =
      Pattern.compile(
          "(?i)^(share( this| on| via)?\\W*(" + SOCIAL_NETWORK + "\\W*)+|(" + SOCIAL_NETWORK
              + "\\W+)+" + SOCIAL_NETWORK + "\\W*)$");
  /** A short block seen this often in the content is a repeated widget ("Back to top"). */
  private static final int REPEATED_WIDGET_TIMES = 3;
  private static final int REPEATED_WIDGET_MAX_WORDS = 3;
  private static final Pattern SENTENCE_MARK = Pattern.compile("[.!?:;)\\]]");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  /** An image caption by its class: "caption", "wp-caption-text", "image-caption". */
  private static final Pattern CAPTION_NAME = Pattern.compile("(?i)(^|[\\s_-])caption([\\s_-]|$)");

  /** What a dateline holds besides its date: times, weekdays, "Published:", "Updated". */
  private static final Pattern DATELINE_NOISE =
      Pattern.compile(
          "(?i)(\\b\\d{1,2}[:.h]\\d{2}(\\s*[ap]\\.?m\\.?)?\\b|\\b(monday|tuesday|wednesday|thursday"
              + "|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|published|posted"
              + "|updated|last|modified|created|issued|date|on|at|hrs|gmt|utc|msk|cet|cest"
              + "|eet)\\b)");
  private static final int MAX_DATELINE_WORDS = 12;

  private static final String HEADLINE_SELECTOR =
      "[itemprop=headline], .page-title, .article-title, .entry-title, .news-title, .node-title,"
          + " .doc-title, h1.title, h2.title";
  /** Class or id words of a site logo or name, which a heading of the site header can carry. */
  private static final Pattern LOGO_NAME =
      Pattern.compile(
          "(?i)(^|[\\s_-])(logo|logotype|brand|site-?name|site-?title|sitename|masthead|emblem)"
              + "([\\s_-]|$)");
  /** Separators between a page's title and the site's name in {@code <title>}. */
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s*\\|\\s*|\\s+[-–—:·•»«/]{1,2}\\s+|\\s*::\\s*");
  /** A title segment that names the site rather than the page. */
  private static final Pattern SITE_NAME =
      Pattern.compile(
          "(?i)^(the\\s+)?(ministry|embassy|consulate|permanent mission|mission of|government"
              + "|department of|federal foreign office|foreign office|state department|official"
              + " (web)?site|website|web portal|portal)\\b.*"
              + "|^(mfa|mofa|mid|fco|dfat|fmprc|eeas|gov)\\b.{0,30}$|^(?-i:\\p{Lu}{2,6})$");

  private HtmlContentExtractor() {}

  public static ExtractedPage extract(String html) {
    Document page = Jsoup.parse(html);
    Element body = page.body();

    // First pass: every block of the page; furniture by tag or class is furniture only while it
    // holds a small share of the page's text ("one-sidebar" on <body> is a hint, not a verdict).
    List<Block> everything = new Walker(element -> false).walk(body);
    Map<Element, Stats> rawStats = Stats.of(everything);
    double rawWeight = weightOf(rawStats, body);
    Set<Element> furniture = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element element : body.getAllElements()) {
      if (element != body && isFurniture(element)) {
        if (weightOf(rawStats, element) <= FURNITURE_MAX_SHARE * rawWeight) {
          furniture.add(element);
        }
      }
    }

    List<Block> blocks = new Walker(furniture::contains).walk(body);
    Map<Element, Stats> stats = Stats.of(blocks);
    List<Element> roots = contentRoots(page, stats);

    Set<String> siteNames = siteNames(page);
    Element titleElement = titleElement(page, roots, siteNames);
    String title =
        titleElement != null ? normalize(titleElement.text()) : metaTitle(page, siteNames);
    LocalDate date = dateOf(page, roots, titleElement, title, everything).orElse(null);

    List<String> content = contentBlocks(blocks, roots, titleElement, title);
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

  // ---------------------------------------------------------------------------------------------
  // Blocks

  /** One run of text that a reader sees as a paragraph, with the element that holds it. */
  private record Block(
      Element owner, String text, int chars, int linkChars, int words, boolean teaser) {
    Block(Element owner, String text, int chars, int linkChars, int words) {
      this(owner, text, chars, linkChars, words, false);
    }

    Block asTeaser() {
      return new Block(owner, text, chars, linkChars, words, true);
    }

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }

    /** Non-link text, less for short blocks, none for links, very short blocks and teasers. */
    double weight() {
      return teaser ? 0 : textWeight();
    }

    double textWeight() {
      if (words < MIN_SUBSTANTIVE_WORDS || linkDensity() > MAX_BLOCK_LINK_DENSITY) {
        return 0;
      }
      return (chars - linkChars) * Math.min(1.0, words / FULL_WEIGHT_WORDS);
    }

    boolean isLabel() {
      return text.endsWith(":") && words <= MAX_LABEL_WORDS;
    }

    /** A link as long as a headline: "Minister meets the ambassadors of the Nordic countries". */
    boolean isHeadlineLink() {
      return linkDensity() > MAX_BLOCK_LINK_DENSITY
          && words >= MIN_SUBSTANTIVE_WORDS
          && !WIDGET.matcher(text).matches();
    }
  }

  /**
   * Cuts an element into blocks in document order: each block-level element starts a block, and
   * so does a {@code <br>} (old sites separate paragraphs with them), except after a speaker label.
   */
  private static final class Walker {
    private final Predicate<Element> skipped;
    private final List<Block> blocks = new ArrayList<>();

    Walker(Predicate<Element> skipped) {
      this.skipped = skipped;
    }

    List<Block> walk(Element root) {
      block(root);
      return markTeasers(blocks);
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

  /**
   * Marks the teasers of a news list: runs of at least {@value #MIN_TEASER_RUN} items of a headline
   * link followed by a short text, each headline and its text held closer together than the items
   * are to each other. A transcript's paragraphs follow each other, not headlines.
   */
  private static List<Block> markTeasers(List<Block> blocks) {
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

  /** Text and weight of the blocks inside one element, and its container score. */
  private static final class Stats {
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

    static Map<Element, Stats> of(List<Block> blocks) {
      Map<Element, Stats> stats = new IdentityHashMap<>();
      for (Block block : blocks) {
        double weight = block.weight();
        boolean junk = weight == 0 && !HEADINGS.contains(block.owner().normalName());
        for (Element e = block.owner(); e != null; e = e.parent()) {
          Stats s = stats.computeIfAbsent(e, k -> new Stats());
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
          Stats s = stats.computeIfAbsent(container, k -> new Stats());
          s.score += weight * ANCESTOR_DECAY[level];
          container = containerOf(container.parent());
        }
      }
      return stats;
    }
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

  private static double weightOf(Map<Element, Stats> stats, Element element) {
    Stats s = stats.get(element);
    return s == null ? 0 : s.weight;
  }

  private static boolean isFurniture(Element element) {
    if (element.is(FURNITURE_TAGS)) {
      return true;
    }
    if (FURNITURE_NAME.matcher(element.className()).find()
        || FURNITURE_NAME.matcher(element.id()).find()) {
      return true;
    }
    return element.is(DATE_ELEMENTS) && wordCount(element.text()) <= MAX_DATE_ELEMENT_WORDS;
  }

  // ---------------------------------------------------------------------------------------------
  // Content root

  /**
   * The element(s) that hold the transcript: the article or main element when one holds most of
   * the page's substantive text; otherwise the container with the best score (non-link text of its
   * paragraphs times one minus its link density), with its neighbouring siblings that are text too.
   */
  private static List<Element> contentRoots(Document page, Map<Element, Stats> stats) {
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
      Stats s = stats.get(element);
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
  private static List<Element> withTextSiblings(Element best, Map<Element, Stats> stats) {
    Element parent = best.parent();
    if (parent == null || best.normalName().equals("body")) {
      return List.of(best);
    }
    List<Element> siblings = parent.children();
    int at = siblings.indexOf(best);
    Stats bestStats = stats.get(best);
    int first = at;
    int last = at;
    for (int i = at - 1; i >= 0; i--) {
      Stats s = stats.get(siblings.get(i));
      if (s == null || s.weight == 0) {
        continue;
      }
      if (!continuesContent(s, bestStats)) {
        break;
      }
      first = i;
    }
    for (int i = at + 1; i < siblings.size(); i++) {
      Stats s = stats.get(siblings.get(i));
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

  private static boolean continuesContent(Stats sibling, Stats best) {
    return sibling.linkDensity() <= SIBLING_MAX_LINK_DENSITY
        && (sibling.finalScore() >= SIBLING_MIN_SCORE_SHARE * best.finalScore()
            || sibling.junkBlocks == 0);
  }

  private static boolean within(Element element, List<Element> roots) {
    for (Element e = element; e != null; e = e.parent()) {
      for (Element root : roots) {
        if (e == root) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Content blocks

  private static List<String> contentBlocks(
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
      if (content.size() < 2 && content.stream().noneMatch(HtmlContentExtractor::isSubstantive)
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
      if (e.normalName().equals("figcaption")
          || CAPTION_NAME.matcher(e.className()).find()) {
        return true;
      }
      if (roots.contains(e)) {
        return false;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Title

  /**
   * The article's heading: an {@code <h1>} in the content, else the nearest one before it (in the
   * content's column first), else a headline by its class. A site logo or site name in an
   * {@code <h1>}, and the heading of a teaser card elsewhere on the page, are not titles.
   */
  private static Element titleElement(Document page, List<Element> roots, Set<String> siteNames) {
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
    for (Element scope = first.parent(); scope != null; scope = scope.parent()) {
      Element nearest = null;
      for (Element h1 : scope.select("h1")) {
        if (order.get(h1) < start && !within(h1, roots) && isArticleHeading(h1, roots, siteNames)) {
          nearest = h1;
        }
      }
      if (nearest != null) {
        return nearest;
      }
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
    for (Element e = heading; e != null && !e.normalName().equals("body"); e = e.parent()) {
      if (LOGO_NAME.matcher(e.className()).find() || LOGO_NAME.matcher(e.id()).find()) {
        return false;
      }
      if (!inContent
          && e.is("header, nav, footer, aside")
          && !heading.parents().is("article, main")) {
        return false; // the site's header, not the article's
      }
      List<Element> card = List.of(e);
      if (!inContent && e != heading && e.normalName().equals("article")
          && roots.stream().noneMatch(root -> within(root, card))) {
        return false; // a teaser card of another page
      }
    }
    // A logo: the heading is a link home or an image, nothing else.
    Element onlyChild = heading.childrenSize() == 1 ? heading.child(0) : null;
    return !(onlyChild != null
        && onlyChild.is("a[href=/], a[href=./], a[href=index.html], img")
        && normalize(heading.ownText()).isEmpty());
  }

  /** og:title, else {@code <title>}, without the site's name around it. */
  private static String metaTitle(Document page, Set<String> siteNames) {
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
  private static Set<String> siteNames(Document page) {
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

  // ---------------------------------------------------------------------------------------------
  // Date

  /**
   * The page's own date: a machine-readable {@code <time>} (in the content first), the publication
   * date of the page's metadata, a date element's text (in the content first), the dateline under
   * the title, and last a {@code <time>} or date element elsewhere on the page.
   */
  private static Optional<LocalDate> dateOf(
      Document page, List<Element> roots, Element titleElement, String title, List<Block> blocks) {
    List<Element> contentArea = new ArrayList<>(roots);
    if (titleElement != null && titleElement.parent() != null) {
      contentArea.add(titleElement.parent());
    }
    List<Element> times = page.select("time[datetime]");
    List<Element> dateElements = page.select(DATE_ELEMENTS);

    for (Element time : times) {
      if (within(time, contentArea)) {
        Optional<LocalDate> date = DateParser.parseWhole(time.attr("datetime"));
        if (date.isPresent()) {
          return date;
        }
      }
    }
    for (Element meta :
        page.select(
            "meta[property=article:published_time], meta[name=article:published_time],"
                + " meta[name=pubdate], meta[name=publishdate], meta[name=publish-date],"
                + " meta[name=publication_date], meta[name=date], meta[name=dc.date],"
                + " meta[name=dc.date.issued], meta[name=dcterms.date], meta[name=dcterms.issued],"
                + " meta[itemprop=datePublished]")) {
      Optional<LocalDate> date = DateParser.parseWhole(meta.attr("content"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element element : dateElements) {
      if (within(element, contentArea)) {
        Optional<DateParser.FoundDate> date = DateParser.find(element.text());
        if (date.isPresent()) {
          return Optional.of(date.get().date());
        }
      }
    }
    Optional<LocalDate> dateline = datelineDate(blocks, roots, titleElement, title);
    if (dateline.isPresent()) {
      return dateline;
    }
    for (Element time : times) {
      Optional<LocalDate> date = DateParser.parseWhole(time.attr("datetime"));
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element element : dateElements) {
      Optional<DateParser.FoundDate> date = DateParser.find(element.text());
      if (date.isPresent()) {
        return Optional.of(date.get().date());
      }
    }
    return Optional.empty();
  }

  /** The date of a dateline among the two blocks under the title (or atop the content). */
  private static Optional<LocalDate> datelineDate(
      List<Block> blocks, List<Element> roots, Element titleElement, String title) {
    int start = -1;
    for (int i = 0; i < blocks.size(); i++) {
      Element owner = blocks.get(i).owner();
      if (titleElement != null ? within(owner, List.of(titleElement)) : within(owner, roots)) {
        start = titleElement != null ? i + 1 : i;
        if (titleElement == null) {
          break;
        }
      }
    }
    if (start < 0) {
      return Optional.empty();
    }
    int looked = 0;
    for (int i = start; i < blocks.size() && looked < 2; i++) {
      String text = blocks.get(i).text();
      if (title != null && text.equalsIgnoreCase(title)) {
        continue;
      }
      looked++;
      if (isDateline(text)) {
        return DateParser.find(text).map(DateParser.FoundDate::date);
      }
    }
    return Optional.empty();
  }

  /** "14 March 2017 - 15:20", "Published: 03.11.2016", "Tuesday, March 14, 2017". */
  static boolean isDateline(String text) {
    if (wordCount(text) > MAX_DATELINE_WORDS) {
      return false;
    }
    Optional<DateParser.FoundDate> found = DateParser.find(text);
    if (found.isEmpty()) {
      return false;
    }
    String rest = text.substring(0, found.get().start()) + " " + text.substring(found.get().end());
    rest = DATELINE_NOISE.matcher(rest).replaceAll(" ");
    return rest.replaceAll("[\\p{P}\\p{S}\\s]+", "").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Text helpers

  private static String normalize(CharSequence text) {
    return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static int visibleChars(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        n++;
      }
    }
    return n;
  }

  private static int wordCount(String text) {
    String normalized = normalize(text);
    return normalized.isEmpty() ? 0 : normalized.split(" ").length;
  }

}
