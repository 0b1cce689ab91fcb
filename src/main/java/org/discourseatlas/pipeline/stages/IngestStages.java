package org.discourseatlas.pipeline.stages;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discourseatlas.ingest.InputFiles;
import org.discourseatlas.ingest.NearDuplicates;
import org.discourseatlas.ingest.RefreshState;
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
      return List.of(Uses.of(RunData.INPUT_FILES, InputFiles.LISTING_SCHEMA.fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> listing = run.keep(InputFiles.list(run.spark, run.options.inputs()));
      run.put(RunData.INPUT_FILES, listing);
      return new Counts(run.options.inputs().size(), listing.count(), "files");
    }
  }

  /**
   * Reads the inputs into transcript drafts (and reject rows for what cannot be read): every input,
   * or in a refresh the files the base's state does not list with the same path, length and
   * modification time (new, changed, touched or renamed files).
   */
  static final class ReadInputs implements Stage {
    public String name() {
      return "read";
    }

    public List<Uses> reads() {
      return List.of(Uses.of(RunData.INPUT_FILES, InputFiles.LISTING_SCHEMA.fieldNames()));
    }

    public List<Uses> adds() {
      return List.of(
          Uses.of(RunData.READ_FILES, InputFiles.LISTING_SCHEMA.fieldNames()),
          Uses.of(RunData.ALL_RECORDS, TranscriptIngest.READ_SCHEMA.fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> listing = run.get(RunData.INPUT_FILES);
      Dataset<Row> toRead =
          run.base().exists() ? run.keep(notListedIn(listing, run.base())) : listing;

      long inputFiles = listing.count();
      long filesRead = toRead == listing ? inputFiles : toRead.count();
      long records = RecordFiles.read(run, toRead);
      run.report(new StageReports.InputsRead(inputFiles, filesRead, records));
      return new Counts(inputFiles, records, "records");
    }

    /**
     * The listed files the base's state does not hold with the same path, length and modification
     * time: the quick check of rsync and make; a file rewritten in place with the same length
     * within the file system's time resolution is not noticed (--full reads every file).
     */
    private static Dataset<Row> notListedIn(Dataset<Row> listing, BaseSnapshot base) {
      String[] key = InputFiles.LISTING_SCHEMA.fieldNames();
      return listing
          .join(
              base.state(RefreshState.SEEN_FILES).select(key[0], key[1], key[2]), key, "left_anti")
          .select(key[0], key[1], key[2]);
    }
  }

  /**
   * Learns each source's repeated lines from every input: the base's counts (refresh state) plus
   * those of the records whose bytes it has not seen, which is what counting every input again
   * gives. Earlier documents were cleaned with the lines learned then: when the new inputs change a
   * source's lines, every input is read and analysed again.
   */
  static final class LearnBoilerplate implements Stage {
    public String name() {
      return "boilerplate";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(
              RunData.ALL_RECORDS,
              Columns.KIND,
              Columns.SOURCE,
              Columns.BODY,
              Columns.CONTENT_HASH),
          Uses.of(RunData.INPUT_FILES, InputFiles.LISTING_SCHEMA.fieldNames()));
    }

    public List<Uses> adds() {
      return List.of();
    }

    public Counts run(RunState run) {
      BaseSnapshot base = run.base();
      Dataset<Row> unseen =
          run.get(RunData.ALL_RECORDS).filter(RecordFiles.notSeen(run, base.seenHashes()));
      RepeatedLines.Counts counts =
          RepeatedLines.count(
              unseen,
              new RepeatedLines.Counts(
                  base.state(RefreshState.BOILERPLATE_DOCUMENTS),
                  base.state(RefreshState.BOILERPLATE_LINE_COUNTS)),
              run.config.repeatedLines().maxWords());
      counts =
          new RepeatedLines.Counts(
              run.keepFlat(counts.documents()), run.keepFlat(counts.lineCounts()));
      run.saveState(RefreshState.BOILERPLATE_DOCUMENTS, counts.documents());
      run.saveState(RefreshState.BOILERPLATE_LINE_COUNTS, counts.lineCounts());
      Map<String, Set<String>> repeatedLines = new TreeMap<>();
      RepeatedLines.learn(counts, run.config.repeatedLines())
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
      BaseSnapshot rebased = base.unlessBoilerplateChanged(repeatedLines);
      if (rebased != base) {
        // The counts stand (they are every input's either way); the earlier documents are to be
        // cleaned again, so every input is read.
        run.rebase(rebased);
        RecordFiles.read(run, run.get(RunData.INPUT_FILES));
      }
      long learned = repeatedLines.values().stream().mapToLong(Set::size).sum();
      return new Counts(run.fact(StageReports.InputsRead.class).records(), learned, "lines");
    }
  }

  /**
   * Keeps the records whose input bytes (content hash) the base snapshot has not ingested, and adds
   * this run's files to the state of files seen.
   */
  static final class KeepNewInputs implements Stage {

    public String name() {
      return "new inputs";
    }

    public List<Uses> reads() {
      return List.of(
          Uses.of(RunData.ALL_RECORDS, Columns.CONTENT_HASH, Columns.SOURCE_PATH),
          Uses.of(RunData.READ_FILES, InputFiles.LISTING_SCHEMA.fieldNames()));
    }

    public List<Uses> adds() {
      return List.of(Uses.of(RunData.NEW_RECORDS, TranscriptIngest.READ_SCHEMA.fieldNames()));
    }

    public Counts run(RunState run) {
      Dataset<Row> read = run.get(RunData.ALL_RECORDS);
      Dataset<Row> readFiles = run.get(RunData.READ_FILES);
      Set<String> seen = run.base().seenHashes();
      Dataset<Row> fresh = run.keep(read.filter(RecordFiles.notSeen(run, seen)));
      run.put(RunData.NEW_RECORDS, fresh);
      long records = fresh.count();
      // Every file read, with its hash (a file's records all carry it).
      Dataset<Row> readWithHashes =
          readFiles.join(RecordFiles.withHashes(read), new String[] {Columns.SOURCE_PATH}, "inner");
      Dataset<Row> seenFiles =
          run.base()
              .state(RefreshState.SEEN_FILES)
              .unionByName(readWithHashes.select(seenColumns()))
              .distinct();
      run.saveState(RefreshState.SEEN_FILES, seenFiles);
      StageReports.InputsRead inputs = run.fact(StageReports.InputsRead.class);
      long filesRead = run.base().exists() ? inputs.filesRead() : inputs.inputFiles();
      // Against the state's hashes by a join: a filter listing every seen hash made a plan of
      // thousands of literals.
      long readAndSeen =
          run.base().exists()
              ? readWithHashes
                  .join(
                      run.base().state(RefreshState.SEEN_FILES).select(Columns.CONTENT_HASH),
                      new String[] {Columns.CONTENT_HASH},
                      "left_semi")
                  .select(Columns.SOURCE_PATH)
                  .distinct()
                  .count()
              : 0;
      long filesAlreadySeen = inputs.inputFiles() - filesRead + readAndSeen;
      if (run.base().exists()) {
        StageLog.note(
            filesAlreadySeen
                + " of "
                + inputs.inputFiles()
                + " input files were ingested by snapshot "
                + run.base().manifest().get("snapshot")
                + " ("
                + (inputs.inputFiles() - filesRead)
                + " known by path, length and time, not read; "
                + readAndSeen
                + " read and known by their bytes): "
                + records
                + " new records");
      }
      run.report(new StageReports.SeenInputs(filesAlreadySeen, records));
      return new Counts(inputs.records(), records, "records");
    }

    private static Column[] seenColumns() {
      String[] names = InputFiles.SEEN_SCHEMA.fieldNames();
      Column[] columns = new Column[names.length];
      for (int i = 0; i < names.length; i++) {
        columns[i] = col(names[i]);
      }
      return columns;
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
      NearDuplicates.Marked marked =
          NearDuplicates.markAgainst(
              TranscriptIngest.documents(finished),
              new NearDuplicates.Earlier(
                  earlierDocuments
                      .filter(col(Columns.DUPLICATE_OF).isNull())
                      .select(Columns.DOC_ID),
                  run.base().state(RefreshState.MINHASH_SIGNATURES),
                  run.base().table(Table.TURNS).select(Columns.DOC_ID, Columns.TURN, Columns.TEXT)),
              run.config.nearDuplicates());
      Dataset<Row> newDocuments = run.keepFlat(marked.documents());
      run.saveState(RefreshState.MINHASH_SIGNATURES, marked.signatures());
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
