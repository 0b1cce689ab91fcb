package org.discourseatlas.text;

import java.io.Serializable;
import java.util.List;

/**
 * What the transcript parser needs from the job's configuration.
 *
 * @param maxFileBytes an input larger than this is rejected as too_large
 * @param minTextChars a transcript with fewer letters than this after cleaning is rejected as no_text
 * @param jsonFields the JSON Lines field names for text, title, date, url, source
 * @param sourceRules path fragments that name the source (ministry) of the files under them
 */
public record ParserSettings(
    long maxFileBytes, int minTextChars, JsonFields jsonFields, List<SourceRule> sourceRules)
    implements Serializable {

  /** JSON Lines field names. */
  public record JsonFields(String text, String title, String date, String url, String source)
      implements Serializable {}

  /** Files whose path contains {@code pathContains} come from {@code source}. */
  public record SourceRule(String pathContains, String source) implements Serializable {}
}
