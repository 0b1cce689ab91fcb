package org.discourseatlas.dictionary;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One dictionary entry: one word or several ("humanitarian corridor*"), split on white space and
 * lowercased (Locale.ROOT). Each word is a glob as in quanteda's {@code valuetype = "glob"}: {@code
 * *} stands for any run of characters (possibly none), {@code ?} for exactly one character, and
 * every other character for itself, so {@code u.s.} and {@code (un)} are literal; the glob is
 * anchored at both ends ({@code kill*} matches "killed", not "skill"). Matching ignores case.
 *
 * <p>A word <em>without</em> wildcards matches a token when the lowercased token equals it or when
 * the token's lemma (lowercased) equals it: {@code kill} matches "killed" through its lemma "kill".
 * A word <em>with</em> wildcards is matched on the lowercased token only, never on the lemma: its
 * author already chose which forms it covers ({@code liberat*}), and a lemma would widen it unseen.
 * quanteda has no lemma match; this one is ours (the job's sentences come lemmatised).
 *
 * @param text the entry as written, lowercased, white space collapsed to single spaces
 * @param words the entry's words, at least one
 */
public record DictionaryPattern(String text, List<String> words) implements Serializable {
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * Constructs that mean something in a regular expression and nothing useful in a glob: a
   * dictionary author who writes them expects regex semantics they will not get. A lone "." or "+"
   * stays literal ("u.s.", "c++"); ".*", ".+", "\\", "[...]", "|", a leading "^" or trailing "$"
   * are refused.
   */
  private static final Pattern REGEX_ONLY =
      Pattern.compile("\\.\\*|\\.\\+|\\\\|\\[[^\\]]*\\]|\\||^\\^|\\$$|\\(\\?");

  public DictionaryPattern {
    words = List.copyOf(words);
  }

  /**
   * The pattern of one entry.
   *
   * @throws IllegalArgumentException (with the problem as its message) for an empty entry, an entry
   *     of wildcards only, or a regular-expression construct
   */
  public static DictionaryPattern parse(String entry) {
    String text = WHITE_SPACE.matcher(entry.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    List<String> words = List.of(text.split(" "));
    if (words.stream().allMatch(DictionaryPattern::isWildcardsOnly)) {
      throw new IllegalArgumentException(
          "pattern '" + text + "' is only wildcards and would match every token");
    }
    for (String word : words) {
      if (REGEX_ONLY.matcher(word).find()) {
        throw new IllegalArgumentException(
            "pattern '"
                + text
                + "' looks like a regular expression; dictionaries are globs (* and ? only)");
      }
    }
    return new DictionaryPattern(text, words);
  }

  /** Whether a word has a wildcard ({@code *} or {@code ?}) and so is matched as a glob. */
  public static boolean isGlob(String word) {
    return word.indexOf('*') >= 0 || word.indexOf('?') >= 0;
  }

  private static boolean isWildcardsOnly(String word) {
    return word.chars().allMatch(c -> c == '*' || c == '?');
  }

  /**
   * Whether a glob word matches a whole (lowercased) token, by code points so that {@code ?} is one
   * character even outside the Basic Multilingual Plane. The usual greedy match with a return to
   * the last {@code *} on a mismatch: linear in practice, and no regular expression, so no
   * character of the pattern needs escaping.
   */
  public static boolean globMatches(String glob, String token) {
    int[] g = glob.codePoints().toArray();
    int[] t = token.codePoints().toArray();
    int gi = 0;
    int ti = 0;
    int star = -1;
    int starTi = 0;
    while (ti < t.length) {
      if (gi < g.length && (g[gi] == '?' || (g[gi] != '*' && g[gi] == t[ti]))) {
        gi++;
        ti++;
      } else if (gi < g.length && g[gi] == '*') {
        star = gi++;
        starTi = ti;
      } else if (star >= 0) {
        gi = star + 1;
        ti = ++starTi;
      } else {
        return false;
      }
    }
    while (gi < g.length && g[gi] == '*') {
      gi++;
    }
    return gi == g.length;
  }

  /** The literal start of a glob word, before its first wildcard ("liberat" of "liberat*"). */
  static String literalPrefix(String word) {
    int end = 0;
    while (end < word.length() && word.charAt(end) != '*' && word.charAt(end) != '?') {
      end++;
    }
    return word.substring(0, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
