package org.discourseatlas.topics;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.discourseatlas.store.SnapshotStore;

/**
 * A topic model an earlier run saved, as its manifest's {@code topic_model} names it.
 *
 * @param path the run's models folder, relative to the output root
 * @param modelId the run that fitted the model
 * @param runId the run that saved it (fitted or reused it)
 */
public record SavedTopicModel(String path, String modelId, String runId, String snapshot) {
  /**
   * The model of the latest run that has one, when it was fitted under {@code fingerprint} and
   * saved as one PipelineModel; null (refit) otherwise, with a line saying why.
   */
  public static SavedTopicModel latest(
      SnapshotStore store, String fingerprint, Consumer<String> note) {
    List<Map<String, Object>> runs = store.completedRuns();
    for (int i = runs.size() - 1; i >= 0; i--) {
      Object info = runs.get(i).get("topic_model");
      if (!(info instanceof Map<?, ?> model) || model.get("path") == null) {
        continue;
      }
      String status = String.valueOf(model.get("status"));
      if (!status.equals(TopicModelInfo.FITTED) && !status.equals(TopicModelInfo.REUSED)) {
        continue;
      }
      String path = String.valueOf(model.get("path"));
      if (!store.holds(path)) {
        note.accept(
            "topics: the model of snapshot "
                + runs.get(i).get("snapshot")
                + " is gone from "
                + path
                + ": fitting a new model");
        return null;
      }
      if (!fingerprint.equals(model.get("fingerprint"))) {
        note.accept(
            "topics: the topic or term settings changed since snapshot "
                + runs.get(i).get("snapshot")
                + ": fitting a new model");
        return null;
      }
      if (!store.holds(path + "/" + TopicModel.DIRECTORY)) {
        note.accept(
            "topics: fitting a new model: the saved model predates the single PipelineModel layout ("
                + path
                + " holds "
                + String.join(" and ", TopicModel.OLD_LAYOUT_DIRECTORIES)
                + ", snapshot "
                + runs.get(i).get("snapshot")
                + ")");
        return null;
      }
      // Runs before model ids: the run that wrote the model stands for it.
      Object id = model.get("model_id") != null ? model.get("model_id") : runs.get(i).get("run_id");
      return new SavedTopicModel(
          path,
          String.valueOf(id),
          String.valueOf(runs.get(i).get("run_id")),
          String.valueOf(runs.get(i).get("snapshot")));
    }
    return null;
  }

  public TopicModel load(SnapshotStore store) {
    return TopicModel.load(new Path(new Path(store.root(), path), TopicModel.DIRECTORY).toString());
  }
}
