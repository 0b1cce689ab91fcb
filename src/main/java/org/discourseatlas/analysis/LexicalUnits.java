package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.terms.TermExtractor;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The lexical unit of every statistic: one row per sentence of an analysed document with what
 * groups it (zones, month, speaker role, source), its term units (lemmas, multiword names whole,
 * null where a stopword breaks the run) and the n-grams built from them, so term frequencies,
 * keyness, collocations and topics all count the same terms.
 *
 * <p>The term units are the costly part (lemmatising every token) and are computed once, where the
 * units are built; the n-grams are a cheap function of them, derived where they are read rather
 * than cached: every n-gram of a corpus as structs of four strings outweighs the units several
 * times over (UN corpus: the cached n-grams were the largest thing on the heap).
 */
public final class LexicalUnits {
  /** The sentence's term units, in order; null where a stopword or punctuation breaks n-grams. */
  public static final String TERM_UNITS = Columns.TERM_UNITS;

  public static final String NGRAMS = "ngrams";

  /** An n-gram, with its head (all units but the last) and tail (the last unit) for n >= 2. */
  public static final StructType NGRAM_STRUCT =
      new StructType()
          .add(Columns.TERM, DataTypes.StringType, false)
          .add(Columns.NGRAM, DataTypes.IntegerType, false)
          .add(Columns.HEAD, DataTypes.StringType, true)
          .add(Columns.TAIL, DataTypes.StringType, true);

  private LexicalUnits() {}

  /**
   * The units, partitioned by document and sorted by it within a partition: every per-document
   * aggregation downstream (term frequencies' document counts) then runs without a shuffle and
   * finds each document's rows together in the cache.
   *
   * @param sentences doc_id, turn, sentence, paragraph, zones, n_tokens, term_units ({@link
   *     #withTermUnits})
   * @param turns doc_id, turn, role
   * @param documents doc_id, date, source, duplicate_of
   * @return doc_id, turn, paragraph, sentence, period, role, source, zones, n_tokens, term_units
   */
  public static Dataset<Row> of(
      Dataset<Row> sentences, Dataset<Row> turns, Dataset<Row> documents) {
    return byDocument(sentences, turns, documents)
        .select(
            col(Columns.DOC_ID),
            col(Columns.TURN),
            col(Columns.PARAGRAPH),
            col(Columns.SENTENCE),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.SOURCE),
            col(Columns.ZONES),
            col(Columns.N_TOKENS),
            col(TERM_UNITS));
  }

  /**
   * The sentences with their term units, made from their tokens: done once per sentence, where it
   * enters the sentences table (a refresh carries earlier sentences with theirs; lemmatising every
   * token of an archive again was most of the term statistics' time).
   *
   * @param sentences with tokens
   */
  public static Dataset<Row> withTermUnits(Dataset<Row> sentences, TermExtractor extractor) {
    UDF1<Seq<String>, List<String>> toUnits =
        tokens -> extractor.units(CollectionConverters.asJava(tokens));
    return sentences.withColumn(
        TERM_UNITS,
        udf(toUnits, DataTypes.createArrayType(DataTypes.StringType, true))
            .apply(col(Columns.TOKENS)));
  }

  /**
   * The sentences of analysed documents with their speaker role, month and source, partitioned by
   * document and sorted by it within a partition (a document's rows together, in no further order).
   *
   * @param sentences with doc_id and turn
   * @param turns doc_id, turn, role
   * @param documents doc_id, date, source, duplicate_of
   */
  public static Dataset<Row> byDocument(
      Dataset<Row> sentences, Dataset<Row> turns, Dataset<Row> documents) {
    return sentences
        .join(
            turns.select(Columns.DOC_ID, Columns.TURN, Columns.ROLE),
            new String[] {Columns.DOC_ID, Columns.TURN})
        .join(analysedDocuments(documents), Columns.DOC_ID)
        .repartition(col(Columns.DOC_ID))
        .sortWithinPartitions(Columns.DOC_ID);
  }

  /**
   * The analysed documents (duplicates left out): doc_id, period (the month, "yyyy-MM"; null when
   * undated) and source: what every per-zone statistic groups sentences by.
   */
  public static Dataset<Row> analysedDocuments(Dataset<Row> documents) {
    return documents
        .filter(col(Columns.DUPLICATE_OF).isNull())
        .select(
            col(Columns.DOC_ID),
            date_format(col(Columns.DATE), "yyyy-MM").as(Columns.PERIOD),
            col(Columns.SOURCE));
  }

  /** The units with their n-grams of 1 to {@code maxN} units (array of term, ngram, head, tail). */
  public static Dataset<Row> withNgrams(Dataset<Row> units, int maxN) {
    UDF1<Seq<String>, List<Row>> toNgrams =
        termUnits -> {
          List<Row> rows = new ArrayList<>();
          for (TermExtractor.NGram g :
              TermExtractor.ngrams(CollectionConverters.asJava(termUnits), maxN)) {
            rows.add(RowFactory.create(g.term(), g.n(), g.head(), g.tail()));
          }
          return rows;
        };
    return units.withColumn(
        NGRAMS,
        udf(toNgrams, DataTypes.createArrayType(NGRAM_STRUCT, false)).apply(col(TERM_UNITS)));
  }
}
