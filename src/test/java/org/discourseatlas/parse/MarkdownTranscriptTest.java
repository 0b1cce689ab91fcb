package org.discourseatlas.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.nlp.SentenceSplitter;
import org.discourseatlas.nlp.SplitSentence;
import org.discourseatlas.turns.SpeakerRole;
import org.discourseatlas.turns.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown transcripts as scraped collections keep them (Jekyll and Hugo sites, GitHub corpora):
 * the fixtures under src/test/resources/markdown/ are read and finished as the job does, without
 * Spark.
 */
class MarkdownTranscriptTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "markdown");

  private static final ParserSettings DEFAULTS =
      new ParserSettings(
          50L * 1024 * 1024,
          200,
          new ParserSettings.RecordFields("text", "title", "date", "url", "source"),
          List.of());

  private static final SpeakerRole Q = SpeakerRole.QUESTION;
  private static final SpeakerRole A = SpeakerRole.ANSWER;
  private static final SpeakerRole S = SpeakerRole.STATEMENT;

  /** Markup that stripping must not leave in any sentence or turn. */
  private static final Pattern MARKUP =
      Pattern.compile(
          "\\*\\*|__|\\]\\(|\\[|\\]|\\||`|<|>|!\\[|(?m)^\\s*(#|>|[-*+]\\s|\\d+\\.\\s|---|===)");

  @TempDir Path corpus;

  /** Read and finished as the job does both steps (TranscriptParserTest's helper). */
  private static TranscriptParserTest.ReadAndFinished parse(ParserSettings settings, Path file)
      throws IOException {
    return TranscriptParserTest.readAndFinish(
        settings, file.toUri().toString(), Files.readAllBytes(file));
  }

  private static FinishedTranscript fixture(String name) throws IOException {
    TranscriptParserTest.ReadAndFinished parsed = parse(DEFAULTS, FIXTURES.resolve(name));
    assertEquals(List.of(), parsed.rejects(), name);
    assertEquals(1, parsed.documents().size(), name);
    return parsed.documents().get(0);
  }

  private RejectedInput reject(String name, String markdown) throws IOException {
    Path file = Files.writeString(corpus.resolve(name), markdown, StandardCharsets.UTF_8);
    TranscriptParserTest.ReadAndFinished parsed = parse(DEFAULTS, file);
    assertEquals(List.of(), parsed.documents(), name);
    assertEquals(1, parsed.rejects().size(), name);
    return parsed.rejects().get(0);
  }

  private static List<String> speakers(FinishedTranscript document) {
    return document.turns().stream().map(Turn::speaker).toList();
  }

  private static List<SpeakerRole> roles(FinishedTranscript document) {
    return document.turns().stream().map(Turn::role).toList();
  }

  @Test
  void jekyllFrontMatterGivesTitleDateUrlAndBoldLabelsGiveTheTurns() throws IOException {
    FinishedTranscript document = fixture("jekyll-lavrov-2016-10-14.md");

    assertEquals("markdown", document.format());
    assertTrue(
        document.title().startsWith("Foreign Minister Sergey Lavrov's remarks and answers"),
        document.title());
    assertTrue(document.title().endsWith("Jordan, Moscow, October 14, 2016"), document.title());
    assertEquals(LocalDate.of(2016, 10, 14), document.date());
    assertEquals("metadata", document.dateSource());
    assertEquals("Moscow", document.place(), "the place comes from the front matter's title");
    assertEquals(
        "https://www.mid.ru/en/press_service/minister_speeches/2016-10-14-lavrov-jordan",
        document.url());
    assertEquals("en", document.language());
    // "**Sergey Lavrov:** Ladies and gentlemen," and "**Question (RIA Novosti):**" are labels.
    assertEquals(
        List.of("Sergey Lavrov", "Question", "Sergey Lavrov", "Question", "Sergey Lavrov"),
        speakers(document));
    assertEquals(List.of(S, Q, A, Q, A), roles(document));
    assertEquals(
        "I have heard these accusations many times. It was not Russia that broke the agreement"
            + " of September 9. The armed groups in eastern Aleppo refused to separate themselves"
            + " from Jabhat al-Nusra, and our partners did nothing to make them do so.\n\n"
            + "We are ready to meet in Lausanne with the countries of the region to look for a"
            + " solution.",
        document.turns().get(2).text(),
        "hard-wrapped lines are one paragraph, the strong emphasis is its words");
    assertTrue(
        document.turns().get(0).text().contains("the ceasefire in eastern Aleppo must be restored"),
        "a link is its text: " + document.turns().get(0).text());
  }

  @Test
  void hugoTimestampIsTheDateAsWrittenAndItsSourceFieldNamesTheSource() throws IOException {
    FinishedTranscript document = fixture("hugo-zakharova-briefing-2016-11-03.md");

    assertEquals("Briefing by Foreign Ministry Spokesperson Maria Zakharova", document.title());
    // 2016-11-03T01:30:00+03:00 is November 2 in UTC; the briefing was on November 3.
    assertEquals(LocalDate.of(2016, 11, 3), document.date());
    assertEquals("metadata", document.dateSource());
    assertNull(document.place(), "the title names no place");
    assertEquals("mfa-russia", document.source(), "the front matter's source, not the folder");
    assertEquals(
        "https://www.mid.ru/en/press_service/spokesman/briefings/2016-11-03", document.url());
    // The "##" topic headings of the briefing are the spokesperson's, as in a saved page.
    assertEquals(
        List.of(
            "Maria Zakharova",
            "Maria Zakharova",
            "Question",
            "Maria Zakharova",
            "Question",
            "Maria Zakharova"),
        speakers(document));
    assertEquals(List.of(S, S, Q, A, Q, A), roles(document));
    assertTrue(
        document.turns().get(1).text().contains("\n\nThe operation to liberate Mosul\n\n"),
        "a heading is a paragraph of its own: " + document.turns().get(1).text());
  }

  @Test
  void withoutFrontMatterTheFirstHeadingIsTheTitleAndDatesTheTranscript() throws IOException {
    FinishedTranscript document = fixture("lavrov-tillerson-2017-04-12.md");

    assertTrue(document.title().startsWith("Foreign Minister Sergey Lavrov's remarks"));
    assertTrue(document.title().endsWith("Rex Tillerson, Moscow, April 12, 2017"));
    assertEquals(LocalDate.of(2017, 4, 12), document.date());
    assertEquals("title", document.dateSource());
    assertEquals("Moscow", document.place());
    assertNull(document.url());
    assertEquals("markdown", document.source(), "no source field: the folder names it");
    assertEquals(
        List.of("Sergey Lavrov", "Question", "Sergey Lavrov", "Question", "Sergey Lavrov"),
        speakers(document));
    assertEquals(List.of(S, Q, A, Q, A), roles(document));
    for (Turn turn : document.turns()) {
      assertFalse(turn.text().contains("Ministry of Foreign Affairs"), "the site header");
      assertFalse(turn.text().contains("Rex Tillerson, Moscow"), "the title is not a turn");
    }
  }

  @Test
  void tablesListsQuotesAndLinksKeepTheirWordsAndLoseTheirMarkup() throws IOException {
    FinishedTranscript document = fixture("briefing-tables-links-2016-12-22.md");

    assertEquals(
        "Foreign Minister Sergey Lavrov's remarks at a meeting on the humanitarian situation in"
            + " Aleppo",
        document.title(),
        "the front matter's title wins over the page's own heading");
    assertEquals(LocalDate.of(2016, 12, 22), document.date(), "\"December 22, 2016\"");
    assertEquals("metadata", document.dateSource());
    assertEquals(
        "https://www.mid.ru/en/foreign_policy/news/2016-12-22-aleppo",
        document.url(),
        "url, there being no source_url");
    assertEquals(List.of("Sergey Lavrov", "Question", "Sergey Lavrov"), speakers(document));
    assertEquals(List.of(S, Q, A), roles(document));
    String statement = document.turns().get(0).text();
    for (String kept :
        List.of(
            "the Russian Centre for Reconciliation has sent us", // a reference link's text
            "Date; People evacuated; Buses", // the header row
            "December 22; 34,000; 480", // a row, alignment colons and pipes gone
            "\n\nrestore water and electricity in the eastern districts;\n\n", // a numbered item
            "\n\nthe World Health Organisation, and\n\n", // a bullet with emphasis
            "with the help of the UN.", // inline HTML's text
            "the UN Office for the Coordination of Humanitarian Affairs.", // an inline link
            "\n\nThe evacuation from eastern Aleppo was carried out", // a block quote
            "online at https://www.mid.ru/en/foreign_policy/news.", // an autolink
            "operation was ALEPPO-2016.")) { // a code span
      assertTrue(statement.contains(kept), "'" + kept + "' in: " + statement);
    }
    for (String dropped :
        List.of("Remarks and answers", "Sergey Lavrov at the meeting", ".jpg", "unocha.org")) {
      assertFalse(statement.contains(dropped), "'" + dropped + "' in: " + statement);
    }
    assertFalse(document.text().contains("www.mid.ru/en/reconciliation"), "a link definition");
  }

  @Test
  void tomlFrontMatterAndTheMarkdownExtensionAreRead() throws IOException {
    FinishedTranscript document = fixture("hugo-toml-lavrov-2016-12-23.markdown");

    assertEquals("markdown", document.format());
    assertEquals(
        "Foreign Minister Sergey Lavrov's answers to media questions following talks in Moscow",
        document.title());
    assertEquals(LocalDate.of(2016, 12, 23), document.date(), "a TOML offset date-time");
    assertEquals("metadata", document.dateSource());
    assertEquals(
        "https://www.mid.ru/en/press_service/minister_speeches/2016-12-23", document.url());
    assertEquals(List.of(Q, A, Q, A), roles(document));
  }

  @Test
  void gzippedMarkdownIsReadAsMarkdownAndDatedByItsTitle() throws IOException {
    FinishedTranscript document = fixture("speech-2017-01-17.md.gz");

    assertEquals("markdown.gz", document.format());
    assertEquals(LocalDate.of(2017, 1, 17), document.date());
    assertEquals("title", document.dateSource(), "the front matter has no date; its title has");
    assertEquals("Moscow", document.place());
    assertEquals(
        "https://www.mid.ru/en/press_service/minister_speeches/2017-01-17", document.url());
    assertEquals(List.of(S, Q, A), roles(document));
  }

  @Test
  void noMarkupIsLeftInAnyTurnOrSentenceOfAnyFixture() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(FIXTURES)) {
      files = list.sorted().toList();
    }
    assertEquals(6, files.size(), files.toString());
    int sentences = 0;
    for (Path file : files) {
      FinishedTranscript document = fixture(file.getFileName().toString());
      assertTrue(document.turns().size() >= 3, file.toString());
      for (Turn turn : document.turns()) {
        assertFalse(MARKUP.matcher(turn.text()).find(), file + " turn: " + turn.text());
        assertFalse(turn.speaker().contains("*") || turn.speaker().contains("_"), turn.speaker());
        for (SplitSentence sentence : SentenceSplitter.split(turn.text())) {
          assertFalse(MARKUP.matcher(sentence.text()).find(), file + ": " + sentence.text());
          sentences++;
        }
      }
    }
    assertTrue(sentences > 50, "sentences checked: " + sentences);
  }

  @Test
  void brokenFrontMatterRejectsTheFileNamingTheProblem() throws IOException {
    String body = "\n**Sergey Lavrov:** " + "We discussed the situation in Aleppo. ".repeat(10);

    RejectedInput unclosed =
        reject("unclosed.md", "---\ntitle: Remarks\ndate: 2016-10-14\n" + body);
    assertEquals(RejectReason.MALFORMED_RECORD, unclosed.reason());
    assertTrue(unclosed.detail().contains("never closed"), unclosed.detail());

    RejectedInput invalid =
        reject(
            "invalid.md",
            "---\nlayout: transcript\ntitle: Lavrov's remarks: Moscow, October 14, 2016\n---\n"
                + body);
    assertEquals(RejectReason.MALFORMED_RECORD, invalid.reason());
    assertTrue(invalid.detail().startsWith("front matter is not valid YAML"), invalid.detail());
    assertTrue(invalid.detail().contains("(line 3)"), "the file's line: " + invalid.detail());

    RejectedInput list = reject("list.md", "---\n- Syria\n- Aleppo\n---\n" + body);
    assertEquals(RejectReason.MALFORMED_RECORD, list.reason());
    assertTrue(list.detail().contains("a YAML list, not a mapping"), list.detail());

    RejectedInput toml = reject("toml.md", "+++\ntitle = \"Remarks\"\ndate = \n+++\n" + body);
    assertEquals(RejectReason.MALFORMED_RECORD, toml.reason());
    assertTrue(toml.detail().startsWith("front matter is not valid TOML"), toml.detail());
    assertTrue(toml.detail().contains("(line 3)"), "the file's line: " + toml.detail());

    RejectedInput tomlUnclosed = reject("toml-unclosed.md", "+++\ntitle = \"Remarks\"\n" + body);
    assertTrue(tomlUnclosed.detail().contains("'+++'"), tomlUnclosed.detail());
  }

  @Test
  void turnsOnConsecutiveLinesWithoutABlankLineAreStillTurns() throws IOException {
    // One CommonMark paragraph; scraped transcripts often have no blank line between turns.
    String text =
        "---\ntitle: Remarks on Syria\n---\n"
            + "**Question:** What about the humanitarian corridors in eastern Aleppo?\n"
            + "**Sergey Lavrov:** The corridors are open and the convoys are moving, and we are\n"
            + "ready to continue the work with our partners on the ground.\n"
            + "The Syrian army has guaranteed the safety of the civilians who leave the city.\n"
            + "Question (TASS): And the operation in Mosul?\n"
            + "Sergey Lavrov: We are following it closely, and we are concerned by the reports of\n"
            + "civilian casualties in the city's suburbs.\n";
    Path file = Files.writeString(corpus.resolve("one-paragraph.md"), text);

    FinishedTranscript document = parse(DEFAULTS, file).documents().get(0);

    assertEquals(List.of(Q, A, Q, A), roles(document));
    assertEquals(
        "The corridors are open and the convoys are moving, and we are ready to continue the work"
            + " with our partners on the ground. The Syrian army has guaranteed the safety of the"
            + " civilians who leave the city.",
        document.turns().get(1).text(),
        "lines without a label stay in their paragraph");
  }

  @Test
  void aRepositorysReadmeOrLicenceIsNoTranscriptButATranscriptNamedAlikeIs() throws IOException {
    // A README long and English enough to pass as a statement if it were read.
    String readme =
        "# Corpus of ministry transcripts\n\nThis repository holds the remarks and answers to"
            + " media questions of the ministry, one Markdown file per transcript. ".repeat(5);
    for (String name :
        List.of("README.md", "readme.markdown", "LICENSE.md", "CHANGELOG.md", "README.en.md")) {
      RejectedInput reject = reject(name, readme);
      assertEquals(RejectReason.UNSUPPORTED_FORMAT, reject.reason(), name);
      assertTrue(reject.detail().contains("README.md"), reject.detail());
    }
    Path named = Files.writeString(corpus.resolve("readme-lavrov-2016-10-14.md"), readme);
    assertEquals(
        1, parse(DEFAULTS, named).documents().size(), "only the whole name is the README's");
  }

  @Test
  void anEmptyFrontMatterIsNoMetadataAndAThematicBreakLaterIsNotFrontMatter() throws IOException {
    String text =
        "---\n---\n\n**Sergey Lavrov:** "
            + "We discussed the situation in Aleppo and the humanitarian pause. ".repeat(5)
            + "\n\n---\n\n**Question:** What about Mosul?\n";
    Path file = Files.writeString(corpus.resolve("empty-front-matter.md"), text);

    TranscriptParserTest.ReadAndFinished parsed = parse(DEFAULTS, file);

    assertEquals(List.of(), parsed.rejects());
    FinishedTranscript document = parsed.documents().get(0);
    assertNull(document.title());
    assertNull(document.date());
    assertEquals(List.of(S, Q), roles(document));
  }

  @Test
  void frontMatterFieldNamesComeFromTheSettings() throws IOException {
    ParserSettings headline =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            DEFAULTS.recordFields(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new ParserSettings.FrontMatterFields(
                List.of("headline"), List.of("published"), List.of("link"), List.of("ministry")));
    String text =
        "---\nheadline: Remarks by Sergey Lavrov on the situation in Syria\ntitle: ignored\n"
            + "published: 14.10.2016\ndate: 2001-01-01\nlink: https://www.mid.ru/en/1\n"
            + "ministry: mfa-russia\n---\n\n**Sergey Lavrov:** "
            + "We discussed the situation in Aleppo and the humanitarian pause. ".repeat(5);
    Path file = Files.writeString(corpus.resolve("named.md"), text);

    FinishedTranscript document = parse(headline, file).documents().get(0);

    assertEquals("Remarks by Sergey Lavrov on the situation in Syria", document.title());
    assertEquals(LocalDate.of(2016, 10, 14), document.date());
    assertEquals("https://www.mid.ru/en/1", document.url());
    assertEquals("mfa-russia", document.source());
    assertEquals(
        Set.of("Sergey Lavrov"),
        document.turns().stream().map(Turn::speaker).collect(Collectors.toSet()));
  }
}
