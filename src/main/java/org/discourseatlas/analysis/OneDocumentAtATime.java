package org.discourseatlas.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows of one partition, sorted by document (the document id in column 0), handed to a function
 * one document at a time: memory is bounded by the largest document, not by the partition, and the
 * function's rows are produced as the partition is read.
 */
final class OneDocumentAtATime implements Iterator<Row> {
  /** What one document's rows become. */
  @FunctionalInterface
  interface PerDocument extends Serializable {
    List<Row> rows(List<Row> documentRows);
  }

  private final Iterator<Row> rows;
  private final PerDocument perDocument;
  private Row pending;
  private Iterator<Row> current = Collections.emptyIterator();

  OneDocumentAtATime(Iterator<Row> rows, PerDocument perDocument) {
    this.rows = rows;
    this.perDocument = perDocument;
    this.pending = rows.hasNext() ? rows.next() : null;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && pending != null) {
      String docId = pending.getString(0);
      List<Row> document = new ArrayList<>();
      while (pending != null && docId.equals(pending.getString(0))) {
        document.add(pending);
        pending = rows.hasNext() ? rows.next() : null;
      }
      current = perDocument.rows(document).iterator();
    }
    return current.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
