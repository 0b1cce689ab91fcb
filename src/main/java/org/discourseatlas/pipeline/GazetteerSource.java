package org.discourseatlas.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.discourseatlas.config.InvalidConfigException;
import org.discourseatlas.zones.ZoneGazetteer;

/**
 * Loads the zone gazetteer on the driver: the user's file (any Hadoop file system) or the default.
 */
final class GazetteerSource {
  static final String DEFAULT_RESOURCE = "/zones/default-zones.csv";

  private GazetteerSource() {}

  static ZoneGazetteer load(String userPath, Configuration hadoopConf) {
    if (userPath == null) {
      InputStream in = GazetteerSource.class.getResourceAsStream(DEFAULT_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DEFAULT_RESOURCE);
      }
      return ZoneGazetteer.fromCsv(
          new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
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
}
