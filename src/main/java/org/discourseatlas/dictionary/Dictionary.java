package org.discourseatlas.dictionary;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named list of categories, in document order (a parent before its children).
 *
 * @param name the dictionary's name, by default the file's base name ("conflict-framing")
 * @param categories the categories, keys unique
 */
public record Dictionary(String name, List<Category> categories) implements Serializable {
  public Dictionary {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a dictionary needs a name");
    }
    categories = List.copyOf(categories);
    Set<String> keys = new HashSet<>();
    for (Category category : categories) {
      if (!keys.add(category.key())) {
        throw new IllegalArgumentException("duplicate category key '" + category.key() + "'");
      }
    }
  }

  /** The category with this key, or null. */
  public Category category(String key) {
    for (Category category : categories) {
      if (category.key().equals(key)) {
        return category;
      }
    }
    return null;
  }

  /** The same categories under another name (two files with the same base name). */
  public Dictionary named(String newName) {
    return new Dictionary(newName, categories);
  }
}
