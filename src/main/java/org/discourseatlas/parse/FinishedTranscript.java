package org.discourseatlas.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.discourseatlas.turns.Turn;

/**
 * One transcript read from an input and finished ({@link TranscriptFinisher#finish}), a row of the
 * documents table: where it came from, its metadata (title, date, place, url may be null), the
 * language detected, the fields its path pattern gave, and its speaker turns; {@code text} is the
 * cleaned body that the id hashes.
 */
public record FinishedTranscript(
    String sourcePath,
    String format,
    String encoding,
    String title,
    LocalDate date,
    String dateSource,
    String place,
    String source,
    String url,
    String language,
    Map<String, String> pathFields,
    String text,
    List<Turn> turns) {

  public String docId() {
    return DocumentId.of(text);
  }
}
