package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.discourseatlas.testing.Corpora;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: a bad option, input, config or output is one line and exit 2. */
class CommandLineTest {
  @TempDir Path temp;

  /** What one invocation printed and returned. */
  private record Outcome(int exitCode, String out, String err) {}

  @BeforeAll
  static void sharedSession() {
    SharedSpark.session();
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DiscourseAtlasJob.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static void assertOneLineError(Outcome outcome, String mustMention) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    String err = outcome.err().strip();
    assertTrue(err.contains(mustMention), "error should mention '" + mustMention + "': " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertEquals(1, err.lines().count(), "one line: " + err);
  }

  @Test
  void helpPrintsTheOptionsAndExitsZero() {
    Outcome outcome = run("--help");
    assertEquals(0, outcome.exitCode());
    for (String option : new String[] {"--input", "--output", "--config", "--snapshot"}) {
      assertTrue(outcome.out().contains(option), option + " in help: " + outcome.out());
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertOneLineError(run("--bogus"), "--bogus");
  }

  @Test
  void missingInputIsAUsageError() {
    Path missing = temp.resolve("no-such-folder");
    assertOneLineError(
        run("--input", missing.toString(), "--output", temp.resolve("out").toString()),
        "input not found");
  }

  @Test
  void globMatchingNothingIsAUsageError() {
    assertOneLineError(
        run(
            "--input",
            temp.resolve("*.nothing").toString(),
            "--output",
            temp.resolve("out").toString()),
        "input not found");
  }

  @Test
  void unreadableConfigIsAUsageError() {
    assertOneLineError(
        run(
            "--config",
            temp.resolve("absent.conf").toString(),
            "--output",
            temp.resolve("out").toString()),
        "absent.conf");
  }

  @Test
  void invalidConfigValueNamesTheKey() throws IOException {
    Path conf = temp.resolve("bad.conf");
    Files.writeString(conf, "discourse-atlas.zones.window = -1\n");
    assertOneLineError(
        run("--config", conf.toString(), "--output", temp.resolve("out").toString()),
        "zones.window");
  }

  @Test
  void misspeltConfigKeyIsAUsageErrorWithTheNearestKey() throws IOException {
    Path conf = temp.resolve("my.conf");
    Files.writeString(conf, "discourse-atlas {\n  topics.k = 4\n  sentiment.scpoe = all\n}\n");
    Outcome outcome = run("--config", conf.toString(), "--output", temp.resolve("out").toString());
    assertOneLineError(
        outcome,
        "discourse-atlas: config: unknown key discourse-atlas.sentiment.scpoe in "
            + conf
            + " line 3; did you mean discourse-atlas.sentiment.scope?");
    assertFalse(Files.exists(temp.resolve("out")), "stopped before the run wrote anything");
  }

  @Test
  void malformedDictionaryIsAUsageErrorWithItsLineAndNothingIsWritten() throws IOException {
    Path dictionary = temp.resolve("my-frames.yml");
    Files.writeString(dictionary, "liberation:\n  - liberat*\n  - \"*\"\n");
    Path conf = temp.resolve("frames.conf");
    Files.writeString(
        conf,
        "discourse-atlas.frames.dictionaries = [ conflict-framing, \"" + dictionary + "\" ]\n");
    Outcome outcome = run("--config", conf.toString(), "--output", temp.resolve("out").toString());
    assertOneLineError(outcome, "discourse-atlas.frames.dictionaries: " + dictionary + ":3: ");
    assertFalse(Files.exists(temp.resolve("out")), "stopped before the run wrote anything");
  }

  @Test
  void malformedSnapshotIsAUsageError() {
    assertOneLineError(
        run("--snapshot", "2017-13", "--output", temp.resolve("out").toString()), "--snapshot");
  }

  @Test
  void foreignOutputFolderIsRefusedAndLeftUntouched() throws IOException {
    Path foreign = temp.resolve("my-thesis");
    Files.createDirectories(foreign);
    Path precious = Files.writeString(foreign.resolve("chapter1.tex"), "precious");
    Outcome outcome =
        run("--input", Corpora.dataSample().toString(), "--output", foreign.toString());
    assertOneLineError(outcome, "not a Discourse Atlas output");
    try (var files = Files.list(foreign)) {
      assertEquals(1, files.count(), "nothing written into the foreign folder");
    }
    assertEquals("precious", Files.readString(precious));
  }
}
