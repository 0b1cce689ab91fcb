package org.discourseatlas.terms;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.discourseatlas.text.TextNormalizer;
import org.discourseatlas.text.WordList;

/**
 * Turns a sentence's tokens into the terms that are counted. Units: multiword expressions (the
 * gazetteer's multiword names, configured expressions such as "humanitarian law") joined whole;
 * other tokens lowercased, curly apostrophes made straight, lemmatised (not capitalised words,
 * which may be names: "ISIS" is not the plural of "isi"); stopwords, numbers and punctuation
 * dropped and leave a gap. N-grams (n = 1..3) run over consecutive units and never across a gap:
 * "liberation of Aleppo" gives no bigram "liberation aleppo" (quanteda's tokens_ngrams after
 * tokens_remove(padding = TRUE)).
 */
public final class TermExtractor implements Serializable {
  private static final String DEFAULT_STOPWORDS = "/stopwords/english.txt";

  /**
   * A term starts with a letter and holds letters, digits, hyphens and apostrophes ("al-nusra").
   */
  private static final Pattern TERM = Pattern.compile("\\p{L}[\\p{L}\\p{N}'\\-]*");

  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{N}].*");

  private final Set<String> stopwords;
  private final int minTermLength;

  /** Multiword expressions by their first folded word, longest first. */
  private final Map<String, List<String[]>> expressionsByFirstWord = new HashMap<>();

  private final Lemmatizer lemmatizer;

  /**
   * An n-gram of units: its text (units joined by a space), n, and for n >= 2 its head (the first n
   * - 1 units) and tail (the last unit), which collocation measures compare; a unit may itself hold
   * a space ("eastern aleppo"), so the text alone cannot be split back.
   */
  public record NGram(String term, int n, String head, String tail) implements Serializable {}

  public TermExtractor(Collection<String> extraStopwords, int minTermLength) {
    this(extraStopwords, minTermLength, List.of(), Lemmatizer.none());
  }

  public TermExtractor(
      Collection<String> extraStopwords,
      int minTermLength,
      Collection<String> multiwordExpressions,
      Lemmatizer lemmatizer) {
    Set<String> words = new HashSet<>(defaultStopwords());
    for (String word : extraStopwords) {
      words.add(normalize(word));
    }
    this.stopwords = Set.copyOf(words);
    this.minTermLength = minTermLength;
    this.lemmatizer = lemmatizer;
    for (String expression : multiwordExpressions) {
      String[] parts = fold(expression).split("\\s+");
      if (parts.length >= 2) {
        expressionsByFirstWord.computeIfAbsent(parts[0], w -> new ArrayList<>()).add(parts);
      }
    }
    for (List<String[]> expressions : expressionsByFirstWord.values()) {
      expressions.sort((x, y) -> Integer.compare(y.length, x.length));
    }
  }

  /**
   * The units of a sentence's tokens, in order; null marks a gap (a stopword, number or
   * punctuation) that n-grams do not cross.
   */
  public List<String> units(List<String> tokens) {
    List<String> units = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      String[] expression = expressionAt(tokens, i);
      if (expression != null) {
        units.add(String.join(" ", expression));
        i += expression.length;
        continue;
      }
      units.add(unit(tokens.get(i)));
      i++;
    }
    return units;
  }

  /** Every n-gram, n = 1..maxN, over consecutive non-null units. */
  public static List<NGram> ngrams(List<String> units, int maxN) {
    List<NGram> ngrams = new ArrayList<>();
    for (int start = 0; start < units.size(); start++) {
      StringBuilder term = new StringBuilder();
      for (int n = 1; n <= maxN && start + n <= units.size(); n++) {
        String unit = units.get(start + n - 1);
        if (unit == null) {
          break;
        }
        String head = n == 1 ? null : term.toString();
        if (n > 1) {
          term.append(' ');
        }
        term.append(unit);
        ngrams.add(new NGram(term.toString(), n, head, n == 1 ? null : unit));
      }
    }
    return ngrams;
  }

  private String unit(String token) {
    String term = normalize(token);
    if (term.length() < minTermLength
        || !TERM.matcher(term).matches()
        || stopwords.contains(term)) {
      return null;
    }
    if (!mayBeAName(token)) {
      term = lemmatizer.lemma(term);
      if (stopwords.contains(term)) {
        return null;
      }
    }
    return term;
  }

  /**
   * A capitalised word may be a name ("ISIS", "Assad", "Russia" — Morpha, without POS tags, makes
   * "russium" of "Russia" and "isi" of "ISIS"), even at the start of a sentence, where no rule
   * tells a name from a common word. Capitalised words are not lemmatised: a sentence's first word
   * keeps its inflection, which costs less than corrupting names.
   */
  private static boolean mayBeAName(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
  }

  private String[] expressionAt(List<String> tokens, int start) {
    List<String[]> candidates = expressionsByFirstWord.get(fold(tokens.get(start)));
    if (candidates == null) {
      return null;
    }
    for (String[] expression : candidates) {
      if (start + expression.length <= tokens.size()) {
        boolean matches = true;
        for (int k = 1; k < expression.length && matches; k++) {
          matches = fold(tokens.get(start + k)).equals(expression[k]);
        }
        if (matches) {
          return expression;
        }
      }
    }
    return null;
  }

  private static String fold(String text) {
    return TextNormalizer.foldForMatching(normalize(text));
  }

  /** The counted unigram terms of one sentence's tokens, in order. */
  public List<String> terms(List<String> tokens) {
    List<String> terms = new ArrayList<>(tokens.size());
    for (String unit : units(tokens)) {
      if (unit != null) {
        terms.add(unit);
      }
    }
    return terms;
  }

  /** Running words: tokens with a letter or digit (what "per 10,000 tokens" counts). */
  public static int wordCount(List<String> tokens) {
    int count = 0;
    for (String token : tokens) {
      if (HAS_LETTER_OR_DIGIT.matcher(token).matches()) {
        count++;
      }
    }
    return count;
  }

  static String normalize(String token) {
    return token.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT).strip();
  }

  private static List<String> defaultStopwords() {
    List<String> words = new ArrayList<>();
    for (String word : WordList.readResource(DEFAULT_STOPWORDS)) {
      words.add(normalize(word));
    }
    return words;
  }
}
