package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptParserTest {
  private static final ParserSettings.JsonFields JSON_FIELDS =
      new ParserSettings.JsonFields("text", "title", "date", "url", "source");
  /** The shipped defaults: 50 MiB, 200 letters, no source rules. */
  private static final ParserSettings DEFAULTS =
      new ParserSettings(50L * 1024 * 1024, 200, JSON_FIELDS, List.of());
  private static final List<String> BOILERPLATE =
      List.of("Embassy", "Tel.", "Fax", "Adress", "Top100", "English", "Türkçe", "consular issues",
          "press issues", "Ankara");

  private static final Path SEED =
      Path.of("..", "shared", "corpora", "seed", "mfa-2017-03-14-lavrov-gakosso.txt");

  @TempDir Path corpus;

  /** Writes a file under corpus/folder/ and parses it as the job would, by its file: path. */
  private ParsedInput parseFile(ParserSettings settings, String folder, String name, byte[] bytes)
      throws IOException {
    Path file = Files.createDirectories(corpus.resolve(folder)).resolve(name);
    Files.write(file, bytes);
    return new TranscriptParser(settings).parse(file.toUri().toString(), Files.readAllBytes(file));
  }

  private ParsedInput parseFile(String folder, String name, String text) throws IOException {
    return parseFile(DEFAULTS, folder, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static ParsedDocument onlyDocument(ParsedInput input) {
    assertEquals(List.of(), input.rejects(), "rejects");
    assertEquals(1, input.documents().size(), "documents");
    return input.documents().get(0);
  }

  private static RejectedInput onlyReject(ParsedInput input) {
    assertEquals(List.of(), input.documents(), "documents");
    assertEquals(1, input.rejects().size(), "rejects");
    return input.rejects().get(0);
  }

  private static List<SpeakerRole> roles(ParsedDocument document) {
    return document.turns().stream().map(Turn::role).toList();
  }

  private static void assertNoBoilerplateInAnyTurn(ParsedDocument document) {
    for (Turn turn : document.turns()) {
      for (String furniture : BOILERPLATE) {
        assertFalse(turn.text().contains(furniture), "'" + furniture + "' in turn: " + turn.text());
      }
    }
  }

  @Test
  void savedTextPageGivesOneDocumentWithMetadataAndTurnsWithoutTheSite() throws IOException {
    ParsedInput input =
        parseFile("mfa-russia", "mfa-2017-03-14-lavrov-gakosso.txt", MinistrySnippets.savedPage());

    ParsedDocument document = onlyDocument(input);
    assertTrue(document.sourcePath().startsWith("file:"), document.sourcePath());
    assertTrue(document.sourcePath().endsWith("/mfa-russia/mfa-2017-03-14-lavrov-gakosso.txt"));
    assertEquals(InputFormat.TXT, document.format());
    assertEquals("UTF-8", document.encoding());
    assertEquals(MinistrySnippets.TITLE, document.title());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("Moscow", document.place());
    assertEquals("mfa-russia", document.source());
    assertNull(document.url());
    assertEquals("en", document.language());
    assertEquals(
        List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
        roles(document));
    assertEquals("Sergey Lavrov", document.turns().get(1).speaker());
    assertEquals(
        MinistrySnippets.body(MinistrySnippets.ANSWER_1) + "\n\n" + MinistrySnippets.ANSWER_1_CONTINUED,
        document.turns().get(1).text());
    assertFalse(document.turns().get(0).text().contains(MinistrySnippets.TITLE.substring(0, 30)),
        "the title is not a turn");
    assertNoBoilerplateInAnyTurn(document);
    assertEquals(
        document.turns().stream().map(Turn::text).collect(Collectors.joining("\n\n")), document.text());
    assertEquals(ContentHash.of(document.text()), document.docId());
  }

  @Test
  void samePageWithBomAndWindowsLineEndingsIsTheSameDocument() throws IOException {
    String windows = MinistrySnippets.savedPage().replace("\n", "\r\n");
    byte[] body = windows.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ParsedDocument unix = onlyDocument(parseFile("mfa-russia", "lavrov.txt", MinistrySnippets.savedPage()));
    ParsedDocument saved = onlyDocument(parseFile(DEFAULTS, "mirror", "lavrov-copy.txt", withBom));

    assertEquals("UTF-8-BOM", saved.encoding());
    assertEquals(MinistrySnippets.TITLE, saved.title());
    assertEquals(unix.turns(), saved.turns());
    assertEquals(unix.docId(), saved.docId());
    assertEquals("mirror", saved.source());
  }

  @Test
  void savedPageWithoutTitleLineKeepsItsTextAndHasNoMetadata() throws IOException {
    String page =
        String.join(
            "\n",
            MinistrySnippets.LANGUAGE_MENU,
            MinistrySnippets.TEL,
            "",
            MinistrySnippets.QUESTION_1,
            "",
            MinistrySnippets.ANSWER_1,
            "",
            MinistrySnippets.ANSWER_1_CONTINUED,
            MinistrySnippets.COUNTER);

    ParsedDocument document = onlyDocument(parseFile("mfa-russia", "untitled.txt", page));

    assertNull(document.title());
    assertNull(document.date());
    assertNull(document.place());
    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(document));
    assertNoBoilerplateInAnyTurn(document);
  }

  @Test
  void htmlPageGivesOneDocumentFromItsArticle() throws IOException {
    String html =
        HtmlContentExtractorTest.articlePage("<time datetime=\"2017-03-14\">14 March 2017, 15:20</time>");

    ParsedDocument document = onlyDocument(parseFile("mfa-russia", "lavrov-gakosso.html", html));

    assertEquals(InputFormat.HTML, document.format());
    assertEquals(HtmlContentExtractorTest.ARTICLE_TITLE, document.title());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("Moscow", document.place());
    assertEquals("mfa-russia", document.source());
    assertEquals(
        List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
        roles(document));
    assertEquals("Sergey Lavrov", document.turns().get(3).speaker());
    assertTrue(document.turns().get(1).text().contains("\n\nJust as the media created"));
    assertFalse(document.turns().get(0).text().contains("\u00a0"));
    for (Turn turn : document.turns()) {
      for (String furniture : List.of("Home", "Press service", "Share this", "Twitter", "Top100", "©", "Türkçe")) {
        assertFalse(turn.text().contains(furniture), "'" + furniture + "' in turn: " + turn.text());
      }
    }
  }

  @Test
  void htmlPageWithoutADateElementTakesTheDateFromItsTitle() throws IOException {
    String html = HtmlContentExtractorTest.articlePage("");

    ParsedDocument document = onlyDocument(parseFile("mfa-russia", "lavrov-gakosso.htm", html));

    assertEquals(InputFormat.HTML, document.format());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
  }

  private static final String JSONL_RECORD_1 =
      "{\"title\": \"Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November 3,"
          + " 2016\", \"date\": \"2016-11-03\", \"url\":"
          + " \"http://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2509452\","
          + " \"source\": \"mfa-russia\", \"text\": \"Question: How would you comment on the reports of"
          + " civilian casualties in Mosul?\\n\\nMaria Zakharova: We are following the developments in"
          + " Mosul with great concern. According to the United Nations, tens of thousands of civilians"
          + " have already fled the city, and their number is growing every day. We call on the"
          + " coalition to do everything to protect the civilians.\\nTel.: +7 (499) 244-16-06\"}";
  private static final String JSONL_MALFORMED =
      "{\"title\": \"Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November 10,"
          + " 2016\", \"text\": \"Question: What about the humanitarian pause in Aleppo?";
  private static final String JSONL_NO_TEXT =
      "{\"title\": \"Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November 17,"
          + " 2016\", \"date\": \"2016-11-17\"}";
  private static final String JSONL_RECORD_4 =
      "{\"title\": \"Foreign Minister Sergey Lavrov’s remarks at a news conference on the results of"
          + " Russian diplomacy in 2016, Moscow, January 17, 2017\", \"text\": \"Sergey Lavrov: Good"
          + " afternoon. The past year was not an easy one. The situation in Syria, Iraq, Yemen and"
          + " Libya remained very serious, and the terrorist threat has not diminished.\\n\\nQuestion:"
          + " What are the prospects for the talks in Astana?\\n\\nSergey Lavrov: We hope that the"
          + " meeting in Astana will consolidate the ceasefire.\"}";

  @Test
  void jsonLinesFileGivesItsGoodRecordsAndRejectsTheBadOnesByLineNumber() throws IOException {
    String jsonl = String.join("\n", JSONL_RECORD_1, JSONL_MALFORMED, JSONL_NO_TEXT, JSONL_RECORD_4) + "\n";

    ParsedInput input = parseFile("feeds", "briefings.jsonl", jsonl);

    assertEquals(2, input.documents().size(), input.rejects().toString());
    ParsedDocument first = input.documents().get(0);
    ParsedDocument fourth = input.documents().get(1);
    assertTrue(first.sourcePath().endsWith("/feeds/briefings.jsonl#1"), first.sourcePath());
    assertTrue(fourth.sourcePath().endsWith("/feeds/briefings.jsonl#4"), fourth.sourcePath());
    assertEquals(InputFormat.JSONL, first.format());

    assertEquals(LocalDate.of(2016, 11, 3), first.date());
    assertEquals("Moscow", first.place());
    assertEquals("mfa-russia", first.source(), "the record's source field");
    assertEquals(
        "http://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2509452",
        first.url());
    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(first));
    assertEquals("Maria Zakharova", first.turns().get(1).speaker());
    assertFalse(first.text().contains("Tel."), "boilerplate lines of a record's text are dropped");

    assertEquals(LocalDate.of(2017, 1, 17), fourth.date(), "the date of the title");
    assertEquals("feeds", fourth.source(), "without a source field, the folder");
    assertNull(fourth.url());
    assertEquals(
        List.of(SpeakerRole.STATEMENT, SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(fourth));

    assertEquals(2, input.rejects().size());
    RejectedInput malformed = input.rejects().get(0);
    RejectedInput noText = input.rejects().get(1);
    assertTrue(malformed.sourcePath().endsWith("/feeds/briefings.jsonl#2"), malformed.sourcePath());
    assertEquals(RejectReason.MALFORMED_RECORD, malformed.reason());
    assertEquals(JSONL_MALFORMED.getBytes(StandardCharsets.UTF_8).length, malformed.bytes());
    assertTrue(noText.sourcePath().endsWith("/feeds/briefings.jsonl#3"), noText.sourcePath());
    assertEquals(RejectReason.MALFORMED_RECORD, noText.reason());
    assertTrue(noText.detail().contains("'text'"), noText.detail());
  }

  @Test
  void jsonLinesLineNumbersCountBlankLinesAndRejectNonObjects() throws IOException {
    String jsonl = "\n" + JSONL_RECORD_1 + "\n\n[\"Question: a record that is an array\"]\n" + JSONL_RECORD_4;

    ParsedInput input = parseFile("feeds", "briefings.jsonl", jsonl);

    assertEquals(2, input.documents().size(), input.rejects().toString());
    assertTrue(input.documents().get(0).sourcePath().endsWith("#2"));
    assertTrue(input.documents().get(1).sourcePath().endsWith("#5"));
    RejectedInput array = onlyRejectOf(input);
    assertTrue(array.sourcePath().endsWith("#4"), array.sourcePath());
    assertEquals(RejectReason.MALFORMED_RECORD, array.reason());
  }

  private static RejectedInput onlyRejectOf(ParsedInput input) {
    assertEquals(1, input.rejects().size(), input.rejects().toString());
    return input.rejects().get(0);
  }

  @Test
  void jsonLinesFieldNamesComeFromTheSettings() throws IOException {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            new ParserSettings.JsonFields("body", "headline", "published", "link", "ministry"),
            List.of());
    String record =
        JSONL_RECORD_1
            .replace("\"text\":", "\"body\":")
            .replace("\"title\":", "\"headline\":")
            .replace("\"date\": \"2016-11-03\"", "\"published\": \"03.11.2016\"")
            .replace("\"url\":", "\"link\":")
            .replace("\"source\":", "\"ministry\":");

    ParsedDocument document =
        onlyDocument(parseFile(settings, "feeds", "briefings.jsonl", record.getBytes(StandardCharsets.UTF_8)));

    assertTrue(document.title().startsWith("Briefing by Foreign Ministry Spokesperson"));
    assertEquals(LocalDate.of(2016, 11, 3), document.date());
    assertEquals("mfa-russia", document.source());
    assertTrue(document.url().endsWith("/2509452"));
  }

  @Test
  void jsonRecordWithARawLineSeparatorInItsTextIsOneRecord() throws IOException {
    String record = JSONL_RECORD_4.replace("The past year was not an easy one. ", "The past year was not an easy one.\u2028");

    ParsedInput input = parseFile("feeds", "briefings.jsonl", record + "\n");

    assertEquals(List.of(), input.rejects());
    assertEquals(1, input.documents().size());
  }

  @Test
  void unsupportedExtensionIsRejected() throws IOException {
    for (String name : List.of("lavrov-gakosso.pdf", "lavrov-gakosso.docx", "README")) {
      byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);
      RejectedInput reject = onlyReject(parseFile(DEFAULTS, "mfa-russia", name, bytes));

      assertEquals(RejectReason.UNSUPPORTED_FORMAT, reject.reason(), name);
      assertTrue(reject.sourcePath().endsWith("/mfa-russia/" + name), reject.sourcePath());
      assertEquals(bytes.length, reject.bytes());
    }
  }

  @Test
  void fileLargerThanTheLimitIsRejectedAsTooLarge() throws IOException {
    ParserSettings small = new ParserSettings(1024, 200, JSON_FIELDS, List.of());
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);
    assertTrue(bytes.length > 1024);

    RejectedInput reject = onlyReject(parseFile(small, "mfa-russia", "lavrov.txt", bytes));

    assertEquals(RejectReason.TOO_LARGE, reject.reason());
    assertEquals(bytes.length, reject.bytes());
    assertTrue(reject.detail().contains("ingest.max-file-bytes"), reject.detail());
  }

  @Test
  void fileOfExactlyTheLimitIsRead() throws IOException {
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);
    ParserSettings exact = new ParserSettings(bytes.length, 200, JSON_FIELDS, List.of());

    onlyDocument(parseFile(exact, "mfa-russia", "lavrov.txt", bytes));
  }

  @Test
  void pageWithLittleTextLeftAfterCleaningIsNoText() throws IOException {
    String page =
        String.join(
            "\n",
            MinistrySnippets.LANGUAGE_MENU,
            MinistrySnippets.EMBASSY,
            MinistrySnippets.EMBASSY_COUNTRY,
            MinistrySnippets.ADDRESS,
            MinistrySnippets.TEL,
            MinistrySnippets.FAX,
            "",
            MinistrySnippets.TITLE,
            "",
            "Question: Will the talks in Astana take place?",
            "",
            "Sergey Lavrov: Yes, they will.",
            "",
            MinistrySnippets.COUNTER);

    RejectedInput reject = onlyReject(parseFile("mfa-russia", "short.txt", page));

    assertEquals(RejectReason.NO_TEXT, reject.reason());
    assertTrue(reject.detail().contains("ingest.min-text-chars = 200"), reject.detail());
  }

  @Test
  void frenchTranscriptIsNotEnglish() throws IOException {
    String page =
        String.join(
            "\n",
            "Russe | Anglais | Français",
            "",
            "Conférence de presse du ministre des Affaires étrangères Sergueï Lavrov, Moscou, 14 mars 2017",
            "",
            "Question : " + LanguageGuesserTest.FRENCH,
            "",
            "Sergueï Lavrov : " + LanguageGuesserTest.FRENCH);

    RejectedInput reject = onlyReject(parseFile("mfa-france", "lavrov-fr.txt", page));

    assertEquals(RejectReason.NOT_ENGLISH, reject.reason());
  }

  @Test
  void windows1251FileIsUndecodable() throws IOException {
    byte[] cp1251 =
        ("Посольство Российской Федерации в Турции\n\nВопрос: Почему гражданские лица в Мосуле"
                + " интересуют международные СМИ меньше?")
            .getBytes(Charset.forName("windows-1251"));

    RejectedInput reject = onlyReject(parseFile(DEFAULTS, "mfa-russia", "lavrov-ru.txt", cp1251));

    assertEquals(RejectReason.UNDECODABLE, reject.reason());
    assertEquals(cp1251.length, reject.bytes());
  }

  @Test
  void emptyFileIsEmpty() throws IOException {
    RejectedInput reject = onlyReject(parseFile(DEFAULTS, "mfa-russia", "empty.html", new byte[0]));

    assertEquals(RejectReason.EMPTY, reject.reason());
  }

  @Test
  void firstSourceRuleThatMatchesThePathNamesTheSource() {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            JSON_FIELDS,
            List.of(
                new ParserSettings.SourceRule("/mid.ru/", "mfa-russia"),
                new ParserSettings.SourceRule("/mirror/", "mirror"),
                new ParserSettings.SourceRule("/turkey.mid.ru/", "embassy-turkey")));
    TranscriptParser parser = new TranscriptParser(settings);
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);

    assertEquals(
        "mfa-russia",
        onlyDocument(parser.parse("hdfs://nn/crawl/mirror/mid.ru/en/lavrov.txt", bytes)).source());
    assertEquals(
        "mirror", onlyDocument(parser.parse("hdfs://nn/crawl/mirror/turkey.mid.ru/lavrov.txt", bytes)).source());
    assertEquals(
        "2017-03", onlyDocument(parser.parse("file:/data/crawl/2017-03/lavrov.txt", bytes)).source());
  }

  @Test
  void fileWithoutAFolderHasNoSource() {
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);

    assertNull(onlyDocument(new TranscriptParser(DEFAULTS).parse("lavrov.txt", bytes)).source());
    // A file at the root of a file system: neither the name node nor the scheme is a source.
    assertNull(onlyDocument(new TranscriptParser(DEFAULTS).parse("hdfs://nn/lavrov.txt", bytes)).source());
    assertNull(onlyDocument(new TranscriptParser(DEFAULTS).parse("file:/lavrov.txt", bytes)).source());
  }

  @Test
  void sourceRuleWinsOverTheRecordsSourceField() {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            JSON_FIELDS,
            List.of(new ParserSettings.SourceRule("/ostland/", "mfa-ostland")));

    ParsedInput input =
        new TranscriptParser(settings)
            .parse("file:/data/feeds/ostland/briefings.jsonl", JSONL_RECORD_1.getBytes(StandardCharsets.UTF_8));

    assertEquals("mfa-ostland", onlyDocument(input).source());
  }

  @Test
  void realSeedTranscriptParsesIntoQuestionsAndLavrovsAnswers() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(SEED),
        "the shared seed transcript is not at " + SEED.toAbsolutePath().normalize());
    byte[] bytes = Files.readAllBytes(SEED);

    ParsedDocument document =
        onlyDocument(new TranscriptParser(DEFAULTS).parse(SEED.toUri().toString(), bytes));

    assertTrue(document.title().endsWith("Moscow, March 14, 2017"), document.title());
    assertTrue(document.title().startsWith("Foreign Minister Sergey Lavrov’s remarks"), document.title());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("Moscow", document.place());
    assertEquals("seed", document.source());
    assertEquals(SpeakerRole.QUESTION, document.turns().get(0).role());
    assertTrue(document.turns().get(0).text().startsWith("Russia Today has shot a lot of footage in Iraq"));
    assertEquals("Sergey Lavrov", document.turns().get(1).speaker());
    assertEquals(SpeakerRole.ANSWER, document.turns().get(1).role());
    assertEquals(
        List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER, SpeakerRole.QUESTION, SpeakerRole.ANSWER),
        roles(document));
    assertTrue(document.turns().get(3).text().endsWith("UN Security Council Resolution 2254."));
    for (Turn turn : document.turns()) {
      for (String furniture : List.of("Embassy", "Tel.", "Fax", "Adress", "Top100", "English")) {
        assertFalse(turn.text().contains(furniture), "'" + furniture + "' in turn: " + turn.text());
      }
    }
  }

  @Test
  void dateLineAboveTheTitleDoesNotTakeItsPlace() throws IOException {
    String page =
        MinistrySnippets.savedPage()
            .replace(MinistrySnippets.TITLE, "Tuesday, 14 March 2017, 15:20\n\n" + MinistrySnippets.TITLE);

    ParsedDocument document = onlyDocument(parseFile("mfa-russia", "lavrov.txt", page));

    assertEquals(MinistrySnippets.TITLE, document.title());
    assertEquals("Moscow", document.place());
    assertEquals(SpeakerRole.QUESTION, document.turns().get(0).role());
  }
}
