package org.discourseatlas.pipeline;

import java.util.Map;

/**
 * What a finished run reports: where its tables are, how many rows each has, and how the inputs
 * were accounted for (records = documents + duplicates + rejects).
 */
public record RunSummary(
    String runId,
    String outputRoot,
    String snapshot,
    long inputFiles,
    long records,
    long documents,
    long duplicates,
    long rejects,
    long documentsWithoutDate,
    Map<String, Long> rowCounts) {}
