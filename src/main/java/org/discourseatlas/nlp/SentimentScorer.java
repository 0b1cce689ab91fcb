package org.discourseatlas.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.Serializable;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.simple.SimpleMatrix;

/**
 * CoreNLP's sentiment model (Socher et al. 2013, 5 classes) over single sentences: one pipeline per
 * JVM and parser, built lazily on first use and shared by every task of an executor (annotators are
 * thread-safe), fed sentences in batches.
 */
public final class SentimentScorer {
  /** The five classes, in the model's order 0..4. */
  public static final List<String> LABELS =
      List.of("very_negative", "negative", "neutral", "positive", "very_positive");

  /** Which constituency parser feeds the sentiment model. */
  public enum Parser {
    /** Shift-reduce: ~10x faster than PCFG on these machines (DESIGN.md), from models-english. */
    SHIFT_REDUCE("edu/stanford/nlp/models/srparser/englishSR.ser.gz"),
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");

    private final String model;

    Parser(String model) {
      this.model = model;
    }

    public String model() {
      return model;
    }
  }

  static final String POS_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

  /**
   * A scored sentence: CoreNLP's class with the highest probability, the expected class on -1..+1,
   * the 5 probabilities; the diplomatic model's prediction from the same parse where asked for
   * (null otherwise, decision 0023).
   */
  public record Score(
      String label,
      double score,
      List<Double> probabilities,
      AgencyExtractor.Agency agency,
      DiplomaticSentiment.Prediction diplomatic)
      implements Serializable {}

  /**
   * CoreNLP's 4-class CRF (PERSON, LOCATION, ORGANIZATION, MISC; CoNLL 2003 with distributional
   * similarity features): one model of the three the default NER runs, and no fine-grained
   * gazetteer (18 MB of regular expressions), so the actors' cost stays near the parse's; the actor
   * dictionary does the normalising (decision 0022).
   */
  public static final String NER_MODEL =
      "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /** Which pipeline: a parser, with or without what the actor tables need (lemma, ner, graphs). */
  private record PipelineKey(Parser parser, boolean actors) {}

  /**
   * The pipelines, held softly: the collector may take their ~650 MB of models back when a later
   * stage needs the heap (an executor keeps its JVM for the whole job, and Spark's memory manager
   * does not count them: a 2 GB executor ran out of heap in term_frequencies' aggregation with the
   * models still loaded, decision 0016). CoreNLP's own annotator cache holds them softly too
   * ({@code Lazy.cache}), so nothing else keeps them. A task holds its pipeline strongly while it
   * scores; a pipeline collected is loaded again on next use.
   */
  private static final Map<PipelineKey, SoftReference<StanfordCoreNLP>> PIPELINES =
      new ConcurrentHashMap<>();

  private SentimentScorer() {}

  /** The model files the parser needs that are not on the classpath (empty when all are there). */
  public static List<String> missingModels(Parser parser, boolean actors) {
    List<String> missing = new ArrayList<>();
    List<String> models = new ArrayList<>(List.of(POS_MODEL, parser.model(), SENTIMENT_MODEL));
    if (actors) {
      models.add(NER_MODEL);
    }
    for (String model : models) {
      if (SentimentScorer.class.getClassLoader().getResource(model) == null) {
        missing.add(model);
      }
    }
    return missing;
  }

  /**
   * Scores each sentence as one sentence (never re-split). The score is the expected class mapped
   * to -1..+1: (sum_k p_k * k - 2) / 2 for classes k = 0..4, so 0 is neutral on average. With
   * {@code actors}, the same parse also gives each sentence's entities and events ({@link
   * AgencyExtractor}); without, {@link Score#agency()} is null.
   */
  public static List<Score> score(List<String> sentences, Parser parser) {
    return score(sentences, parser, false);
  }

  /**
   * CoreNLP's 5 classes collapsed to the diplomatic model's 3 (decision 0023): very_negative and
   * negative are negative, positive and very_positive positive.
   */
  public static String threeClasses(String label) {
    return label.endsWith("negative")
        ? "negative"
        : label.endsWith("positive") ? "positive" : label;
  }

  public static List<Score> score(List<String> sentences, Parser parser, boolean actors) {
    return score(sentences, parser, actors, false);
  }

  /**
   * As {@link #score(List, Parser, boolean)}, and with {@code diplomatic} the diplomatic model's
   * prediction read from the same annotation ({@link Score#diplomatic()}).
   */
  public static List<Score> score(
      List<String> sentences, Parser parser, boolean actors, boolean diplomatic) {
    StanfordCoreNLP pipeline = pipeline(new PipelineKey(parser, actors));
    List<Score> scores = new ArrayList<>(sentences.size());
    for (String text : sentences) {
      CoreMap sentence = annotate(pipeline, text);
      if (sentence == null) {
        scores.add(null);
        continue;
      }
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      SimpleMatrix predictions = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
      if (predictions == null) {
        scores.add(null);
        continue;
      }
      List<Double> probabilities = new ArrayList<>(LABELS.size());
      double expected = 0;
      int best = 0;
      for (int k = 0; k < LABELS.size(); k++) {
        double p = predictions.get(k);
        probabilities.add(p);
        expected += p * k;
        if (p > probabilities.get(best)) {
          best = k;
        }
      }
      scores.add(
          new Score(
              LABELS.get(best),
              (expected - 2) / 2,
              probabilities,
              actors ? AgencyExtractor.of(sentence) : null,
              diplomatic ? DiplomaticSentiment.shipped().predict(sentence) : null));
    }
    return scores;
  }

  /**
   * One text annotated as one sentence by the scoring pipeline (without actors), for what reads
   * more of the annotation than a {@link Score}: the diplomatic model's trainer. Null when CoreNLP
   * finds no sentence.
   */
  public static CoreMap annotate(String text, Parser parser) {
    return annotate(pipeline(new PipelineKey(parser, false)), text);
  }

  private static CoreMap annotate(StanfordCoreNLP pipeline, String text) {
    Annotation annotation = new Annotation(text);
    pipeline.annotate(annotation);
    List<CoreMap> parsed = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    return parsed == null || parsed.isEmpty() ? null : parsed.get(0);
  }

  /**
   * Drops the loaded pipelines and CoreNLP's own cache of annotators, so their models (about 650 MB
   * with the shift-reduce parser) can be collected. For a JVM that has scored everything it will: a
   * local-mode job after its sentiment stage, whose later stages need that heap. The next {@link
   * #score} loads them again.
   */
  public static void releaseModels() {
    PIPELINES.clear();
    // StanfordCoreNLP keeps every annotator it built in a static pool (GLOBAL_ANNOTATOR_CACHE).
    StanfordCoreNLP.clearAnnotatorPool();
  }

  private static StanfordCoreNLP pipeline(PipelineKey key) {
    SoftReference<StanfordCoreNLP> held = PIPELINES.get(key);
    StanfordCoreNLP pipeline = held == null ? null : held.get();
    if (pipeline != null) {
      return pipeline;
    }
    synchronized (PIPELINES) {
      held = PIPELINES.get(key);
      pipeline = held == null ? null : held.get();
      if (pipeline == null) {
        pipeline = new StanfordCoreNLP(properties(key.parser(), key.actors()));
        PIPELINES.put(key, new SoftReference<>(pipeline));
      }
      return pipeline;
    }
  }

  /** The pipeline's properties: the benchmark builds plain CoreNLP from the same ones. */
  public static Properties properties(Parser parser) {
    return properties(parser, false);
  }

  /**
   * With {@code actors}: lemmas and named entities are added before the parse (the sentiment model
   * reads the same tree as without).
   */
  public static Properties properties(Parser parser, boolean actors) {
    Properties props = new Properties();
    props.setProperty(
        "annotators",
        // NER after the parser: annotators load in this order, and the shift-reduce model's
        // loading peak is lower with nothing else loaded yet (a 1 GB driver runs out of heap with
        // the NER model loaded first, not with it last; neither reads the other's annotations).
        actors
            ? "tokenize,ssplit,pos,lemma,parse,sentiment,ner"
            : "tokenize,ssplit,pos,parse,sentiment");
    props.setProperty("tokenize.language", "en");
    // The job split sentences already: each text is scored as one sentence.
    props.setProperty("ssplit.isOneSentence", "true");
    props.setProperty("pos.model", POS_MODEL);
    props.setProperty("parse.model", parser.model());
    props.setProperty("parse.binaryTrees", "true");
    // The sentiment model reads trees; the actors build the one graph they read themselves.
    props.setProperty("parse.buildgraphs", "false");
    if (actors) {
      props.setProperty("ner.model", NER_MODEL);
      // Names only: no numbers, dates (SUTime) or fine-grained classes (decision 0022).
      props.setProperty("ner.applyNumericClassifiers", "false");
      props.setProperty("ner.useSUTime", "false");
      props.setProperty("ner.applyFineGrained", "false");
      props.setProperty("ner.buildEntityMentions", "false");
    }
    props.setProperty("sentiment.model", SENTIMENT_MODEL);
    return props;
  }

  /** The parser named in configuration ("shift-reduce", "pcfg"). */
  public static Parser parser(String name) {
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "shift-reduce":
      case "sr":
        return Parser.SHIFT_REDUCE;
      case "pcfg":
        return Parser.PCFG;
      default:
        throw new IllegalArgumentException("unknown parser '" + name + "' (shift-reduce or pcfg)");
    }
  }
}
