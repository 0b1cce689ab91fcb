package org.discourseatlas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Trash;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Deletes the run folders no current manifest names: a killed run's and a superseded run's. Only
 * what this job wrote goes: {@code <table>/snapshot=M/run=<id>} where {@code <id>} has the job's
 * run-id shape ({@link RunIds}), is not the running run's, and is not a symbolic link (nor under
 * one). Anything else a user puts there ({@code run=X.bak}, {@code exports/}, a link to another
 * disk) stays. Each deletion is logged; where the file system keeps a trash (HDFS with {@code
 * fs.trash.interval} set) the folder goes to the trash rather than away.
 */
final class RunFolderCleanup {
  private static final Logger LOG = LogManager.getLogger(RunFolderCleanup.class);

  private final FileSystem fs;
  private final Path root;
  private final String runId;

  RunFolderCleanup(FileSystem fs, Path root, String runId) {
    this.fs = fs;
    this.root = root;
    this.runId = runId;
  }

  void deleteUnnamedRunFolders() throws IOException {
    Set<String> namedRuns = new TreeSet<>();
    Set<String> legacyMonths = new TreeSet<>();
    for (Map<String, Object> manifest : Snapshots.open(root.toString(), fs.getConf()).current()) {
      Object id = manifest.get("run_id");
      if (id != null) {
        namedRuns.add(SnapshotStore.RUN_PREFIX + id);
      }
      // A carried table names earlier runs' folders too: those runs' folders stay while a current
      // manifest names one of them, even after a rerun of their month superseded them.
      if (manifest.get("tables") instanceof Map<?, ?> tables) {
        for (Object table : tables.keySet()) {
          for (String folder : Snapshots.namedFolders(manifest, String.valueOf(table))) {
            String run = new Path(folder).getName();
            if (run.startsWith(SnapshotStore.RUN_PREFIX)) {
              namedRuns.add(run);
            }
          }
        }
      }
      // Manifests of the layout before run folders name snapshot=M itself: keep what is in it.
      if (manifest.get(Snapshots.LAYOUT) == null) {
        legacyMonths.add(SnapshotStore.SNAPSHOT_PREFIX + manifest.get("snapshot"));
      }
    }
    String ownFolder = SnapshotStore.RUN_PREFIX + runId;
    for (FileStatus top : fs.listStatus(root)) {
      String name = top.getPath().getName();
      if (!isRealFolder(top) || name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      for (FileStatus month : fs.listStatus(top.getPath())) {
        String monthName = month.getPath().getName();
        if (!isRealFolder(month)
            || !monthName.startsWith(SnapshotStore.SNAPSHOT_PREFIX)
            || legacyMonths.contains(monthName)) {
          continue;
        }
        for (FileStatus child : fs.listStatus(month.getPath())) {
          String childName = child.getPath().getName();
          if (isRealFolder(child)
              && isRunFolderName(childName)
              && !childName.equals(ownFolder)
              && !namedRuns.contains(childName)) {
            remove(child.getPath());
          }
        }
        if (fs.listStatus(month.getPath()).length == 0) {
          fs.delete(month.getPath(), false);
        }
      }
    }
  }

  /** {@code run=<id>} with an id of the job's shape. */
  static boolean isRunFolderName(String name) {
    return name.startsWith(SnapshotStore.RUN_PREFIX)
        && RunIds.isRunId(name.substring(SnapshotStore.RUN_PREFIX.length()));
  }

  /** A folder, and not a symbolic link to one (which Hadoop's local listing follows). */
  private boolean isRealFolder(FileStatus status) throws IOException {
    if (!status.isDirectory() || status.isSymlink()) {
      return false;
    }
    if ("file".equals(fs.getScheme())) {
      return !Files.isSymbolicLink(
          java.nio.file.Path.of(fs.makeQualified(status.getPath()).toUri()));
    }
    return true;
  }

  private void remove(Path folder) throws IOException {
    if (Trash.moveToAppropriateTrash(fs, folder, fs.getConf())) {
      LOG.info("moved run folder no manifest names to the trash: {}", folder);
    } else {
      fs.delete(folder, true);
      LOG.info("deleted run folder no manifest names: {}", folder);
    }
  }
}
