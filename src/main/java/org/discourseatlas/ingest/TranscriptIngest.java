package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.decode.RejectReason;
import org.discourseatlas.decode.RejectedInput;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.parse.DraftTranscript;
import org.discourseatlas.parse.FinishedTranscript;
import org.discourseatlas.parse.ParserSettings;
import org.discourseatlas.parse.ReadResult;
import org.discourseatlas.parse.TranscriptFinisher;
import org.discourseatlas.parse.TranscriptParser;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.turns.Turn;
import scala.collection.JavaConverters;

/**
 * Ingestion stages: input bytes to transcript drafts and rejects ({@link #read}); drafts to
 * documents once the corpus's repeated boilerplate is known ({@link #finish}); exact duplicates
 * marked ({@link #documents}). Every input row gives at least one output row, so records =
 * documents + duplicates + rejects.
 */
public final class TranscriptIngest {
  static final String KIND_DRAFT = "draft";
  static final String KIND_DOCUMENT = "document";
  static final String KIND_REJECT = "reject";

  public static final StructType TURN_STRUCT =
      new StructType()
          .add(Columns.SPEAKER, DataTypes.StringType, true)
          .add(Columns.SPEAKER_KIND, DataTypes.StringType, false)
          .add(Columns.SPEAKER_AFFILIATION, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, false)
          .add(Columns.TEXT, DataTypes.StringType, false);
  private static final StructType METADATA =
      new StructType()
          .add(Columns.FORMAT, DataTypes.StringType, true)
          .add(Columns.ENCODING, DataTypes.StringType, true)
          .add(Columns.TITLE, DataTypes.StringType, true)
          .add(Columns.DATE, DataTypes.DateType, true)
          .add(Columns.DATE_SOURCE, DataTypes.StringType, true)
          .add(Columns.PLACE, DataTypes.StringType, true)
          .add(Columns.SOURCE, DataTypes.StringType, true)
          .add(Columns.URL, DataTypes.StringType, true)
          .add(
              Columns.PATH_FIELDS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
              true);

  /** A read record: a draft (metadata, body, bytes set) or a reject (reason, detail, bytes set). */
  public static final StructType READ_SCHEMA =
      withRejectColumns(
          concat(prefix(), METADATA)
              .add(Columns.BODY, DataTypes.createArrayType(DataTypes.StringType, false), true));

  /** A finished record: a document (metadata, language, doc_id, turns set) or a reject. */
  public static final StructType PARSED_SCHEMA =
      withRejectColumns(
          concat(prefix().add(Columns.DOC_ID, DataTypes.StringType, true), METADATA)
              .add(Columns.LANGUAGE, DataTypes.StringType, true)
              .add(Columns.TURN_LIST, DataTypes.createArrayType(TURN_STRUCT, false), true));

  private TranscriptIngest() {}

  private static StructType prefix() {
    return new StructType()
        .add(Columns.KIND, DataTypes.StringType, false)
        .add(Columns.SOURCE_PATH, DataTypes.StringType, false)
        .add(Columns.CONTENT_HASH, DataTypes.StringType, false);
  }

  private static StructType concat(StructType first, StructType second) {
    StructType all = first;
    for (org.apache.spark.sql.types.StructField field : second.fields()) {
      all = all.add(field);
    }
    return all;
  }

  private static StructType withRejectColumns(StructType schema) {
    return schema
        .add(Columns.REASON, DataTypes.StringType, true)
        .add(Columns.DETAIL, DataTypes.StringType, true)
        .add(Columns.BYTES, DataTypes.LongType, true);
  }

  /**
   * Input files with content ({@link InputFiles#CONTENT_SCHEMA}) to drafts and rejects. Each file
   * is read, decoded and parsed within {@code maxTimePerFile} ({@link FileBudget}): past it, or on
   * any error, the file is one reject (timeout, parse_error) and the job goes on.
   */
  public static Dataset<Row> read(
      Dataset<Row> files, ParserSettings settings, Duration maxTimePerFile) {
    // Field positions are resolved here: rows built by a previous map carry no schema.
    int pathAt = files.schema().fieldIndex(Columns.SOURCE_PATH);
    int lengthAt = files.schema().fieldIndex(Columns.LENGTH);
    int contentAt = files.schema().fieldIndex(Columns.CONTENT);
    int readErrorAt = files.schema().fieldIndex(Columns.READ_ERROR);
    int hashAt = files.schema().fieldIndex(Columns.CONTENT_HASH);
    FlatMapFunction<Row, Row> readFile =
        row -> {
          String path = row.getString(pathAt);
          long length = row.getLong(lengthAt);
          String hash = row.getString(hashAt);
          if (!row.isNullAt(readErrorAt)) {
            return List.of(
                    rejectRow(
                        READ_SCHEMA,
                        new RejectedInput(
                            path, RejectReason.UNREADABLE, row.getString(readErrorAt), length),
                        hash))
                .iterator();
          }
          if (row.isNullAt(contentAt)) {
            return List.of(
                    rejectRow(
                        READ_SCHEMA,
                        new RejectedInput(
                            path,
                            RejectReason.TOO_LARGE,
                            length + " bytes > ingest.max-file-bytes = " + settings.maxFileBytes(),
                            length),
                        hash))
                .iterator();
          }
          byte[] content = (byte[]) row.get(contentAt);
          return FileBudget.run(
              () -> draftRows(new TranscriptParser(settings).read(path, content), hash),
              maxTimePerFile,
              () ->
                  List.of(
                          rejectRow(
                              READ_SCHEMA,
                              timedOut(path, "reading and parsing", maxTimePerFile, length),
                              hash))
                      .iterator(),
              error ->
                  List.of(rejectRow(READ_SCHEMA, failed(path, error, length), hash)).iterator());
        };
    return files.flatMap(readFile, Encoders.row(READ_SCHEMA));
  }

  /** The rejects among read or finished records, in the rejects table's columns. */
  public static Dataset<Row> rejects(Dataset<Row> records) {
    return records
        .filter(col(Columns.KIND).equalTo(KIND_REJECT))
        .select(
            Columns.SOURCE_PATH,
            Columns.REASON,
            Columns.DETAIL,
            Columns.BYTES,
            Columns.CONTENT_HASH);
  }

  /**
   * Drafts to documents: each draft loses the paragraphs that are its source's repeated boilerplate
   * ({@code repeatedLines}: source -> line keys, see {@link RepeatedLines}), gets its turns, and
   * becomes a document or a reject (too little text, not English).
   */
  public static Dataset<Row> finish(
      Dataset<Row> read,
      Map<String, Set<String>> repeatedLines,
      ParserSettings settings,
      Duration maxTimePerFile) {
    Map<String, Set<String>> bySource = new HashMap<>(repeatedLines);
    StructType schema = read.schema();
    int hashAt = schema.fieldIndex(Columns.CONTENT_HASH);
    // One finisher for the partition's documents: it holds the outlets list, built once.
    TranscriptFinisher finisher = new TranscriptFinisher(settings);
    MapFunction<Row, Row> finishDraft =
        row -> {
          DraftTranscript draft = draftOf(row, schema);
          String hash = row.getString(hashAt);
          Set<String> lines =
              bySource.getOrDefault(draft.source() == null ? "" : draft.source(), Set.of());
          // Splitting turns runs regexes over the text too: the same budget, per record.
          return FileBudget.run(
              () -> finished(finisher, draft, lines, hash),
              maxTimePerFile,
              () ->
                  rejectRow(
                      PARSED_SCHEMA,
                      timedOut(
                          draft.sourcePath(), "splitting turns", maxTimePerFile, draft.bytes()),
                      hash),
              error ->
                  rejectRow(PARSED_SCHEMA, failed(draft.sourcePath(), error, draft.bytes()), hash));
        };
    return read.filter(col(Columns.KIND).equalTo(KIND_DRAFT))
        .map(finishDraft, Encoders.row(PARSED_SCHEMA));
  }

  /**
   * The documents of finished records, each with {@code duplicate_of}: null for the copy analysed
   * (the first by source path, so the choice is stable), the kept copy's id for exact copies;
   * country from the path field {country}; year from the date, else the path field {year}.
   */
  public static Dataset<Row> documents(Dataset<Row> finished) {
    String copyRank = "copy_rank";
    return finished
        .filter(col(Columns.KIND).equalTo(KIND_DOCUMENT))
        .withColumn(
            copyRank,
            row_number().over(Window.partitionBy(Columns.DOC_ID).orderBy(Columns.SOURCE_PATH)))
        .withColumn(
            Columns.DUPLICATE_OF,
            when(col(copyRank).equalTo(1), lit(null).cast(DataTypes.StringType))
                .otherwise(col(Columns.DOC_ID)))
        .withColumn(
            Columns.DUPLICATE_SIMILARITY,
            when(col(copyRank).equalTo(1), lit(null).cast(DataTypes.DoubleType))
                .otherwise(lit(1.0)))
        .withColumn(Columns.COUNTRY, element_at(col(Columns.PATH_FIELDS), Columns.COUNTRY))
        .withColumn(
            Columns.YEAR,
            coalesce(
                year(col(Columns.DATE)),
                element_at(col(Columns.PATH_FIELDS), Columns.YEAR).cast(DataTypes.IntegerType)))
        .drop(copyRank, Columns.KIND, Columns.REASON, Columns.DETAIL, Columns.BYTES);
  }

  private static Row finished(
      TranscriptFinisher finisher, DraftTranscript draft, Set<String> lines, String hash) {
    try {
      return documentRow(finisher.finish(draft, lines), hash);
    } catch (RejectedInputException e) {
      return rejectRow(
          PARSED_SCHEMA,
          new RejectedInput(draft.sourcePath(), e.reason(), e.detail(), draft.bytes()),
          hash);
    }
  }

  private static RejectedInput timedOut(String path, String work, Duration budget, long bytes) {
    return new RejectedInput(
        path,
        RejectReason.TIMEOUT,
        work
            + " took more than ingest.max-seconds-per-file = "
            + BigDecimal.valueOf(budget.toMillis(), 3).stripTrailingZeros().toPlainString()
            + " s",
        bytes);
  }

  private static RejectedInput failed(String path, Throwable error, long bytes) {
    return new RejectedInput(
        path, RejectReason.PARSE_ERROR, RejectedInput.errorDetail(error), bytes);
  }

  private static DraftTranscript draftOf(Row row, StructType schema) {
    java.sql.Date date = row.getAs(Columns.DATE);
    scala.collection.Map<String, String> fields = row.getAs(Columns.PATH_FIELDS);
    return new DraftTranscript(
        row.getAs(Columns.SOURCE_PATH),
        row.getAs(Columns.FORMAT),
        row.getAs(Columns.ENCODING),
        row.getAs(Columns.TITLE),
        date == null ? null : date.toLocalDate(),
        row.getAs(Columns.DATE_SOURCE),
        row.getAs(Columns.PLACE),
        row.getAs(Columns.SOURCE),
        row.getAs(Columns.URL),
        fields == null ? Map.of() : JavaConverters.mapAsJavaMap(fields),
        row.getList(schema.fieldIndex(Columns.BODY)),
        row.<Long>getAs(Columns.BYTES));
  }

  private static Iterator<Row> draftRows(ReadResult input, String hash) {
    List<Row> rows = new ArrayList<>();
    for (DraftTranscript d : input.drafts()) {
      rows.add(
          RowFactory.create(
              KIND_DRAFT,
              d.sourcePath(),
              hash,
              d.format(),
              d.encoding(),
              d.title(),
              sqlDate(d.date()),
              d.dateSource(),
              d.place(),
              d.source(),
              d.url(),
              RowValues.map(d.pathFields()),
              RowValues.array(d.body()),
              null,
              null,
              d.bytes()));
    }
    for (RejectedInput reject : input.rejects()) {
      rows.add(rejectRow(READ_SCHEMA, reject, hash));
    }
    return rows.iterator();
  }

  private static Row documentRow(FinishedTranscript d, String hash) {
    List<Row> turns = new ArrayList<>(d.turns().size());
    for (Turn turn : d.turns()) {
      turns.add(
          RowFactory.create(
              turn.speaker(),
              turn.kind().code(),
              turn.affiliation(),
              turn.role().code(),
              turn.text()));
    }
    return RowFactory.create(
        KIND_DOCUMENT,
        d.sourcePath(),
        hash,
        d.docId(),
        d.format(),
        d.encoding(),
        d.title(),
        sqlDate(d.date()),
        d.dateSource(),
        d.place(),
        d.source(),
        d.url(),
        RowValues.map(d.pathFields()),
        d.language(),
        RowValues.array(turns),
        null,
        null,
        null);
  }

  /** A reject row of either schema: kind, path, hash, nulls, then reason, detail, bytes. */
  private static Row rejectRow(StructType schema, RejectedInput r, String hash) {
    Object[] values = new Object[schema.size()];
    values[schema.fieldIndex(Columns.KIND)] = KIND_REJECT;
    values[schema.fieldIndex(Columns.SOURCE_PATH)] = r.sourcePath();
    values[schema.fieldIndex(Columns.CONTENT_HASH)] = hash;
    values[schema.fieldIndex(Columns.REASON)] = r.reason().code();
    values[schema.fieldIndex(Columns.DETAIL)] = r.detail();
    values[schema.fieldIndex(Columns.BYTES)] = r.bytes();
    return RowFactory.create(values);
  }

  private static java.sql.Date sqlDate(java.time.LocalDate date) {
    return date == null ? null : java.sql.Date.valueOf(date);
  }
}
