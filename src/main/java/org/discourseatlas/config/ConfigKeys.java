package org.discourseatlas.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks a user's config file whole against the keys of reference.conf, so a misspelt key or one
 * written outside the {@code discourse-atlas} root stops the job instead of being ignored.
 *
 * <p>Known paths are every path of reference.conf's {@code discourse-atlas} block, objects and
 * leaves. A list is a value, not a path: its elements are not walked. An object that is empty in
 * reference.conf is an open map (its keys would be the user's own names) and accepts anything below
 * it; reference.conf has none today (docs/decisions/0020-config-checked-whole.md).
 */
final class ConfigKeys {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  /** Each known path below the root (segments quoted as HOCON needs) and its default. */
  private final Map<String, ConfigValue> known = new TreeMap<>();

  private final String root;

  /**
   * @param root the root key, {@code discourse-atlas}
   * @param defaults reference.conf's block under the root
   */
  ConfigKeys(String root, ConfigObject defaults) {
    this.root = root;
    collect("", defaults);
  }

  private void collect(String prefix, ConfigObject object) {
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      String path = prefix + ConfigUtil.joinPath(entry.getKey());
      known.put(path, entry.getValue());
      if (entry.getValue() instanceof ConfigObject child) {
        collect(path + ".", child);
      }
    }
  }

  /**
   * Throws when the parsed, unresolved file has a key reference.conf does not know; the message
   * lists every such key on one line (the job prints it as one line, exit 2).
   */
  void check(ConfigObject userFile) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : userFile.entrySet()) {
      if (!entry.getKey().equals(root)) {
        visit("", entry.getKey(), entry.getValue(), true, problems);
      } else if (entry.getValue() instanceof ConfigObject block) {
        block.forEach((key, value) -> visit("", key, value, false, problems));
      } // a root that is not an object is a type error the loader reports by key
    }
    if (problems.isEmpty()) {
      return;
    }
    problems.sort(
        Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message));
    StringBuilder text = new StringBuilder("config: ");
    if (problems.size() > 1) {
      text.append(problems.size()).append(" unknown or misplaced keys: ");
    }
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : " | ").append(problems.get(i).message());
    }
    throw new InvalidConfigException(text.toString());
  }

  /**
   * One key of the user's file below {@code prefix}; {@code outside}: the walk started at a
   * top-level key other than the root, whose known paths are known only under the root.
   */
  private void visit(
      String prefix, String key, ConfigValue value, boolean outside, List<Problem> problems) {
    // Quoted as HOCON needs it: "zones.window" = 3 is one key with a dot, not zones.window.
    String path = prefix + ConfigUtil.joinPath(key);
    ConfigValue reference = known.get(path);
    if (reference == null) {
      unknownLeaves(path, value, outside, problems);
    } else if (reference instanceof ConfigObject defaults
        && !defaults.isEmpty()
        && value instanceof ConfigObject object) {
      object.forEach(
          (child, childValue) -> visit(path + ".", child, childValue, outside, problems));
    } else if (outside) {
      problems.add(
          problem(
              value.origin(),
              path
                  + where(value.origin())
                  + " is outside the "
                  + root
                  + " { } root; write "
                  + root
                  + "."
                  + path));
    }
    // Else a known leaf, an open map, or a value of the wrong type (the loader names that key).
  }

  /** Reports each leaf under an unknown path, so the message names the key the user wrote. */
  private void unknownLeaves(
      String path, ConfigValue value, boolean outside, List<Problem> problems) {
    if (value instanceof ConfigObject object && !object.isEmpty()) {
      object.forEach(
          (child, childValue) ->
              unknownLeaves(
                  path + "." + ConfigUtil.joinPath(child), childValue, outside, problems));
      return;
    }
    String suggestion = nearest(path, outside);
    problems.add(
        problem(
            value.origin(),
            "unknown key "
                + (outside ? "" : root + ".")
                + path
                + where(value.origin())
                + (suggestion == null ? "" : "; did you mean " + root + "." + suggestion + "?")));
  }

  /**
   * The known leaf nearest to a path by Levenshtein distance on the whole path below the root (so a
   * misspelt section, "sentimnet.scope", finds its key as well as a misspelt leaf does), or null
   * when none is within a third of the path's length (at least 2 edits, one transposition): a far
   * "suggestion" would mislead. A key outside the root is also compared with the root written
   * before it, for a misspelt root ("discourse-atlass.zones.window").
   */
  private String nearest(String path, boolean outside) {
    String best = null;
    int bestDistance = Math.max(2, path.length() / 3) + 1;
    for (Map.Entry<String, ConfigValue> entry : known.entrySet()) {
      if (entry.getValue() instanceof ConfigObject) {
        continue; // a leaf is what the user meant to set
      }
      int distance = DISTANCE.apply(path, entry.getKey());
      if (outside) {
        distance = Math.min(distance, DISTANCE.apply(path, root + "." + entry.getKey()));
      }
      if (distance < bestDistance) {
        best = entry.getKey();
        bestDistance = distance;
      }
    }
    return best;
  }

  /** " in FILE line N"; an origin that is not a file (a string, a resource) as Typesafe says it. */
  private static String where(ConfigOrigin origin) {
    if (origin.filename() == null) {
      return " in " + origin.description();
    }
    return " in "
        + origin.filename()
        + (origin.lineNumber() > 0 ? " line " + origin.lineNumber() : "");
  }

  private static Problem problem(ConfigOrigin origin, String message) {
    String file = origin.filename() != null ? origin.filename() : origin.description();
    return new Problem(file, origin.lineNumber(), message);
  }

  private record Problem(String file, int line, String message) {}
}
