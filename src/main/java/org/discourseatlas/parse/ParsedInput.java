package org.discourseatlas.parse;

import java.util.List;

/** What one input file gave: its transcripts and its rejected parts (a JSONL file may give both). */
public record ParsedInput(List<ParsedDocument> documents, List<RejectedInput> rejects) {}
