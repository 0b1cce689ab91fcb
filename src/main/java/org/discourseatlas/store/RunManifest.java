package org.discourseatlas.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's manifest under {@code <output>/_runs/<run_id>.json}: what ran (config, versions,
 * inputs), what came in (counts), what went out (rows per table), and how long each stage took.
 */
public final class RunManifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public RunManifest put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest is not serialisable: " + e.getMessage(), e);
    }
  }
}
