package org.discourseatlas.parse;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.discourseatlas.decode.EnglishProseCheckTest;
import org.discourseatlas.decode.HtmlContentExtractorTest;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.testing.MinistrySnippets;
import org.discourseatlas.turns.SpeakerRole;
import org.discourseatlas.turns.Turn;
import org.discourseatlas.turns.TurnSegmenter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptParserTest {
  private static final ParserSettings.RecordFields RECORD_FIELDS =
      new ParserSettings.RecordFields("text", "title", "date", "url", "source");

  /** The shipped defaults: 50 MiB, 200 letters, no source rules. */
  private static final ParserSettings DEFAULTS =
      new ParserSettings(50L * 1024 * 1024, 200, RECORD_FIELDS, List.of());

  private static final List<String> BOILERPLATE =
      List.of(
          "Embassy",
          "Tel.",
          "Fax",
          "Adress",
          "Top100",
          "English",
          "Türkçe",
          "consular issues",
          "press issues",
          "Ankara");

  private static final Path SEED =
      Path.of("..", "shared", "corpora", "seed", "mfa-2017-03-14-lavrov-gakosso.txt");

  @TempDir Path corpus;

  /** What one input file gave once read and finished: its transcripts and its rejected parts. */
  record ReadAndFinished(List<FinishedTranscript> documents, List<RejectedInput> rejects) {}

  /**
   * Reads a file and finishes its drafts as the job does ({@code TranscriptIngest.read}, then
   * {@code TranscriptIngest.finish}), here with no corpus-learned boilerplate; the rejects of
   * reading come first, then those of finishing.
   */
  static ReadAndFinished readAndFinish(ParserSettings settings, String sourcePath, byte[] bytes) {
    ReadResult read = new TranscriptParser(settings).read(sourcePath, bytes);
    TranscriptFinisher finisher = new TranscriptFinisher(settings);
    List<FinishedTranscript> documents = new ArrayList<>();
    List<RejectedInput> rejects = new ArrayList<>(read.rejects());
    for (DraftTranscript draft : read.drafts()) {
      try {
        documents.add(finisher.finish(draft, Set.of()));
      } catch (RejectedInputException e) {
        rejects.add(new RejectedInput(draft.sourcePath(), e.reason(), e.detail(), draft.bytes()));
      }
    }
    return new ReadAndFinished(documents, rejects);
  }

  /**
   * Writes a file under corpus/folder/ and reads and finishes it as the job would, by its file:
   * path.
   */
  private ReadAndFinished parseFile(
      ParserSettings settings, String folder, String name, byte[] bytes) throws IOException {
    Path file = Files.createDirectories(corpus.resolve(folder)).resolve(name);
    Files.write(file, bytes);
    return readAndFinish(settings, file.toUri().toString(), Files.readAllBytes(file));
  }

  private ReadAndFinished parseFile(String folder, String name, String text) throws IOException {
    return parseFile(DEFAULTS, folder, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FinishedTranscript onlyDocument(ReadAndFinished input) {
    assertEquals(List.of(), input.rejects(), "rejects");
    assertEquals(1, input.documents().size(), "documents");
    return input.documents().get(0);
  }

  private static RejectedInput onlyReject(ReadAndFinished input) {
    assertEquals(List.of(), input.documents(), "documents");
    assertEquals(1, input.rejects().size(), "rejects");
    return input.rejects().get(0);
  }

  private static List<SpeakerRole> roles(FinishedTranscript document) {
    return document.turns().stream().map(Turn::role).toList();
  }

  private static void assertNoBoilerplateInAnyTurn(FinishedTranscript document) {
    for (Turn turn : document.turns()) {
      for (String furniture : BOILERPLATE) {
        assertFalse(turn.text().contains(furniture), "'" + furniture + "' in turn: " + turn.text());
      }
    }
  }

  @Test
  void savedTextPageGivesOneDocumentWithMetadataAndTurnsWithoutTheSite() throws IOException {
    ReadAndFinished input =
        parseFile("mfa-russia", "mfa-2017-03-14-lavrov-gakosso.txt", MinistrySnippets.savedPage());

    FinishedTranscript document = onlyDocument(input);
    assertTrue(document.sourcePath().startsWith("file:"), document.sourcePath());
    assertTrue(document.sourcePath().endsWith("/mfa-russia/mfa-2017-03-14-lavrov-gakosso.txt"));
    assertEquals("txt", document.format());
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
        MinistrySnippets.body(MinistrySnippets.ANSWER_1)
            + "\n\n"
            + MinistrySnippets.ANSWER_1_CONTINUED,
        document.turns().get(1).text());
    assertFalse(
        document.turns().get(0).text().contains(MinistrySnippets.TITLE.substring(0, 30)),
        "the title is not a turn");
    assertNoBoilerplateInAnyTurn(document);
    assertEquals(
        document.turns().stream().map(Turn::text).collect(Collectors.joining("\n\n")),
        document.text());
    assertEquals(DocumentId.of(document.text()), document.docId());
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

    FinishedTranscript unix =
        onlyDocument(parseFile("mfa-russia", "lavrov.txt", MinistrySnippets.savedPage()));
    FinishedTranscript saved =
        onlyDocument(parseFile(DEFAULTS, "mirror", "lavrov-copy.txt", withBom));

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

    FinishedTranscript document = onlyDocument(parseFile("mfa-russia", "untitled.txt", page));

    assertNull(document.title());
    assertNull(document.date());
    assertNull(document.place());
    assertEquals(List.of(SpeakerRole.QUESTION, SpeakerRole.ANSWER), roles(document));
    assertNoBoilerplateInAnyTurn(document);
  }

  @Test
  void htmlPageGivesOneDocumentFromItsArticle() throws IOException {
    String html =
        HtmlContentExtractorTest.articlePage(
            "<time datetime=\"2017-03-14\">14 March 2017, 15:20</time>");

    FinishedTranscript document =
        onlyDocument(parseFile("mfa-russia", "lavrov-gakosso.html", html));

    assertEquals("html", document.format());
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
      for (String furniture :
          List.of("Home", "Press service", "Share this", "Twitter", "Top100", "©", "Türkçe")) {
        assertFalse(turn.text().contains(furniture), "'" + furniture + "' in turn: " + turn.text());
      }
    }
  }

  @Test
  void htmlPageWithoutADateElementTakesTheDateFromItsTitle() throws IOException {
    String html = HtmlContentExtractorTest.articlePage("");

    FinishedTranscript document = onlyDocument(parseFile("mfa-russia", "lavrov-gakosso.htm", html));

    assertEquals("html", document.format());
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
    String jsonl =
        String.join("\n", JSONL_RECORD_1, JSONL_MALFORMED, JSONL_NO_TEXT, JSONL_RECORD_4) + "\n";

    ReadAndFinished input = parseFile("feeds", "briefings.jsonl", jsonl);

    assertEquals(2, input.documents().size(), input.rejects().toString());
    FinishedTranscript first = input.documents().get(0);
    FinishedTranscript fourth = input.documents().get(1);
    assertTrue(first.sourcePath().endsWith("/feeds/briefings.jsonl#1"), first.sourcePath());
    assertTrue(fourth.sourcePath().endsWith("/feeds/briefings.jsonl#4"), fourth.sourcePath());
    assertEquals("jsonl", first.format());

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
    String jsonl =
        "\n" + JSONL_RECORD_1 + "\n\n[\"Question: a record that is an array\"]\n" + JSONL_RECORD_4;

    ReadAndFinished input = parseFile("feeds", "briefings.jsonl", jsonl);

    assertEquals(2, input.documents().size(), input.rejects().toString());
    assertTrue(input.documents().get(0).sourcePath().endsWith("#2"));
    assertTrue(input.documents().get(1).sourcePath().endsWith("#5"));
    RejectedInput array = onlyRejectOf(input);
    assertTrue(array.sourcePath().endsWith("#4"), array.sourcePath());
    assertEquals(RejectReason.MALFORMED_RECORD, array.reason());
  }

  private static RejectedInput onlyRejectOf(ReadAndFinished input) {
    assertEquals(1, input.rejects().size(), input.rejects().toString());
    return input.rejects().get(0);
  }

  @Test
  void jsonLinesFieldNamesComeFromTheSettings() throws IOException {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            new ParserSettings.RecordFields("body", "headline", "published", "link", "ministry"),
            List.of());
    String record =
        JSONL_RECORD_1
            .replace("\"text\":", "\"body\":")
            .replace("\"title\":", "\"headline\":")
            .replace("\"date\": \"2016-11-03\"", "\"published\": \"03.11.2016\"")
            .replace("\"url\":", "\"link\":")
            .replace("\"source\":", "\"ministry\":");

    FinishedTranscript document =
        onlyDocument(
            parseFile(
                settings, "feeds", "briefings.jsonl", record.getBytes(StandardCharsets.UTF_8)));

    assertTrue(document.title().startsWith("Briefing by Foreign Ministry Spokesperson"));
    assertEquals(LocalDate.of(2016, 11, 3), document.date());
    assertEquals("mfa-russia", document.source());
    assertTrue(document.url().endsWith("/2509452"));
  }

  @Test
  void jsonRecordWithARawLineSeparatorInItsTextIsOneRecord() throws IOException {
    String record =
        JSONL_RECORD_4.replace(
            "The past year was not an easy one. ", "The past year was not an easy one.\u2028");

    ReadAndFinished input = parseFile("feeds", "briefings.jsonl", record + "\n");

    assertEquals(List.of(), input.rejects());
    assertEquals(1, input.documents().size());
  }

  @Test
  void unsupportedExtensionIsRejected() throws IOException {
    for (String name : List.of("lavrov-gakosso.pdf", "lavrov-gakosso.docx", "README.md")) {
      byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);
      RejectedInput reject = onlyReject(parseFile(DEFAULTS, "mfa-russia", name, bytes));

      assertEquals(RejectReason.UNSUPPORTED_FORMAT, reject.reason(), name);
      assertTrue(reject.sourcePath().endsWith("/mfa-russia/" + name), reject.sourcePath());
      assertEquals(bytes.length, reject.bytes());
    }
  }

  @Test
  void fileLargerThanTheLimitIsRejectedAsTooLarge() throws IOException {
    ParserSettings small = new ParserSettings(1024, 200, RECORD_FIELDS, List.of());
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
    ParserSettings exact = new ParserSettings(bytes.length, 200, RECORD_FIELDS, List.of());

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
            "Question : " + EnglishProseCheckTest.FRENCH,
            "",
            "Sergueï Lavrov : " + EnglishProseCheckTest.FRENCH);

    RejectedInput reject = onlyReject(parseFile("mfa-france", "lavrov-fr.txt", page));

    assertEquals(RejectReason.LANGUAGE, reject.reason());
  }

  @Test
  void windows1251RussianFileIsDecodedThenRejectedForItsLanguage() throws IOException {
    String question =
        "Вопрос: Почему гражданские лица в Мосуле интересуют международные СМИ меньше, чем жители"
            + " восточного Алеппо во время его освобождения в декабре прошлого года? Международное"
            + " сообщество молчит, хотя коалиция наносит удары по жилым кварталам города.";
    byte[] cp1251 =
        ("Посольство Российской Федерации в Турции\n\n" + question + "\n\n" + question)
            .getBytes(Charset.forName("windows-1251"));

    RejectedInput reject = onlyReject(parseFile(DEFAULTS, "mfa-russia", "lavrov-ru.txt", cp1251));

    assertEquals(RejectReason.LANGUAGE, reject.reason());
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
            RECORD_FIELDS,
            List.of(
                new ParserSettings.SourceRule("/mid.ru/", "mfa-russia"),
                new ParserSettings.SourceRule("/mirror/", "mirror"),
                new ParserSettings.SourceRule("/turkey.mid.ru/", "embassy-turkey")));
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);

    assertEquals(
        "mfa-russia",
        onlyDocument(readAndFinish(settings, "hdfs://nn/crawl/mirror/mid.ru/en/lavrov.txt", bytes))
            .source());
    assertEquals(
        "mirror",
        onlyDocument(
                readAndFinish(settings, "hdfs://nn/crawl/mirror/turkey.mid.ru/lavrov.txt", bytes))
            .source());
    assertEquals(
        "2017-03",
        onlyDocument(readAndFinish(settings, "file:/data/crawl/2017-03/lavrov.txt", bytes))
            .source());
  }

  @Test
  void fileWithoutAFolderHasNoSource() {
    byte[] bytes = MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8);

    assertNull(onlyDocument(readAndFinish(DEFAULTS, "lavrov.txt", bytes)).source());
    // A file at the root of a file system: neither the name node nor the scheme is a source.
    assertNull(onlyDocument(readAndFinish(DEFAULTS, "hdfs://nn/lavrov.txt", bytes)).source());
    assertNull(onlyDocument(readAndFinish(DEFAULTS, "file:/lavrov.txt", bytes)).source());
  }

  @Test
  void sourceRuleWinsOverTheRecordsSourceField() {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            RECORD_FIELDS,
            List.of(new ParserSettings.SourceRule("/ostland/", "mfa-ostland")));

    ReadAndFinished input =
        readAndFinish(
            settings,
            "file:/data/feeds/ostland/briefings.jsonl",
            JSONL_RECORD_1.getBytes(StandardCharsets.UTF_8));

    assertEquals("mfa-ostland", onlyDocument(input).source());
  }

  @Test
  void realSeedTranscriptParsesIntoQuestionsAndLavrovsAnswers() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(SEED),
        "the shared seed transcript is not at " + SEED.toAbsolutePath().normalize());
    byte[] bytes = Files.readAllBytes(SEED);

    FinishedTranscript document =
        onlyDocument(readAndFinish(DEFAULTS, SEED.toUri().toString(), bytes));

    assertTrue(document.title().endsWith("Moscow, March 14, 2017"), document.title());
    assertTrue(
        document.title().startsWith("Foreign Minister Sergey Lavrov’s remarks"), document.title());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("Moscow", document.place());
    assertEquals("seed", document.source());
    assertEquals(SpeakerRole.QUESTION, document.turns().get(0).role());
    assertTrue(
        document
            .turns()
            .get(0)
            .text()
            .startsWith("Russia Today has shot a lot of footage in Iraq"));
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
            .replace(
                MinistrySnippets.TITLE,
                "Tuesday, 14 March 2017, 15:20\n\n" + MinistrySnippets.TITLE);

    FinishedTranscript document = onlyDocument(parseFile("mfa-russia", "lavrov.txt", page));

    assertEquals(MinistrySnippets.TITLE, document.title());
    assertEquals("Moscow", document.place());
    assertEquals(SpeakerRole.QUESTION, document.turns().get(0).role());
  }

  @Test
  void aFileWithoutAnExtensionIsSniffedAsHtmlOrText() throws IOException {
    FinishedTranscript text =
        onlyDocument(parseFile("mfa-russia", "lavrov", MinistrySnippets.savedPage()));
    assertEquals("txt", text.format());
    assertEquals(LocalDate.of(2017, 3, 14), text.date());
    String page =
        "<!DOCTYPE html><html><head><title>Remarks, Moscow, March 14, 2017</title></head><body>"
            + "<nav><a href='/'>Home</a></nav><article><h1>Foreign Minister Sergey Lavrov’s remarks, Moscow, March 14, 2017</h1>"
            + "<p><strong>Question:</strong> Why are the civilians in Mosul less of a news story for the international media?</p>"
            + "<p><strong>Sergey Lavrov:</strong> I think the answer is quite simple and it lies in the fact that those who pose "
            + "as the world community in this case are egregiously biased. They are after regime change, not a settlement.</p>"
            + "</article></body></html>";
    FinishedTranscript html = onlyDocument(parseFile("mfa-russia", "lavrov.php", page));
    assertEquals("html", html.format());
    assertEquals("Sergey Lavrov", html.turns().get(1).speaker());
  }

  @Test
  void gzipCompressedInputsAreReadAsTheirInnerFormat() throws IOException {
    byte[] gz = gzip(MinistrySnippets.savedPage().getBytes(StandardCharsets.UTF_8));
    FinishedTranscript document =
        onlyDocument(parseFile(DEFAULTS, "mfa-russia", "lavrov.txt.gz", gz));
    assertEquals("txt.gz", document.format());
    assertEquals(
        onlyDocument(parseFile("mfa-russia", "lavrov.txt", MinistrySnippets.savedPage())).docId(),
        document.docId(),
        "the same transcript, compressed or not, is the same document");
  }

  @Test
  void aTruncatedOrCorruptGzipIsRejectedWithItsReason() throws IOException {
    byte[] gz = gzip(MinistrySnippets.savedPage().repeat(5).getBytes(StandardCharsets.UTF_8));
    RejectedInput cut =
        onlyReject(
            parseFile(
                DEFAULTS, "mfa-russia", "cut.txt.gz", java.util.Arrays.copyOf(gz, gz.length / 2)));
    assertEquals(RejectReason.TRUNCATED_GZIP, cut.reason());
    RejectedInput notGzip =
        onlyReject(
            parseFile(
                DEFAULTS,
                "mfa-russia",
                "fake.html.gz",
                "<html>not compressed</html>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(RejectReason.CORRUPT_GZIP, notGzip.reason());
  }

  @Test
  void aGzipThatInflatesBeyondTheLimitIsTooLarge() throws IOException {
    byte[] bomb = gzip(new byte[4 * 1024 * 1024]); // 4 MiB of zeros, a few KiB compressed
    ParserSettings small = new ParserSettings(1024 * 1024, 200, RECORD_FIELDS, List.of());
    RejectedInput reject = onlyReject(parseFile(small, "mfa-russia", "bomb.txt.gz", bomb));
    assertEquals(RejectReason.TOO_LARGE, reject.reason());
    assertEquals(bomb.length, reject.bytes());
  }

  @Test
  void csvRowsAreRecordsWithQuotedMultiLineTextAndRejectsByRowNumber() throws IOException {
    String csv =
        "date,title,text,url\n"
            + "2017-03-14,\"Remarks, Moscow\",\"Question: Why are the civilians in Mosul less of a news story for the"
            + " international media and the international community?\n\nSergey Lavrov: I think the answer is quite simple"
            + " and it lies in the fact that those, who pose as the world community in this case, are egregiously biased."
            + " They are after regime change, not a settlement of the Syrian crisis through diplomacy.\",https://www.mid.ru/en/1\n"
            + "2017-03-15,No text here,,https://www.mid.ru/en/2\n";
    ReadAndFinished input = parseFile("feeds", "briefings.csv", csv);
    assertEquals(1, input.documents().size());
    FinishedTranscript document = input.documents().get(0);
    assertTrue(document.sourcePath().endsWith("briefings.csv#1"), document.sourcePath());
    assertEquals("csv", document.format());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("metadata", document.dateSource());
    assertEquals("Sergey Lavrov", document.turns().get(1).speaker());
    assertEquals(1, input.rejects().size());
    assertTrue(input.rejects().get(0).sourcePath().endsWith("briefings.csv#2"));
    assertEquals(RejectReason.MALFORMED_RECORD, input.rejects().get(0).reason());
  }

  @Test
  void aCsvWithAnUnclosedQuoteRejectsTheRestOfTheFile() throws IOException {
    String good =
        String.join("\n\n", MinistrySnippets.QUESTION_1, MinistrySnippets.ANSWER_1)
            .replace("\"", "");
    String csv = "title,text\nGood,\"" + good + "\"\nBad,\"never closed\nand the file ends\n";
    ReadAndFinished input = parseFile("feeds", "broken.csv", csv);
    assertEquals(1, input.documents().size());
    RejectedInput reject = onlyRejectOf(input);
    assertEquals(RejectReason.MALFORMED_RECORD, reject.reason());
    assertTrue(reject.sourcePath().endsWith("broken.csv#2"), reject.sourcePath());
  }

  @Test
  void pathPatternFieldsBecomeMetadataAndCanDateTheDocument() throws IOException {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            RECORD_FIELDS,
            List.of(),
            List.of(
                new PathPattern("{country}_{session}_{year}.txt"),
                new PathPattern("{source}/{date}-*.txt")),
            List.of());
    String speech =
        String.join(
            "\n\n",
            MinistrySnippets.QUESTION_1,
            MinistrySnippets.ANSWER_1,
            MinistrySnippets.ANSWER_1_CONTINUED,
            MinistrySnippets.QUESTION_2,
            MinistrySnippets.ANSWER_2);
    FinishedTranscript un =
        onlyDocument(
            parseFile(
                settings,
                "Session 71 - 2016",
                "RUS_71_2016.txt",
                speech.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        java.util.Map.of("country", "RUS", "session", "71", "year", "2016"), un.pathFields());
    FinishedTranscript dated =
        onlyDocument(
            parseFile(
                settings,
                "mfa-x",
                "2017-03-14-lavrov.txt",
                speech.getBytes(StandardCharsets.UTF_8)));
    assertEquals("mfa-x", dated.source());
    assertEquals(LocalDate.of(2017, 3, 14), dated.date());
    assertEquals("path", dated.dateSource());
  }

  @Test
  void aHostRuleNamesTheSourceOfRecordsFromThatSite() throws IOException {
    ParserSettings settings =
        new ParserSettings(
            DEFAULTS.maxFileBytes(),
            DEFAULTS.minTextChars(),
            RECORD_FIELDS,
            List.of(new ParserSettings.SourceRule(null, "mid.ru", "mfa-russia")));
    String record =
        "{\"text\": \"Question: Why are the civilians in Mosul less of a news story for the international media?\\n\\n"
            + "Sergey Lavrov: I think the answer is quite simple and it lies in the fact that those who pose as the world"
            + " community in this case are egregiously biased. They are after regime change, not a settlement.\", "
            + "\"url\": \"https://www.mid.ru/en/foreign_policy/news/1\", \"source\": \"scraper-7\"}";
    FinishedTranscript document = onlyDocument(parseFile("feeds", "mid.jsonl", record));
    assertEquals(
        "scraper-7", document.source(), "without a rule the record's field names the source");
    FinishedTranscript ruled =
        onlyDocument(
            readAndFinish(
                settings, "file:/feeds/mid.jsonl", record.getBytes(StandardCharsets.UTF_8)));
    assertEquals("mfa-russia", ruled.source());
  }

  @Test
  void finishingDropsTheSourcesRepeatedLinesButNeverASpeakersTurn() throws Exception {
    String page =
        MinistrySnippets.savedPage()
            .replace("Rambler's Top100", "Press and Information Department");
    TranscriptParser parser = new TranscriptParser(DEFAULTS);
    TranscriptFinisher finisher = new TranscriptFinisher(DEFAULTS);
    DraftTranscript draft =
        parser.read("file:/mfa/a.txt", page.getBytes(StandardCharsets.UTF_8)).drafts().get(0);
    assertTrue(draft.body().stream().anyMatch(l -> l.contains("Press and Information Department")));
    FinishedTranscript finished =
        finisher.finish(
            draft,
            java.util.Set.of(
                TranscriptFinisher.lineKey("Press  and Information\u00a0Department"),
                TranscriptFinisher.lineKey(
                    draft.body().stream()
                        .filter(TurnSegmenter::startsWithSpeakerLabel)
                        .findFirst()
                        .orElseThrow())));
    assertFalse(finished.text().contains("Press and Information Department"));
    assertEquals(
        finisher.finish(draft, java.util.Set.of()).turns().size(),
        finished.turns().size(),
        "a labelled paragraph is never dropped, even when repeated");
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void aDatelineDatesAnUndatedTranscriptButADateInASentenceDoesNot() throws IOException {
    String body =
        String.join(
            "\n\n",
            MinistrySnippets.QUESTION_1,
            MinistrySnippets.ANSWER_1,
            MinistrySnippets.QUESTION_2);
    FinishedTranscript datelined =
        onlyDocument(parseFile("mfa", "a.txt", "Moscow, 14 March 2017\n\n" + body));
    assertEquals(LocalDate.of(2017, 3, 14), datelined.date());
    assertEquals("text", datelined.dateSource());
    FinishedTranscript mentioned =
        onlyDocument(
            parseFile(
                "mfa",
                "b.txt",
                "Since the attacks of 11 September 2001 the international community has fought terrorism together.\n\n"
                    + body));
    assertNull(mentioned.date(), "an event mentioned in a sentence is not the transcript's date");
  }

  @Test
  void hardWrappedLinesAreJoinedIntoTheirParagraph() {
    assertEquals(
        List.of(
            "We are looking into the recent developments and the reasons that were mentioned as impediments.",
            "",
            "Our position is clear:",
            "this is a natural process."),
        SoftWraps.join(
            List.of(
                "We are looking into the recent developments and the",
                "reasons that were mentioned as impediments.",
                "",
                "Our position is clear:",
                "this is a natural process.")));
    assertEquals(
        List.of("Opening remarks", "Good afternoon."),
        SoftWraps.join(List.of("Opening remarks", "Good afternoon.")));
  }

  /** SoftWraps.join against its regular-expression version before decision 0016 (6cd3bcc). */
  @Test
  void softWrapsJoinAsTheRegularExpressionVersionJoinedThem() {
    Random random = new Random(16);
    String[] pieces = {
      "a", "word", "Z", "7", ",", "-", ".", " ", "  ", "\t", "\u2028", "\r", "é", ""
    };
    Pattern end = Pattern.compile("[\\p{L}\\p{N},\\-]\\s*$");
    Pattern start = Pattern.compile("^\\s*\\p{Ll}");
    int joins = 0;
    for (int i = 0; i < 5_000; i++) {
      List<String> lines = new ArrayList<>();
      int count = random.nextInt(8);
      for (int j = 0; j < count; j++) {
        StringBuilder line = new StringBuilder();
        int length = random.nextInt(6);
        for (int k = 0; k < length; k++) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
        lines.add(line.toString());
      }
      List<String> expected = new ArrayList<>();
      for (String line : lines) {
        int last = expected.size() - 1;
        if (last >= 0
            && !expected.get(last).isBlank()
            && end.matcher(expected.get(last)).find()
            && start.matcher(line).find()) {
          expected.set(last, expected.get(last).stripTrailing() + " " + line.strip());
        } else {
          expected.add(line);
        }
      }
      joins += lines.size() - expected.size();
      assertEquals(expected, SoftWraps.join(lines), lines.toString());
    }
    assertTrue(joins > 1_000, "the random lines exercise the joins: " + joins);
  }

  @Test
  void aSpeechWithoutATitleKeepsEveryParagraphEvenWhenOneEndsWithADate() throws IOException {
    // As in the UN General Debate files: paragraphs one per line, no title, a date in the text.
    String first =
        "I wish at the outset to congratulate the President warmly upon his election to preside over"
            + " the session of the General Assembly, and to thank his predecessor for his work.";
    String dated =
        "My delegation recalls the solemn declaration adopted by the Assembly on 24 October 1970.";
    String rest =
        String.join(
            "\n",
            MinistrySnippets.ANSWER_1.replace("Sergey Lavrov: ", ""),
            MinistrySnippets.ANSWER_1_CONTINUED);
    FinishedTranscript speech =
        onlyDocument(
            parseFile("Session 40 - 1985", "AFG_40_1985.txt", first + "\n" + dated + "\n" + rest));
    assertNull(speech.title());
    assertNull(speech.date(), "a date at the end of a sentence is not the speech's date");
    assertTrue(speech.text().startsWith("I wish at the outset"), speech.text());
    assertTrue(speech.text().contains("24 October 1970"));
  }

  @Test
  void codeMadeOfEnglishWordsIsNotEnglishProse() throws IOException {
    // An R history file, as four stray files of the UN General Debate corpus are.
    String history =
        String.join(
            "\n",
            java.util.Collections.nCopies(
                12,
                "speeches <- read_csv(\"speeches.csv\")\nsummary(speeches$country)\n"
                    + "plot(table(speeches$year), main = \"Speeches per year\")\nlibrary(dplyr)\n"
                    + "filter(speeches, year > 1990) %>% group_by(country) %>% count()"));
    RejectedInput reject = onlyReject(parseFile("Session 35 - 1980", ".Rhistory", history));
    assertEquals(RejectReason.LANGUAGE, reject.reason());
    assertTrue(reject.detail().contains("not English prose"), reject.detail());
  }

  /** A spreadsheet's export: the header ends with a comma, so its last column has no name. */
  @Test
  void csvWithABlankHeaderNameIsReadAndTheBlankColumnIgnored() throws IOException {
    String good =
        String.join("\n\n", MinistrySnippets.QUESTION_1, MinistrySnippets.ANSWER_1)
            .replace("\"", "");
    String csv =
        "text,title,\n\""
            + good
            + "\",\"Foreign Minister Sergey Lavrov's remarks, Moscow, March 14, 2017\",\n";
    FinishedTranscript document = onlyDocument(parseFile("feeds", "export.csv", csv));
    assertTrue(document.sourcePath().endsWith("export.csv#1"), document.sourcePath());
    assertEquals(LocalDate.of(2017, 3, 14), document.date());
    assertEquals("Moscow", document.place());
  }

  @Test
  void csvWithTwoBlankHeaderNamesIsReadToo() throws IOException {
    String good =
        String.join("\n\n", MinistrySnippets.QUESTION_1, MinistrySnippets.ANSWER_1)
            .replace("\"", "");
    String csv = ",text,\nx,\"" + good + "\",y\n";
    assertEquals(1, parseFile("feeds", "two-blank.csv", csv).documents().size());
  }

  /** A file with nothing but its header line once gave no row at all: it vanished. */
  @Test
  void headerOnlyCsvIsANoTextReject() throws IOException {
    RejectedInput reject = onlyReject(parseFile("feeds", "header-only.csv", "text,title,date\n"));
    assertEquals(RejectReason.NO_TEXT, reject.reason());
    assertTrue(reject.sourcePath().endsWith("header-only.csv"), reject.sourcePath());
    assertEquals("csv file with no records", reject.detail());
  }

  @Test
  void jsonLinesFileOfBlankLinesIsAReject() throws IOException {
    RejectedInput reject = onlyReject(parseFile("feeds", "blank.jsonl", "\n  \n\t\n\n"));
    assertEquals(RejectReason.EMPTY, reject.reason());
    assertTrue(reject.sourcePath().endsWith("blank.jsonl"), reject.sourcePath());
  }

  /** A megabyte of spaces between a title and its date: every regex on the way is linear. */
  @Test
  void megabyteTitleLineOfSpacesIsParsedInBoundedTimeInEveryFormat() throws IOException {
    String spaces = " ".repeat(1024 * 1024);
    String title = "Foreign Minister Sergey Lavrov's remarks, Moscow," + spaces + "March 14, 2017";
    String body =
        String.join("\n\n", MinistrySnippets.QUESTION_1, MinistrySnippets.ANSWER_1)
            .replace("\"", "");
    String jsonBody = body.replace("\n", "\\n");
    List<ReadAndFinished> inputs =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(30),
            () ->
                List.of(
                    parseFile("long", "title.txt", title + "\n\n" + body),
                    parseFile(
                        "long",
                        "title.jsonl",
                        "{\"title\": \"" + title + "\", \"text\": \"" + jsonBody + "\"}\n"),
                    parseFile(
                        "long", "title.csv", "title,text\n\"" + title + "\",\"" + body + "\"\n"),
                    parseFile("long", "spaces.txt", spaces + "March 14, 2017\n\n" + body)));
    for (ReadAndFinished input : inputs.subList(0, 3)) {
      FinishedTranscript document = onlyDocument(input);
      assertEquals(LocalDate.of(2017, 3, 14), document.date(), document.sourcePath());
    }
    // A line of spaces and a date is no title: the date alone does not make one.
    assertNull(onlyDocument(inputs.get(3)).title());
  }
}
