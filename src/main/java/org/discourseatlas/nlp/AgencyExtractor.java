package org.discourseatlas.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who does what to whom in one parsed sentence: its named entities (CoreNLP's CRF tags, grouped
 * into mentions) and, for each content verb, its agent, its target and whether it is negated, read
 * from the Universal Dependencies graph that CoreNLP converts from the constituency parse the
 * sentiment model already needed (the enhanced++ graph, Schuster and Manning 2016: relative
 * pronouns are replaced by the noun they stand for, controlled subjects and conjoined arguments are
 * propagated, so "terrorists who shelled and looted the city" gives two events with the agent
 * "terrorists").
 *
 * <ul>
 *   <li>agent: the nominal subject of an active verb ({@code nsubj}, {@code nsubj:xsubj}); the
 *       by-phrase of a passive ({@code obl:agent}, or an {@code obl}/{@code nmod} marked "by" on a
 *       passive verb);
 *   <li>target: the direct object ({@code obj}/{@code dobj}) of an active verb; the subject of a
 *       passive ({@code nsubj:pass}); for a reduced passive relative ("the city besieged by
 *       militants", {@code acl}), the noun it modifies;
 *   <li>negated: a {@code neg} dependent, or an {@code advmod} "not", "n't" or "never";
 *   <li>not events: auxiliaries and copulas, any form of "be", and verbs with neither an agent nor
 *       a target.
 * </ul>
 *
 * The guidelines of the labelled set that measures this are in
 * src/test/resources/actors/GUIDELINES.md.
 */
public final class AgencyExtractor {
  /** A named-entity mention: consecutive tokens with the same CRF tag. */
  public record Entity(String text, String type, int begin, int end) implements Serializable {}

  /**
   * One verb's event. Phrases are the head with its name-forming dependents (compound, flat, amod,
   * nummod), words as written joined by spaces; heads are lowercased as written; null where absent.
   */
  public record Event(
      String verb,
      String agent,
      String agentHead,
      String target,
      String targetHead,
      boolean negated,
      boolean passive)
      implements Serializable {}

  /** A sentence's entities and events. */
  public record Agency(List<Entity> entities, List<Event> events) implements Serializable {}

  private static final Set<String> NOT_EVENTS = Set.of("aux", "aux:pass", "auxpass", "cop");
  private static final Set<String> NEGATIONS = Set.of("not", "n't", "never");

  /** Dependents that belong to a name or a noun phrase's naming part. */
  private static final Set<String> PHRASE_PARTS =
      Set.of("compound", "flat", "flat:name", "amod", "nummod", "compound:prt", "name");

  /**
   * Heads that name a part of an actor rather than an actor ("members of the coalition", "aircraft
   * of the US-led coalition"): their phrase takes in the whole "of" dependent, so the actor
   * dictionary finds whose part it is.
   */
  private static final Set<String> PARTITIVES =
      Set.of(
          "member",
          "members",
          "part",
          "parts",
          "unit",
          "units",
          "force",
          "forces",
          "troops",
          "aircraft",
          "plane",
          "planes",
          "warplanes",
          "jets",
          "representative",
          "representatives",
          "official",
          "officials",
          "leadership",
          "leaders",
          "side",
          "army",
          "command");

  private AgencyExtractor() {}

  /** The entities and events of a sentence annotated with ner and parse (graphs built). */
  public static Agency of(CoreMap sentence) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
    // Only the graph read here is built (the parser's buildgraphs would build three).
    SemanticGraph graph =
        tree == null
            ? null
            : SemanticGraphFactory.makeFromTree(
                tree,
                SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS,
                GrammaticalStructure.Extras.NONE,
                null,
                false,
                true);
    return new Agency(entities(tokens), graph == null ? List.of() : events(graph));
  }

  static List<Entity> entities(List<CoreLabel> tokens) {
    List<Entity> entities = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String tag = tokens.get(i).ner();
      if (tag == null || tag.equals("O")) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < tokens.size() && tag.equals(tokens.get(end).ner())) {
        end++;
      }
      List<String> words = new ArrayList<>();
      for (int t = i; t < end; t++) {
        words.add(tokens.get(t).word());
      }
      entities.add(new Entity(String.join(" ", words), tag, i, end));
      i = end;
    }
    return entities;
  }

  static List<Event> events(SemanticGraph graph) {
    List<Event> events = new ArrayList<>();
    List<IndexedWord> verbs = new ArrayList<>(graph.vertexSet());
    verbs.sort(Comparator.comparingInt(IndexedWord::index));
    for (IndexedWord verb : verbs) {
      if (!isContentVerb(graph, verb)) {
        continue;
      }
      boolean passive = false;
      boolean negated = false;
      List<IndexedWord> agents = new ArrayList<>();
      List<IndexedWord> targets = new ArrayList<>();
      List<IndexedWord> byPhrases = new ArrayList<>();
      for (SemanticGraphEdge edge : graph.outgoingEdgeList(verb)) {
        String relation = edge.getRelation().toString();
        IndexedWord dependent = edge.getDependent();
        switch (relation) {
          case "nsubj", "nsubj:xsubj" -> agents.add(dependent);
          case "obj", "dobj" -> targets.add(dependent);
          case "nsubj:pass", "nsubjpass", "nsubj:pass:xsubj", "nsubjpass:xsubj" -> {
            targets.add(dependent);
            passive = true;
          }
          case "aux:pass", "auxpass" -> passive = true;
          case "obl:agent", "nmod:agent" -> byPhrases.add(0, dependent);
          case "neg" -> negated = true;
          case "advmod" -> negated |= NEGATIONS.contains(lower(dependent.word()));
          default -> {
            if ((relation.startsWith("obl") || relation.startsWith("nmod"))
                && markedBy(graph, dependent)) {
              byPhrases.add(dependent);
            }
          }
        }
      }
      passive |= isReducedPassive(graph, verb);
      if (passive) {
        // The by-phrase of a passive is its agent; any other by-phrase is a means or a time.
        if (!byPhrases.isEmpty()) {
          agents.add(byPhrases.get(0));
        }
        if (targets.isEmpty() && isReducedPassive(graph, verb)) {
          targets.add(graph.getParent(verb));
        }
      }
      if (agents.isEmpty() && targets.isEmpty()) {
        continue;
      }
      String lemma = lower(verb.lemma() == null ? verb.word() : verb.lemma());
      for (IndexedWord agent : agents.isEmpty() ? nothing() : agents) {
        for (IndexedWord target : targets.isEmpty() ? nothing() : targets) {
          Event event =
              new Event(
                  lemma,
                  agent == null ? null : phrase(graph, agent),
                  agent == null ? null : lower(agent.word()),
                  target == null ? null : phrase(graph, target),
                  target == null ? null : lower(target.word()),
                  negated,
                  passive);
          if (!events.contains(event)) {
            events.add(event);
          }
        }
      }
    }
    return events;
  }

  private static List<IndexedWord> nothing() {
    List<IndexedWord> none = new ArrayList<>();
    none.add(null);
    return none;
  }

  private static boolean isContentVerb(SemanticGraph graph, IndexedWord word) {
    String tag = word.tag();
    if (tag == null || !tag.startsWith("VB") || "be".equals(lower(String.valueOf(word.lemma())))) {
      return false;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(word)) {
      if (NOT_EVENTS.contains(edge.getRelation().toString())) {
        return false;
      }
    }
    return true;
  }

  /** A past participle modifying a noun: "the city besieged by militants". */
  private static boolean isReducedPassive(SemanticGraph graph, IndexedWord verb) {
    if (!"VBN".equals(verb.tag())) {
      return false;
    }
    for (SemanticGraphEdge edge : graph.incomingEdgeIterable(verb)) {
      if (edge.getRelation().toString().equals("acl")) {
        return true;
      }
    }
    return false;
  }

  private static boolean markedBy(SemanticGraph graph, IndexedWord nominal) {
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(nominal)) {
      if (edge.getRelation().toString().equals("case")
          && lower(edge.getDependent().word()).equals("by")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The head and its name-forming dependents (recursively), in sentence order; for a partitive
   * head, also its "of" dependent whole.
   */
  static String phrase(SemanticGraph graph, IndexedWord head) {
    List<IndexedWord> words = new ArrayList<>();
    collect(graph, head, words, 0);
    if (PARTITIVES.contains(lower(head.word()))) {
      for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(head)) {
        String relation = edge.getRelation().toString();
        if (relation.equals("nmod:of") || relation.equals("acl:of")) {
          for (IndexedWord word : graph.descendants(edge.getDependent())) {
            if (!words.contains(word)) {
              words.add(word);
            }
          }
        }
      }
    }
    words.sort(Comparator.comparingInt(IndexedWord::index));
    List<String> text = new ArrayList<>(words.size());
    words.forEach(w -> text.add(w.word()));
    return String.join(" ", text);
  }

  private static void collect(
      SemanticGraph graph, IndexedWord word, List<IndexedWord> into, int d) {
    if (into.contains(word)) {
      return;
    }
    into.add(word);
    if (d > 3) {
      return;
    }
    for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
      if (PHRASE_PARTS.contains(edge.getRelation().toString())) {
        collect(graph, edge.getDependent(), into, d + 1);
      }
    }
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
