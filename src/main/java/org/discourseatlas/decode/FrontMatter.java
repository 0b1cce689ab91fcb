package org.discourseatlas.decode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The front matter block at the top of a Markdown file, as Jekyll and Hugo write it: YAML between a
 * first line {@code ---} and a line {@code ---} (or {@code ...}), or TOML between {@code +++}
 * lines.
 *
 * @param fields the block's top-level scalar fields as text (lists and tables left out); dates as
 *     written ("2016-10-14T10:00:00+03:00"), not shifted to UTC
 * @param body the Markdown after the block (the whole text when there is none)
 */
public record FrontMatter(Map<String, String> fields, String body) {
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

  /** Jackson's TOML reader, thread-safe once built; TOML dates stay strings by default. */
  private static final TomlMapper TOML = new TomlMapper();

  /** The front matter of a Markdown text; a block that cannot be read rejects the file. */
  public static FrontMatter split(String text) throws RejectedInputException {
    String[] lines = LINE_BREAK.split(text.startsWith("\uFEFF") ? text.substring(1) : text, -1);
    String opening = lines[0].stripTrailing();
    boolean yaml = opening.equals("---");
    if (!yaml && !opening.equals("+++")) {
      return new FrontMatter(Map.of(), text);
    }
    int close = 1;
    while (close < lines.length && !closes(lines[close].stripTrailing(), yaml)) {
      close++;
    }
    if (close == lines.length) {
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD,
          "front matter opened by '"
              + opening
              + "' on line 1 is never closed (no later line "
              + (yaml ? "'---' or '...'" : "'+++'")
              + ")");
    }
    String block = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
    String body =
        String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length));
    return new FrontMatter(yaml ? yamlFields(block) : tomlFields(block), body);
  }

  private static boolean closes(String line, boolean yaml) {
    return yaml ? line.equals("---") || line.equals("...") : line.equals("+++");
  }

  private static Map<String, String> yamlFields(String block) throws RejectedInputException {
    Object document;
    try {
      // A new loader per file: SnakeYAML's Yaml is not thread-safe, and a file is read once.
      document = new Yaml(new TimestampsAsWritten(new LoaderOptions())).load(block);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD,
          "front matter is not valid YAML: "
              + (e.getProblem() != null ? e.getProblem() : e.getContext())
              // The mark counts from 0 within the block, which starts on the file's line 2.
              + (mark == null ? "" : " (line " + (mark.getLine() + 2) + ")"));
    } catch (YAMLException e) {
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD, "front matter is not valid YAML: " + e.getMessage());
    }
    if (document == null) {
      return Map.of(); // an empty block: "---" then "---"
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD,
          "front matter is a YAML "
              + (document instanceof Iterable<?> ? "list" : "scalar")
              + ", not a mapping of fields");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      if (e.getKey() != null && (value instanceof String || value instanceof Number)) {
        fields.put(e.getKey().toString(), value.toString());
      }
    }
    return fields;
  }

  private static Map<String, String> tomlFields(String block) throws RejectedInputException {
    JsonNode table;
    try {
      table = TOML.readTree(block);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new RejectedInputException(
          RejectReason.MALFORMED_RECORD,
          "front matter is not valid TOML: "
              + e.getOriginalMessage()
              + (at == null || at.getLineNr() < 1 ? "" : " (line " + (at.getLineNr() + 1) + ")"));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    if (table != null) {
      table
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                  fields.put(e.getKey(), e.getValue().asText());
                }
              });
    }
    return fields;
  }

  /**
   * SnakeYAML's safe constructor (no arbitrary classes), but a timestamp stays the text written:
   * made a {@link java.util.Date}, "2016-10-14T01:00:00+03:00" would become October 13 in UTC.
   */
  private static final class TimestampsAsWritten extends SafeConstructor {
    TimestampsAsWritten(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
