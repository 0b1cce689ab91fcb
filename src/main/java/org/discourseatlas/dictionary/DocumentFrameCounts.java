package org.discourseatlas.dictionary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.discourseatlas.terms.Lemmatizer;
import org.discourseatlas.terms.TermLevel;

/**
 * One document's dictionary hits in every group it belongs to, with the group's running words: what
 * the frames tables sum over documents and resample for their intervals. Groups are those of term
 * frequencies ({@link TermLevel}: each zone's windows and the corpus, all time, by role, ...), and
 * the two sides of each configured comparison (target zones' windows; reference zones' windows, or
 * every sentence outside the target's).
 *
 * <p>Hits follow quanteda's {@code tokens_lookup} ({@link DictionaryMatcher}); a parent category is
 * a category of its own, whose patterns are its children's.
 */
public final class DocumentFrameCounts implements Serializable {
  /** A sentence: the zones whose windows hold it, its speaker role, its tokens, running words. */
  public record Sentence(List<String> zones, String role, List<String> tokens, int words) {}

  /**
   * A group of a document: a term-frequency level with its zone and role, or comparison {@code
   * comparison} (0, 1, ...) side target or reference ({@code level} null).
   */
  public record Group(TermLevel level, String zone, String role, int comparison, boolean target)
      implements Serializable {}

  /** A group's running words and hits per category (in {@link #categories()} order). */
  public record Counts(Group group, long words, long[] hits) {}

  /** A comparison's sides as zone sets; an empty reference is the rest of the corpus. */
  public record Sides(List<String> target, List<String> reference) implements Serializable {}

  /** A category of a dictionary: its position in every hits array. */
  public record CategoryId(String dictionary, String category) implements Serializable {}

  private final DictionaryMatcher matcher;
  private final Lemmatizer lemmatizer;
  private final List<Sides> comparisons;
  private final List<CategoryId> categories = new ArrayList<>();
  private final Map<CategoryId, Integer> index = new HashMap<>();

  public DocumentFrameCounts(
      DictionaryMatcher matcher, Lemmatizer lemmatizer, List<Sides> comparisons) {
    this.matcher = matcher;
    this.lemmatizer = lemmatizer;
    this.comparisons = List.copyOf(comparisons);
    for (Dictionary dictionary : matcher.dictionaries()) {
      for (Category category : dictionary.categories()) {
        CategoryId id = new CategoryId(dictionary.name(), category.key());
        index.put(id, categories.size());
        categories.add(id);
      }
    }
  }

  /** Every category of every dictionary, in dictionary order then document order. */
  public List<CategoryId> categories() {
    return categories;
  }

  /**
   * The categories of one sentence's hits, as indexes (a token's hit counted once per category).
   */
  public long[] hits(List<String> tokens) {
    long[] hits = new long[categories.size()];
    for (Hit hit : matcher.findWith(tokens, lemmatizer)) {
      Integer at = index.get(new CategoryId(hit.dictionary(), hit.category()));
      if (at != null) {
        hits[at]++;
      }
    }
    return hits;
  }

  /** The hits of one sentence: what frame_mentions lists. */
  public List<Hit> find(List<String> tokens) {
    return matcher.findWith(tokens, lemmatizer);
  }

  /**
   * @param dated whether the document has a month (undated documents count only all-time)
   */
  public List<Counts> count(List<Sentence> sentences, boolean dated) {
    Map<Group, Counts> groups = new LinkedHashMap<>();
    for (Sentence sentence : sentences) {
      long[] hits = hits(sentence.tokens());
      for (TermLevel.Group g : TermLevel.groupsOf(sentence.zones(), sentence.role(), dated)) {
        add(groups, new Group(g.level(), g.zone(), g.role(), -1, false), sentence, hits);
      }
      for (int c = 0; c < comparisons.size(); c++) {
        Sides sides = comparisons.get(c);
        boolean inTarget = inAny(sentence.zones(), sides.target());
        if (inTarget) {
          add(groups, new Group(null, null, null, c, true), sentence, hits);
        }
        if (sides.reference().isEmpty() ? !inTarget : inAny(sentence.zones(), sides.reference())) {
          add(groups, new Group(null, null, null, c, false), sentence, hits);
        }
      }
    }
    return new ArrayList<>(groups.values());
  }

  private void add(Map<Group, Counts> groups, Group group, Sentence sentence, long[] hits) {
    Counts counts =
        groups.computeIfAbsent(group, g -> new Counts(g, 0, new long[categories.size()]));
    long[] sum = counts.hits();
    for (int i = 0; i < hits.length; i++) {
      sum[i] += hits[i];
    }
    groups.put(group, new Counts(group, counts.words() + sentence.words(), sum));
  }

  private static boolean inAny(List<String> zones, List<String> of) {
    for (String zone : zones) {
      if (of.contains(zone)) {
        return true;
      }
    }
    return false;
  }
}
