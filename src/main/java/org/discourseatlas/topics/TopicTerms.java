package org.discourseatlas.topics;

import java.util.List;

/** A topic's top terms (most probable first) and their weights. */
public record TopicTerms(int topic, List<String> terms, List<Double> weights) {
  /** The label readers see: the top three terms. */
  public String label() {
    return String.join(", ", terms.subList(0, Math.min(3, terms.size())));
  }

  /** This topic with its first {@code n} terms only. */
  public TopicTerms top(int n) {
    return new TopicTerms(
        topic,
        terms.subList(0, Math.min(n, terms.size())),
        weights.subList(0, Math.min(n, weights.size())));
  }
}
