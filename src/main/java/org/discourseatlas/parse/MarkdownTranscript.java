package org.discourseatlas.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.discourseatlas.decode.FrontMatter;
import org.discourseatlas.decode.MarkdownText;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.turns.TurnSegmenter;

/**
 * A Markdown transcript's metadata and paragraphs: the front matter's fields (names from {@code
 * ingest.front-matter-fields}) where it has them, else what the text says, read as a saved text's
 * title line. The title is the front matter's, else the page's first "#" heading, else a title line
 * with its date; the heading or title line and the header above it are not body text.
 *
 * @param dateSource "metadata" for a front matter date, "title" for the title's, null without
 * @param body the paragraphs without markup, before the rule-based boilerplate is dropped
 */
record MarkdownTranscript(
    String title,
    LocalDate date,
    String dateSource,
    String place,
    String source,
    String url,
    List<String> body) {
  /** As for saved text: the title stands within the first blocks, under the site's header. */
  private static final int TITLE_SEARCH_BLOCKS = 25;

  /** A longer block is text: no title stands below it, and nothing above it is a header. */
  private static final int MAX_HEADER_BLOCK_WORDS = 20;

  static MarkdownTranscript read(String text, ParserSettings.FrontMatterFields names)
      throws RejectedInputException {
    FrontMatter frontMatter = FrontMatter.split(text);
    List<MarkdownText.Block> blocks = labelledLinesApart(MarkdownText.blocks(frontMatter.body()));
    String metadataTitle = first(frontMatter.fields(), names.title());

    String headingTitle = null;
    int bodyStart = 0;
    for (int i = 0; i < Math.min(blocks.size(), TITLE_SEARCH_BLOCKS); i++) {
      MarkdownText.Block block = blocks.get(i);
      if (BoilerplateFilter.isBoilerplate(block.text())) {
        continue;
      }
      if (TurnSegmenter.startsWithSpeakerLabel(block.text())) {
        break; // the transcript has begun
      }
      // The first "#" heading is the page's title; without one, a title line as in saved text.
      boolean title =
          block.level() == 1
              || (metadataTitle == null
                  && block.level() == 0
                  && TitleLine.parse(block.text(), i == 0).isPresent());
      if (title) {
        headingTitle = block.text();
        bodyStart = i + 1;
        break;
      }
      if (block.level() == 0 && block.text().split("\\s+").length > MAX_HEADER_BLOCK_WORDS) {
        break;
      }
    }

    String title = metadataTitle != null ? metadataTitle : headingTitle;
    TitleLine.Dated dated = TitleLine.Dated.of(title, first(frontMatter.fields(), names.date()));
    return new MarkdownTranscript(
        title,
        dated.date(),
        dated.dateSource(),
        dated.place(),
        first(frontMatter.fields(), names.source()),
        first(frontMatter.fields(), names.url()),
        blocks.subList(bodyStart, blocks.size()).stream().map(MarkdownText.Block::text).toList());
  }

  /**
   * A paragraph's lines joined, except that a line opening with a speaker label starts a paragraph
   * of its own: "**Question:** ...\n**Sergey Lavrov:** ..." on consecutive lines is two turns.
   */
  private static List<MarkdownText.Block> labelledLinesApart(List<MarkdownText.Block> blocks) {
    List<MarkdownText.Block> apart = new ArrayList<>(blocks.size());
    for (MarkdownText.Block block : blocks) {
      List<String> paragraph = new ArrayList<>();
      for (String line : block.lines()) {
        if (!paragraph.isEmpty() && TurnSegmenter.startsWithSpeakerLabel(line)) {
          apart.add(new MarkdownText.Block(List.of(String.join(" ", paragraph)), block.level()));
          paragraph.clear();
        }
        paragraph.add(line);
      }
      apart.add(new MarkdownText.Block(List.of(String.join(" ", paragraph)), block.level()));
    }
    return apart;
  }

  /** The value of the first of the names that the front matter has, not blank. */
  private static String first(Map<String, String> fields, List<String> names) {
    for (String name : names) {
      String value = fields.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
