package org.discourseatlas.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.discourseatlas.config.InvalidConfigException;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.dictionary.Dictionary;
import org.discourseatlas.dictionary.DictionaryException;
import org.discourseatlas.dictionary.DictionaryReader;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * Loads the files the configuration names, on the driver: the zone gazetteer and the category
 * dictionaries (the user's, on any Hadoop file system, or those shipped in the jar). A file that
 * cannot be read or parsed is a configuration error (exit 2) naming the key, file and line.
 */
public final class ReferenceFiles {
  static final String DEFAULT_GAZETTEER = "/zones/default-zones.csv";

  /** The framing dictionaries ({@code frames.dictionaries}) and the actor dictionary. */
  public record Dictionaries(List<Dictionary> frames, Dictionary actors) {}

  private ReferenceFiles() {}

  static ZoneGazetteer gazetteer(String userPath, Configuration hadoopConf) {
    if (userPath == null) {
      InputStream in = ReferenceFiles.class.getResourceAsStream(DEFAULT_GAZETTEER);
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DEFAULT_GAZETTEER);
      }
      return ZoneGazetteer.fromCsv(
          new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_GAZETTEER);
    }
    Path path = new Path(userPath);
    try (Reader reader =
        new InputStreamReader(path.getFileSystem(hadoopConf).open(path), StandardCharsets.UTF_8)) {
      return ZoneGazetteer.fromCsv(reader, userPath);
    } catch (IOException e) {
      throw new InvalidConfigException(
          "config: discourse-atlas.zones.gazetteer: cannot read "
              + userPath
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  static Dictionaries dictionaries(JobConfig config, Configuration hadoopConf) {
    List<Dictionary> frames = new ArrayList<>();
    for (String name : config.frames().dictionaries()) {
      Dictionary dictionary = dictionary(name, "frames.dictionaries", hadoopConf);
      for (Dictionary earlier : frames) {
        if (earlier.name().equals(dictionary.name())) {
          throw new InvalidConfigException(
              "config: discourse-atlas.frames.dictionaries: two dictionaries are named '"
                  + dictionary.name()
                  + "' (a dictionary is named after its file): rename one file");
        }
      }
      frames.add(dictionary);
    }
    Dictionary actors =
        config.actors().enabled()
            ? dictionary(config.actors().dictionary(), "actors.dictionary", hadoopConf)
            : null;
    return new Dictionaries(List.copyOf(frames), actors);
  }

  /** A bare name ("conflict-framing": no separator, no extension) is shipped; else a file. */
  private static Dictionary dictionary(String nameOrPath, String key, Configuration hadoopConf) {
    String where = "config: discourse-atlas." + key + ": ";
    try {
      if (!nameOrPath.contains("/") && !nameOrPath.contains(".")) {
        return DictionaryReader.shipped(nameOrPath);
      }
      Path path = new Path(nameOrPath);
      String text;
      try (InputStream in = path.getFileSystem(hadoopConf).open(path)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return DictionaryReader.read(nameOrPath, text);
    } catch (DictionaryException e) {
      throw new InvalidConfigException(where + e.getMessage(), e);
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidConfigException(
          where + "cannot read " + nameOrPath + " (" + e.getMessage() + ")", e);
    }
  }
}
