package org.discourseatlas.turns;

import java.io.Serializable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A configured role for speakers whose (normalised) name matches a pattern: "(?i)maria zakharova"
 * makes a statement even after a question, "Interpreter" moderates, "Journalist .*" asks.
 *
 * <p>The pattern is a Java regular expression, matched case-insensitively against the whole speaker
 * name as {@link Turn#speaker()} gives it ("Maria Zakharova", "Psaki", "Question"), not against the
 * raw label. Rules only assign roles; they do not make a line a speaker label.
 *
 * @param pattern a Java regular expression over the whole speaker name
 * @param role the role of the turns of a matching speaker
 */
public record SpeakerLabelRule(String pattern, SpeakerRole role) implements Serializable {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /**
   * @throws IllegalArgumentException when the pattern is missing, blank or not a valid regular
   *     expression (the message names the pattern), or when the role is missing
   */
  public SpeakerLabelRule {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("speaker label rule: the pattern is empty");
    }
    if (role == null) {
      throw new IllegalArgumentException(
          "speaker label rule \"" + pattern + "\": the role is missing");
    }
    try {
      Pattern.compile(pattern, FLAGS);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "speaker label rule: invalid regular expression \""
              + pattern
              + "\": "
              + e.getDescription(),
          e);
    }
  }

  /** The compiled pattern (case-insensitive); compile once per use site, not per speaker. */
  public Pattern compiled() {
    return Pattern.compile(pattern, FLAGS);
  }

  /** Whether the whole speaker name matches; a turn without a speaker never does. */
  public boolean matches(String speaker) {
    return speaker != null && compiled().matcher(speaker).matches();
  }
}
