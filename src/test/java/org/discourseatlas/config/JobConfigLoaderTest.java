package org.discourseatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
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
    assertEquals(120, config.maxSecondsPerFile());
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
  void sentimentModelIsDiplomaticByDefaultCoreNlpOnRequestAndNothingElse() throws IOException {
    // Default: the model that did better on the held-out split (decision 0023).
    assertEquals("diplomatic", JobConfigLoader.defaults().sentiment().model());
    assertTrue(JobConfigLoader.defaults().sentiment().diplomatic());

    Path file = userFile("corenlp.conf", "discourse-atlas.sentiment.model = corenlp\n");
    JobConfig.Sentiment corenlp = JobConfigLoader.load(file.toFile()).sentiment();
    assertEquals("corenlp", corenlp.model());
    assertFalse(corenlp.diplomatic());

    InvalidConfigException e = invalid("discourse-atlas.sentiment.model = vader\n");
    assertTrue(e.getMessage().contains("sentiment.model"), e.getMessage());
    assertTrue(e.getMessage().contains("vader"), e.getMessage());
  }

  @Test
  void negativeWindowNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.zones.window = -1\n");

    assertTrue(e.getMessage().contains("zones.window"), e.getMessage());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  /** A budget of 0 s would reject every input as a timeout: refused, by its key. */
  @Test
  void zeroSecondsPerFileNamesTheKey() throws IOException {
    InvalidConfigException e = invalid("discourse-atlas.ingest.max-seconds-per-file = 0\n");

    assertTrue(e.getMessage().contains("ingest.max-seconds-per-file"), e.getMessage());
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

  @Test
  void misspeltKeyIsNamedWithFileLineAndTheNearestKey() throws IOException {
    InvalidConfigException e =
        invalid(
            """
            discourse-atlas {
              sentiment {
                scpoe = all
              }
            }
            """);

    assertEquals(
        "config: unknown key discourse-atlas.sentiment.scpoe in "
            + dir.resolve("bad.conf")
            + " line 3; did you mean discourse-atlas.sentiment.scope?",
        e.getMessage());
  }

  @Test
  void knownKeyOutsideTheRootIsNamedWithWhereItBelongs() throws IOException {
    InvalidConfigException e = invalid("topics.enabled = false\n");

    assertEquals(
        "config: topics.enabled in "
            + dir.resolve("bad.conf")
            + " line 1 is outside the discourse-atlas { } root; write"
            + " discourse-atlas.topics.enabled",
        e.getMessage());
  }

  @Test
  void everyProblemIsReportedOnOneLineInFileOrder() throws IOException {
    InvalidConfigException e =
        invalid(
            """
            discourse-atlas.zones.window = 3
            discourse-atlas.sentimnet.scope = all
            zones { window = 1 }
            discourse-atlass.topics.k = 4
            discourse-atlas { "zones.window" = 3, colour = blue }
            """);
    String message = e.getMessage();

    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("config: 5 unknown or misplaced keys: "), message);
    List<String> expected =
        List.of(
            // A misspelt section: the whole-path distance still finds the key.
            "unknown key discourse-atlas.sentimnet.scope in %s line 2; did you mean"
                + " discourse-atlas.sentiment.scope?",
            "zones.window in %s line 3 is outside the discourse-atlas { } root",
            "unknown key discourse-atlass.topics.k in %s line 4; did you mean"
                + " discourse-atlas.topics.k?",
            // A quoted key with a dot is one key, not the path zones.window.
            "unknown key discourse-atlas.\"zones.window\" in %s line 5; did you mean"
                + " discourse-atlas.zones.window?",
            // Nothing near: no suggestion rather than a far one.
            "unknown key discourse-atlas.colour in %s line 5");
    int from = 0;
    for (String part : expected) {
      int at = message.indexOf(part.formatted(dir.resolve("bad.conf")), from);
      assertTrue(at >= from, "'" + part + "' after position " + from + " in: " + message);
      from = at;
    }
    assertTrue(message.endsWith("colour in " + dir.resolve("bad.conf") + " line 5"), message);
  }

  @Test
  void everyKeyOfReferenceConfWrittenOutIsAccepted() throws IOException {
    Config reference = ConfigFactory.defaultReference();
    String everyKey =
        reference
            .getObject(JobConfigLoader.ROOT)
            .atKey(JobConfigLoader.ROOT)
            .root()
            .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    Path file = userFile("full.conf", everyKey);

    JobConfig config = JobConfigLoader.load(file.toFile());

    assertTrue(everyKey.contains("model-selection"), everyKey);
    assertEquals(JobConfigLoader.defaults().rendered(), config.rendered());
  }

  @Test
  void userNamesInsideListsAreValuesNotKeys() throws IOException {
    Path file =
        userFile(
            "lists.conf",
            """
            discourse-atlas {
              turns.speaker-roles = [ { speaker = "(?i)maria zakharova", role = statement } ]
              turns.outlets = [ "Anadolu", "Interfax" ]
              keyness.comparisons = [ { target = [ raqqa, "east-aleppo" ] } ]
            }
            """);

    JobConfig config = JobConfigLoader.load(file.toFile());

    assertEquals(
        List.of(new JobConfig.KeynessComparison(List.of("raqqa", "east-aleppo"), List.of())),
        config.lexical().comparisons());
    assertEquals(List.of("Anadolu", "Interfax"), config.parser().outlets());
  }

  @Test
  void includesAndSubstitutionsStillWorkAndIncludedKeysAreChecked() throws IOException {
    userFile("base.conf", "discourse-atlas.zones.window = 4\n");
    Path file =
        userFile(
            "atlas.conf",
            """
            include "base.conf"
            discourse-atlas {
              sentiment.seed = ${discourse-atlas.topics.seed}
              zones.gazetteer = ${?HOME}"/zones.csv"
              terms.min-term-length = ${?DISCOURSE_ATLAS_TEST_UNSET_VARIABLE}
            }
            """);

    JobConfig config = JobConfigLoader.load(file.toFile());

    assertEquals(4, config.zoneWindow());
    assertEquals(20170314L, config.sentiment().seed());
    assertEquals(System.getenv("HOME") + "/zones.csv", config.gazetteerPath());
    assertEquals(2, config.minTermLength(), "an unset optional substitution keeps the default");

    userFile("base.conf", "discourse-atlas {\n  zones.windw = 4\n}\n");
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> JobConfigLoader.load(file.toFile()));
    assertTrue(
        e.getMessage().contains("zones.windw in " + dir.resolve("base.conf") + " line 2"),
        e.getMessage());
  }

  @Test
  void missingSubstitutionIsAConfigError() throws IOException {
    InvalidConfigException e =
        invalid("discourse-atlas.zones.window = ${DISCOURSE_ATLAS_TEST_UNSET_VARIABLE}\n");

    assertTrue(e.getMessage().contains("DISCOURSE_ATLAS_TEST_UNSET_VARIABLE"), e.getMessage());
  }

  @Test
  void misspeltKeyInsideAListElementNamesIt() throws IOException {
    assertEquals(
        "config: discourse-atlas.keyness.comparisons[1].refrence is not a key here; the keys are"
            + " target, reference",
        invalid(
                "discourse-atlas.keyness.comparisons = [ { target = [ aleppo ] },"
                    + " { target = [ aleppo ], refrence = [ mosul ] } ]\n")
            .getMessage());
    assertTrue(
        invalid("discourse-atlas.ingest.sources = [ { hots = \"mid.ru\", source = mfa } ]\n")
            .getMessage()
            .contains("ingest.sources[0].hots"));
    assertTrue(
        invalid("discourse-atlas.turns.speaker-roles = [ { speaker = x, rol = answer } ]\n")
            .getMessage()
            .contains("turns.speaker-roles[0].rol"));
  }
}
