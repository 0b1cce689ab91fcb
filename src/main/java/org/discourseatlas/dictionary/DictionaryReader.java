package org.discourseatlas.dictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a dictionary: {@code .yml}/{@code .yaml} in quanteda's YAML format, {@code .dic} in LIWC's
 * format; any other extension is refused. A malformed file throws {@link DictionaryException} with
 * its file and line.
 */
public final class DictionaryReader {
  /** Where the shipped dictionaries live on the classpath. */
  private static final String SHIPPED = "/dictionaries/";

  private DictionaryReader() {}

  /**
   * The dictionary in {@code text}, named after the file's base name ("conflict-framing" of
   * "/x/conflict-framing.yml").
   *
   * @param file the file's name or path: its extension picks the format, and errors name it
   */
  public static Dictionary read(String file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String lower = file.toLowerCase(Locale.ROOT);
    List<Category> categories;
    if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
      categories = YamlDictionaryFormat.read(file, body);
    } else if (lower.endsWith(".dic")) {
      categories = LiwcDictionaryFormat.read(file, body);
    } else {
      throw new DictionaryException(
          file, 1, "unknown dictionary format: the name must end in .yml, .yaml or .dic");
    }
    return new Dictionary(baseName(file), categories);
  }

  /** The dictionary in a file (UTF-8). */
  public static Dictionary read(Path path) {
    try {
      return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary " + path, e);
    }
  }

  /**
   * A dictionary shipped in the jar ({@code src/main/resources/dictionaries/<name>.yml}).
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  public static Dictionary shipped(String name) {
    String resource = SHIPPED + name + ".yml";
    try (InputStream in = DictionaryReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped dictionary named '" + name + "'");
      }
      return read(name + ".yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * A dictionary as the job's configuration names it: a bare name ("conflict-framing", no path
   * separator and no extension) is a shipped dictionary, anything else a file.
   */
  public static Dictionary load(String nameOrPath) {
    boolean bare =
        !nameOrPath.contains("/") && !nameOrPath.contains("\\") && !nameOrPath.contains(".");
    return bare ? shipped(nameOrPath) : read(Path.of(nameOrPath));
  }

  private static String baseName(String file) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
