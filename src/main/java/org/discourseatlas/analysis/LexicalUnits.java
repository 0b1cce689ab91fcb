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
 * groups it (zones, month, speaker role, source) and its n-grams, so term frequencies, keyness and
 * collocations all count the same terms.
 */
public final class LexicalUnits {
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
   * @param sentences doc_id, turn, sentence, paragraph, zones, tokens, n_tokens
   * @param turns doc_id, turn, role
   * @param documents doc_id, date, source, duplicate_of
   * @return doc_id, turn, paragraph, sentence, period, role, source, zones, n_tokens, ngrams (array
   *     of term, ngram, head, tail)
   */
  public static Dataset<Row> of(
      Dataset<Row> sentences,
      Dataset<Row> turns,
      Dataset<Row> documents,
      TermExtractor extractor,
      int maxN) {
    UDF1<Seq<String>, List<Row>> toNgrams =
        tokens -> {
          List<Row> rows = new ArrayList<>();
          for (TermExtractor.NGram g :
              TermExtractor.ngrams(extractor.units(CollectionConverters.asJava(tokens)), maxN)) {
            rows.add(RowFactory.create(g.term(), g.n(), g.head(), g.tail()));
          }
          return rows;
        };
    Dataset<Row> analysed =
        documents
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(
                col(Columns.DOC_ID),
                date_format(col(Columns.DATE), "yyyy-MM").as(Columns.PERIOD),
                col(Columns.SOURCE));
    return sentences
        .join(
            turns.select(Columns.DOC_ID, Columns.TURN, Columns.ROLE),
            new String[] {Columns.DOC_ID, Columns.TURN})
        .join(analysed, Columns.DOC_ID)
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
            udf(toNgrams, DataTypes.createArrayType(NGRAM_STRUCT, false))
                .apply(col(Columns.TOKENS))
                .as(NGRAMS));
  }
}
