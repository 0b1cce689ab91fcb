package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DiplomaticLabelsTest {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final List<DiplomaticLabels.Row> ROWS = DiplomaticLabels.rows();

  @Test
  void theLabelledTsvHas2400RowsOfValidLabelsAndHashes() {
    assertEquals(2400, ROWS.size());
    Set<String> ids = new HashSet<>();
    for (DiplomaticLabels.Row row : ROWS) {
      assertTrue(ids.add(row.id()), "duplicate id " + row.id());
      assertTrue(DiplomaticLabels.LABELS.contains(row.label()), row.id() + " " + row.label());
      assertTrue(
          row.secondLabel().isEmpty() || DiplomaticLabels.LABELS.contains(row.secondLabel()),
          row.id() + " second " + row.secondLabel());
      assertTrue(SHA256_HEX.matcher(row.textSha256()).matches(), row.id());
      assertTrue(row.begin() >= 0 && row.begin() < row.end(), row.id());
      assertTrue(row.file().endsWith(".txt"), row.file());
    }
  }

  @Test
  void theDoublyLabelledSentencesGiveTheStatedAgreement() {
    // GUIDELINES.md: 320 sentences labelled twice; observed 0.947, expected 0.343, kappa 0.919
    // (Cohen 1960: kappa = (p_o - p_e) / (1 - p_e), p_e = sum over classes of the product of the
    // two labellings' shares).
    List<DiplomaticLabels.Row> twice =
        ROWS.stream().filter(r -> !r.secondLabel().isEmpty()).toList();
    assertEquals(320, twice.size());
    double agree = twice.stream().filter(r -> r.label().equals(r.secondLabel())).count();
    double observed = agree / twice.size();
    double expected = 0;
    for (String label : DiplomaticLabels.LABELS) {
      double first = twice.stream().filter(r -> r.label().equals(label)).count();
      double second = twice.stream().filter(r -> r.secondLabel().equals(label)).count();
      expected += (first / twice.size()) * (second / twice.size());
    }
    assertEquals(0.947, observed, 0.0005);
    assertEquals(0.343, expected, 0.0005);
    assertEquals(0.919, (observed - expected) / (1 - expected), 0.0005);
  }

  @Test
  void theSplitIsBySpeechAboutOneFifthHeldOut() {
    Set<String> heldOut = new TreeSet<>();
    Set<String> train = new TreeSet<>();
    long heldOutSentences = 0;
    for (DiplomaticLabels.Row row : ROWS) {
      boolean out = DiplomaticLabels.heldOut(row.file());
      (out ? heldOut : train).add(row.file());
      heldOutSentences += out ? 1 : 0;
    }
    Set<String> both = new TreeSet<>(heldOut);
    both.retainAll(train);
    assertEquals(Set.of(), both, "no speech on both sides");
    double share = (double) heldOut.size() / (heldOut.size() + train.size());
    assertTrue(share > 0.15 && share < 0.25, "held-out share of speeches " + share);
    double sentenceShare = (double) heldOutSentences / ROWS.size();
    assertTrue(sentenceShare > 0.15 && sentenceShare < 0.25, "held-out sentences " + sentenceShare);
  }

  /** The only test that reads the UN corpus: skipped, saying why, where it is not there. */
  @Test
  void theSpansReadFromTheUnpackedCorpusMatchTheirHashes() {
    Path shared = Path.of("..", "shared", "corpora").toAbsolutePath().normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(shared),
        "the shared corpora are not at " + shared + " (../shared/corpora)");
    Path corpus = Path.of("target", "benchmark", "corpus", "un-general-debate");
    Assumptions.assumeTrue(
        Files.isDirectory(corpus),
        "the UN corpus is not unpacked at "
            + corpus.toAbsolutePath()
            + " (jobs/benchmark.sh corpus or jobs/train-sentiment.sh unpacks it)");

    List<String> texts = DiplomaticLabels.texts(ROWS.subList(0, 50), corpus);

    assertEquals(50, texts.size());
    texts.forEach(t -> assertTrue(t.split(" ").length >= 8, t.length() + " chars"));
  }
}
