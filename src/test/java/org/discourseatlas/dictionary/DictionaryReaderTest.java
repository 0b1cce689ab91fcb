package org.discourseatlas.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading quanteda YAML and LIWC .dic dictionaries, and the line each malformed file names. */
class DictionaryReaderTest {
  /** The categories as key -> pattern texts, in order. */
  private static Map<String, List<String>> categories(Dictionary dictionary) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Category c : dictionary.categories()) {
      map.put(c.key(), c.patterns().stream().map(DictionaryPattern::text).toList());
    }
    return map;
  }

  private static DictionaryException failure(String file, String text) {
    return assertThrows(DictionaryException.class, () -> DictionaryReader.read(file, text));
  }

  @Test
  void readsAFlatYamlDictionaryWithASingleStringValue() {
    // Keys in document order; "evacuation" is a single string, not a list; patterns lowercased
    // and inner white space collapsed ("Aid   convoy*" -> "aid convoy*").
    Dictionary d =
        DictionaryReader.read(
            "/tmp/framing/my-frames.yml",
            "siege: [siege*, besieg*]\nevacuation: evacuat*\naid:\n  - Aid   convoy*\n");
    assertEquals("my-frames", d.name());
    assertEquals(
        Map.of(
            "siege", List.of("siege*", "besieg*"),
            "evacuation", List.of("evacuat*"),
            "aid", List.of("aid convoy*")),
        categories(d));
    assertEquals(List.of("siege", "evacuation", "aid"), List.copyOf(categories(d).keySet()));
    assertEquals(List.of("aid", "convoy*"), d.category("aid").patterns().get(0).words());
  }

  @Test
  void flattensNestedKeysParentFirstWithTheUnionOfItsChildren() {
    // liberation has two children; its patterns are theirs in document order, "liberat*" once
    // although both children list it. capture/seizure is two levels down under capture.
    String yaml =
        "liberation:\n"
            + "  military: [liberat*, freed]\n"
            + "  civil: [return to normal life, liberat*]\n"
            + "capture:\n"
            + "  seizure:\n"
            + "    by_force: [captur*]\n";
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("liberation", List.of("liberat*", "freed", "return to normal life"));
    expected.put("liberation/military", List.of("liberat*", "freed"));
    expected.put("liberation/civil", List.of("return to normal life", "liberat*"));
    expected.put("capture", List.of("captur*"));
    expected.put("capture/seizure", List.of("captur*"));
    expected.put("capture/seizure/by_force", List.of("captur*"));
    Map<String, List<String>> actual = categories(DictionaryReader.read("f.yaml", yaml));
    assertEquals(expected, actual);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
  }

  @Test
  void readsLiwcWithMultiwordEntriesAndSeveralCategoriesPerEntry() {
    // Categories 1 harm, 2 aid (a description after the name is ignored). "killed" is in harm
    // only; "humanitarian corridor*" (tab before the id) is one multiword entry of aid; "bombed
    // convoy 1 2" has no tab: its trailing numbers are the ids, so it is in both harm and aid.
    String dic =
        "%\n"
            + "1\tharm\n"
            + "2\taid (humanitarian aid)\n"
            + "%\n"
            + "killed\t1\n"
            + "humanitarian corridor*\t2\n"
            + "bombed convoy 1 2\n";
    Dictionary d = DictionaryReader.read("frames.dic", dic);
    assertEquals("frames", d.name());
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("harm", List.of("killed", "bombed convoy"));
    expected.put("aid", List.of("humanitarian corridor*", "bombed convoy"));
    assertEquals(expected, categories(d));
  }

  @Test
  void yamlSyntaxErrorsNameTheirLine() {
    // Line 3 has a second "key: value" inside a plain value: SnakeYAML's problem mark is there.
    DictionaryException e = failure("bad.yml", "siege:\n  - siege*\naid: convoy: trucks\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("bad.yml:3: not valid YAML"), e.getMessage());
  }

  @Test
  void aQuestionMarkInAFlowListNeedsQuotes() {
    // SnakeYAML refuses "gunm?n" bare inside [...] on line 2; quoted, or in a block list, it reads.
    DictionaryException e = failure("bad.yml", "siege: [siege*]\nterror: [gunm?n]\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("quote a pattern with '?'"), e.getMessage());
    assertEquals(
        List.of("gunm?n"),
        categories(DictionaryReader.read("ok.yml", "terror: [\"gunm?n\"]\n")).get("terror"));
  }

  @Test
  void aPatternThatIsNotAStringNamesItsLine() {
    // Line 4 is a mapping inside aid's list.
    DictionaryException e =
        failure("bad.yml", "siege: [siege*]\naid:\n  - convoy*\n  - {food: parcels}\n");
    assertEquals("bad.yml:4: a pattern of 'aid' must be a string, not a mapping", e.getMessage());
    // A list nested in a list, line 2.
    assertEquals(2, failure("bad.yml", "aid:\n  - [convoy*, trucks]\n").line());
  }

  @Test
  void emptyCategoriesNameTheKeysLine() {
    assertEquals(
        "bad.yml:2: empty category 'aid'",
        failure("bad.yml", "siege: [siege*]\naid: []\n").getMessage());
    assertEquals(
        "bad.yml:2: empty category 'aid'",
        failure("bad.yml", "siege: siege*\naid:\n").getMessage());
    assertEquals(
        "bad.yml:1: empty category 'aid/convoys'",
        failure("bad.yml", "aid: {convoys: []}\n").getMessage());
  }

  @Test
  void emptyWildcardOnlyAndRegexPatternsNameTheirLine() {
    assertEquals(3, failure("bad.yml", "aid:\n  - convoy*\n  - \"\"\n").line());
    DictionaryException star = failure("bad.yml", "aid:\n  - convoy*\n  - \"*\"\n");
    assertEquals(3, star.line());
    assertTrue(star.getMessage().contains("only wildcards"), star.getMessage());
    assertEquals(2, failure("bad.yml", "aid:\n  - \"* ?\"\n").line());
    DictionaryException regex = failure("bad.yml", "liberation:\n  - liberat.*\n");
    assertEquals(2, regex.line());
    assertTrue(regex.getMessage().contains("regular expression"), regex.getMessage());
    assertEquals(1, failure("bad.yml", "aid: [^aid$]\n").line());
    assertEquals(1, failure("bad.yml", "aid: \"[Aa]id\"\n").line());
  }

  @Test
  void duplicateKeysNameTheSecondOne() {
    assertEquals(
        "bad.yml:3: duplicate category key 'siege'",
        failure("bad.yml", "siege: [siege*]\naid: [convoy*]\nsiege: [blockad*]\n").getMessage());
    // "a/b" written flat, then the nested key a -> b: the same flattened key, on line 3.
    assertEquals(
        "bad.yml:3: duplicate category key 'a/b'",
        failure("bad.yml", "a/b: [x]\na:\n  b: [y]\n").getMessage());
  }

  @Test
  void aYamlFileMustBeAMapping() {
    assertEquals(1, failure("bad.yml", "- siege\n- aid\n").line());
    assertEquals(1, failure("bad.yml", "").line());
  }

  @Test
  void malformedLiwcFilesNameTheirLine() {
    // Line 5: id 3 is not declared.
    assertEquals(
        "x.dic:5: unknown category id '3'",
        failure("x.dic", "%\n1\tharm\n%\nkilled\t1\nwounded\t3\n").getMessage());
    // No '%' at the top: line 1.
    assertEquals(1, failure("x.dic", "1\tharm\nkilled\t1\n").line());
    // Opened on line 1 and never closed.
    assertEquals(1, failure("x.dic", "%\n1\tharm\nkilled\t1\n").line());
    // LIWC's conditional entry on line 4.
    DictionaryException conditional = failure("x.dic", "%\n1\tharm\n%\nlike (02 134)125/464\n");
    assertEquals(4, conditional.line());
    assertTrue(conditional.getMessage().contains("conditional"), conditional.getMessage());
    // Category 2 (line 3) has no entries.
    assertEquals(
        "x.dic:3: empty category 'aid'",
        failure("x.dic", "%\n1\tharm\n2\taid\n%\nkilled\t1\n").getMessage());
    // Two categories named harm: the second, line 3.
    assertEquals(3, failure("x.dic", "%\n1\tharm\n2\tharm\n%\nkilled\t1 2\n").line());
    // An entry without ids, line 4.
    assertEquals(4, failure("x.dic", "%\n1\tharm\n%\nkilled\n").line());
  }

  @Test
  void otherExtensionsAreRefused() {
    assertEquals(
        "frames.txt:1: unknown dictionary format: the name must end in .yml, .yaml or .dic",
        failure("frames.txt", "siege: [siege*]").getMessage());
  }

  @Test
  void aBareNameIsAShippedDictionary() {
    assertEquals("actors", DictionaryReader.load("actors").name());
    assertThrows(IllegalArgumentException.class, () -> DictionaryReader.shipped("no-such"));
  }
}
