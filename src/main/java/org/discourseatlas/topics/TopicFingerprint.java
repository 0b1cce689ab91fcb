package org.discourseatlas.topics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.text.Sha256Hex;

/** What a saved topic model was fitted under: a model is reused only under the same fingerprint. */
public final class TopicFingerprint {
  private TopicFingerprint() {}

  /**
   * A fingerprint of everything that shapes the model: the topic settings and the term settings
   * (lemmas, stopwords, multiword expressions).
   */
  public static String of(JobConfig config, List<String> multiwordExpressions) {
    JobConfig.Topics t = config.topics();
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("unit", t.unit());
    parts.put("topic-stopwords", new TreeSet<>(t.extraStopwords()));
    parts.put("min-unit-terms", t.minUnitTerms());
    parts.put("k", t.k());
    parts.put("optimizer", t.optimizer());
    parts.put("max-iterations", t.maxIterations());
    parts.put("seed", t.seed());
    parts.put("mini-batch-fraction", t.miniBatchFraction());
    parts.put("priors", List.of(t.docConcentration(), t.topicConcentration()));
    parts.put("learning", List.of(t.learningOffset(), t.learningDecay()));
    parts.put("partitions", t.partitions());
    parts.put("vocabulary", List.of(t.vocabularySize(), t.minDocFreq(), t.maxDocShare()));
    parts.put("lemmas", config.lexical().lemmas());
    parts.put("min-term-length", config.minTermLength());
    parts.put("extra-stopwords", new TreeSet<>(config.extraStopwords()));
    parts.put("multiword-expressions", new TreeSet<>(new LinkedHashSet<>(multiwordExpressions)));
    return Sha256Hex.of(parts.toString());
  }
}
