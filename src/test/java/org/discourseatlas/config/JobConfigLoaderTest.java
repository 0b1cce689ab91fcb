package org.discourseatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.discourseatlas.parse.ParserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigLoaderTest {
  private static final long MIB = 1024L * 1024;

  @TempDir Path dir;

  private Path userFile(String name, String hocon) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, hocon, StandardCharsets.UTF_8);
    return file;
  }

  private InvalidConfigException invalid(String hocon) throws IOException {
    Path file = userFile("bad.conf", hocon);
    return assertThrows(InvalidConfigException.class, () -> JobConfigLoader.load(file.toFile()));
  }

  @Test
  void defaultsMatchReferenceConf() {
    JobConfig config = JobConfigLoader.defaults();

    assertEquals(2, config.zoneWindow());
    assertEquals(200, config.parser().minTextChars());
    assertEquals(20 * MIB, config.parser().maxFileBytes());
    assertEquals(2, config.minTermLength());
    assertEquals(List.of(), config.extraStopwords());
    assertNull(config.gazetteerPath(), "empty gazetteer means the shipped default");
    assertEquals(List.of(), config.parser().sourceRules());
    assertEquals(
        new ParserSettings.RecordFields("text", "title", "date", "url", "source"),
        config.parser().recordFields());
    assertEquals(ParserSettings.FrontMatterFields.DEFAULTS, config.parser().frontMatterFields());
    assertTrue(config.rendered().contains("window=2"), config.rendered());
  }

  @Test
  void frontMatterFieldNamesAreListsOrOneNameAndNeverEmpty() throws IOException {
    Path file =
        userFile(
            "atlas.conf",
            """
            discourse-atlas.ingest.front-matter-fields {
              date = [ publishDate, date ]
              url = link
            }
            """);

    ParserSettings.FrontMatterFields fields =
        JobConfigLoader.load(file.toFile()).parser().frontMatterFields();

    assertEquals(List.of("publishDate", "date"), fields.date());
    assertEquals(List.of("link"), fields.url(), "one name as record-fields writes it");
    assertEquals(List.of("title"), fields.title(), "unset names keep the default");
    InvalidConfigException e = invalid("discourse-atlas.ingest.front-matter-fields.title = []\n");
    assertTrue(
        e.getMessage().contains("discourse-atlas.ingest.front-matter-fields.title"),
        e.getMessage());
  }

  @Test
  void userFileOverridesOneKeyAndKeepsTheRest() throws IOException {
    Path file = userFile("atlas.conf", "discourse-atlas.zones.window = 3\n");

    JobConfig config = JobConfigLoader.load(file.toFile());

    assertEquals(3, config.zoneWindow());
    assertEquals(200, config.parser().minTextChars());
    assertEquals(20 * MIB, config.parser().maxFileBytes());
    assertEquals(2, config.minTermLength());
    assertNull(config.gazetteerPath());
    assertTrue(config.rendered().contains("window=3"), config.rendered());
  }

  @Test
  void userFileSetsEveryKindOfValue() throws IOException {
    Path file =
        userFile(
            "atlas.conf",
            """
            discourse-atlas {
              ingest {
                max-file-bytes = 10 MiB
                min-text-chars = 500
                record-fields.text = body
                sources = [
                  { path-contains = "/mid.ru/", source = "mfa-russia" }
                  { path-contains = "/turkey.mid.ru/", source = "embassy-turkey" }
                ]
              }
              zones {
                gazetteer = "hdfs:///atlas/zones.csv"
                window = 0
              }
              terms {
                min-term-length = 3
                extra-stopwords = [minister, "lavrov", colleagues]
              }
            }
            """);

    JobConfig config = JobConfigLoader.load(file.toFile());

    assertEquals(10 * MIB, config.parser().maxFileBytes());
    assertEquals(500, config.parser().minTextChars());
    assertEquals("body", config.parser().recordFields().text());
    assertEquals(
        "title", config.parser().recordFields().title(), "unset field names keep the default");
    assertEquals(
        List.of(
            new ParserSettings.SourceRule("/mid.ru/", "mfa-russia"),
            new ParserSettings.SourceRule("/turkey.mid.ru/", "embassy-turkey")),
        config.parser().sourceRules());
    assertEquals("hdfs:///atlas/zones.csv", config.gazetteerPath());
    assertEquals(0, config.zoneWindow());
    assertEquals(3, config.minTermLength());
    assertEquals(List.of("minister", "lavrov", "colleagues"), config.extraStopwords());
  }

  @Test
  void negativeWindowNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.zones.window = -1\n");

    assertTrue(e.getMessage().contains("zones.window"), e.getMessage());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void wrongTypeNamesTheKeyAndTheFile() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.ingest.min-text-chars = lots\n");

    assertTrue(e.getMessage().contains("discourse-atlas.ingest.min-text-chars"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
  }

  @Test
  void stringWhereAListIsExpectedNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.terms.extra-stopwords = minister\n");

    assertTrue(e.getMessage().contains("extra-stopwords"), e.getMessage());
  }

  @Test
  void zeroMaxFileBytesNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.ingest.max-file-bytes = 0\n");

    assertTrue(e.getMessage().contains("ingest.max-file-bytes"), e.getMessage());
  }

  @Test
  void maxFileBytesOverTwoGibibytesNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.ingest.max-file-bytes = 3 GiB\n");

    assertTrue(e.getMessage().contains("ingest.max-file-bytes"), e.getMessage());
  }

  @Test
  void minTermLengthZeroNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.terms.min-term-length = 0\n");

    assertTrue(e.getMessage().contains("terms.min-term-length"), e.getMessage());
  }

  @Test
  void emptySourcePathFragmentNamesTheRule() throws IOException {
    InvalidConfigException e =
        invalid(
            "discourse-atlas.ingest.sources = [ { path-contains = \"/mid.ru/\", source = mfa-russia },"
                + " { path-contains = \"\", source = everything } ]\n");

    assertTrue(e.getMessage().contains("ingest.sources[1].path-contains"), e.getMessage());
  }

  @Test
  void sourceRuleWithoutSourceNamesTheKey() throws IOException {
    InvalidConfigException e =
        invalid("discourse-atlas.ingest.sources = [ { path-contains = \"/mid.ru/\" } ]\n");

    assertTrue(e.getMessage().contains("'source'"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
  }

  @Test
  void missingFileNamesTheFile() {
    Path missing = dir.resolve("no-such-atlas.conf");

    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> JobConfigLoader.load(missing.toFile()));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void directoryInsteadOfAFileNamesIt() {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> JobConfigLoader.load(dir.toFile()));

    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void unparsableFileNamesTheFile() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.zones { window = 5\n");

    assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
  }

  @Test
  void topicDefaultsAreOnlineLdaOverTurnsWithAleppoVersusMosul() {
    JobConfig.Topics topics = JobConfigLoader.defaults().topics();
    assertTrue(topics.enabled());
    assertEquals(JobConfig.TopicUnit.TURN, topics.unit());
    assertEquals("online", topics.optimizer());
    assertEquals(10, topics.k());
    assertEquals(List.of(), topics.selectionK());
    assertEquals(
        List.of(new JobConfig.KeynessComparison(List.of("aleppo"), List.of("mosul"))),
        topics.comparisons());
    assertTrue(topics.reuseModel());
  }

  @Test
  void topicSettingsAreReadAndCheckedByKey() throws IOException {
    Path file =
        userFile(
            "topics.conf",
            """
            discourse-atlas.topics {
              unit = paragraph
              optimizer = em
              k = 4
              model-selection.k = [ 5, 10, 20 ]
            }
            """);
    JobConfig.Topics topics = JobConfigLoader.load(file.toFile()).topics();
    assertEquals(JobConfig.TopicUnit.PARAGRAPH, topics.unit());
    assertEquals("em", topics.optimizer());
    assertEquals(4, topics.k());
    assertEquals(List.of(5, 10, 20), topics.selectionK());

    assertTrue(
        invalid("discourse-atlas.topics.unit = sentence\n").getMessage().contains("topics.unit"));
    assertTrue(
        invalid("discourse-atlas.topics.optimizer = gibbs\n")
            .getMessage()
            .contains("topics.optimizer"));
    assertTrue(invalid("discourse-atlas.topics.k = 1\n").getMessage().contains("topics.k"));
    assertTrue(
        invalid("discourse-atlas.topics.model-selection.k = [ 10, 1 ]\n")
            .getMessage()
            .contains("model-selection.k[1]"));
    assertTrue(
        invalid("discourse-atlas.topics.learning-decay = 0.5\n")
            .getMessage()
            .contains("topics.learning-decay"));
    assertTrue(
        invalid("discourse-atlas.topics.vocabulary.max-doc-share = 0\n")
            .getMessage()
            .contains("max-doc-share"));
  }
}
