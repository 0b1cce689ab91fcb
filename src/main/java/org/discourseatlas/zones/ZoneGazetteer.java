package org.discourseatlas.zones;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conflict zones the job tags, read from a CSV file with the header {@code
 * id,name,aliases,parent,latitude,longitude}; aliases are separated by {@code |}, and the zone's
 * name is always one of them. Lines starting with {@code #} are comments.
 */
public final class ZoneGazetteer implements Serializable {
  private static final List<String> HEADER =
      List.of("id", "name", "aliases", "parent", "latitude", "longitude");

  private final Map<String, Zone> zonesById;

  private ZoneGazetteer(Map<String, Zone> zonesById) {
    this.zonesById = Collections.unmodifiableMap(zonesById);
  }

  public List<Zone> zones() {
    return List.copyOf(zonesById.values());
  }

  /** Every alias of more than one word, zone by zone, in the gazetteer's order. */
  public List<String> multiwordAliases() {
    List<String> aliases = new java.util.ArrayList<>();
    for (Zone zone : zones()) {
      for (String alias : zone.aliases()) {
        if (alias.strip().contains(" ")) {
          aliases.add(alias);
        }
      }
    }
    return aliases;
  }

  public Zone zone(String id) {
    return zonesById.get(id);
  }

  /** Reads and validates a gazetteer; {@code origin} names the file in error messages. */
  public static ZoneGazetteer fromCsv(Reader csv, String origin) {
    Map<String, Zone> zones = new LinkedHashMap<>();
    Map<String, String> zoneOfAlias = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(csv)) {
      String line;
      int lineNumber = 0;
      boolean headerSeen = false;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a BOM, as spreadsheet programs write "CSV UTF-8"
        }
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        List<String> fields = splitCsvLine(line);
        String where = origin + " line " + lineNumber;
        if (!headerSeen) {
          if (!fields.equals(HEADER)) {
            throw new InvalidGazetteerException(
                where + ": header must be " + String.join(",", HEADER) + " but is " + line);
          }
          headerSeen = true;
          continue;
        }
        Zone zone = zoneOf(fields, where);
        if (zones.containsKey(zone.id())) {
          throw new InvalidGazetteerException(where + ": zone id '" + zone.id() + "' listed twice");
        }
        for (String alias : zone.aliases()) {
          String key = ZoneMatcher.key(alias);
          String other = zoneOfAlias.putIfAbsent(key, zone.id());
          if (other != null && !other.equals(zone.id())) {
            throw new InvalidGazetteerException(
                where
                    + ": alias '"
                    + alias
                    + "' of zone "
                    + zone.id()
                    + " already names zone "
                    + other);
          }
        }
        zones.put(zone.id(), zone);
      }
    } catch (IOException e) {
      throw new InvalidGazetteerException(origin + ": cannot be read: " + e.getMessage());
    }
    if (zones.isEmpty()) {
      throw new InvalidGazetteerException(origin + ": lists no zones");
    }
    return new ZoneGazetteer(zones);
  }

  private static Zone zoneOf(List<String> fields, String where) {
    if (fields.size() != HEADER.size()) {
      throw new InvalidGazetteerException(
          where + ": expected " + HEADER.size() + " fields, found " + fields.size());
    }
    String id = fields.get(0).strip();
    if (!id.matches("[a-z0-9_]+")) {
      throw new InvalidGazetteerException(where + ": zone id '" + id + "' must be [a-z0-9_]+");
    }
    String name = fields.get(1).strip();
    List<String> aliases = new ArrayList<>();
    aliases.add(name);
    for (String alias : fields.get(2).split("\\|")) {
      String trimmed = alias.strip();
      if (!trimmed.isEmpty() && !aliases.contains(trimmed)) {
        if (ZoneMatcher.key(trimmed).isEmpty()) {
          throw new InvalidGazetteerException(where + ": alias '" + trimmed + "' has no letters");
        }
        aliases.add(trimmed);
      }
    }
    double latitude = coordinate(fields.get(4), -90, 90, "latitude", where);
    double longitude = coordinate(fields.get(5), -180, 180, "longitude", where);
    String parent = fields.get(3).strip();
    return new Zone(
        id, name, List.copyOf(aliases), parent.isEmpty() ? null : parent, latitude, longitude);
  }

  private static double coordinate(
      String field, double min, double max, String what, String where) {
    try {
      double value = Double.parseDouble(field.strip());
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidGazetteerException(
          where + ": " + what + " '" + field + "' is not a number in [" + min + ", " + max + "]");
    }
  }

  /** Splits one CSV line: commas separate, double quotes enclose fields that hold commas. */
  static List<String> splitCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return Arrays.asList(fields.toArray(new String[0]));
  }
}
