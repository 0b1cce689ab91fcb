/**
 * One run: {@code Pipeline} applies the stages in order ({@code IngestStages}, {@code
 * AnalysisStages}, {@code LexicalStages}, {@code TopicStages}), each declaring the datasets and
 * columns it reads and adds ({@code Stage}), checked before and after it runs; then writes the
 * tables and publishes the run by its manifest ({@code Manifest}, typed records). Also the base
 * snapshot a refresh builds on, settings fingerprints and the stage log.
 */
package org.discourseatlas.pipeline;
