package org.discourseatlas.parse;

import java.util.List;

/** What reading one input file gave: transcript drafts and rejected parts. */
public record DraftInput(List<TranscriptDraft> drafts, List<RejectedInput> rejects) {
  static DraftInput rejected(String sourcePath, RejectedInputException e, long bytes) {
    return new DraftInput(
        List.of(), List.of(new RejectedInput(sourcePath, e.reason(), e.detail(), bytes)));
  }
}
