package org.discourseatlas.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * LIWC's .dic format (as quanteda's {@code dictionary(file = "x.dic", format = "LIWC")} reads it):
 *
 * <pre>
 * %
 * 1	posemo
 * 2	negemo
 * %
 * abandon*	2
 * good	1
 * kind of	1 2
 * </pre>
 *
 * A category line is an id and a name (anything after the name's first word, such as a description,
 * is ignored); an entry line is the entry, a tab, and its category ids. Without a tab, the trailing
 * words that are numbers or declared ids are the ids and the words before them the entry, so a
 * multiword entry may be separated by spaces too. LIWC's conditional entries ({@code like (02
 * 134)125/464}: "like" counts for 125 after words of 02 or 134, else for 464) are not supported:
 * they need the preceding words, which a dictionary of patterns does not model.
 */
final class LiwcDictionaryFormat {
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private LiwcDictionaryFormat() {}

  private record Declared(String name, int line, Map<String, DictionaryPattern> patterns) {}

  static List<Category> read(String file, String text) {
    String[] lines = LINE_BREAK.split(text, -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length || !lines[i].strip().equals("%")) {
      throw new DictionaryException(
          file, Math.min(i, lines.length - 1) + 1, "a .dic file starts with a line '%'");
    }
    int opening = i++;
    Map<String, Declared> byId = new LinkedHashMap<>();
    for (; i < lines.length && !lines[i].strip().equals("%"); i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = WHITE_SPACE.split(line);
      if (fields.length < 2) {
        throw new DictionaryException(
            file, i + 1, "expected '<id> <category>', found '" + line + "'");
      }
      for (Declared other : byId.values()) {
        if (other.name().equals(fields[1])) {
          throw new DictionaryException(file, i + 1, "duplicate category key '" + fields[1] + "'");
        }
      }
      if (byId.put(fields[0], new Declared(fields[1], i + 1, new LinkedHashMap<>())) != null) {
        throw new DictionaryException(file, i + 1, "duplicate category id '" + fields[0] + "'");
      }
    }
    if (i == lines.length) {
      throw new DictionaryException(
          file,
          opening + 1,
          "the categories opened by this '%' line are not closed by a second '%' line");
    }
    for (i++; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        entry(file, i + 1, lines[i], byId);
      }
    }
    List<Category> categories = new ArrayList<>();
    for (Declared declared : byId.values()) {
      if (declared.patterns().isEmpty()) {
        throw new DictionaryException(
            file, declared.line(), "empty category '" + declared.name() + "'");
      }
      categories.add(new Category(declared.name(), List.copyOf(declared.patterns().values())));
    }
    return categories;
  }

  private static void entry(String file, int lineNumber, String line, Map<String, Declared> byId) {
    if (line.indexOf('(') >= 0 || line.indexOf(')') >= 0) {
      throw new DictionaryException(
          file,
          lineNumber,
          "LIWC conditional entries (with parentheses) are not supported: '" + line.strip() + "'");
    }
    String entry;
    List<String> ids = new ArrayList<>();
    int tab = line.indexOf('\t');
    String before = tab >= 0 ? line.substring(0, tab) : line;
    if (tab >= 0 && !before.isBlank()) {
      entry = before;
      String rest = line.substring(tab + 1).strip();
      ids.addAll(rest.isEmpty() ? List.of() : List.of(WHITE_SPACE.split(rest)));
    } else {
      String[] words = WHITE_SPACE.split(line.strip());
      int firstId = words.length;
      while (firstId > 1
          && (NUMBER.matcher(words[firstId - 1]).matches()
              || byId.containsKey(words[firstId - 1]))) {
        firstId--;
      }
      entry = String.join(" ", List.of(words).subList(0, firstId));
      ids.addAll(List.of(words).subList(firstId, words.length));
    }
    if (ids.isEmpty()) {
      throw new DictionaryException(
          file, lineNumber, "entry '" + entry.strip() + "' has no category id");
    }
    DictionaryPattern pattern;
    try {
      pattern = DictionaryPattern.parse(entry);
    } catch (IllegalArgumentException e) {
      throw new DictionaryException(file, lineNumber, e.getMessage());
    }
    for (String id : ids) {
      Declared declared = byId.get(id);
      if (declared == null) {
        throw new DictionaryException(file, lineNumber, "unknown category id '" + id + "'");
      }
      declared.patterns().putIfAbsent(pattern.text(), pattern);
    }
  }
}
