package org.discourseatlas.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups documents linked by near-duplicate pairs into clusters (union-find) and names, for each
 * document that is not its cluster's first, the first one: the document with the smallest order key
 * (its source path), so the choice is stable across runs.
 */
public final class DuplicateClusters {
  /** Two similar documents, with their order keys and their Jaccard similarity. */
  public record Pair(String a, String orderA, String b, String orderB, double similarity) {}

  /** A document's cluster head and its highest similarity to another member of the cluster. */
  public record Duplicate(String canonical, double similarity) {}

  private DuplicateClusters() {}

  /** Document -> its canonical document, for every document that is not canonical. */
  public static Map<String, Duplicate> resolve(List<Pair> pairs) {
    Map<String, String> parent = new HashMap<>();
    Map<String, String> order = new HashMap<>();
    Map<String, Double> bestSimilarity = new HashMap<>();
    for (Pair pair : pairs) {
      order.put(pair.a(), pair.orderA());
      order.put(pair.b(), pair.orderB());
      union(parent, order, pair.a(), pair.b());
      bestSimilarity.merge(pair.a(), pair.similarity(), Math::max);
      bestSimilarity.merge(pair.b(), pair.similarity(), Math::max);
    }
    Map<String, Duplicate> duplicates = new HashMap<>();
    for (String document : order.keySet()) {
      String root = find(parent, document);
      if (!root.equals(document)) {
        duplicates.put(document, new Duplicate(root, bestSimilarity.get(document)));
      }
    }
    return duplicates;
  }

  private static String find(Map<String, String> parent, String x) {
    String root = x;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    // Path compression: later finds are direct.
    String node = x;
    while (!node.equals(root)) {
      String next = parent.get(node);
      parent.put(node, root);
      node = next;
    }
    return root;
  }

  /** Joins two clusters; the head is the member with the smaller order key (then id). */
  private static void union(
      Map<String, String> parent, Map<String, String> order, String a, String b) {
    String rootA = find(parent, a);
    String rootB = find(parent, b);
    if (rootA.equals(rootB)) {
      return;
    }
    int byOrder = order.get(rootA).compareTo(order.get(rootB));
    boolean aFirst = byOrder < 0 || (byOrder == 0 && rootA.compareTo(rootB) < 0);
    if (aFirst) {
      parent.put(rootB, rootA);
      parent.putIfAbsent(rootA, rootA);
    } else {
      parent.put(rootA, rootB);
      parent.putIfAbsent(rootB, rootB);
    }
  }
}
