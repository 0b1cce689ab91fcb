package org.discourseatlas.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.zones.Zone;
import org.discourseatlas.zones.ZoneGazetteer;
import org.discourseatlas.zones.ZoneMatcher;
import org.discourseatlas.zones.ZoneMention;

/**
 * Zone tagging of sentences already split (a base snapshot's, when the gazetteer or window changed;
 * new sentences are tagged as they are split, {@link Segmentation#taggedSentences}): {@code
 * named_zones} are the zones a sentence names (gazetteer aliases); {@code zones} add the zones
 * carried forward within the turn by the window rule of {@link
 * org.discourseatlas.zones.ZoneWindow}.
 */
public final class ZoneTagging {
  private ZoneTagging() {}

  /** Adds named_zones and zones (sorted zone ids) to sentences (doc_id, turn, sentence, text). */
  public static Dataset<Row> tag(Dataset<Row> sentences, ZoneMatcher matcher, int window) {
    UDF1<String, List<String>> namedOf = text -> namedZones(matcher, text);
    UserDefinedFunction named =
        udf(namedOf, DataTypes.createArrayType(DataTypes.StringType, false)).asNonNullable();
    Dataset<Row> withNamed =
        sentences.withColumn(Columns.NAMED_ZONES, named.apply(col(Columns.TEXT)));
    if (window == 0) {
      return withNamed.withColumn(Columns.ZONES, col(Columns.NAMED_ZONES));
    }
    // The nearest earlier sentence of the turn, at most `window` back, that names a zone.
    WindowSpec previous =
        Window.partitionBy(Columns.DOC_ID, Columns.TURN)
            .orderBy(Columns.SENTENCE)
            .rowsBetween(-window, -1);
    Column namesAny = size(col(Columns.NAMED_ZONES)).gt(0);
    Column carried = last(when(namesAny, col(Columns.NAMED_ZONES)), true).over(previous);
    Column empty = array().cast(DataTypes.createArrayType(DataTypes.StringType, false));
    return withNamed.withColumn(
        Columns.ZONES,
        when(namesAny, col(Columns.NAMED_ZONES)).otherwise(coalesce(carried, empty)));
  }

  /** The zones a sentence names, sorted by id. */
  static List<String> namedZones(ZoneMatcher matcher, String text) {
    TreeSet<String> ids = new TreeSet<>();
    for (ZoneMention mention : matcher.find(text)) {
      ids.add(mention.zoneId());
    }
    return List.copyOf(ids);
  }

  /** The zones table: the gazetteer the run tagged with, for maps and labels. */
  public static Dataset<Row> zonesTable(SparkSession spark, ZoneGazetteer gazetteer) {
    List<Row> rows = new ArrayList<>();
    for (Zone zone : gazetteer.zones()) {
      rows.add(
          RowFactory.create(
              zone.id(),
              zone.name(),
              zone.parent(),
              RowValues.nullIfNaN(zone.latitude()),
              RowValues.nullIfNaN(zone.longitude()),
              RowValues.array(zone.aliases())));
    }
    return spark.createDataFrame(rows, Table.ZONES.schema());
  }

  /** True where a row's zones include any of these. */
  public static Column inAnyZone(List<String> zones) {
    List<Column> ids = new ArrayList<>();
    zones.forEach(z -> ids.add(functions.lit(z)));
    return functions.arrays_overlap(col(Columns.ZONES), array(ids.toArray(new Column[0])));
  }
}
