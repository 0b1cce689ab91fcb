package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.io.Columns;
import org.discourseatlas.text.TermExtractor;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Term frequencies per group: every zone (the sentences in its windows) and the whole corpus
 * (zone null), each all-time (period null) and per month (period "YYYY-MM"; undated documents
 * count only all-time). Unigrams for now; roles, sources and n-grams come with the lexical issue.
 *
 * <ul>
 *   <li>{@code count}: occurrences of the term in the group's sentences;
 *   <li>{@code doc_freq}: documents of the group whose sentences hold the term;
 *   <li>{@code rel_freq}: count per 10,000 running words of the group (words: tokens with a
 *       letter or digit, stopwords included, as corpus linguists count running text);
 *   <li>{@code tf_idf}: rel_freq × ln((N + 1) / (df + 1)), N documents in the corpus and df those
 *       holding the term anywhere: Spark ML's IDF formula, so a term in every document scores 0.
 * </ul>
 */
public final class TermFrequencies {
  private static final String TERMS = "terms";
  private static final String GROUP_TOKENS = "group_tokens";
  private static final String CORPUS_DOC_FREQ = "corpus_doc_freq";
  private static final double PER_TOKENS = 10_000.0;

  private TermFrequencies() {}

  /**
   * @param sentences sentences with doc_id, zones, tokens, n_tokens (analysed documents only)
   * @param documents documents with doc_id, date, duplicate_of
   */
  public static Dataset<Row> compute(
      Dataset<Row> sentences, Dataset<Row> documents, TermExtractor extractor) {
    UDF1<Seq<String>, List<String>> toTerms =
        tokens -> extractor.terms(CollectionConverters.asJava(tokens));
    UserDefinedFunction terms =
        udf(toTerms, DataTypes.createArrayType(DataTypes.StringType, false)).asNonNullable();

    Dataset<Row> analysed =
        documents
            .filter(col(Columns.DUPLICATE_OF).isNull())
            .select(col(Columns.DOC_ID), date_format(col(Columns.DATE), "yyyy-MM").as(Columns.PERIOD));
    Dataset<Row> withTerms =
        sentences
            .join(analysed, Columns.DOC_ID)
            .select(
                col(Columns.DOC_ID),
                col(Columns.PERIOD),
                col(Columns.ZONES),
                col(Columns.N_TOKENS),
                terms.apply(col(Columns.TOKENS)).as(TERMS));
    // One row per (group unit, sentence): a sentence counts for each of its zones and the corpus.
    Dataset<Row> units =
        withTerms
            .select(
                col(Columns.DOC_ID), col(Columns.PERIOD), explode(col(Columns.ZONES)).as(Columns.ZONE),
                col(Columns.N_TOKENS), col(TERMS))
            .unionByName(
                withTerms.select(
                    col(Columns.DOC_ID), col(Columns.PERIOD),
                    lit(null).cast(DataTypes.StringType).as(Columns.ZONE),
                    col(Columns.N_TOKENS), col(TERMS)));

    long documentsInCorpus = analysed.count();
    Dataset<Row> allTime = frequencies(units.withColumn(Columns.PERIOD, lit(null).cast(DataTypes.StringType)));
    Dataset<Row> monthly = frequencies(units.filter(col(Columns.PERIOD).isNotNull()));
    Dataset<Row> corpusDocFreq =
        allTime
            .filter(col(Columns.ZONE).isNull())
            .select(col(Columns.TERM), col(Columns.DOC_FREQ).as(CORPUS_DOC_FREQ));
    Column idf =
        log(lit(documentsInCorpus + 1.0).divide(col(CORPUS_DOC_FREQ).plus(1.0)));
    return allTime
        .unionByName(monthly)
        .join(corpusDocFreq, Columns.TERM)
        .select(
            col(Columns.ZONE),
            col(Columns.PERIOD),
            lit(null).cast(DataTypes.StringType).as(Columns.ROLE),
            lit(null).cast(DataTypes.StringType).as(Columns.SOURCE),
            col(Columns.TERM),
            lit(1).as(Columns.NGRAM),
            col(Columns.COUNT),
            col(Columns.DOC_FREQ),
            col(Columns.REL_FREQ),
            col(Columns.REL_FREQ).multiply(idf).as(Columns.TF_IDF));
  }

  /** Count, doc_freq and rel_freq per (zone, period, term) of units with zone and period set. */
  private static Dataset<Row> frequencies(Dataset<Row> units) {
    String groupZone = "group_zone";
    String groupPeriod = "group_period";
    // Renamed so the join below compares two different columns: both sides derive from `units`.
    Dataset<Row> groupTokens =
        units
            .groupBy(col(Columns.ZONE).as(groupZone), col(Columns.PERIOD).as(groupPeriod))
            .agg(sum(col(Columns.N_TOKENS)).as(GROUP_TOKENS));
    Dataset<Row> counts =
        units
            .select(col(Columns.ZONE), col(Columns.PERIOD), col(Columns.DOC_ID), explode(col(TERMS)).as(Columns.TERM))
            .groupBy(col(Columns.ZONE), col(Columns.PERIOD), col(Columns.TERM))
            .agg(count(lit(1)).as(Columns.COUNT), countDistinct(col(Columns.DOC_ID)).as(Columns.DOC_FREQ));
    // Zone and period may be null (the corpus, all-time): join them null-safely.
    Column sameGroup =
        col(Columns.ZONE).eqNullSafe(col(groupZone)).and(col(Columns.PERIOD).eqNullSafe(col(groupPeriod)));
    return counts
        .join(groupTokens, sameGroup)
        .select(
            col(Columns.ZONE),
            col(Columns.PERIOD),
            col(Columns.TERM),
            col(Columns.COUNT),
            col(Columns.DOC_FREQ),
            col(Columns.COUNT).multiply(PER_TOKENS).divide(col(GROUP_TOKENS)).as(Columns.REL_FREQ));
  }
}
