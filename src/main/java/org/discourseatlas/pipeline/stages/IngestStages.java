package org.discourseatlas.pipeline.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discourseatlas.ingest.InputFiles;
import org.discourseatlas.ingest.NearDuplicates;
import org.discourseatlas.ingest.RepeatedLines;
import org.discourseatlas.ingest.TranscriptIngest;
import org.discourseatlas.pipeline.BaseSnapshot;
import org.discourseatlas.pipeline.RunData;
import org.discourseatlas.pipeline.RunState;
import org.discourseatlas.pipeline.Stage;
import org.discourseatlas.pipeline.StageLog;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.Table;

/** The stages from input paths to documents and rejects: list, read, learn boilerplate, finish. */
public final class IngestStages {
  /** A record's suffix on its file's path (JSON Lines, CSV): {@code <path>#<line>}. */
  private static final String RECORD_SUFFIX = "#[0-9]+$";

  private IngestStages() {}

  /** The stages in the order they run. */
  public static List<Stage> all() {
    return List.of(
        new ListInputs(),
        new ReadInputs(),
        new LearnBoilerplate(),
        new KeepNewInputs(),
        new FinishDocuments());
  }

  /** Lists the input paths (files, folders, globs) into files with their lengths. */
  static final class ListInputs implements Stage {
    public String name() {
      return "list inputs";
    }

    public List<Uses> reads() {
      return List.of();
    }

    public List<Uses> adds() {
      return List.of(Uses.of(RunData.INPUT_FILES, Columns.SOURCE_PATH, Columns.LENGTH));
    }

    public Counts run(RunState run) {
      Dataset<Row> listing = run.keep(InputFiles.list(run.spark, run.options.inputs()));
      run.put(RunData.INPUT_FILES, listing);
      return new Counts(run.options.inputs().size(), listing.count(), "files");
    }
  }

  /**
   * Reads every input into transcript drafts (and reject rows for what cannot be read): the
   * boilerplate is learned from the whole corpus, as a full run learns it.
   */
  static final class ReadInputs implements Stage {
    public String name() {
      return "read";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.INPUT_FILES, Columns.SOURCE_PATH, Columns.LENGTH));
    }

    public List<Uses> adds() {
      return List.of(Uses.of(RunData.ALL_RECORDS, TranscriptIngest.READ_SCHEMA.fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> files =
          InputFiles.read(run.get(RunData.INPUT_FILES), run.config.parser().maxFileBytes());
      Dataset<Row> read =
          run.keep(
              TranscriptIngest.read(
                  files,
                  run.config.parser(),
                  java.time.Duration.ofSeconds(run.config.maxSecondsPerFile())));
      run.put(RunData.ALL_RECORDS, read);
      long inputFiles = run.get(RunData.INPUT_FILES).count();
      long records = read.count();
      checkEveryFileRead(run.get(RunData.INPUT_FILES), read);
      run.report(new StageReports.InputsRead(inputFiles, records));
      return new Counts(inputFiles, records, "records");
    }
  }

  /**
   * Records = documents + duplicates + rejects is checked per record; this checks it per file:
   * every input file gave at least one record (a draft or a reject), so no file can vanish from the
   * accounting, as a CSV with only its header line once did.
   */
  static void checkEveryFileRead(Dataset<Row> inputFiles, Dataset<Row> read) {
    Column path = col(Columns.SOURCE_PATH);
    // A record's file is its path, or for a JSONL or CSV record the path before "#<record>".
    Dataset<Row> readFiles =
        read.select(path)
            .union(read.select(regexp_replace(path, RECORD_SUFFIX, "").as(Columns.SOURCE_PATH)));
    List<Row> lost = inputFiles.select(path).except(readFiles).limit(5).collectAsList();
    if (!lost.isEmpty()) {
      throw new IllegalStateException(
          "input accounting broken: input files with no document, duplicate or reject row, e.g. "
              + lost);
    }
  }

  /**
   * Learns each source's repeated lines from every input. Earlier documents were cleaned with the
   * lines learned then: when the new inputs change a source's lines, every input is analysed again.
   */
  static final class LearnBoilerplate implements Stage {
    public String name() {
      return "boilerplate";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.ALL_RECORDS, Columns.SOURCE, Columns.BODY));
    }

    public List<Uses> adds() {
      return List.of();
    }

    public Counts run(RunState run) {
      Map<String, Set<String>> repeatedLines = new TreeMap<>();
      RepeatedLines.learn(run.get(RunData.ALL_RECORDS), run.config.repeatedLines())
          .forEach(
              (source, lines) -> {
                repeatedLines.put(source, new TreeSet<>(lines));
                StageLog.note(
                    "source '"
                        + source
                        + "': "
                        + lines.size()
                        + " repeated lines dropped as boilerplate");
              });
      run.report(new StageReports.Boilerplate(repeatedLines));
      run.saveModelFile(BaseSnapshot.REPEATED_LINES, repeatedLines);
      run.rebase(run.base().unlessBoilerplateChanged(repeatedLines));
      long learned = repeatedLines.values().stream().mapToLong(Set::size).sum();
      return new Counts(run.fact(StageReports.InputsRead.class).records(), learned, "lines");
    }
  }

  /** Keeps the records whose input bytes (content hash) the base snapshot has not ingested. */
  static final class KeepNewInputs implements Stage {

    public String name() {
      return "new inputs";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.ALL_RECORDS, Columns.CONTENT_HASH, Columns.SOURCE_PATH));
    }

    public List<Uses> adds() {
      return List.of(Uses.of(RunData.NEW_RECORDS, TranscriptIngest.READ_SCHEMA.fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> read = run.get(RunData.ALL_RECORDS);
      Set<String> seen = run.base().seenHashes();
      Dataset<Row> fresh = run.keep(read.filter(notSeen(run, seen)));
      run.put(RunData.NEW_RECORDS, fresh);
      long records = fresh.count();
      long filesAlreadySeen =
          read.filter(col(Columns.CONTENT_HASH).isin(seen.toArray()).and(lit(!seen.isEmpty())))
              .select(regexp_replace(col(Columns.SOURCE_PATH), RECORD_SUFFIX, ""))
              .distinct()
              .count();
      StageReports.InputsRead inputs = run.fact(StageReports.InputsRead.class);
      if (run.base().exists()) {
        StageLog.note(
            filesAlreadySeen
                + " of "
                + inputs.inputFiles()
                + " input files were ingested by snapshot "
                + run.base().manifest().get("snapshot")
                + ": "
                + records
                + " new records of "
                + inputs.records());
      }
      run.report(new StageReports.SeenInputs(filesAlreadySeen, records));
      return new Counts(inputs.records(), records, "records");
    }

    /** Keeps the records whose input's content hash is not among {@code seen}. */
    private static FilterFunction<Row> notSeen(RunState run, Set<String> seen) {
      Broadcast<Set<String>> hashes =
          JavaSparkContext.fromSparkContext(run.spark.sparkContext()).broadcast(seen);
      // By position: rows of a typed map carry no schema.
      int hashAt = TranscriptIngest.READ_SCHEMA.fieldIndex(Columns.CONTENT_HASH);
      return row -> !hashes.value().contains(row.getString(hashAt));
    }
  }

  /**
   * Finishes drafts into documents (turns, language) and rejects; marks exact and near duplicates
   * among the new documents and against the documents of the base snapshot.
   */
  static final class FinishDocuments implements Stage {
    public String name() {
      return "documents";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.NEW_RECORDS, TranscriptIngest.READ_SCHEMA.fieldNames()));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.of(
              RunData.NEW_DOCUMENTS,
              Columns.DOC_ID,
              Columns.DUPLICATE_OF,
              Columns.DUPLICATE_SIMILARITY,
              Columns.TURN_LIST),
          Uses.of(RunData.NEW_REJECTS, Table.REJECTS.schema().fieldNames()),
          Uses.of(RunData.EARLIER_DOCUMENTS, Table.DOCUMENTS.schema().fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> read = run.get(RunData.NEW_RECORDS);
      Map<String, Set<String>> repeatedLines = run.fact(StageReports.Boilerplate.class).lines();
      Dataset<Row> finished =
          run.keep(
              TranscriptIngest.finish(
                  read,
                  repeatedLines,
                  run.config.parser(),
                  java.time.Duration.ofSeconds(run.config.maxSecondsPerFile())));
      Dataset<Row> newRejects =
          run.keep(TranscriptIngest.rejects(read).unionByName(TranscriptIngest.rejects(finished)));
      Dataset<Row> earlierDocuments = run.keep(run.base().table(Table.DOCUMENTS));
      Dataset<Row> newDocuments =
          run.keepFlat(
              NearDuplicates.markAgainst(
                  TranscriptIngest.documents(finished),
                  NearDuplicates.earlierDocuments(earlierDocuments, run.base().table(Table.TURNS)),
                  run.config.nearDuplicates()));
      long rejects = newRejects.count();
      // One pass for the three counts.
      Row totals =
          newDocuments
              .agg(
                  functions.count(functions.lit(1)),
                  functions.count(functions.when(col(Columns.DUPLICATE_OF).isNotNull(), 1)),
                  functions.count(functions.when(col(Columns.DUPLICATE_SIMILARITY).lt(1.0), 1)))
              .first();
      long duplicates = totals.getLong(1);
      long nearDuplicates = totals.getLong(2);
      long analysed = totals.getLong(0) - duplicates;
      long records = run.fact(StageReports.SeenInputs.class).newRecords();
      if (records != analysed + duplicates + rejects) {
        throw new IllegalStateException(
            "input accounting broken: "
                + records
                + " new records != "
                + analysed
                + " documents + "
                + duplicates
                + " duplicates + "
                + rejects
                + " rejects");
      }
      run.put(RunData.NEW_DOCUMENTS, newDocuments);
      run.put(RunData.NEW_REJECTS, newRejects);
      run.put(RunData.EARLIER_DOCUMENTS, earlierDocuments);
      run.report(new StageReports.NewDocuments(analysed, duplicates, nearDuplicates, rejects));
      StageLog.note(
          (run.base().exists() ? "new inputs: " : "")
              + duplicates
              + " duplicates ("
              + nearDuplicates
              + " near, Jaccard >= "
              + run.config.nearDuplicates().minJaccard()
              + "), "
              + rejects
              + " rejects");
      return new Counts(records, analysed, "documents");
    }
  }
}
