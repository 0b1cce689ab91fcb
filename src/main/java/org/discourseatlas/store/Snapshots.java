package org.discourseatlas.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.discourseatlas.schema.Table;

/**
 * The reading side of an output root: the complete runs, from their manifests under {@code _runs/},
 * and where each names its tables.
 *
 * <h2>Which run is a month's snapshot</h2>
 *
 * <p>This is the one statement of the rule. {@code notebooks/atlas.py} ({@code current_runs})
 * applies the same rule to the same files, and {@code SnapshotRuleTest} checks that both pick the
 * same run of every month from one folder of manifests.
 *
 * <ol>
 *   <li>A run is published by one rename ({@link SnapshotStore#commit}): its manifest, written as
 *       {@code _runs/.<run_id>.json.partial}, becomes {@code _runs/<run_id>.json}. The manifests
 *       are the files {@code _runs/*.json} whose names do not start with {@code .}; a folder no
 *       manifest names (a run still writing, killed, or superseded) is never read.
 *   <li>Only a manifest with {@code "status": "succeeded"} and a {@code snapshot} (the month,
 *       {@code YYYY-MM}) counts.
 *   <li>Those are ordered by {@code finished_at}, as an instant: ISO-8601 {@code
 *       YYYY-MM-DDTHH:MM:SS}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code
 *       ±HH:MM} (what {@link Instant#toString()} writes; its fraction has 0, 3, 6 or 9 digits, so
 *       the strings do not sort as the instants do). A missing or unreadable {@code finished_at}
 *       sorts first. Ties go by {@code run_id}, as a string.
 *   <li>A month's current run is the last of that month in this order: a rerun supersedes the
 *       earlier run of its month (whose manifest stays as the record; its folders are deleted). The
 *       latest snapshot is the month of the last run in this order.
 * </ol>
 */
public final class Snapshots {
  public static final String RUNS_DIR = "_runs";
  static final String MANIFEST_SUFFIX = ".json";

  /** Manifest key: the layout version; absent in manifests of the layout before run folders. */
  public static final String LAYOUT = "layout";

  public static final String LAYOUT_RUN_FOLDERS = "run-folders";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FINISHED_AT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private final Path root;
  private final List<Map<String, Object>> current;

  private Snapshots(Path root, List<Map<String, Object>> current) {
    this.root = root;
    this.current = current;
  }

  /** Reads the manifests of an output root (none when it has no {@code _runs/}). */
  public static Snapshots open(String output, Configuration conf) {
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(conf);
      Path root = fs.makeQualified(path);
      Path runs = new Path(root, RUNS_DIR);
      List<Map<String, Object>> succeeded = new ArrayList<>();
      if (fs.exists(runs)) {
        for (FileStatus file : fs.listStatus(runs)) {
          String name = file.getPath().getName();
          if (!file.isFile() || name.startsWith(".") || !name.endsWith(MANIFEST_SUFFIX)) {
            continue;
          }
          try (InputStream in = fs.open(file.getPath())) {
            Map<String, Object> manifest =
                JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
            if ("succeeded".equals(manifest.get("status"))
                && manifest.get("snapshot") instanceof String) {
              succeeded.add(manifest);
            }
          }
        }
      }
      succeeded.sort(Comparator.comparing(Snapshots::finishedAt).thenComparing(Snapshots::runId));
      Map<String, Map<String, Object>> latestOfMonth = new LinkedHashMap<>();
      for (Map<String, Object> manifest : succeeded) {
        String month = String.valueOf(manifest.get("snapshot"));
        latestOfMonth.remove(month); // re-inserted last: the map stays in finishing order
        latestOfMonth.put(month, manifest);
      }
      return new Snapshots(root, List.copyOf(latestOfMonth.values()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifests under " + output, e);
    }
  }

  /**
   * A manifest's {@code finished_at} as an instant; {@link Instant#MIN} when missing or unreadable.
   */
  static Instant finishedAt(Map<String, Object> manifest) {
    Object value = manifest.get("finished_at");
    if (!(value instanceof String text) || !FINISHED_AT.matcher(text).matches()) {
      return Instant.MIN;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  private static String runId(Map<String, Object> manifest) {
    return manifest.get("run_id") instanceof String id ? id : "";
  }

  public Path root() {
    return root;
  }

  /** The current manifest of each snapshot month, oldest first by finishing time. */
  public List<Map<String, Object>> current() {
    return current;
  }

  /** The current run of a snapshot month. */
  public Optional<Map<String, Object>> of(String snapshot) {
    return current.stream().filter(m -> snapshot.equals(m.get("snapshot"))).findFirst();
  }

  /** The latest month before {@code snapshot} that has a complete run: what a refresh builds on. */
  public Optional<Map<String, Object>> before(String snapshot) {
    return current.stream()
        .filter(m -> String.valueOf(m.get("snapshot")).compareTo(snapshot) < 0)
        .max(Comparator.comparing(m -> String.valueOf(m.get("snapshot"))));
  }

  /**
   * Where a run's manifest says a table is: its folders (empty when that run wrote no such table).
   * A table carried over from earlier months is named as a list, the earlier runs' folders first
   * and the run's own (its added rows) last: the table is the union of their rows.
   */
  public List<String> tablePaths(Map<String, Object> manifest, Table table) {
    return namedFolders(manifest, table.tableName()).stream().map(this::resolve).toList();
  }

  /** The folders a manifest names for a table, as named (one, a list, or none). */
  public static List<String> namedFolders(Map<String, Object> manifest, String table) {
    Object tables = manifest.get("tables");
    if (!(tables instanceof Map<?, ?> named) || named.get(table) == null) {
      return List.of();
    }
    Object folders = named.get(table);
    if (folders instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(folders));
  }

  /** A path a manifest names (relative to the output root, or absolute in older manifests). */
  public String resolve(String named) {
    Path path = new Path(named);
    return (path.isAbsolute() || path.toUri().getScheme() != null ? path : new Path(root, named))
        .toString();
  }

  /**
   * Where the current run of {@code snapshot} put a table: its folders, to read together (tests and
   * tools read through this).
   */
  public static String[] tablePaths(
      String output, String snapshot, Table table, Configuration conf) {
    Snapshots snapshots = open(output, conf);
    Map<String, Object> manifest =
        snapshots
            .of(snapshot)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no complete run of snapshot " + snapshot + " in " + output));
    List<String> paths = snapshots.tablePaths(manifest, table);
    if (paths.isEmpty()) {
      throw new IllegalStateException(
          "the run of snapshot " + snapshot + " wrote no table " + table.tableName());
    }
    return paths.toArray(new String[0]);
  }
}
