package org.discourseatlas.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.util.List;

/** Reading and checking single values of the configuration, naming the key when one is wrong. */
final class ConfigValues {
  private ConfigValues() {}

  static double nonNegativeDouble(Config config, String path) {
    double value = config.getDouble(key(path));
    if (!(value >= 0)) {
      throw invalid(path, "must be >= 0, is " + value);
    }
    return value;
  }

  /**
   * A list's elements are values, so the file check does not see their keys; a misspelt one
   * ("refrence") would be ignored like a misspelt path.
   */
  static void onlyKeys(Config element, String where, String... keys) {
    for (String key : element.root().keySet()) {
      if (!List.of(keys).contains(key)) {
        throw invalid(
            where + "." + key, "is not a key here; the keys are " + String.join(", ", keys));
      }
    }
  }

  static int positive(Config config, String path) {
    return atLeast(config, path, 1);
  }

  static double share(Config config, String path) {
    double value = config.getDouble(key(path));
    if (!(value > 0 && value <= 1)) {
      throw invalid(path, "must be in (0, 1], is " + value);
    }
    return value;
  }

  static String key(String path) {
    return JobConfigLoader.ROOT + "." + path;
  }

  static int nonNegative(Config config, String path) {
    return atLeast(config, path, 0);
  }

  static int atLeast(Config config, String path, int min) {
    int value = config.getInt(key(path));
    if (value < min) {
      throw invalid(path, "must be >= " + min + ", is " + value);
    }
    return value;
  }

  static InvalidConfigException invalid(String path, String problem) {
    return new InvalidConfigException("config: " + key(path) + " " + problem);
  }

  /** A list of names, or one name where the key is a string; none blank, the list may be empty. */
  static List<String> names(Config config, String path) {
    List<String> names =
        config.getValue(key(path)).valueType() == ConfigValueType.STRING
            ? List.of(config.getString(key(path)))
            : config.getStringList(key(path));
    if (names.stream().anyMatch(String::isBlank)) {
      throw invalid(path, "names a blank entry: " + names);
    }
    return List.copyOf(names);
  }
}
