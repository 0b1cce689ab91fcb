package org.discourseatlas.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A word list shipped in the jar: one entry per line, blank lines and '#' comments skipped. */
public final class WordList {
  private WordList() {}

  /**
   * The entries of the resource at {@code path} (absolute, "/stopwords/english.txt"), stripped, in
   * file order.
   *
   * @throws IllegalStateException when the resource is not on the classpath
   */
  public static List<String> readResource(String path) {
    InputStream in = WordList.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing resource " + path);
    }
    List<String> entries = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          entries.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
    return entries;
  }
}
