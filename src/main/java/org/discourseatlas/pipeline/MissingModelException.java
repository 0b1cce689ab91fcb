package org.discourseatlas.pipeline;

/** A model file the configured stages need is not on the classpath: caught before any work. */
public final class MissingModelException extends RuntimeException {
  MissingModelException(String message) {
    super(message);
  }
}
