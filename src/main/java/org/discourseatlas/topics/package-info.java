/**
 * Spark: the topic model. Topic units from the lexical units; {@code TopicModelEstimator} fits a
 * {@code TopicModel} (one Spark ML {@code PipelineModel}: vocabulary and LDA, saved and loaded in
 * one call); inference of each unit's shares, the topics table with coherence, prevalence per group
 * with bootstrap intervals, comparisons and model selection.
 */
package org.discourseatlas.topics;
