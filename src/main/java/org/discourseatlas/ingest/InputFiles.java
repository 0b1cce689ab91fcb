package org.discourseatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.store.SerializableHadoopConf;
import org.discourseatlas.text.Sha256Hex;

/**
 * The input files of a run: files, folders (recursively) and globs on any Hadoop file system,
 * listed on the driver — every file, hidden ones too, so that none is silently skipped — and read
 * on the executors through the same Hadoop configuration.
 */
public final class InputFiles {
  public static final StructType LISTING_SCHEMA =
      new StructType()
          .add(Columns.SOURCE_PATH, DataTypes.StringType, false)
          .add(Columns.LENGTH, DataTypes.LongType, false)
          .add(Columns.MODIFIED, DataTypes.LongType, false);
  public static final StructType CONTENT_SCHEMA =
      LISTING_SCHEMA
          .add(Columns.CONTENT, DataTypes.BinaryType, true)
          .add(Columns.READ_ERROR, DataTypes.StringType, true)
          .add(Columns.CONTENT_HASH, DataTypes.StringType, false);

  /**
   * Every input file a run ingested, with its hash (refresh state): a listed file whose path,
   * length and modification time are here is not read again; a file read again (touched, renamed,
   * copied) whose hash is here is still seen.
   */
  public static final StructType SEEN_SCHEMA =
      LISTING_SCHEMA.add(Columns.CONTENT_HASH, DataTypes.StringType, false);

  private InputFiles() {}

  /**
   * One row per input file (path, length, modification time), sorted by path; fails when an input
   * matches nothing.
   */
  public static Dataset<Row> list(SparkSession spark, List<String> inputs) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    TreeMap<String, FileStatus> files = new TreeMap<>();
    for (String input : inputs) {
      int before = files.size();
      try {
        Path pattern = new Path(input);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern);
        if (matches == null || matches.length == 0) {
          throw new InputNotFoundException("input not found: " + input);
        }
        for (FileStatus match : matches) {
          if (match.isFile()) {
            files.put(match.getPath().toString(), match);
          } else {
            addFilesUnder(fs, match.getPath(), files);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new InputNotFoundException(
            "input cannot be listed: " + input + " (" + e.getMessage() + ")");
      }
      if (files.size() == before) {
        throw new InputNotFoundException("input holds no files: " + input);
      }
    }
    List<Row> rows = new ArrayList<>(files.size());
    files.forEach(
        (path, status) ->
            rows.add(RowFactory.create(path, status.getLen(), status.getModificationTime())));
    return listing(spark, rows);
  }

  /**
   * Listing rows ({@link #LISTING_SCHEMA}) as a dataset of their own, spread over a few tasks per
   * core: each file's read is a task's work, and a listing of thousands of files in one partition
   * would read them on one core.
   */
  public static Dataset<Row> listing(SparkSession spark, List<Row> rows) {
    int partitions =
        Math.max(1, Math.min(rows.size(), spark.sparkContext().defaultParallelism() * 4));
    return spark.createDataFrame(rows, LISTING_SCHEMA).repartition(partitions);
  }

  /**
   * Walks a folder with listStatus, not listFiles: listFiles builds LocatedFileStatus objects,
   * which on the local file system fork an `ls` per file for its permissions (minutes for ten
   * thousand files); a plain FileStatus is enough for a path and a length.
   */
  private static void addFilesUnder(FileSystem fs, Path folder, Map<String, FileStatus> files)
      throws IOException {
    java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>();
    folders.push(folder);
    while (!folders.isEmpty()) {
      for (FileStatus status : fs.listStatus(folders.pop())) {
        if (status.isDirectory()) {
          folders.push(status.getPath());
        } else {
          files.put(status.getPath().toString(), status);
        }
      }
    }
  }

  /**
   * Adds each file's bytes and their hash; a file over {@code maxBytes} is not read (content null,
   * its length says why), a file that cannot be read gets {@code read_error}.
   */
  public static Dataset<Row> read(Dataset<Row> listing, long maxBytes) {
    SerializableHadoopConf conf =
        new SerializableHadoopConf(listing.sparkSession().sparkContext().hadoopConfiguration());
    MapFunction<Row, Row> reader =
        row -> {
          String path = row.getString(0);
          long length = row.getLong(1);
          long modified = row.getLong(2);
          if (length > maxBytes) {
            return RowFactory.create(path, length, modified, null, null, unreadHash(path, length));
          }
          try {
            byte[] content = readAll(path, conf.get());
            return RowFactory.create(path, length, modified, content, null, contentHash(content));
          } catch (IOException e) {
            return RowFactory.create(
                path, length, modified, null, e.toString(), unreadHash(path, length));
          }
        };
    return listing.map(reader, Encoders.row(CONTENT_SCHEMA));
  }

  /** The hash of a file's bytes ({@link Columns#CONTENT_HASH}). */
  public static String contentHash(byte[] content) {
    return Sha256Hex.of(content);
  }

  /**
   * A file not read (too large, unreadable) has no content to hash: its path and length stand for
   * it, so the same file is recognised next month and not rejected twice.
   */
  static String unreadHash(String path, long length) {
    return "unread:" + contentHash((path + "\0" + length).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] readAll(String path, Configuration conf) throws IOException {
    Path file = new Path(path);
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return in.readAllBytes();
    }
  }
}
