package org.discourseatlas.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.zones.ZoneMatcher;
import org.discourseatlas.zones.ZoneMention;

/**
 * KWIC: every zone mention with the alias matched, the text as written, and up to {@code
 * contextTokens} words of the sentence on either side.
 */
public final class Mentions {
  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.ZONE, DataTypes.StringType, false)
          .add(Columns.DOC_ID, DataTypes.StringType, false)
          .add(Columns.TURN, DataTypes.IntegerType, false)
          .add(Columns.SENTENCE, DataTypes.IntegerType, false)
          .add(Columns.ALIAS, DataTypes.StringType, false)
          .add(Columns.LEFT, DataTypes.StringType, false)
          .add(Columns.MATCH, DataTypes.StringType, false)
          .add(Columns.RIGHT, DataTypes.StringType, false);

  private Mentions() {}

  /** Sentences (doc_id, turn, sentence, text) to mentions. */
  public static Dataset<Row> of(Dataset<Row> sentences, ZoneMatcher matcher, int contextTokens) {
    int docAt = sentences.schema().fieldIndex(Columns.DOC_ID);
    int turnAt = sentences.schema().fieldIndex(Columns.TURN);
    int sentenceAt = sentences.schema().fieldIndex(Columns.SENTENCE);
    int textAt = sentences.schema().fieldIndex(Columns.TEXT);
    FlatMapFunction<Row, Row> find =
        row -> {
          String text = row.getString(textAt);
          List<Row> rows = new ArrayList<>();
          for (ZoneMention m : matcher.find(text)) {
            rows.add(
                RowFactory.create(
                    m.zoneId(),
                    row.getString(docAt),
                    row.getInt(turnAt),
                    row.getInt(sentenceAt),
                    m.alias(),
                    lastWords(text.substring(0, m.begin()), contextTokens),
                    m.match(),
                    firstWords(text.substring(m.end()), contextTokens)));
          }
          return rows.iterator();
        };
    return sentences.flatMap(find, Encoders.row(SCHEMA));
  }

  static String lastWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    if (words.length == 1 && words[0].isEmpty()) {
      return "";
    }
    return String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - n), words.length));
  }

  static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    if (words.length == 1 && words[0].isEmpty()) {
      return "";
    }
    return String.join(" ", Arrays.copyOfRange(words, 0, Math.min(n, words.length)));
  }
}
