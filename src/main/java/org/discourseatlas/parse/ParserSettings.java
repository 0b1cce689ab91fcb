package org.discourseatlas.parse;

import java.io.Serializable;
import java.util.List;
import org.discourseatlas.turns.SpeakerLabelRule;

/**
 * What the transcript parser needs from the job's configuration.
 *
 * @param maxFileBytes an input (decompressed, for .gz) larger than this is rejected as too_large
 * @param minTextChars a transcript with fewer letters than this after cleaning is rejected as
 *     no_text
 * @param recordFields the JSON Lines and CSV field names for text, title, date, url, source
 * @param sourceRules path fragments or URL hosts that name the source (ministry)
 * @param pathPatterns file-name patterns whose {fields} become document metadata; first match wins
 * @param speakerRules roles assigned to speaker labels, overriding the built-in ones
 * @param outlets news outlets that label questions, beside the shipped list (turns.outlets)
 * @param frontMatterFields the Markdown front matter field names for title, date, url, source
 */
public record ParserSettings(
    long maxFileBytes,
    int minTextChars,
    RecordFields recordFields,
    List<SourceRule> sourceRules,
    List<PathPattern> pathPatterns,
    List<SpeakerLabelRule> speakerRules,
    List<String> outlets,
    FrontMatterFields frontMatterFields)
    implements Serializable {

  /** The settings with the shipped front matter field names. */
  public ParserSettings(
      long maxFileBytes,
      int minTextChars,
      RecordFields recordFields,
      List<SourceRule> sourceRules,
      List<PathPattern> pathPatterns,
      List<SpeakerLabelRule> speakerRules,
      List<String> outlets) {
    this(
        maxFileBytes,
        minTextChars,
        recordFields,
        sourceRules,
        pathPatterns,
        speakerRules,
        outlets,
        FrontMatterFields.DEFAULTS);
  }

  /** The settings without extra outlets. */
  public ParserSettings(
      long maxFileBytes,
      int minTextChars,
      RecordFields recordFields,
      List<SourceRule> sourceRules,
      List<PathPattern> pathPatterns,
      List<SpeakerLabelRule> speakerRules) {
    this(
        maxFileBytes,
        minTextChars,
        recordFields,
        sourceRules,
        pathPatterns,
        speakerRules,
        List.of());
  }

  /** The settings without path patterns or speaker rules. */
  public ParserSettings(
      long maxFileBytes,
      int minTextChars,
      RecordFields recordFields,
      List<SourceRule> sourceRules) {
    this(maxFileBytes, minTextChars, recordFields, sourceRules, List.of(), List.of(), List.of());
  }

  /** JSON Lines / CSV field names. */
  public record RecordFields(String text, String title, String date, String url, String source)
      implements Serializable {}

  /**
   * Markdown front matter field names: for each, the first name present with a value is read
   * (Jekyll sites write {@code source_url} where scraped corpora write {@code url}).
   */
  public record FrontMatterFields(
      List<String> title, List<String> date, List<String> url, List<String> source)
      implements Serializable {
    /** As in reference.conf's ingest.front-matter-fields. */
    public static final FrontMatterFields DEFAULTS =
        new FrontMatterFields(
            List.of("title"), List.of("date"), List.of("source_url", "url"), List.of("source"));

    public FrontMatterFields {
      title = List.copyOf(title);
      date = List.copyOf(date);
      url = List.copyOf(url);
      source = List.copyOf(source);
    }
  }

  /**
   * Inputs whose path contains {@code pathContains}, or whose URL's host is {@code host} or a
   * subdomain of it, come from {@code source}. Exactly one of pathContains and host is set.
   */
  public record SourceRule(String pathContains, String host, String source)
      implements Serializable {
    public SourceRule(String pathContains, String source) {
      this(pathContains, null, source);
    }

    /** Whether a transcript at this path with this URL (may be null) comes from the source. */
    public boolean matches(String sourcePath, String url) {
      if (pathContains != null) {
        return sourcePath.contains(pathContains);
      }
      String urlHost = UrlHost.of(url);
      return urlHost != null && (urlHost.equals(host) || urlHost.endsWith("." + host));
    }
  }
}
