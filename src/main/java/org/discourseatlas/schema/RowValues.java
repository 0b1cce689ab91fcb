package org.discourseatlas.schema;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java values in the shape Spark's row encoder wants for array columns. */
public final class RowValues {
  private RowValues() {}

  /** A map column's value: Spark's encoder takes a Scala Map, not a java.util.Map. */
  public static <K, V> scala.collection.immutable.Map<K, V> map(java.util.Map<K, V> values) {
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(values));
  }

  /** An array column's value: Spark's encoder takes a Scala Seq, not a java.util.List. */
  public static <T> Seq<T> array(List<T> values) {
    return CollectionConverters.asScala(values).toList();
  }

  /** A double for a nullable column: NaN (an undefined statistic) becomes null. */
  public static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
