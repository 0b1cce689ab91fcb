package org.discourseatlas.text;

import java.util.Locale;

/** Why an input was not analysed; the code is what the {@code rejects} table carries. */
public enum RejectReason {
  /** Zero bytes, or nothing but white space. */
  EMPTY,
  /** Control bytes (NUL) that no text file has: an image, an archive, a PDF. */
  BINARY,
  /** Not valid UTF-8, and no supported legacy encoding fits. */
  UNDECODABLE,
  /** Larger than {@code ingest.max-file-bytes}. */
  TOO_LARGE,
  /** An extension the job does not read. */
  UNSUPPORTED_FORMAT,
  /** A JSON Lines record that is not a JSON object or has no text field. */
  MALFORMED_RECORD,
  /** After markup and boilerplate are stripped, too little text is left to analyse. */
  NO_TEXT,
  /** The text is not English. */
  NOT_ENGLISH,
  /** The file system would not give the bytes. */
  UNREADABLE;

  /** The snake_case code written to the table. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
