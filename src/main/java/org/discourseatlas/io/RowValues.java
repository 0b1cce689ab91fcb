package org.discourseatlas.io;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java values in the shape Spark's row encoder wants for array columns. */
public final class RowValues {
  private RowValues() {}

  /** An array column's value: Spark's encoder takes a Scala Seq, not a java.util.List. */
  public static <T> Seq<T> array(List<T> values) {
    return CollectionConverters.asScala(values).toList();
  }
}
