package org.discourseatlas.ingest;

/** An --input path or glob that matches nothing, or cannot be listed. */
public final class InputNotFoundException extends RuntimeException {
  public InputNotFoundException(String message) {
    super(message);
  }
}
