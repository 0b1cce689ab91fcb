package org.discourseatlas.pipeline;

/**
 * An analysis a run did not make because its input had too little data (one short transcript, no
 * zone mentioned): its tables are written empty, and the manifest's {@code skipped} list names it
 * with the reason.
 *
 * @param analysis what was skipped, as the manifest names it (topics, zone_sentiment, ...)
 * @param reason why, with the counts that decided it
 */
public record SkippedAnalysis(String analysis, String reason) {}
