package org.discourseatlas.parse;

import java.util.List;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.decode.RejectedInputException;

/**
 * What {@link TranscriptParser#read} gave for one input file: its transcript drafts and its
 * rejected parts (a JSONL or CSV file may give both).
 */
public record ReadResult(List<DraftTranscript> drafts, List<RejectedInput> rejects) {
  static ReadResult rejected(String sourcePath, RejectedInputException e, long bytes) {
    return new ReadResult(
        List.of(), List.of(new RejectedInput(sourcePath, e.reason(), e.detail(), bytes)));
  }
}
