package org.discourseatlas.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.discourseatlas.dictionary.Category;
import org.discourseatlas.dictionary.Dictionary;
import org.discourseatlas.dictionary.DictionaryMatcher;
import org.discourseatlas.dictionary.DictionaryReader;
import org.discourseatlas.dictionary.Hit;
import org.ejml.simple.SimpleMatrix;

/**
 * The features of one sentence for the diplomatic sentiment model (decision 0023), all read from
 * the annotation {@link SentimentScorer}'s pipeline already made (no second parse):
 *
 * <ol>
 *   <li>CoreNLP's 5 class probabilities at the root of the sentiment tree;
 *   <li>min, max and mean of the expected score ((Σ p_k·k − 2) / 2, as {@link SentimentScorer})
 *       over the tree's phrase nodes of at least 2 words: CoreNLP's movie-review root often calls a
 *       sentence neutral while one of its phrases ("condemn the killing") is strongly negative;
 *   <li>the same over the root's children of at least 2 words (its main-clause parts; the root
 *       itself when it has none): the guidelines label the evaluation of the main clause;
 *   <li>negation and contrast counts: not, n't, never, no; but, however, although, despite, yet;
 *   <li>each category of the diplomatic polarity lexicon ({@code diplomatic-polarity.yml}) in hits
 *       per 10 tokens, matched as the job matches frames (quanteda's tokens_lookup, lemma match).
 * </ol>
 */
public final class DiplomaticFeatures {
  /** The shipped lexicon the category features count. */
  public static final String LEXICON = "diplomatic-polarity";

  static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no");
  static final Set<String> CONTRASTS = Set.of("but", "however", "although", "despite", "yet");

  private static final Dictionary DICTIONARY = DictionaryReader.shipped(LEXICON);
  private static final DictionaryMatcher MATCHER = new DictionaryMatcher(DICTIONARY);
  private static final MorphaLemmatizer LEMMAS = new MorphaLemmatizer();

  /** The lexicon's category keys, in the order of their count features. */
  private static final List<String> CATEGORY_KEYS =
      DICTIONARY.categories().stream().map(Category::key).toList();

  /** The feature names, in the order of {@link #of}'s values. */
  public static final List<String> NAMES = names();

  private DiplomaticFeatures() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (String label : SentimentScorer.LABELS) {
      names.add("corenlp_p_" + label);
    }
    for (String part : List.of("phrase", "clause")) {
      for (String stat : List.of("min", "max", "mean")) {
        names.add(part + "_score_" + stat);
      }
    }
    names.add("negations");
    names.add("contrasts");
    for (String key : CATEGORY_KEYS) {
      names.add("lexicon_" + key + "_per10");
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The features of a sentence annotated by {@link SentimentScorer}'s pipeline, or null when it has
   * no sentiment tree.
   */
  public static double[] of(CoreMap sentence) {
    return of(sentence, tokens(sentence));
  }

  /** As {@link #of(CoreMap)}, with the sentence's {@link #tokens} already read. */
  public static double[] of(CoreMap sentence, List<String> tokens) {
    Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    SimpleMatrix root = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
    if (root == null) {
      return null;
    }
    double[] features = new double[NAMES.size()];
    int f = 0;
    for (int k = 0; k < SentimentScorer.LABELS.size(); k++) {
      features[f++] = root.get(k);
    }
    List<Double> phrases = new ArrayList<>();
    for (Tree node : tree) {
      if (!node.isLeaf() && node.getLeaves().size() >= 2) {
        addScore(node, phrases);
      }
    }
    List<Double> clauses = new ArrayList<>();
    for (Tree child : tree.children()) {
      if (!child.isLeaf() && child.getLeaves().size() >= 2) {
        addScore(child, clauses);
      }
    }
    if (clauses.isEmpty()) {
      addScore(tree, clauses);
    }
    f = putMinMaxMean(phrases, features, f);
    f = putMinMaxMean(clauses, features, f);
    double[] counts = counts(tokens);
    System.arraycopy(counts, 0, features, f, counts.length);
    return features;
  }

  /**
   * The count features of a tokenised sentence (tokens as CoreNLP's PTB tokenizer splits them):
   * negations, contrasts, then each lexicon category's hits per 10 tokens.
   */
  public static double[] counts(List<String> tokens) {
    double[] counts = new double[2 + CATEGORY_KEYS.size()];
    for (String token : tokens) {
      String lower = token.toLowerCase(Locale.ROOT);
      if (NEGATIONS.contains(lower)) {
        counts[0]++;
      }
      if (CONTRASTS.contains(lower)) {
        counts[1]++;
      }
    }
    if (tokens.isEmpty()) {
      return counts;
    }
    for (Hit hit : MATCHER.findWith(tokens, LEMMAS)) {
      counts[2 + CATEGORY_KEYS.indexOf(hit.category())] += 10.0 / tokens.size();
    }
    return counts;
  }

  /** The sentence's tokens as CoreNLP's tokenizer wrote them. */
  public static List<String> tokens(CoreMap sentence) {
    List<String> tokens = new ArrayList<>();
    for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
      tokens.add(token.word());
    }
    return tokens;
  }

  /** The expected class of a node's predictions on -1..+1, as {@link SentimentScorer#score}. */
  private static void addScore(Tree node, List<Double> scores) {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
    if (p == null) {
      return;
    }
    double expected = 0;
    for (int k = 0; k < SentimentScorer.LABELS.size(); k++) {
      expected += p.get(k) * k;
    }
    scores.add((expected - 2) / 2);
  }

  private static int putMinMaxMean(List<Double> values, double[] into, int at) {
    if (values.isEmpty()) {
      return at + 3;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    into[at] = min;
    into[at + 1] = max;
    into[at + 2] = sum / values.size();
    return at + 3;
  }
}
