package org.discourseatlas.pipeline.stages;

import java.util.Map;
import java.util.Set;

/** What stages report for the manifest: one typed record per kind of fact, recorded once a run. */
public final class StageReports {
  private StageReports() {}

  /**
   * The input files listed, those read (all, or in a refresh those not recognised from the listing
   * alone), and the records read from them, seen before or not.
   */
  public record InputsRead(long inputFiles, long filesRead, long records) {}

  /** The boilerplate lines learned from every input, per source. */
  public record Boilerplate(Map<String, Set<String>> lines) {
    public Map<String, Integer> countsBySource() {
      Map<String, Integer> counts = new java.util.TreeMap<>();
      lines.forEach((source, set) -> counts.put(source, set.size()));
      return counts;
    }
  }

  /** Input files the base snapshot ingested, and the records of this run not among them. */
  public record SeenInputs(long filesAlreadySeen, long newRecords) {}

  /** What became of this run's new records: new records = documents + duplicates + rejects. */
  public record NewDocuments(long documents, long duplicates, long nearDuplicates, long rejects) {}

  /**
   * The snapshot's turns and sentences, and the sentences in the sentiment stage's scope (in a zone
   * window, or all), counted once where they are made.
   */
  public record Segments(long turns, long sentences, long inSentimentScope) {}

  /** Sentences with a sentiment, those parsed in this run, and those too long to parse. */
  public record SentimentCounts(long scored, long parsed, long tooLong) {}

  /** The snapshot's totals, earlier records and new: records = documents + duplicates + rejects. */
  public record SnapshotCounts(
      long records,
      long documents,
      long duplicates,
      long rejects,
      long documentsWithoutDate,
      Map<String, Long> rejectsByReason) {}
}
