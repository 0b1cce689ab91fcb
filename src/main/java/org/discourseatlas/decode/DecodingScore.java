package org.discourseatlas.decode;

import static org.discourseatlas.decode.TextDecoder.MAX_CONTROL_PERCENT;
import static org.discourseatlas.decode.TextDecoder.MAX_IMPLAUSIBLE_PERCENT;

import java.nio.charset.Charset;

/** One candidate encoding's decoding of an input, scored word by word for plausibility. */
final class DecodingScore {
  final String encoding;
  final String text;
  int visible;
  int controls;
  int letters;
  int implausibleLetters;
  int wordLetterCredit;

  DecodingScore(String encoding, String text) {
    this.encoding = encoding;
    this.text = text;
  }

  /** Decodes {@code bytes} as {@code encoding} (undefined bytes become U+FFFD) and scores it. */
  static DecodingScore of(byte[] bytes, String encoding) {
    // new String(bytes, charset) replaces undefined bytes with U+FFFD, which counts as a control.
    String text = new String(bytes, Charset.forName(encoding));
    DecodingScore s = new DecodingScore(encoding, text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && !isSpace(text.charAt(end))) {
        end++;
      }
      s.token(text, i, end);
      i = end;
    }
    return s;
  }

  /** Scores one white-space-delimited token text[from, to). */
  void token(String text, int from, int to) {
    visible += to - from;
    int first = -1;
    int last = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        controls++;
      }
      if (Character.isLetter(c)) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      return;
    }
    // The word is the token from its first to its last letter: quotes, brackets and
    // punctuation around it are not part of it.
    int wordLetters = 0;
    Character.UnicodeScript wordScript = null;
    boolean mixedScripts = false;
    boolean lowerThenUpper = false;
    boolean gluedSymbol = false;
    int accented = 0;
    int accentedRun = 0;
    int longestAccentedRun = 0;
    char prev = 0;
    for (int i = first; i <= last; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        gluedSymbol |= !isWordGlue(c);
        accentedRun = 0;
        prev = c;
        continue;
      }
      wordLetters++;
      Character.UnicodeScript script = scriptOf(c);
      if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
        if (wordScript == null) {
          wordScript = script;
        } else if (wordScript != script) {
          mixedScripts = true;
        }
      }
      if (script == Character.UnicodeScript.LATIN && c > 0x7F) {
        accented++;
        accentedRun++;
        longestAccentedRun = Math.max(longestAccentedRun, accentedRun);
      } else {
        accentedRun = 0;
      }
      if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
        lowerThenUpper = true;
      }
      prev = c;
    }
    letters += wordLetters;
    if (wordLetters >= 2) {
      // A lone letter earns nothing: a dash or a euro sign read in the wrong code page is one.
      wordLetterCredit += wordLetters;
    }
    // Cyrillic read as Windows-1252 is a run of accented Latin letters: "Ìèíèñòð", "îì".
    // Western words have at most a few accents among plain letters: "été", "Außenminister".
    boolean accentedRunOfLatin =
        longestAccentedRun >= 3
            || (accented >= 2 && accented == wordLetters)
            || (accented >= 3 && accented * 2 > wordLetters);
    if (mixedScripts || lowerThenUpper || gluedSymbol || accentedRunOfLatin) {
      implausibleLetters += wordLetters;
    }
  }

  /**
   * Higher is better: the right decoding turns the most bytes into letters of plausible words. A
   * letter of a word of two or more letters counts +1, a letter in an implausible word -3 more, a
   * control or replacement character -10.
   */
  int quality() {
    return wordLetterCredit - 3 * implausibleLetters - 10 * controls;
  }

  boolean fits() {
    return controls * 100 <= visible * MAX_CONTROL_PERCENT
        && implausibleLetters * 100 <= letters * MAX_IMPLAUSIBLE_PERCENT;
  }

  String describe() {
    return encoding
        + " gives "
        + controls
        + " control characters in "
        + visible
        + " and "
        + implausibleLetters
        + " of "
        + letters
        + " letters in implausible words";
  }

  /** The white space of text files; other C0 controls (vertical tab, 0x1C–0x1F) are not. */
  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\f'
        || (c > 0x7F && Character.isSpaceChar(c));
  }

  /** C0 and C1 control codes, DEL, and U+FFFD (white space is split off before this is asked). */
  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD';
  }

  /** Characters that real words hold between their letters: hyphens, apostrophes, dots. */
  private static boolean isWordGlue(char c) {
    switch (c) {
      case '-',
          '\'',
          '.',
          '/',
          '&',
          '_',
          '\u00AD',
          '\u00B7',
          '\u2010',
          '\u2011',
          '\u2019',
          '\u02BC' -> {
        return true;
      }
      default -> {
        return Character.isDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
      }
    }
  }

  /** Scripts of letters, with the scripts Japanese mixes inside one word counted as one. */
  private static Character.UnicodeScript scriptOf(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    switch (script) {
      case HIRAGANA, KATAKANA -> {
        return Character.UnicodeScript.HAN;
      }
      default -> {
        return script;
      }
    }
  }
}
