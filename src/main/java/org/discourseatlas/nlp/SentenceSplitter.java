package org.discourseatlas.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's tokenizer and sentence splitter, one pipeline per JVM, built on first use and shared by
 * every task of an executor (StanfordCoreNLP is thread-safe for annotate). Needs no model files.
 */
public final class SentenceSplitter {
  private static volatile StanfordCoreNLP pipeline;

  private SentenceSplitter() {}

  /** The sentences of a text, in order; paragraphs (blank lines) always end a sentence. */
  public static List<SplitSentence> split(String text) {
    Annotation document = new Annotation(text);
    pipeline().annotate(document);
    List<SplitSentence> sentences = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (labels.isEmpty()) {
        continue;
      }
      List<String> tokens = new ArrayList<>(labels.size());
      for (CoreLabel label : labels) {
        // originalText keeps the token as written ("’s", "(") rather than PTB escapes ("-LRB-").
        tokens.add(label.originalText());
      }
      int begin = labels.get(0).beginPosition();
      int end = labels.get(labels.size() - 1).endPosition();
      sentences.add(new SplitSentence(text.substring(begin, end), tokens, begin, end));
    }
    return sentences;
  }

  /** The pipeline's properties (the benchmark's tokenize floor uses the same). */
  public static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    // Two newlines end a sentence: a paragraph never continues a sentence of the one before.
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    return props;
  }

  private static StanfordCoreNLP pipeline() {
    StanfordCoreNLP local = pipeline;
    if (local == null) {
      synchronized (SentenceSplitter.class) {
        local = pipeline;
        if (local == null) {
          local = new StanfordCoreNLP(properties());
          pipeline = local;
        }
      }
    }
    return local;
  }
}
