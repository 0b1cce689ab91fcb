package org.discourseatlas.parse;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A transcript read from an input but not yet finished: metadata and the body's paragraphs with the
 * rule-based boilerplate removed. Lines repeated across a source's documents are learned from the
 * whole corpus before {@link TranscriptFinisher#finish} turns a draft into a document.
 *
 * @param format the format code, with ".gz" when the input was compressed ("html.gz")
 * @param dateSource where the date came from: title, metadata, path, text; null without a date
 * @param pathFields the fields of the first path pattern that matched (empty if none)
 * @param bytes the size of the input this draft came from (the file, or the JSONL line / CSV row)
 */
public record DraftTranscript(
    String sourcePath,
    String format,
    String encoding,
    String title,
    LocalDate date,
    String dateSource,
    String place,
    String source,
    String url,
    Map<String, String> pathFields,
    List<String> body,
    long bytes)
    implements Serializable {}
