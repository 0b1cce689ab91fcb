package org.discourseatlas.dictionary;

import java.io.Serializable;
import java.util.List;

/**
 * One key of a dictionary and the patterns it counts.
 *
 * @param key the key; a nested key is its path joined by "/" ("liberation/military"), and a parent
 *     key holds the union of its own and its descendants' patterns
 * @param patterns the patterns in document order, without duplicates; never empty
 */
public record Category(String key, List<DictionaryPattern> patterns) implements Serializable {
  public Category {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a category needs a key");
    }
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("category '" + key + "' has no patterns");
    }
  }
}
