package org.discourseatlas.decode;

/** An input, or one record of it, that is not analysed, and why. */
public record RejectedInput(String sourcePath, RejectReason reason, String detail, long bytes) {
  /** The longest detail an unexpected error gives: its class and the start of its message. */
  private static final int MAX_ERROR_DETAIL = 500;

  /** A {@link RejectReason#PARSE_ERROR} detail for an error: its class and message, shortened. */
  public static String errorDetail(Throwable error) {
    String text = error.getClass().getSimpleName();
    if (error.getMessage() != null) {
      text += ": " + error.getMessage();
    }
    return text.length() <= MAX_ERROR_DETAIL ? text : text.substring(0, MAX_ERROR_DETAIL) + "...";
  }
}
