package org.discourseatlas.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one input file's bytes into transcripts: decodes, extracts the content (HTML through
 * jsoup; one record per line for JSON Lines), drops boilerplate, finds title, date and place,
 * splits speaker turns, and rejects what cannot be analysed with a reason.
 */
public final class TranscriptParser {
  /** The title line of a saved page sits within its first lines, under the site header. */
  private static final int TITLE_SEARCH_LINES = 25;

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  /** JSON Lines separates records by \\n (or \\r\\n) only; U+2028 may stand inside a JSON string. */
  private static final Pattern JSON_LINE_BREAK = Pattern.compile("\\r?\\n");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:(//[^/]*)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ParserSettings settings;

  public TranscriptParser(ParserSettings settings) {
    this.settings = settings;
  }

  /** Everything one file gives; never throws for bad content, which becomes a reject. */
  public ParsedInput parse(String sourcePath, byte[] bytes) {
    Optional<InputFormat> format = InputFormat.ofPath(sourcePath);
    try {
      if (format.isEmpty()) {
        throw new RejectedInputException(
            RejectReason.UNSUPPORTED_FORMAT, "extension not read (txt, html, htm, jsonl)");
      }
      if (bytes.length > settings.maxFileBytes()) {
        throw new RejectedInputException(
            RejectReason.TOO_LARGE,
            bytes.length + " bytes > ingest.max-file-bytes = " + settings.maxFileBytes());
      }
      DecodedText decoded = TextDecoder.decode(bytes);
      switch (format.get()) {
        case TXT:
          return ParsedInput.of(parseSavedText(sourcePath, decoded));
        case HTML:
          return ParsedInput.of(parseHtml(sourcePath, decoded));
        case JSONL:
          return parseJsonLines(sourcePath, decoded);
        default:
          throw new IllegalStateException("unhandled format " + format.get());
      }
    } catch (RejectedInputException e) {
      return ParsedInput.rejected(sourcePath, e, bytes.length);
    }
  }

  private ParsedDocument parseSavedText(String sourcePath, DecodedText decoded)
      throws RejectedInputException {
    List<String> lines = Arrays.asList(LINE_BREAK.split(decoded.text(), -1));
    TitleLine title = null;
    int bodyStart = 0;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < TITLE_SEARCH_LINES; i++) {
      String line = TextNormalizer.spaces(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (BoilerplateFilter.isBoilerplate(line)) {
        continue;
      }
      Optional<TitleLine> candidate = TitleLine.parse(line);
      if (candidate.isPresent()) {
        title = candidate.get();
        // What stands above the title is the site's header: embassy name, menus, contacts.
        bodyStart = i + 1;
        break;
      }
    }
    List<String> body = BoilerplateFilter.keepContent(lines.subList(bodyStart, lines.size()));
    return document(
        sourcePath,
        InputFormat.TXT,
        decoded.encoding(),
        title == null ? null : title.title(),
        title == null ? null : title.date(),
        title == null ? null : title.place(),
        null,
        null,
        body);
  }

  private ParsedDocument parseHtml(String sourcePath, DecodedText decoded)
      throws RejectedInputException {
    ExtractedPage page = HtmlContentExtractor.extract(decoded.text());
    Optional<TitleLine> titleLine =
        page.title() == null ? Optional.empty() : TitleLine.parse(page.title());
    LocalDate date = page.date() != null ? page.date() : titleLine.map(TitleLine::date).orElse(null);
    return document(
        sourcePath,
        InputFormat.HTML,
        decoded.encoding(),
        page.title(),
        date,
        titleLine.map(TitleLine::place).orElse(null),
        null,
        null,
        BoilerplateFilter.keepContent(page.blocks()));
  }

  private ParsedInput parseJsonLines(String sourcePath, DecodedText decoded) {
    List<ParsedDocument> documents = new ArrayList<>();
    List<RejectedInput> rejects = new ArrayList<>();
    String[] lines = JSON_LINE_BREAK.split(decoded.text(), -1);
    ParserSettings.JsonFields fields = settings.jsonFields();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String recordPath = sourcePath + "#" + (i + 1);
      long recordBytes = line.getBytes(StandardCharsets.UTF_8).length;
      try {
        JsonNode record = readRecord(line);
        String text = textField(record, fields.text());
        if (text == null || text.isBlank()) {
          throw new RejectedInputException(
              RejectReason.MALFORMED_RECORD, "no text in field '" + fields.text() + "'");
        }
        String title = textField(record, fields.title());
        Optional<TitleLine> titleLine = title == null ? Optional.empty() : TitleLine.parse(title);
        String dateField = textField(record, fields.date());
        LocalDate date =
            Optional.ofNullable(dateField)
                .flatMap(DateParser::parseWhole)
                .orElse(titleLine.map(TitleLine::date).orElse(null));
        documents.add(
            document(
                recordPath,
                InputFormat.JSONL,
                decoded.encoding(),
                title,
                date,
                titleLine.map(TitleLine::place).orElse(null),
                textField(record, fields.source()),
                textField(record, fields.url()),
                BoilerplateFilter.keepContent(Arrays.asList(LINE_BREAK.split(text, -1)))));
      } catch (RejectedInputException e) {
        rejects.add(new RejectedInput(recordPath, e.reason(), e.detail(), recordBytes));
      }
    }
    return new ParsedInput(documents, rejects);
  }

  private static JsonNode readRecord(String line) throws RejectedInputException {
    JsonNode record;
    try {
      record = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD, "not JSON: " + e.getOriginalMessage());
    }
    if (record == null || !record.isObject()) {
      throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "not a JSON object");
    }
    return record;
  }

  private static String textField(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private ParsedDocument document(
      String sourcePath,
      InputFormat format,
      String encoding,
      String title,
      LocalDate date,
      String place,
      String recordSource,
      String url,
      List<String> body)
      throws RejectedInputException {
    List<Turn> turns = TurnSegmenter.segment(body);
    StringBuilder text = new StringBuilder();
    for (Turn turn : turns) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(turn.text());
    }
    long letters = LETTER.matcher(text).results().count();
    if (letters < settings.minTextChars()) {
      throw new RejectedInputException(
          RejectReason.NO_TEXT,
          letters + " letters left after cleaning < ingest.min-text-chars = " + settings.minTextChars());
    }
    double englishShare = LanguageGuesser.englishShare(text.toString());
    if (englishShare < LanguageGuesser.MIN_ENGLISH_SHARE) {
      throw new RejectedInputException(
          RejectReason.NOT_ENGLISH,
          String.format(
              java.util.Locale.ROOT,
              "English function words are %.1f%% of the words (English prose: ~40%%)",
              100 * englishShare));
    }
    String source = sourceOf(sourcePath, recordSource);
    return new ParsedDocument(
        sourcePath, format, encoding, title, date, place, source, url, "en", text.toString(), turns);
  }

  /**
   * The source (ministry) of a transcript: a configured rule for its path wins, then the record's
   * own source field (JSON Lines), then the name of the folder the file is in.
   */
  String sourceOf(String sourcePath, String recordSource) {
    for (ParserSettings.SourceRule rule : settings.sourceRules()) {
      if (sourcePath.contains(rule.pathContains())) {
        return rule.source();
      }
    }
    if (recordSource != null && !recordSource.isBlank()) {
      return recordSource.strip();
    }
    // The path without scheme and authority ("hdfs://nn", "file:") and without "#<line>".
    String path = SCHEME_AND_AUTHORITY.matcher(sourcePath.replaceFirst("#\\d+$", "")).replaceFirst("");
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return null;
    }
    String folder = path.substring(0, slash);
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : name;
  }
}
