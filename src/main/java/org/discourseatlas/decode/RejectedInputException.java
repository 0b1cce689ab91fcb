package org.discourseatlas.decode;

/** Thrown by the text code when an input cannot be analysed; carries the reject reason. */
public final class RejectedInputException extends Exception {
  private final RejectReason reason;

  public RejectedInputException(RejectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
