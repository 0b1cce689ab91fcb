/**
 * The stages of a run, in groups: ingest (list, read, boilerplate, new inputs, documents), analysis
 * (turns, sentences and zones, sentiment, document counts, zone sentiment), lexical (term
 * frequencies, keyness, collocations and KWIC) and topics (model, prevalence, selection). Each
 * implements {@code pipeline.Stage}; what they report for the manifest is in {@code StageReports}.
 */
package org.discourseatlas.pipeline.stages;
