package org.discourseatlas.store;

/**
 * Another run holds the output's writer lease ({@link OutputLease}): this run did not start and
 * changed nothing. The job's exit 75 (EX_TEMPFAIL: try again later).
 */
public final class OutputBusyException extends RuntimeException {
  public OutputBusyException(String message) {
    super(message);
  }
}
