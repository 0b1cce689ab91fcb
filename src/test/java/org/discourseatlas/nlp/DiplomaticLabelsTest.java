package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DiplomaticLabelsTest {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final List<DiplomaticLabels.Row> ROWS = DiplomaticLabels.rows();

  @Test
  void theLabelledTsvHas3900RowsOfValidLabelsAndHashes() {
    assertEquals(3900, ROWS.size());
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

  /**
   * Every labelled span, read straight from the shared UN corpus tarball (no unpacking), matches
   * its hash: the labels are about the text the trainer reads. The only test that reads the corpus.
   */
  @Test
  void everySpanReadFromTheCorpusTarballMatchesItsHash() throws IOException {
    Path tarball = tarball();
    Set<String> wanted = new HashSet<>();
    ROWS.forEach(r -> wanted.add(r.file()));
    Map<String, String> speeches = speeches(tarball, wanted);
    assertEquals(wanted.size(), speeches.size(), "speeches found in the tarball");

    List<String> texts = DiplomaticLabels.texts(ROWS, speeches::get);

    assertEquals(ROWS.size(), texts.size());
    // GUIDELINES.md: sentences of 8 to 60 words.
    texts.forEach(t -> assertTrue(t.split(" ").length >= 8, t));
  }

  /** The shared UN corpus tarball, or a skip saying where it was looked for. */
  static Path tarball() {
    Path tarball =
        Path.of("..", "shared", "corpora", "un-general-debate.tar.gz").toAbsolutePath().normalize();
    Assumptions.assumeTrue(
        Files.isRegularFile(tarball), "the shared UN corpus is not at " + tarball);
    return tarball;
  }

  /** The wanted speeches' texts (paths as in the TSV), read from the tarball without unpacking. */
  static Map<String, String> speeches(Path tarball, Set<String> wanted) throws IOException {
    Map<String, String> speeches = new HashMap<>();
    String prefix = "un-general-debate/";
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(tarball))))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String name = entry.getName();
        String file = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        if (entry.isFile() && wanted.contains(file)) {
          speeches.put(file, DiplomaticLabels.decode(tar.readAllBytes()));
        }
      }
    }
    return speeches;
  }
}
