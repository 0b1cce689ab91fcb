package org.discourseatlas.parse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata written in file names: a pattern such as {@code {country}_{session}_{year}.txt} matched
 * against the end of a path ({@code *} matches anything within a path segment, a {@code /} in the
 * pattern spans folders: {@code {source}/{date}-*.html}). Each {@code {name}} captures a field
 * within one path segment, shortest first; {@code {year}} is four digits, {@code {month}} and
 * {@code {day}} one or two, {@code {date}} "2017-03-14" or "14.03.2017".
 */
public final class PathPattern implements Serializable {
  private static final Pattern FIELD = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

  /** Fields with a known shape match only that shape, so "{date}-*.txt" stops after the date. */
  private static final Map<String, String> FIELD_VALUES =
      Map.of(
          "year", "\\d{4}",
          "month", "\\d{1,2}",
          "day", "\\d{1,2}",
          "date", "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}");

  private final String pattern;
  private final Pattern regex;
  private final List<String> fields;

  public PathPattern(String pattern) {
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("empty path pattern");
    }
    this.pattern = pattern;
    this.fields = new ArrayList<>();
    StringBuilder regex = new StringBuilder("(?:^|/)");
    Matcher m = FIELD.matcher(pattern);
    int last = 0;
    while (m.find()) {
      regex.append(literal(pattern.substring(last, m.start())));
      if (fields.contains(m.group(1))) {
        throw new IllegalArgumentException(
            "path pattern '" + pattern + "' names {" + m.group(1) + "} twice");
      }
      fields.add(m.group(1));
      regex.append("(").append(FIELD_VALUES.getOrDefault(m.group(1), "[^/]+?")).append(")");
      last = m.end();
    }
    regex.append(literal(pattern.substring(last))).append('$');
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("path pattern '" + pattern + "' names no {field}");
    }
    this.regex = Pattern.compile(regex.toString());
  }

  private static String literal(String text) {
    StringBuilder out = new StringBuilder();
    for (String part : text.split("\\*", -1)) {
      if (out.length() > 0) {
        out.append("[^/]*");
      }
      out.append(Pattern.quote(part));
    }
    return out.toString().replace("\\Q\\E", "");
  }

  /** The fields of a path (without "#record" suffix), in pattern order, if the path matches. */
  public Optional<Map<String, String>> match(String path) {
    Matcher m = regex.matcher(path.replaceFirst("#\\d+$", ""));
    if (!m.find()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      values.put(fields.get(i), m.group(i + 1));
    }
    return Optional.of(values);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
