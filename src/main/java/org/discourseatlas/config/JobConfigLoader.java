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

  /** Validates a merged configuration; every error names its key. */
  public static JobConfig fromConfig(Config merged) {
    try {
      Config root = merged.getConfig(ROOT);
      Config ingest = root.getConfig("ingest");
      Config fields = ingest.getConfig("json-fields");
      List<ParserSettings.SourceRule> sourceRules = new ArrayList<>();
      int i = 0;
      for (Config rule : ingest.getConfigList("sources")) {
        String pathContains = rule.getString("path-contains");
        if (pathContains.isEmpty()) {
          throw invalid("ingest.sources[" + i + "].path-contains", "must not be empty");
        }
        sourceRules.add(new ParserSettings.SourceRule(pathContains, rule.getString("source")));
        i++;
      }
      long maxFileBytes = ingest.getBytes("max-file-bytes");
      if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
        throw invalid("ingest.max-file-bytes", "must be between 1 byte and 2 GiB, is " + maxFileBytes);
      }
      int minTextChars = nonNegative(ingest, "min-text-chars", "ingest.");
      ParserSettings parser =
          new ParserSettings(
              maxFileBytes,
              minTextChars,
              new ParserSettings.JsonFields(
                  fields.getString("text"),
                  fields.getString("title"),
                  fields.getString("date"),
                  fields.getString("url"),
                  fields.getString("source")),
              List.copyOf(sourceRules));

      Config zones = root.getConfig("zones");
      String gazetteer = zones.getString("gazetteer").strip();
      int window = nonNegative(zones, "window", "zones.");

      Config terms = root.getConfig("terms");
      int minTermLength = terms.getInt("min-term-length");
      if (minTermLength < 1) {
        throw invalid("terms.min-term-length", "must be at least 1, is " + minTermLength);
      }
      String rendered =
          root.root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
      return new JobConfig(
          parser,
          gazetteer.isEmpty() ? null : gazetteer,
          window,
          minTermLength,
          List.copyOf(terms.getStringList("extra-stopwords")),
          rendered);
    } catch (ConfigException e) {
      // Typesafe's message already names the key and the file and line it came from.
      throw new InvalidConfigException("config: " + e.getMessage(), e);
    }
  }

  private static int nonNegative(Config section, String key, String prefix) {
    int value = section.getInt(key);
    if (value < 0) {
      throw invalid(prefix + key, "must be >= 0, is " + value);
    }
    return value;
  }

  private static InvalidConfigException invalid(String key, String problem) {
    return new InvalidConfigException("config: " + ROOT + "." + key + " " + problem);
  }
}
