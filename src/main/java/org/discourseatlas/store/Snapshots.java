package org.discourseatlas.store;

import org.discourseatlas.schema.Table;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The reading side of an output root: the complete runs, from their manifests under
 * {@code _runs/}, and where each names its tables. A snapshot's current run is the latest
 * succeeded run of that month; earlier runs of the month are superseded (their manifests stay as
 * the record; their folders are gone). Staging and orphaned run folders are never read.
 */
public final class Snapshots {
  public static final String RUNS_DIR = "_runs";
  static final String MANIFEST_SUFFIX = ".json";
  /** Manifest key: the layout version; absent in manifests of the layout before run folders. */
  public static final String LAYOUT = "layout";
  public static final String LAYOUT_RUN_FOLDERS = "run-folders";
  private static final ObjectMapper JSON = new ObjectMapper();

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
            Map<String, Object> manifest = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
            if ("succeeded".equals(manifest.get("status"))) {
              succeeded.add(manifest);
            }
          }
        }
      }
      succeeded.sort(
          Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("finished_at")))
              .thenComparing(m -> String.valueOf(m.get("run_id"))));
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

  /** Where a run's manifest says a table is (null when that run wrote no such table). */
  public String tablePath(Map<String, Object> manifest, Table table) {
    Object tables = manifest.get("tables");
    if (!(tables instanceof Map<?, ?> named) || named.get(table.tableName()) == null) {
      return null;
    }
    return resolve(String.valueOf(named.get(table.tableName())));
  }

  /** A path a manifest names (relative to the output root, or absolute in older manifests). */
  public String resolve(String named) {
    Path path = new Path(named);
    return (path.isAbsolute() || path.toUri().getScheme() != null ? path : new Path(root, named)).toString();
  }

  /** Where the current run of {@code snapshot} put a table (tests and tools read through this). */
  public static String tablePath(String output, String snapshot, Table table, Configuration conf) {
    Snapshots snapshots = open(output, conf);
    Map<String, Object> manifest =
        snapshots.of(snapshot).orElseThrow(() -> new IllegalStateException("no complete run of snapshot " + snapshot + " in " + output));
    String path = snapshots.tablePath(manifest, table);
    if (path == null) {
      throw new IllegalStateException("the run of snapshot " + snapshot + " wrote no table " + table.tableName());
    }
    return path;
  }
}
