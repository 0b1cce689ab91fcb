package org.discourseatlas.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a sentence's tokens into the terms that are counted: lowercased, curly apostrophes made
 * straight, stopwords and tokens without letters (numbers, punctuation) dropped.
 */
public final class TermExtractor implements Serializable {
  private static final String DEFAULT_STOPWORDS = "/stopwords/english.txt";
  /** A term starts with a letter and holds letters, digits, hyphens and apostrophes ("al-nusra"). */
  private static final Pattern TERM = Pattern.compile("\\p{L}[\\p{L}\\p{N}'\\-]*");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{N}].*");

  private final Set<String> stopwords;
  private final int minTermLength;

  public TermExtractor(Collection<String> extraStopwords, int minTermLength) {
    Set<String> words = new HashSet<>(defaultStopwords());
    for (String word : extraStopwords) {
      words.add(normalize(word));
    }
    this.stopwords = Set.copyOf(words);
    this.minTermLength = minTermLength;
  }

  /** The counted terms of one sentence's tokens, in order. */
  public List<String> terms(List<String> tokens) {
    List<String> terms = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      String term = normalize(token);
      if (term.length() >= minTermLength && TERM.matcher(term).matches() && !stopwords.contains(term)) {
        terms.add(term);
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
    InputStream in = TermExtractor.class.getResourceAsStream(DEFAULT_STOPWORDS);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DEFAULT_STOPWORDS);
    }
    List<String> words = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(normalize(word));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
