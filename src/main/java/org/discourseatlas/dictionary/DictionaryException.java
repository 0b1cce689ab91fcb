package org.discourseatlas.dictionary;

/**
 * A dictionary file that cannot be read, with the place of the problem: the message is {@code
 * <file>:<line>: <problem>}, the line counted from 1, so an editor or a user can go straight to it.
 */
public final class DictionaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public DictionaryException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file name as given to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }
}
