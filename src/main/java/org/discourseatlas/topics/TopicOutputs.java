package org.discourseatlas.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the topic stage gives the run: its tables, the model behind them (null when none was
 * fitted or loaded; to be saved with the run) and the manifest's {@code topic_model} entry.
 *
 * @param selection topic_model_selection, null unless {@code topics.model-selection.k} is set
 */
public record TopicOutputs(
    Dataset<Row> topics, Dataset<Row> prevalence, Dataset<Row> comparisons, Dataset<Row> shares,
    Dataset<Row> selection, TopicModel model, TopicModelInfo info) {}
