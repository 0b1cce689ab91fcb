package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.ingest.TranscriptIngest;
import org.discourseatlas.nlp.SentenceSplitter;
import org.discourseatlas.nlp.SplitSentence;
import org.discourseatlas.parse.Paragraphs;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.terms.TermExtractor;
import org.discourseatlas.zones.ZoneMatcher;
import org.discourseatlas.zones.ZoneWindow;

/** Segmentation stages: documents to speaker turns, turns to sentences (CoreNLP's splitter). */
public final class Segmentation {
  /** Sentences between stages: the table's first columns plus their tokens. */
  public static final StructType SENTENCE_SCHEMA =
      new StructType()
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.TURN, DataTypes.IntegerType, false)
          .add(Columns.SENTENCE, DataTypes.IntegerType, false)
          .add(Columns.PARAGRAPH, DataTypes.IntegerType, false)
          .add(Columns.TEXT, DataTypes.StringType, false)
          .add(Columns.TOKENS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(Columns.N_TOKENS, DataTypes.IntegerType, false);

  /**
   * Splitting tasks per core: a document's split is CPU in CoreNLP's tokenizer, and the documents
   * arrive in as few partitions as their bytes fill ({@link CpuBoundWork}).
   */
  private static final int SPLITTING_PARTITIONS_PER_CORE = 4;

  private Segmentation() {}

  /**
   * One row per speaker turn of the documents analysed (duplicates are not), numbered from 1 in the
   * order they were spoken.
   */
  public static Dataset<Row> turns(Dataset<Row> documents) {
    return documents
        .filter(col(Columns.DUPLICATE_OF).isNull())
        .select(col(Columns.DOC_ID), posexplode(col(Columns.TURN_LIST)))
        .select(
            col(Columns.DOC_ID),
            col("pos").plus(1).cast(DataTypes.IntegerType).as(Columns.TURN),
            col("col." + Columns.SPEAKER).as(Columns.SPEAKER),
            col("col." + Columns.SPEAKER_KIND).as(Columns.SPEAKER_KIND),
            col("col." + Columns.SPEAKER_AFFILIATION).as(Columns.SPEAKER_AFFILIATION),
            col("col." + Columns.ROLE).as(Columns.ROLE),
            col("col." + Columns.TEXT).as(Columns.TEXT));
  }

  /**
   * The sentences of the documents analysed (duplicates are not), tagged with zones: each turn
   * split (CoreNLP's splitter), with its paragraph in the turn, tokens and word count; numbered
   * from 1 through the document, so (doc_id, sentence) is a key and sentence order follows turn
   * order; {@code named_zones} the zones a sentence names and {@code zones} those carried within
   * the turn by {@link ZoneWindow}'s rule.
   *
   * <p>A document is one row, so this is one pass: numbering through the document and carrying
   * zones through a turn were two window functions over a shuffle of every sentence with its tokens
   * by document. The stage's CPU is CoreNLP's tokenizer either way (decision 0016, "Fourth
   * session"); the documents' turns are shuffled once, into partitions enough to keep the cores
   * busy.
   */
  public static Dataset<Row> taggedSentences(
      Dataset<Row> documents, ZoneMatcher matcher, int window) {
    StructType schema =
        SENTENCE_SCHEMA
            .add(Columns.NAMED_ZONES, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(Columns.ZONES, DataTypes.createArrayType(DataTypes.StringType, false), false);
    int turnTextAt = TranscriptIngest.TURN_STRUCT.fieldIndex(Columns.TEXT);
    Dataset<Row> analysed =
        CpuBoundWork.spread(
            documents
                .filter(col(Columns.DUPLICATE_OF).isNull())
                .select(col(Columns.DOC_ID), col(Columns.TURN_LIST)),
            SPLITTING_PARTITIONS_PER_CORE,
            col(Columns.DOC_ID));
    FlatMapFunction<Row, Row> split =
        document -> {
          String docId = document.getString(0);
          List<Row> turns = document.getList(1);
          List<Row> rows = new ArrayList<>();
          for (int t = 0; t < turns.size(); t++) {
            String text = turns.get(t).getString(turnTextAt);
            Paragraphs paragraphs = Paragraphs.of(text);
            List<SplitSentence> sentences = SentenceSplitter.split(text);
            List<List<String>> named = new ArrayList<>(sentences.size());
            for (SplitSentence s : sentences) {
              named.add(ZoneTagging.namedZones(matcher, s.text()));
            }
            List<List<String>> zones = ZoneWindow.carry(named, window);
            for (int i = 0; i < sentences.size(); i++) {
              SplitSentence s = sentences.get(i);
              rows.add(
                  RowFactory.create(
                      docId,
                      t + 1,
                      rows.size() + 1,
                      paragraphs.numberAt(s.begin()),
                      s.text(),
                      RowValues.array(s.tokens()),
                      TermExtractor.wordCount(s.tokens()),
                      RowValues.array(named.get(i)),
                      RowValues.array(zones.get(i))));
            }
          }
          return rows.iterator();
        };
    return analysed.flatMap(split, Encoders.row(schema));
  }
}
