package org.discourseatlas.dictionary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.discourseatlas.terms.Lemmatizer;

/**
 * Actors by an actor dictionary (each category an actor, its patterns the aliases: "Daesh", "ISIL",
 * "Islamic State" -> ISIS), matched as frames are ({@link DictionaryMatcher}). What is not in the
 * dictionary keeps its named entity's text, or else its phrase, lowercased.
 */
public final class ActorNames implements Serializable {
  /** A named-entity mention of a sentence: its text and tokens begin..end (exclusive). */
  public record Entity(String text, int begin, int end) {}

  private final DictionaryMatcher matcher;
  private final Lemmatizer lemmatizer;

  public ActorNames(Dictionary actors, Lemmatizer lemmatizer) {
    this.matcher = new DictionaryMatcher(actors);
    this.lemmatizer = lemmatizer;
  }

  /**
   * The actor an agent or target phrase names: the actor of the longest alias in the phrase (the
   * rightmost of equal ones, nearest an English phrase's head); else the named entity holding the
   * head word; else the phrase, lowercased. Null for a null phrase.
   */
  public String actor(String phrase, String head, List<Entity> entities) {
    if (phrase == null) {
      return null;
    }
    List<String> words = Arrays.asList(phrase.split(" "));
    Hit best = null;
    for (Hit hit : matcher.findWith(words, lemmatizer)) {
      if (best == null
          || hit.end() - hit.begin() > best.end() - best.begin()
          || (hit.end() - hit.begin() == best.end() - best.begin() && hit.end() > best.end())) {
        best = hit;
      }
    }
    if (best != null) {
      return best.category();
    }
    for (Entity entity : entities) {
      for (String word : entity.text().split(" ")) {
        if (word.toLowerCase(Locale.ROOT).equals(head)) {
          return entity.text();
        }
      }
    }
    return phrase.toLowerCase(Locale.ROOT);
  }

  /**
   * The actors a sentence mentions, once per mention: each alias found in its tokens (longest
   * first: "US-led coalition" is one mention of COALITION, not also one of USA), and each named
   * entity no alias overlaps, by its text.
   */
  public List<String> mentions(List<String> tokens, List<Entity> entities) {
    List<String> actors = new ArrayList<>();
    boolean[] covered = new boolean[tokens.size()];
    List<Hit> hits = new ArrayList<>(matcher.findWith(tokens, lemmatizer));
    hits.sort((a, b) -> (b.end() - b.begin()) - (a.end() - a.begin()));
    for (Hit hit : hits) {
      boolean free = true;
      for (int t = hit.begin(); t < hit.end(); t++) {
        free &= !covered[t];
      }
      if (free) {
        Arrays.fill(covered, hit.begin(), hit.end(), true);
        actors.add(hit.category());
      }
    }
    for (Entity entity : entities) {
      boolean free = true;
      for (int t = entity.begin(); t < Math.min(entity.end(), covered.length); t++) {
        free &= !covered[t];
      }
      if (free) {
        actors.add(entity.text());
      }
    }
    return actors;
  }
}
