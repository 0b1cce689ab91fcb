package org.discourseatlas.text;

import java.util.Locale;
import java.util.Optional;

/** The input formats the job reads, recognised by file extension. */
public enum InputFormat {
  TXT,
  HTML,
  JSONL;

  /** The format of a path by its extension, or empty when the job does not read it. */
  public static Optional<InputFormat> ofPath(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    switch (extension) {
      case "txt":
        return Optional.of(TXT);
      case "html":
      case "htm":
        return Optional.of(HTML);
      case "jsonl":
        return Optional.of(JSONL);
      default:
        return Optional.empty();
    }
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
