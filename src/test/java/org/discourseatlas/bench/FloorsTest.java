package org.discourseatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.discourseatlas.nlp.SentenceSplitter;
import org.discourseatlas.testing.Corpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorsTest {
  @Test
  void wordCountCountsLowercasedRunsOfLetters() {
    Map<String, Integer> counts = new HashMap<>();
    // Runs of letters: Lavrov's, remarks -> "lavrov", "s", "remarks"; digits and punctuation split.
    long words = Floors.countWords("Lavrov's remarks: the Aleppo talks, the 2017 TALKS.", counts);
    // lavrov, s, remarks, the, aleppo, talks, the, talks = 8 words, 6 types.
    assertEquals(8, words);
    assertEquals(
        Map.of("lavrov", 1, "s", 1, "remarks", 1, "the", 2, "aleppo", 1, "talks", 2), counts);
  }

  @Test
  void everyItemRunsExactlyOnceWhateverTheThreads() throws Exception {
    List<Integer> items = IntStream.rangeClosed(1, 1000).boxed().toList();
    for (int threads : new int[] {1, 2, 3}) {
      // 1 + 2 + ... + 1000 = 1000 * 1001 / 2: a lost or doubled item changes the sum.
      assertEquals(500_500L, Floors.runAll(items, threads, i -> i));
    }
  }

  @Test
  void wordCountFloorReadsEveryFileOnce(@TempDir Path folder) throws Exception {
    Files.createDirectories(folder.resolve("Session 71 - 2016"));
    Files.writeString(
        folder.resolve("Session 71 - 2016/ISR_71_2016.txt"),
        "Peace in the region.\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("SYR_71_2016.txt"), "The region: Aleppo, Aleppo.\n", StandardCharsets.UTF_8);
    Map<String, Object> result = Floors.wordCount(Floors.files(folder), 2);
    assertEquals(2, result.get("files"));
    assertEquals(21L + 28L, result.get("bytes"));
    // peace, in, the, region / the, region, aleppo, aleppo = 8 words; 5 types.
    assertEquals(8L, result.get("words"));
    assertEquals(5, result.get("types"));
  }

  @Test
  void tokenizeFloorSplitsAsTheJobsSplitterDoes() throws Exception {
    // The real ministry transcript: the floor must do the job's tokenize+ssplit work, no less.
    List<Path> files = Floors.files(Corpora.seedFolder());
    Map<String, Object> result = Floors.tokenize(files, 2);
    long expectedSentences = 0;
    for (Path file : files) {
      expectedSentences +=
          SentenceSplitter.split(Files.readString(file, StandardCharsets.UTF_8)).size();
    }
    assertEquals(expectedSentences, result.get("sentences"));
    assertEquals(Files.size(files.get(0)), result.get("bytes"));
  }

  @Test
  void theProbeSliceIsEveryTenthFileFromTheFirst() {
    List<Path> files = IntStream.range(0, 25).mapToObj(i -> Path.of("f" + i + ".txt")).toList();
    // Files 0, 10 and 20 of 25: the same slice of a corpus whenever the probe runs.
    assertEquals(
        List.of(Path.of("f0.txt"), Path.of("f10.txt"), Path.of("f20.txt")),
        Floors.probeSlice(files));
  }
}
