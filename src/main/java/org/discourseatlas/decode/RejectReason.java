package org.discourseatlas.decode;

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
  /** A JSON Lines or CSV record that cannot be parsed or has no text field; broken front matter. */
  MALFORMED_RECORD,
  /** After markup and boilerplate are stripped, too little text is left to analyse. */
  NO_TEXT,
  /** The text is not English; the detail names the language detected. */
  LANGUAGE,
  /** A gzip file that ends before its end: a download cut short. */
  TRUNCATED_GZIP,
  /** A gzip file whose header or data is not gzip at all. */
  CORRUPT_GZIP,
  /** The file system would not give the bytes. */
  UNREADABLE,
  /**
   * Reading, decoding or parsing the input failed with an error no other reason names (a bug, or
   * content no rule foresaw); the detail names the error. One input's failure never fails the job.
   */
  PARSE_ERROR,
  /**
   * Reading, decoding and parsing the input took longer than {@code ingest.max-seconds-per-file}.
   */
  TIMEOUT;

  /** The snake_case code written to the table. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
