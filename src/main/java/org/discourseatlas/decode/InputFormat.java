package org.discourseatlas.decode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input formats the job reads. A path's format comes from its extension (after a {@code .gz});
 * a file with no or an unknown extension is sniffed (HTML or plain text); an extension of a known
 * format the job does not read (PDF, Word, images, archives) is unsupported, as is a repository's
 * own documentation in Markdown (README.md, LICENSE.md, ...), which is no transcript.
 */
public enum InputFormat {
  TXT,
  HTML,
  JSONL,
  CSV,
  /** CommonMark with GitHub tables, and a YAML (---) or TOML (+++) front matter block. */
  MARKDOWN;

  private static final Set<String> UNSUPPORTED =
      Set.of(
          "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "json", "xml",
          "zip", "tar", "tgz", "7z", "rar", "bz2", "xz", "zst", "png", "jpg", "jpeg", "gif", "svg",
          "webp", "tif", "tiff", "mp3", "mp4", "wav", "avi", "mov", "exe", "dll", "so", "bin",
          "class", "jar", "parquet", "avro", "orc", "crc");

  /**
   * GitHub corpora ship a README.md (and a licence, a changelog) beside the transcripts;
   * data-sample has one. Markdown files of these names, any case, with or without a language suffix
   * ("README.en.md"), are the repository's, not a ministry's.
   */
  private static final Pattern REPOSITORY_DOCUMENT =
      Pattern.compile(
          "(readme|license|licence|changelog|changes|contributing|code_of_conduct)(\\.[a-z_-]+)?");

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)^\\s*(<!doctype\\s+html|<html|<head|<body|<!--|<meta|<div|<p[\\s>]|<article)");

  /** Whether the path names a gzip-compressed file. */
  public static boolean isGzip(String path) {
    return fileName(path).endsWith(".gz");
  }

  /** The format named by the path's extension (ignoring .gz), empty when it names none. */
  public static Optional<InputFormat> ofPath(String path) {
    switch (extension(path)) {
      case "txt":
      case "text":
        return Optional.of(TXT);
      case "html":
      case "htm":
      case "xhtml":
        return Optional.of(HTML);
      case "jsonl":
      case "ndjson":
        return Optional.of(JSONL);
      case "csv":
        return Optional.of(CSV);
      case "md":
      case "markdown":
        return isRepositoryDocument(path) ? Optional.empty() : Optional.of(MARKDOWN);
      default:
        return Optional.empty();
    }
  }

  /** Whether the path's extension is a format the job knows and does not read. */
  public static boolean isUnsupported(String path) {
    return UNSUPPORTED.contains(extension(path)) || isRepositoryDocument(path);
  }

  private static boolean isRepositoryDocument(String path) {
    String extension = extension(path);
    if (!extension.equals("md") && !extension.equals("markdown")) {
      return false;
    }
    String name = fileName(path).replaceFirst("\\.gz$", "");
    String base = name.substring(0, name.length() - extension.length() - 1);
    return REPOSITORY_DOCUMENT.matcher(base).matches();
  }

  /** HTML when the text starts like a page, otherwise plain text. */
  public static InputFormat sniff(String text) {
    String head = text.length() > 2048 ? text.substring(0, 2048) : text;
    return HTML_START.matcher(head).find() ? HTML : TXT;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String fileName(String path) {
    String name = path.replaceFirst("#\\d+$", "");
    return name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  private static String extension(String path) {
    String name = fileName(path);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1);
  }
}
