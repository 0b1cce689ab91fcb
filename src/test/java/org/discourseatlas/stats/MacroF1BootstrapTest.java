package org.discourseatlas.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacroF1BootstrapTest {
  private static final List<String> LABELS = List.of("negative", "neutral", "positive");

  @Test
  void aPerfectClassifierHasTheDegenerateIntervalOne() {
    // A always right: every resample's macro-F1 is 1. B always "neutral": per resample F1 of
    // neutral = 2·n_neu / (n + n_neu) and 0 for the others; B − A is below 0 in every resample.
    List<String> groups = List.of("s1", "s1", "s2", "s2", "s3", "s3");
    List<String> reference =
        List.of("negative", "neutral", "positive", "neutral", "negative", "positive");
    List<String> allNeutral =
        List.of("neutral", "neutral", "neutral", "neutral", "neutral", "neutral");

    MacroF1Bootstrap.Result r =
        MacroF1Bootstrap.intervals(LABELS, groups, reference, reference, allNeutral, 200, 7);

    assertEquals(1.0, r.a().low(), 1e-12);
    assertEquals(1.0, r.a().high(), 1e-12);
    assertTrue(r.difference().high() < 0, "B is worse in every resample");
    // B's macro-F1 is at most that of a draw of only s2 (neutral 1 of 2 items: F1 of neutral
    // = 2·1 / (2 + 1) = 2/3; positive and neutral present, negative absent: mean (2/3 + 0) / 2 =
    // 1/3); with all three groups, neutral F1 = 2·2/(6+2) = 1/2, mean over 3 classes = 1/6.
    assertTrue(r.b().high() <= 1.0 / 3 + 1e-12, "B's best resample " + r.b().high());
    assertTrue(r.b().low() >= 0, "macro-F1 is not negative");
  }

  @Test
  void groupsAreDrawnWholeAndTheSeedFixesTheResult() {
    // Two speeches: in s1 A is right on both items, in s2 wrong on both. Whole-group draws of 2
    // speeches give A either s1 twice (1.0), s2 twice (0: nothing right) or one of each; with
    // items drawn one by one the interval would differ. Same seed, same intervals.
    List<String> groups = List.of("s1", "s1", "s2", "s2");
    List<String> reference = List.of("negative", "positive", "negative", "positive");
    List<String> a = List.of("negative", "positive", "positive", "negative");

    MacroF1Bootstrap.Result once =
        MacroF1Bootstrap.intervals(LABELS, groups, reference, a, a, 1000, 20170314);
    MacroF1Bootstrap.Result again =
        MacroF1Bootstrap.intervals(LABELS, groups, reference, a, a, 1000, 20170314);

    assertEquals(once, again);
    assertEquals(0.0, once.a().low(), 1e-12);
    assertEquals(1.0, once.a().high(), 1e-12);
    assertEquals(0.0, once.difference().low(), 1e-12, "A against itself");
    assertEquals(0.0, once.difference().high(), 1e-12);
  }
}
