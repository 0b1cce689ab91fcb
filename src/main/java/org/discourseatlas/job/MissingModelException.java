package org.discourseatlas.job;

/** A model file the configured stages need is not on the classpath: caught before any work. */
final class MissingModelException extends RuntimeException {
  MissingModelException(String message) {
    super(message);
  }
}
