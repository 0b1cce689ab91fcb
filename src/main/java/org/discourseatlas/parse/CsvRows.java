package org.discourseatlas.parse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.decode.RejectedInputException;

/**
 * The rows of a CSV file with a header line (RFC 4180; rows may span lines), each as its fields by
 * column name: {@code #N} in a record's path is the N-th data row. A row that cannot be made a
 * transcript is that row's reject; a file the parser cannot go on reading is one reject for the
 * rest.
 */
final class CsvRows {
  /** Makes one row's draft, or rejects it. */
  interface RowReader {
    DraftTranscript read(String recordPath, Map<String, String> fields, long bytes)
        throws RejectedInputException;
  }

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          // A header ending with a comma ("text,title,") has a blank column name, as spreadsheets
          // export it: the blank columns are ignored, not the file.
          .setAllowMissingColumnNames(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
          .get();

  private CsvRows() {}

  static ReadResult read(String sourcePath, String text, String textField, RowReader rows)
      throws RejectedInputException {
    List<DraftTranscript> drafts = new ArrayList<>();
    List<RejectedInput> rejects = new ArrayList<>();
    int row = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      if (!parser.getHeaderMap().containsKey(textField)) {
        throw new RejectedInputException(
            RejectReason.MALFORMED_RECORD,
            "CSV header has no '" + textField + "' column: " + parser.getHeaderNames());
      }
      for (CSVRecord record : parser) {
        TranscriptParser.stopIfInterrupted();
        row++;
        String recordPath = sourcePath + "#" + row;
        long bytes = record.toString().length();
        try {
          drafts.add(rows.read(recordPath, record.toMap(), bytes));
        } catch (RejectedInputException e) {
          rejects.add(new RejectedInput(recordPath, e.reason(), e.detail(), bytes));
        }
      }
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      // A quote never closed, or a row the parser cannot read: the rest of the file is one reject.
      rejects.add(
          new RejectedInput(
              sourcePath + "#" + (row + 1),
              RejectReason.MALFORMED_RECORD,
              "CSV cannot be parsed from data row " + (row + 1) + ": " + e.getMessage(),
              text.length()));
    }
    return new ReadResult(drafts, rejects);
  }
}
