package org.discourseatlas.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a run's manifest ({@code <output>/_runs/<run_id>.json}) from its typed record: record
 * components become snake_case keys ({@code runId} as {@code run_id}), map keys stay as they are.
 * Readers (refresh runs, notebooks, the benchmark) read it back as plain JSON.
 */
public final class RunManifest {
  /** Also writes the JSON files beside the models: one naming rule for every file a run writes. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private RunManifest() {}

  public static String toJson(Record manifest) {
    try {
      return JSON.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest is not serialisable: " + e.getMessage(), e);
    }
  }
}
