package org.discourseatlas.text;

import java.util.List;

/** What one input file gave: its transcripts and its rejected parts (a JSONL file may give both). */
public record ParsedInput(List<ParsedDocument> documents, List<RejectedInput> rejects) {
  public static ParsedInput of(ParsedDocument document) {
    return new ParsedInput(List.of(document), List.of());
  }

  public static ParsedInput rejected(String sourcePath, RejectedInputException e, long bytes) {
    return new ParsedInput(
        List.of(), List.of(new RejectedInput(sourcePath, e.reason(), e.detail(), bytes)));
  }
}
