package org.discourseatlas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.discourseatlas.store.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which saved model a run reuses, from the manifests of earlier runs (no Spark needed). */
class SavedTopicModelTest {
  private static final String MODELS = "models/snapshot=2017-06/run=r1";

  /**
   * An output whose one run (2017-06, r1) saved a model fitted under fingerprint "fp" in {@code
   * folders}.
   */
  private static SnapshotStore output(Path dir, String... folders) throws IOException {
    Files.createDirectories(dir.resolve("_runs"));
    Files.writeString(
        dir.resolve("_runs/r1.json"),
        """
        {"run_id": "r1", "snapshot": "2017-06", "status": "succeeded", "layout": "run-folders",
         "finished_at": "2017-07-01T00:00:00Z", "models": "%s",
         "topic_model": {"status": "fitted", "fingerprint": "fp", "model_id": "r1", "path": "%s"}}
        """
            .formatted(MODELS, MODELS));
    for (String folder : folders) {
      Files.createDirectories(dir.resolve(MODELS).resolve(folder));
    }
    return SnapshotStore.open(dir.toString(), "2017-07", "r2", new Configuration());
  }

  @Test
  void aModelSavedAsOnePipelineModelUnderTheSameFingerprintIsReused(@TempDir Path dir)
      throws IOException {
    List<String> notes = new ArrayList<>();
    SavedTopicModel saved =
        SavedTopicModel.latest(output(dir, TopicModel.DIRECTORY), "fp", notes::add);
    assertEquals(new SavedTopicModel(MODELS, "r1", "r1", "2017-06"), saved);
    assertEquals(List.of(), notes);
  }

  @Test
  void aModelOfTheOldTwoFolderLayoutIsNotLoadedButRefittedWithALineSayingSo(@TempDir Path dir)
      throws IOException {
    List<String> notes = new ArrayList<>();
    SnapshotStore store = output(dir, TopicModel.OLD_LAYOUT_DIRECTORIES.toArray(new String[0]));
    assertNull(SavedTopicModel.latest(store, "fp", notes::add));
    assertEquals(1, notes.size());
    assertTrue(
        notes.get(0).startsWith("topics: fitting a new model: the saved model predates "),
        notes.get(0));
  }

  @Test
  void changedSettingsRefit(@TempDir Path dir) throws IOException {
    List<String> notes = new ArrayList<>();
    assertNull(SavedTopicModel.latest(output(dir, TopicModel.DIRECTORY), "other", notes::add));
    assertTrue(notes.get(0).contains("settings changed"), notes.toString());
  }
}
