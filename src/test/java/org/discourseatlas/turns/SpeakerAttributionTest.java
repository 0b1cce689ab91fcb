package org.discourseatlas.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.discourseatlas.config.JobConfigLoader;
import org.discourseatlas.decode.RejectedInputException;
import org.discourseatlas.parse.DraftTranscript;
import org.discourseatlas.parse.ParserSettings;
import org.discourseatlas.parse.ReadResult;
import org.discourseatlas.parse.TranscriptFinisher;
import org.discourseatlas.parse.TranscriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speaker attribution and roles measured on the labelled set in {@code
 * src/test/resources/speakers/}: transcripts laid out as ministries publish them (outlet-labelled
 * questions, "Q:"/"A:", names in capitals, parenthesised outlets, moderators, two officials,
 * interpreters), with the gold speaker, role, kind and affiliation of every turn in {@code
 * gold.tsv}, labelled by reading under {@code GUIDELINES.md} (written first), never by this code.
 *
 * <p>Each fixture goes through the job's own reading path (parser, finisher, segmenter) with the
 * default configuration. A turn counts as right when its value equals the gold one; a fixture split
 * into more or fewer turns than the gold has its unmatched turns counted wrong.
 */
class SpeakerAttributionTest {
  private static final String FOLDER = "speakers";
  private static final double TARGET = 0.95;

  /** Gold and found values of every gold turn, in file order. */
  private static final List<String[]> GOLD = new ArrayList<>();

  private static final Map<String, List<Turn>> FOUND = new LinkedHashMap<>();

  @BeforeAll
  static void readTheLabelledSet() throws IOException, URISyntaxException {
    URL url = SpeakerAttributionTest.class.getClassLoader().getResource(FOLDER + "/gold.tsv");
    Path folder = Path.of(url.toURI()).getParent();
    List<String> lines = Files.readAllLines(folder.resolve("gold.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        GOLD.add(line.split("\t", -1));
      }
    }
    ParserSettings settings = JobConfigLoader.defaults().parser();
    TranscriptParser parser = new TranscriptParser(settings);
    TranscriptFinisher finisher = new TranscriptFinisher(settings);
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path file : files) {
      ReadResult read = parser.read(file.getFileName().toString(), Files.readAllBytes(file));
      assertEquals(1, read.drafts().size(), file + ": " + read.rejects());
      DraftTranscript draft = read.drafts().get(0);
      try {
        FOUND.put(file.getFileName().toString(), finisher.finish(draft, Set.of()).turns());
      } catch (RejectedInputException e) {
        throw new AssertionError(file + " rejected: " + e.getMessage(), e);
      }
    }
  }

  private static String found(String[] gold, int column) {
    List<Turn> turns = FOUND.get(gold[0]);
    int turn = Integer.parseInt(gold[1]);
    if (turns == null || turn > turns.size()) {
      return "(no turn)";
    }
    Turn t = turns.get(turn - 1);
    String value =
        switch (column) {
          case 2 -> t.speaker();
          case 3 -> t.role().code();
          case 4 -> t.kind().code();
          default -> t.affiliation();
        };
    return value == null ? "" : value;
  }

  private static double accuracy(int column, List<String> misses) {
    int right = 0;
    for (String[] gold : GOLD) {
      String found = found(gold, column);
      if (found.equals(gold[column])) {
        right++;
      } else {
        misses.add(
            gold[0] + " turn " + gold[1] + ": gold '" + gold[column] + "', found '" + found + "'");
      }
    }
    return (double) right / GOLD.size();
  }

  @Test
  void theSetIsLargeEnoughAndEveryFixtureIsLabelled() {
    assertTrue(FOUND.size() >= 40, FOUND.size() + " fixtures");
    Set<String> labelled = new java.util.TreeSet<>();
    GOLD.forEach(g -> labelled.add(g[0]));
    assertEquals(new java.util.TreeSet<>(FOUND.keySet()), labelled);
  }

  @Test
  void turnsAreSplitAsTheGoldSplitsThem() {
    Map<String, Integer> goldTurns = new TreeMap<>();
    GOLD.forEach(g -> goldTurns.merge(g[0], 1, Integer::sum));
    List<String> different = new ArrayList<>();
    goldTurns.forEach(
        (file, n) -> {
          if (FOUND.get(file).size() != n) {
            different.add(file + ": gold " + n + ", found " + FOUND.get(file).size());
          }
        });
    assertTrue(different.size() <= FOUND.size() / 20, "split differently: " + different);
  }

  @Test
  void roleAccuracyReachesTheTarget() {
    List<String> misses = new ArrayList<>();
    double accuracy = accuracy(3, misses);
    System.out.printf(
        Locale.ROOT, "speakers: role accuracy %.3f over %d turns%n", accuracy, GOLD.size());
    System.out.println(confusionMatrix());
    assertTrue(accuracy >= TARGET, "role accuracy " + accuracy + "; misses: " + misses);
  }

  @Test
  void speakerAccuracyReachesTheTarget() {
    List<String> misses = new ArrayList<>();
    double accuracy = accuracy(2, misses);
    System.out.printf(
        Locale.ROOT, "speakers: speaker accuracy %.3f over %d turns%n", accuracy, GOLD.size());
    assertTrue(accuracy >= TARGET, "speaker accuracy " + accuracy + "; misses: " + misses);
  }

  @Test
  void kindAndAffiliationAccuracyReachTheTarget() {
    List<String> kindMisses = new ArrayList<>();
    List<String> affiliationMisses = new ArrayList<>();
    double kind = accuracy(4, kindMisses);
    double affiliation = accuracy(5, affiliationMisses);
    System.out.printf(
        Locale.ROOT,
        "speakers: kind accuracy %.3f, affiliation accuracy %.3f%n",
        kind,
        affiliation);
    assertTrue(kind >= TARGET, "kind accuracy " + kind + "; misses: " + kindMisses);
    assertTrue(
        affiliation >= 0.9,
        "affiliation accuracy " + affiliation + "; misses: " + affiliationMisses);
  }

  /** Rows: gold role; columns: found role. */
  static String confusionMatrix() {
    List<String> roles = new ArrayList<>();
    for (SpeakerRole role : SpeakerRole.values()) {
      roles.add(role.code());
    }
    roles.add("(no turn)");
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (String[] gold : GOLD) {
      counts.computeIfAbsent(gold[3], k -> new TreeMap<>()).merge(found(gold, 3), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder("gold \\ found");
    roles.forEach(r -> out.append('\t').append(r));
    for (String gold : counts.keySet()) {
      out.append('\n').append(gold);
      for (String found : roles) {
        out.append('\t').append(counts.get(gold).getOrDefault(found, 0));
      }
    }
    return out.toString();
  }
}
