package org.discourseatlas.pipeline;

import org.discourseatlas.schema.Table;

/**
 * The datasets a run passes from stage to stage. Those that are tables of the snapshot name their
 * table: the pipeline writes exactly these, so a table cannot be computed and forgotten.
 */
public enum RunData {
  /** Input files: path, length and modification time (InputFiles.LISTING_SCHEMA). */
  INPUT_FILES(null),
  /**
   * The input files this run reads: every one, or in a refresh those the base's state does not list
   * with the same path, length and modification time.
   */
  READ_FILES(null),
  /**
   * Every record read from {@link #READ_FILES} and split into drafts, new or seen before (a file
   * touched or renamed is read again and found seen by its hash) (TranscriptIngest.READ_SCHEMA).
   */
  ALL_RECORDS(null),
  /** The records whose bytes the base snapshot has not ingested. */
  NEW_RECORDS(null),
  NEW_REJECTS(null),
  /** New documents with exact and near duplicates marked, before their counts. */
  NEW_DOCUMENTS(null),
  NEW_TURNS(null),
  /** The base snapshot's documents, as written. */
  EARLIER_DOCUMENTS(null),
  /**
   * Sentences to score, with their zones: the snapshot's, or only the new documents' when the
   * base's scored sentences are carried.
   */
  TAGGED_SENTENCES(null),
  /**
   * Every analysed sentence's term units with its groups (LexicalUnits): cached where the term
   * counts are made from all of them, else read only where a stage needs the archive's units.
   */
  LEXICAL_UNITS(null),
  /** The lexical units of this run's new documents: all of them when nothing is built on. */
  NEW_LEXICAL_UNITS(null),
  /**
   * The lexical units of sentences in some zone's window: all that collocations and keyness of zone
   * sets count (a sentence in no window counts in neither).
   */
  ZONE_UNITS(null),
  /**
   * Per term-frequency group, the counts of every n-gram (TermFrequencies.COUNTS_SCHEMA): the
   * base's plus the new documents', or counted over all.
   */
  TERM_COUNTS(null),
  /** Topic units with their vocabulary counts, the input of the topic model and its inference. */
  TOPIC_FEATURES(null),
  DOCUMENTS(Table.DOCUMENTS),
  REJECTS(Table.REJECTS),
  TURNS(Table.TURNS),
  SENTENCES(Table.SENTENCES),
  ZONES(Table.ZONES),
  ZONE_SENTIMENT(Table.ZONE_SENTIMENT),
  ZONE_SENTIMENT_COMPARISONS(Table.ZONE_SENTIMENT_COMPARISONS),
  FRAMES(Table.FRAMES),
  FRAME_COMPARISONS(Table.FRAME_COMPARISONS),
  FRAME_MENTIONS(Table.FRAME_MENTIONS),
  ACTOR_EVENTS(Table.ACTOR_EVENTS),
  ACTORS(Table.ACTORS),
  TERM_FREQUENCIES(Table.TERM_FREQUENCIES),
  KEYNESS(Table.KEYNESS),
  COLLOCATIONS(Table.COLLOCATIONS),
  MENTIONS(Table.MENTIONS),
  TOPICS(Table.TOPICS),
  TOPIC_PREVALENCE(Table.TOPIC_PREVALENCE),
  TOPIC_PREVALENCE_COMPARISONS(Table.TOPIC_PREVALENCE_COMPARISONS),
  TOPIC_SHARES(Table.TOPIC_SHARES),
  TOPIC_MODEL_SELECTION(Table.TOPIC_MODEL_SELECTION);

  private final Table table;

  RunData(Table table) {
    this.table = table;
  }

  /** The snapshot table this dataset is written as; null for a dataset between stages. */
  public Table table() {
    return table;
  }
}
