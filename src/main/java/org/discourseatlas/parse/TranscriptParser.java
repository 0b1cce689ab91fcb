package org.discourseatlas.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.discourseatlas.decode.DecodedText;
import org.discourseatlas.decode.ExtractedPage;
import org.discourseatlas.decode.Gzip;
import org.discourseatlas.decode.HtmlContentExtractor;
import org.discourseatlas.decode.InputFormat;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.decode.TextDecoder;
import org.discourseatlas.text.DateParser;
import org.discourseatlas.text.TextNormalizer;
import org.discourseatlas.turns.TurnSegmenter;

/**
 * Reads input files into transcripts, in two steps so that the corpus can be consulted between
 * them: {@link #read} decodes a file (gunzipping .gz, sniffing unknown extensions), extracts the
 * content (HTML through jsoup; one record per JSON line or CSV row), drops rule-based boilerplate
 * and finds title, date, place, source and path fields; {@link TranscriptFinisher#finish} then
 * drops the lines the corpus showed to be a source's boilerplate, splits speaker turns and rejects
 * what is too short or not English. Bad content never throws: it becomes a reject with a reason.
 */
public final class TranscriptParser {
  /** The title line of a saved page sits within its first lines, under the site header. */
  private static final int TITLE_SEARCH_LINES = 25;

  /**
   * Site header lines (menus, embassy name, address) are short. A longer line above a dated line
   * means the text has begun: that line is no title, and nothing above it is dropped.
   */
  private static final int MAX_HEADER_LINE_WORDS = 20;

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  /** JSON Lines separates records by \n (or \r\n) only; U+2028 may stand inside a JSON string. */
  private static final Pattern JSON_LINE_BREAK = Pattern.compile("\\r?\\n");

  private static final Pattern SCHEME_AND_AUTHORITY =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:(//[^/]*)?");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ParserSettings settings;

  public TranscriptParser(ParserSettings settings) {
    this.settings = settings;
  }

  /** The drafts and rejects of one input file. */
  public ReadResult read(String sourcePath, byte[] bytes) {
    try {
      if (bytes.length > settings.maxFileBytes()) {
        throw new RejectedInputException(
            RejectReason.TOO_LARGE,
            bytes.length + " bytes > ingest.max-file-bytes = " + settings.maxFileBytes());
      }
      Optional<InputFormat> named = InputFormat.ofPath(sourcePath);
      if (named.isEmpty() && InputFormat.isUnsupported(sourcePath)) {
        throw new RejectedInputException(
            RejectReason.UNSUPPORTED_FORMAT,
            "extension not read (txt, html, htm, jsonl, csv, md, each also .gz; others are sniffed),"
                + " or a repository's README.md, LICENSE.md and the like");
      }
      boolean gzip = InputFormat.isGzip(sourcePath);
      byte[] content = gzip ? Gzip.decompress(bytes, settings.maxFileBytes()) : bytes;
      DecodedText decoded = TextDecoder.decode(content);
      InputFormat format = named.orElseGet(() -> InputFormat.sniff(decoded.text()));
      String formatCode = format.code() + (gzip ? ".gz" : "");
      ReadResult result =
          switch (format) {
            case TXT -> one(savedText(sourcePath, formatCode, decoded, bytes.length));
            case HTML -> one(htmlPage(sourcePath, formatCode, decoded, bytes.length));
            case JSONL -> jsonLines(sourcePath, formatCode, decoded);
            case CSV -> csvRows(sourcePath, formatCode, decoded);
            case MARKDOWN -> one(markdown(sourcePath, formatCode, decoded, bytes.length));
            default -> throw new IllegalStateException("unhandled format " + format);
          };
      if (result.drafts().isEmpty() && result.rejects().isEmpty()) {
        // A CSV with its header line only, a JSONL file of blank lines: the file must still be
        // accounted for, and "nothing to analyse" is what no_text says.
        throw new RejectedInputException(
            RejectReason.NO_TEXT, format.code() + " file with no records");
      }
      return result;
    } catch (RejectedInputException e) {
      return ReadResult.rejected(sourcePath, e, bytes.length);
    } catch (RuntimeException | StackOverflowError e) {
      // Content no rule foresaw must not fail the job: the file is a reject that names the error.
      return ReadResult.rejected(
          sourcePath,
          new RejectedInputException(RejectReason.PARSE_ERROR, RejectedInput.errorDetail(e)),
          bytes.length);
    }
  }

  /** Stops a file's record loop once its time budget has run out (the worker is interrupted). */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new java.util.concurrent.CancellationException("ingest.max-seconds-per-file exceeded");
    }
  }

  private static ReadResult one(DraftTranscript draft) {
    return new ReadResult(List.of(draft), List.of());
  }

  private DraftTranscript savedText(
      String sourcePath, String format, DecodedText decoded, long bytes) {
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
      if (TurnSegmenter.startsWithSpeakerLabel(line)) {
        break; // the transcript has begun without a title line
      }
      Optional<TitleLine> candidate = TitleLine.parse(line, seen == 1);
      if (candidate.isEmpty() && line.split("\\s+").length > MAX_HEADER_LINE_WORDS) {
        break; // a paragraph: the text has begun, and nothing above it is a header
      }
      if (candidate.isPresent()) {
        title = candidate.get();
        // What stands above the title is the site's header: embassy name, menus, contacts.
        bodyStart = i + 1;
        break;
      }
    }
    return draft(
        sourcePath,
        format,
        decoded.encoding(),
        title == null ? null : title.title(),
        title == null ? null : title.date(),
        title == null ? null : "title",
        title == null ? null : title.place(),
        null,
        null,
        SoftWraps.join(BoilerplateFilter.keepContent(lines.subList(bodyStart, lines.size()))),
        bytes);
  }

  private DraftTranscript htmlPage(
      String sourcePath, String format, DecodedText decoded, long bytes) {
    ExtractedPage page = HtmlContentExtractor.extract(decoded.text());
    Optional<TitleLine> titleLine =
        page.title() == null ? Optional.empty() : TitleLine.parse(page.title());
    LocalDate date =
        page.date() != null ? page.date() : titleLine.map(TitleLine::date).orElse(null);
    String dateSource = page.date() != null ? "metadata" : titleLine.isPresent() ? "title" : null;
    return draft(
        sourcePath,
        format,
        decoded.encoding(),
        page.title(),
        date,
        dateSource,
        titleLine.map(TitleLine::place).orElse(null),
        null,
        null,
        BoilerplateFilter.keepContent(page.blocks()),
        bytes);
  }

  private DraftTranscript markdown(
      String sourcePath, String format, DecodedText decoded, long bytes)
      throws RejectedInputException {
    MarkdownTranscript md = MarkdownTranscript.read(decoded.text(), settings.frontMatterFields());
    return draft(
        sourcePath,
        format,
        decoded.encoding(),
        md.title(),
        md.date(),
        md.dateSource(),
        md.place(),
        md.source(),
        md.url(),
        BoilerplateFilter.keepContent(md.body()),
        bytes);
  }

  private ReadResult jsonLines(String sourcePath, String format, DecodedText decoded) {
    List<DraftTranscript> drafts = new ArrayList<>();
    List<RejectedInput> rejects = new ArrayList<>();
    String[] lines = JSON_LINE_BREAK.split(decoded.text(), -1);
    for (int i = 0; i < lines.length; i++) {
      stopIfInterrupted();
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String recordPath = sourcePath + "#" + (i + 1);
      try {
        JsonNode record = readJson(line);
        Map<String, String> fields = new HashMap<>();
        record
            .fields()
            .forEachRemaining(
                e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        drafts.add(
            record(
                recordPath,
                format,
                decoded.encoding(),
                fields,
                line.getBytes(StandardCharsets.UTF_8).length));
      } catch (RejectedInputException e) {
        rejects.add(
            new RejectedInput(
                recordPath, e.reason(), e.detail(), line.getBytes(StandardCharsets.UTF_8).length));
      }
    }
    return new ReadResult(drafts, rejects);
  }

  /** CSV with a header row; {@code #N} in the path is the N-th data row (rows may span lines). */
  private ReadResult csvRows(String sourcePath, String format, DecodedText decoded)
      throws RejectedInputException {
    return CsvRows.read(
        sourcePath,
        decoded.text(),
        settings.recordFields().text(),
        (recordPath, fields, bytes) ->
            record(recordPath, format, decoded.encoding(), fields, bytes));
  }

  private static JsonNode readJson(String line) throws RejectedInputException {
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

  /** A JSON Lines or CSV record's draft, from its named fields. */
  private DraftTranscript record(
      String recordPath, String format, String encoding, Map<String, String> fields, long bytes)
      throws RejectedInputException {
    ParserSettings.RecordFields names = settings.recordFields();
    String text = fields.get(names.text());
    if (text == null || text.isBlank()) {
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD, "no text in field '" + names.text() + "'");
    }
    String title = blankToNull(fields.get(names.title()));
    TitleLine.Dated dated = TitleLine.Dated.of(title, blankToNull(fields.get(names.date())));
    return draft(
        recordPath,
        format,
        encoding,
        title,
        dated.date(),
        dated.dateSource(),
        dated.place(),
        blankToNull(fields.get(names.source())),
        blankToNull(fields.get(names.url())),
        SoftWraps.join(BoilerplateFilter.keepContent(Arrays.asList(LINE_BREAK.split(text, -1)))),
        bytes);
  }

  private DraftTranscript draft(
      String sourcePath,
      String format,
      String encoding,
      String title,
      LocalDate date,
      String dateSource,
      String place,
      String recordSource,
      String url,
      List<String> body,
      long bytes) {
    Map<String, String> pathFields = Map.of();
    for (PathPattern pattern : settings.pathPatterns()) {
      Optional<Map<String, String>> fields = pattern.match(sourcePath);
      if (fields.isPresent()) {
        pathFields = Map.copyOf(fields.get());
        break;
      }
    }
    if (date == null && pathFields.containsKey("date")) {
      Optional<LocalDate> pathDate = DateParser.parseWhole(pathFields.get("date"));
      if (pathDate.isPresent()) {
        date = pathDate.get();
        dateSource = "path";
      }
    }
    String source = sourceOf(sourcePath, url, pathFields.get("source"), recordSource);
    return new DraftTranscript(
        sourcePath,
        format,
        encoding,
        title,
        date,
        dateSource,
        place,
        source,
        url,
        pathFields,
        body,
        bytes);
  }

  /**
   * The source (ministry) of a transcript: a configured rule for its path or URL host wins, then a
   * {source} path field, then the record's own source field, then its folder's name.
   */
  String sourceOf(String sourcePath, String url, String pathSource, String recordSource) {
    for (ParserSettings.SourceRule rule : settings.sourceRules()) {
      if (rule.matches(sourcePath, url)) {
        return rule.source();
      }
    }
    if (pathSource != null) {
      return pathSource;
    }
    if (recordSource != null) {
      return recordSource.strip();
    }
    // The path without scheme and authority ("hdfs://nn", "file:") and without "#<record>".
    String path =
        SCHEME_AND_AUTHORITY.matcher(sourcePath.replaceFirst("#\\d+$", "")).replaceFirst("");
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return null;
    }
    String folder = path.substring(0, slash);
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : name;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
