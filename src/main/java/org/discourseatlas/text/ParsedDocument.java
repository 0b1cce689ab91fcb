package org.discourseatlas.text;

import java.time.LocalDate;
import java.util.List;

/**
 * One transcript read from an input: where it came from, its metadata (any of title, date, place,
 * url may be null) and its speaker turns; {@code text} is the cleaned body that the id hashes.
 */
public record ParsedDocument(
    String sourcePath,
    InputFormat format,
    String encoding,
    String title,
    LocalDate date,
    String place,
    String source,
    String url,
    String language,
    String text,
    List<Turn> turns) {

  public String docId() {
    return ContentHash.of(text);
  }
}
