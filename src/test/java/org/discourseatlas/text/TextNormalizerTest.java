package org.discourseatlas.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written loops against the regular expressions they replace (decision 0016): the same
 * result on every string of an alphabet of the characters the expressions treat specially.
 */
class TextNormalizerTest {
  /** Letters, digits, every kind of white space and line terminator, the odd spaces, marks. */
  private static final String ALPHABET =
      "aZ9 \t\n\r\f\u000B\u00A0\u2007\u202F\u2009\u200A\u2028\u2029\u0085\u3000.,-|İ\u0301";

  private static final Pattern ODD_SPACES =
      Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\t]");

  @Test
  void spacesIsTheReplacementOfTabsAndNoBreakAndThinSpaces() {
    assertEquals("Russian | English", TextNormalizer.spaces("Russian\u00a0|\u2009English"));
    String plain = "nothing to replace";
    assertEquals(plain, TextNormalizer.spaces(plain));
    for (String text : randomStrings(20_000, 1)) {
      assertEquals(ODD_SPACES.matcher(text).replaceAll(" "), TextNormalizer.spaces(text), text);
    }
  }

  @Test
  void squeezeSpacesIsReplaceAllThenStripAndStripThenReplaceAll() {
    assertEquals("a b c", TextNormalizer.squeezeSpaces(" \r\n a \t\t b\n\nc  "));
    for (String text : randomStrings(20_000, 2)) {
      String expected = text.replaceAll("\\s+", " ").strip();
      assertEquals(expected, TextNormalizer.squeezeSpaces(text), text);
      assertEquals(text.strip().replaceAll("\\s+", " "), expected, text);
    }
  }

  @Test
  void wordsUpToCountsLikeSplitOnWhiteSpaceUpToItsLimit() {
    assertEquals(3, TextNormalizer.wordsUpTo("All rights  reserved", 14));
    assertEquals(3, TextNormalizer.wordsUpTo("one two three four", 2));
    assertEquals(1, TextNormalizer.wordsUpTo("", 14));
    for (String text : randomStrings(20_000, 3)) {
      String stripped = text.strip();
      int words = stripped.split("\\s+").length;
      for (int limit : new int[] {1, 2, 5, 14}) {
        assertEquals(Math.min(words, limit + 1), TextNormalizer.wordsUpTo(stripped, limit), text);
      }
    }
  }

  @Test
  void foldForMatchingIsNfdWithoutMarksLowercasedForAsciiAndOtherText() {
    assertEquals("cankaya", TextNormalizer.foldForMatching("Çankaya"));
    assertEquals("aleppo", TextNormalizer.foldForMatching("ALEPPO"));
    for (String text : randomStrings(20_000, 4, "aZ9 -'.Çç\u0327İıßÉ\u1E24", 8)) {
      String reference =
          Pattern.compile("\\p{M}+")
              .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD))
              .replaceAll("")
              .toLowerCase(java.util.Locale.ROOT);
      assertEquals(reference, TextNormalizer.foldForMatching(text), text);
    }
  }

  @Test
  void lettersCountsWhatTheLetterPropertyMatches() {
    assertEquals(5, TextNormalizer.letters("Ḥalab 9!"));
    assertEquals(1, TextNormalizer.letters("\uD835\uDC00"), "a supplementary letter counts once");
    Pattern letter = Pattern.compile("\\p{L}");
    String alphabet = "aZ9 .\u0301\u02B0\u01C5\u05D0\u4E2D\uD835\uDC00\uD835\u00DF\u2160";
    for (String text : randomStrings(20_000, 5, alphabet, 12)) {
      assertEquals(letter.matcher(text).results().count(), TextNormalizer.letters(text), text);
    }
  }

  /** Strings of up to 12 characters of ALPHABET, reproducibly (a fixed seed per test). */
  static String[] randomStrings(int count, long seed) {
    return randomStrings(count, seed, ALPHABET, 12);
  }

  static String[] randomStrings(int count, long seed, String alphabet, int maxLength) {
    Random random = new Random(seed);
    String[] strings = new String[count];
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(maxLength + 1);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      strings[i] = text.toString();
    }
    return strings;
  }
}
