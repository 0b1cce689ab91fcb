package org.discourseatlas.store;

/** The output location is not one this job may write to (it holds someone else's files). */
public final class OutputRefusedException extends RuntimeException {
  public OutputRefusedException(String message) {
    super(message);
  }
}
