package org.discourseatlas.zones;

/** A gazetteer file that cannot be used, with the line and the problem. */
public final class InvalidGazetteerException extends RuntimeException {
  public InvalidGazetteerException(String message) {
    super(message);
  }
}
