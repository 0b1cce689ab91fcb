package org.discourseatlas.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.discourseatlas.text.ParserSettings;

/** Loads {@link JobConfig} from the defaults and an optional user HOCON file, failing with the key. */
public final class JobConfigLoader {
  static final String ROOT = "discourse-atlas";

  private JobConfigLoader() {}

  /** The defaults alone. */
  public static JobConfig defaults() {
    return fromConfig(ConfigFactory.defaultReference());
  }

  /** The user's file over the defaults; the file must exist and parse. */
  public static JobConfig load(File userFile) {
    if (!userFile.isFile() || !userFile.canRead()) {
      throw new InvalidConfigException("config file not found or unreadable: " + userFile);
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(userFile, ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidConfigException("config file " + userFile + ": " + e.getMessage(), e);
    }
    return fromConfig(user.withFallback(ConfigFactory.defaultReference()).resolve());
  }

  /** Validates a merged configuration; every error names its full key. */
  public static JobConfig fromConfig(Config merged) {
    try {
      // Full paths throughout, so Typesafe's own errors ("has type STRING rather than NUMBER")
      // name the whole key, not only its last part.
      Config config = merged.resolve();
      List<ParserSettings.SourceRule> sourceRules = new ArrayList<>();
      int i = 0;
      for (Config rule : config.getConfigList(key("ingest.sources"))) {
        String pathContains = rule.getString("path-contains");
        if (pathContains.isEmpty()) {
          throw invalid("ingest.sources[" + i + "].path-contains", "must not be empty");
        }
        sourceRules.add(new ParserSettings.SourceRule(pathContains, rule.getString("source")));
        i++;
      }
      long maxFileBytes = config.getBytes(key("ingest.max-file-bytes"));
      if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
        throw invalid("ingest.max-file-bytes", "must be between 1 byte and 2 GiB, is " + maxFileBytes);
      }
      ParserSettings parser =
          new ParserSettings(
              maxFileBytes,
              nonNegative(config, "ingest.min-text-chars"),
              new ParserSettings.JsonFields(
                  config.getString(key("ingest.json-fields.text")),
                  config.getString(key("ingest.json-fields.title")),
                  config.getString(key("ingest.json-fields.date")),
                  config.getString(key("ingest.json-fields.url")),
                  config.getString(key("ingest.json-fields.source"))),
              List.copyOf(sourceRules));

      String gazetteer = config.getString(key("zones.gazetteer")).strip();
      int window = nonNegative(config, "zones.window");
      int minTermLength = config.getInt(key("terms.min-term-length"));
      if (minTermLength < 1) {
        throw invalid("terms.min-term-length", "must be at least 1, is " + minTermLength);
      }
      String rendered =
          config.getConfig(ROOT).root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
      return new JobConfig(
          parser,
          gazetteer.isEmpty() ? null : gazetteer,
          window,
          minTermLength,
          List.copyOf(config.getStringList(key("terms.extra-stopwords"))),
          rendered);
    } catch (ConfigException e) {
      // Typesafe's message names the key and the file and line it came from.
      throw new InvalidConfigException("config: " + e.getMessage(), e);
    }
  }

  private static String key(String path) {
    return ROOT + "." + path;
  }

  private static int nonNegative(Config config, String path) {
    int value = config.getInt(key(path));
    if (value < 0) {
      throw invalid(path, "must be >= 0, is " + value);
    }
    return value;
  }

  private static InvalidConfigException invalid(String path, String problem) {
    return new InvalidConfigException("config: " + key(path) + " " + problem);
  }
}
