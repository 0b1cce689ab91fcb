package org.discourseatlas.dictionary;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * quanteda's YAML dictionary format (what {@code dictionary(file = "x.yml")} reads): a mapping of
 * keys to a list of patterns, a single pattern, or a mapping of nested keys. Read with SnakeYAML's
 * {@code compose()}, not {@code load()}: the node tree keeps each node's line, so an error can name
 * it, and a duplicate key is seen (load() would silently keep the last).
 */
final class YamlDictionaryFormat {
  private final String file;
  private final List<Category> categories = new ArrayList<>();
  private final Set<String> flattenedKeys = new HashSet<>();

  private YamlDictionaryFormat(String file) {
    this.file = file;
  }

  static List<Category> read(String file, String text) {
    Node root;
    try {
      // A new Yaml per file: SnakeYAML's Yaml is not thread-safe, and a file is read once.
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      // YAML 1.1 (SnakeYAML) refuses a bare "?" inside a flow list: "[gunm?n]".
      String hint =
          problem != null && problem.endsWith("but got ?")
              ? " (quote a pattern with '?' inside [...], or write the list as '- ' lines)"
              : "";
      throw new DictionaryException(
          file, mark == null ? 1 : mark.getLine() + 1, "not valid YAML: " + problem + hint);
    } catch (YAMLException e) {
      throw new DictionaryException(file, 1, "not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new DictionaryException(file, 1, "the dictionary is empty");
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new DictionaryException(
          file, line(root), "a dictionary is a mapping of keys to patterns, not a " + kind(root));
    }
    YamlDictionaryFormat reader = new YamlDictionaryFormat(file);
    reader.mapping(mapping, "");
    if (reader.categories.isEmpty()) {
      throw new DictionaryException(file, line(root), "the dictionary has no categories");
    }
    return reader.categories;
  }

  /** The categories of a mapping's keys, each followed by its descendants; their patterns. */
  private List<DictionaryPattern> mapping(MappingNode mapping, String prefix) {
    List<DictionaryPattern> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
        throw new DictionaryException(file, line(keyNode), "a category key must be a name");
      }
      String name = scalar.getValue().strip();
      String key = prefix.isEmpty() ? name : prefix + "/" + name;
      if (!seen.add(name) || !flattenedKeys.add(key)) {
        throw new DictionaryException(file, line(keyNode), "duplicate category key '" + key + "'");
      }
      all.addAll(category(key, tuple.getValueNode(), line(keyNode)));
    }
    return all;
  }

  /** Adds the category (before its children, whose patterns it also holds) and returns them. */
  private List<DictionaryPattern> category(String key, Node value, int keyLine) {
    int index = categories.size();
    categories.add(null); // the parent's place, before its children; filled in below
    Map<String, DictionaryPattern> patterns = new LinkedHashMap<>();
    if (value instanceof ScalarNode scalar) {
      if (isNull(scalar)) {
        throw new DictionaryException(file, keyLine, "empty category '" + key + "'");
      }
      add(patterns, scalar, key);
    } else if (value instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (!(item instanceof ScalarNode scalar)) {
          throw new DictionaryException(
              file, line(item), "a pattern of '" + key + "' must be a string, not a " + kind(item));
        }
        add(patterns, scalar, key);
      }
    } else if (value instanceof MappingNode nested) {
      mapping(nested, key).forEach(p -> patterns.putIfAbsent(p.text(), p));
    } else {
      throw new DictionaryException(
          file,
          line(value),
          "the value of '" + key + "' must be a string, a list of strings or a mapping");
    }
    if (patterns.isEmpty()) {
      throw new DictionaryException(file, keyLine, "empty category '" + key + "'");
    }
    categories.set(index, new Category(key, List.copyOf(patterns.values())));
    return List.copyOf(patterns.values());
  }

  private void add(Map<String, DictionaryPattern> patterns, ScalarNode scalar, String key) {
    String entry = isNull(scalar) ? "" : scalar.getValue();
    try {
      DictionaryPattern pattern = DictionaryPattern.parse(entry);
      patterns.putIfAbsent(pattern.text(), pattern);
    } catch (IllegalArgumentException e) {
      throw new DictionaryException(
          file, line(scalar), e.getMessage() + " (category '" + key + "')");
    }
  }

  private static boolean isNull(ScalarNode scalar) {
    return scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank();
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "mapping";
    }
    return node instanceof SequenceNode ? "list" : "single value";
  }
}
