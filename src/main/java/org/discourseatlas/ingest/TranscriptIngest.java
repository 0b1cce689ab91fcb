package org.discourseatlas.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.io.Columns;
import org.discourseatlas.io.RowValues;
import org.discourseatlas.text.ParsedDocument;
import org.discourseatlas.text.ParsedInput;
import org.discourseatlas.text.ParserSettings;
import org.discourseatlas.text.RejectReason;
import org.discourseatlas.text.RejectedInput;
import org.discourseatlas.text.TranscriptParser;
import org.discourseatlas.text.Turn;

/**
 * Ingestion stages: input bytes to parsed transcripts and rejects, then exact duplicates marked.
 * Every input row gives at least one output row, so inputs = documents + duplicates + rejects.
 */
public final class TranscriptIngest {
  static final String KIND_DOCUMENT = "document";
  static final String KIND_REJECT = "reject";

  public static final StructType TURN_STRUCT =
      new StructType()
          .add(Columns.SPEAKER, DataTypes.StringType, true)
          .add(Columns.ROLE, DataTypes.StringType, false)
          .add(Columns.TEXT, DataTypes.StringType, false);

  /** A parsed record: a document (document columns set) or a reject (reason, detail, bytes set). */
  public static final StructType PARSED_SCHEMA =
      new StructType()
          .add(Columns.KIND, DataTypes.StringType, false)
          .add(Columns.SOURCE_PATH, DataTypes.StringType, false)
          .add(Columns.DOC_ID, DataTypes.StringType, true)
          .add(Columns.FORMAT, DataTypes.StringType, true)
          .add(Columns.ENCODING, DataTypes.StringType, true)
          .add(Columns.TITLE, DataTypes.StringType, true)
          .add(Columns.DATE, DataTypes.DateType, true)
          .add(Columns.PLACE, DataTypes.StringType, true)
          .add(Columns.SOURCE, DataTypes.StringType, true)
          .add(Columns.URL, DataTypes.StringType, true)
          .add(Columns.LANGUAGE, DataTypes.StringType, true)
          .add(Columns.TURN_LIST, DataTypes.createArrayType(TURN_STRUCT, false), true)
          .add(Columns.REASON, DataTypes.StringType, true)
          .add(Columns.DETAIL, DataTypes.StringType, true)
          .add(Columns.BYTES, DataTypes.LongType, true);

  private TranscriptIngest() {}

  /** Input files with content ({@link InputFiles#CONTENT_SCHEMA}) to parsed records. */
  public static Dataset<Row> parse(Dataset<Row> files, ParserSettings settings) {
    // Field positions are resolved here: rows built by a previous map carry no schema.
    int pathAt = files.schema().fieldIndex(Columns.SOURCE_PATH);
    int lengthAt = files.schema().fieldIndex(Columns.LENGTH);
    int contentAt = files.schema().fieldIndex(Columns.CONTENT);
    int readErrorAt = files.schema().fieldIndex(Columns.READ_ERROR);
    FlatMapFunction<Row, Row> parseFile =
        row -> {
          String path = row.getString(pathAt);
          long length = row.getLong(lengthAt);
          byte[] content = row.isNullAt(contentAt) ? null : (byte[]) row.get(contentAt);
          String readError = row.isNullAt(readErrorAt) ? null : row.getString(readErrorAt);
          if (readError != null) {
            return List.of(rejectRow(new RejectedInput(path, RejectReason.UNREADABLE, readError, length)))
                .iterator();
          }
          if (content == null) {
            return List.of(
                    rejectRow(
                        new RejectedInput(
                            path,
                            RejectReason.TOO_LARGE,
                            length + " bytes > ingest.max-file-bytes = " + settings.maxFileBytes(),
                            length)))
                .iterator();
          }
          return rows(new TranscriptParser(settings).parse(path, content));
        };
    return files.flatMap(parseFile, Encoders.row(PARSED_SCHEMA));
  }

  /** The rejects of parsed records, in the rejects table's columns. */
  public static Dataset<Row> rejects(Dataset<Row> parsed) {
    return parsed
        .filter(col(Columns.KIND).equalTo(KIND_REJECT))
        .select(Columns.SOURCE_PATH, Columns.REASON, Columns.DETAIL, Columns.BYTES);
  }

  /**
   * The documents of parsed records, each with {@code duplicate_of}: null for the copy analysed
   * (the first by source path, so the choice is stable), the kept copy's id for the others.
   */
  public static Dataset<Row> documents(Dataset<Row> parsed) {
    Dataset<Row> documents = parsed.filter(col(Columns.KIND).equalTo(KIND_DOCUMENT));
    String copyRank = "copy_rank";
    return documents
        .withColumn(
            copyRank,
            row_number().over(Window.partitionBy(Columns.DOC_ID).orderBy(Columns.SOURCE_PATH)))
        .withColumn(
            Columns.DUPLICATE_OF,
            when(col(copyRank).equalTo(1), lit(null).cast(DataTypes.StringType))
                .otherwise(col(Columns.DOC_ID)))
        .drop(copyRank, Columns.KIND, Columns.REASON, Columns.DETAIL, Columns.BYTES);
  }

  private static Iterator<Row> rows(ParsedInput input) {
    List<Row> rows = new ArrayList<>();
    for (ParsedDocument document : input.documents()) {
      rows.add(documentRow(document));
    }
    for (RejectedInput reject : input.rejects()) {
      rows.add(rejectRow(reject));
    }
    return rows.iterator();
  }

  private static Row documentRow(ParsedDocument d) {
    List<Row> turns = new ArrayList<>(d.turns().size());
    for (Turn turn : d.turns()) {
      turns.add(RowFactory.create(turn.speaker(), turn.role().code(), turn.text()));
    }
    return RowFactory.create(
        KIND_DOCUMENT,
        d.sourcePath(),
        d.docId(),
        d.format().code(),
        d.encoding(),
        d.title(),
        d.date() == null ? null : java.sql.Date.valueOf(d.date()),
        d.place(),
        d.source(),
        d.url(),
        d.language(),
        RowValues.array(turns),
        null,
        null,
        null);
  }

  private static Row rejectRow(RejectedInput r) {
    return RowFactory.create(
        KIND_REJECT,
        r.sourcePath(),
        null, null, null, null, null, null, null, null, null, null,
        r.reason().code(),
        r.detail(),
        r.bytes());
  }
}
