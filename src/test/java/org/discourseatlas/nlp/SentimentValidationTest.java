package org.discourseatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CoreNLP's sentiment model (trained on movie reviews) on 259 diplomatic sentences written and
 * labelled for this project (src/test/resources/sentiment/README.md). Five classes collapse to
 * three. The thresholds hold the model at the level it reached when measured, less a margin for
 * model or tokenizer updates; they document, they do not flatter.
 */
class SentimentValidationTest {
  /**
   * Measured on 2026-11-27 with CoreNLP 4.5.10, shift-reduce parser: accuracy 0.714, macro-F1 0.714
   * (see the README); held 0.03 below.
   */
  private static final double MIN_ACCURACY = 0.68;

  private static final double MIN_MACRO_F1 = 0.68;
  private static final List<String> CLASSES = List.of("negative", "neutral", "positive");

  @Test
  void accuracyAndMacroF1OnDiplomaticSentences() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/resources/sentiment/diplomatic-sentences.tsv"));
    List<String> gold = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      gold.add(f[1]);
      texts.add(f[2]);
    }
    List<SentimentScorer.Score> scores =
        SentimentScorer.score(texts, SentimentScorer.Parser.SHIFT_REDUCE);
    int[][] confusion = new int[3][3];
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      String predicted = collapse(scores.get(i).label());
      confusion[CLASSES.indexOf(gold.get(i))][CLASSES.indexOf(predicted)]++;
      correct += predicted.equals(gold.get(i)) ? 1 : 0;
    }
    double accuracy = (double) correct / gold.size();
    double f1Sum = 0;
    for (int c = 0; c < 3; c++) {
      int tp = confusion[c][c];
      int predictedC = confusion[0][c] + confusion[1][c] + confusion[2][c];
      int actualC = confusion[c][0] + confusion[c][1] + confusion[c][2];
      double precision = predictedC == 0 ? 0 : (double) tp / predictedC;
      double recall = actualC == 0 ? 0 : (double) tp / actualC;
      f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    double macroF1 = f1Sum / 3;
    String report =
        String.format(
            Locale.ROOT,
            "n=%d accuracy=%.3f macroF1=%.3f confusion(gold rows neg/neu/pos)=%s",
            gold.size(),
            accuracy,
            macroF1,
            java.util.Arrays.deepToString(confusion));
    System.out.println("SentimentValidationTest: " + report);
    assertTrue(accuracy >= MIN_ACCURACY, report);
    assertTrue(macroF1 >= MIN_MACRO_F1, report);
  }

  private static String collapse(String label) {
    if (label.contains("negative")) {
      return "negative";
    }
    return label.contains("positive") ? "positive" : "neutral";
  }
}
