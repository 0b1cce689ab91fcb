package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who does what to whom, measured against 142 zone-window sentences of the seed transcript and
 * data-sample labelled by reading (src/test/resources/actors/GUIDELINES.md: rules written before
 * labelling; no program proposed a label), 255 events. The extractor reads the same parse the
 * sentiment model reads.
 *
 * <p>Scoring, per sentence, as multisets: an event is (verb lemma, agent head, target head), "-"
 * where absent; a predicted event is correct when the gold set of its sentence holds an equal one
 * not matched yet. Agents alone: a predicted (verb, agent head) with an agent, against the gold
 * events with an agent; targets alike. Precision = correct / predicted, recall = correct / gold.
 */
class AgencyValidationTest {
  private static final Path GOLD = Path.of("src/test/resources/actors");

  /**
   * Measured on 2026-11-30 (CoreNLP 4.5.10, shift-reduce parser, enhanced++ graph): events P 0.785
   * R 0.788 (256 predicted, 255 gold); agents P 0.847 R 0.883; targets P 0.891 R 0.822. Held about
   * 0.04 below (the target for agent precision is 0.6).
   */
  private static final double MIN_AGENT_PRECISION = 0.80;

  private static final double MIN_TARGET_PRECISION = 0.85;
  private static final double MIN_EVENT_PRECISION = 0.74;
  private static final double MIN_EVENT_RECALL = 0.74;

  @Test
  void agentsVerbsAndTargetsAgreeWithTheLabelledSet() throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    List<String> sentenceLines = Files.readAllLines(GOLD.resolve("labelled-sentences.tsv"));
    for (String line : sentenceLines.subList(1, sentenceLines.size())) {
      String[] f = line.split("\t", -1);
      texts.put(f[0], f[4]);
    }
    Map<String, List<String[]>> gold = new LinkedHashMap<>();
    texts.keySet().forEach(id -> gold.put(id, new ArrayList<>()));
    List<String> eventLines = Files.readAllLines(GOLD.resolve("labelled-events.tsv"));
    for (String line : eventLines.subList(1, eventLines.size())) {
      String[] f = line.split("\t", -1);
      gold.get(f[0]).add(new String[] {f[1], f[3], f[5]});
    }
    List<String> ids = new ArrayList<>(texts.keySet());
    List<SentimentScorer.Score> scores =
        SentimentScorer.score(
            ids.stream().map(texts::get).toList(), SentimentScorer.Parser.SHIFT_REDUCE, true);
    Tally events = new Tally();
    Tally agents = new Tally();
    Tally targets = new Tally();
    for (int i = 0; i < ids.size(); i++) {
      List<String[]> predicted = new ArrayList<>();
      for (AgencyExtractor.Event e : scores.get(i).agency().events()) {
        predicted.add(new String[] {e.verb(), dash(e.agentHead()), dash(e.targetHead())});
      }
      List<String[]> expected = gold.get(ids.get(i));
      events.add(keys(predicted, 1, 2), keys(expected, 1, 2));
      agents.add(keysWith(predicted, 1), keysWith(expected, 1));
      targets.add(keysWith(predicted, 2), keysWith(expected, 2));
    }
    String report =
        String.format(
            "%d sentences: events P %.3f R %.3f (%d predicted, %d gold); agents P %.3f R %.3f"
                + " (%d/%d); targets P %.3f R %.3f (%d/%d)",
            ids.size(),
            events.precision(),
            events.recall(),
            events.predicted,
            events.gold,
            agents.precision(),
            agents.recall(),
            agents.predicted,
            agents.gold,
            targets.precision(),
            targets.recall(),
            targets.predicted,
            targets.gold);
    System.out.println("agency validation: " + report);
    assertTrue(agents.precision() >= MIN_AGENT_PRECISION, report);
    assertTrue(targets.precision() >= MIN_TARGET_PRECISION, report);
    assertTrue(events.precision() >= MIN_EVENT_PRECISION, report);
    assertTrue(events.recall() >= MIN_EVENT_RECALL, report);
  }

  private static String dash(String head) {
    return head == null ? "-" : head;
  }

  /** verb|agent|target keys of the events. */
  private static List<String> keys(List<String[]> events, int... parts) {
    List<String> keys = new ArrayList<>();
    for (String[] e : events) {
      StringBuilder key = new StringBuilder(e[0]);
      for (int p : parts) {
        key.append('|').append(e[p]);
      }
      keys.add(key.toString());
    }
    return keys;
  }

  /** verb|part keys of the events that have that part. */
  private static List<String> keysWith(List<String[]> events, int part) {
    List<String> keys = new ArrayList<>();
    for (String[] e : events) {
      if (!e[part].equals("-")) {
        keys.add(e[0] + "|" + e[part]);
      }
    }
    return keys;
  }

  /** Multiset matches of predicted against gold keys, summed over sentences. */
  private static final class Tally {
    int predicted;
    int gold;
    int correct;

    void add(List<String> predictedKeys, List<String> goldKeys) {
      predicted += predictedKeys.size();
      gold += goldKeys.size();
      List<String> unmatched = new ArrayList<>(goldKeys);
      for (String key : predictedKeys) {
        if (unmatched.remove(key)) {
          correct++;
        }
      }
    }

    double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }
  }
}
