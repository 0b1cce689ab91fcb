package org.discourseatlas.zones;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.discourseatlas.text.TextNormalizer;

/**
 * Finds the zones a text names: every gazetteer alias, matched on whole words, case- and
 * diacritic-insensitively ("HALAB", "Ḥalab"), multiword aliases whole ("eastern Aleppo"), the
 * longest alias winning where two overlap. "Syrian" does not name Syria: a demonym is not a place.
 */
public final class ZoneMatcher implements Serializable {
  /** An alias as a sequence of folded words. */
  private record AliasWords(String zoneId, String alias, String[] words) implements Serializable {}

  /** Aliases by their first word, longest first, so the first hit at a position is the longest. */
  private final Map<String, List<AliasWords>> aliasesByFirstWord = new HashMap<>();

  public ZoneMatcher(ZoneGazetteer gazetteer) {
    for (Zone zone : gazetteer.zones()) {
      for (String alias : zone.aliases()) {
        String[] words = key(alias).split(" ");
        aliasesByFirstWord
            .computeIfAbsent(words[0], w -> new ArrayList<>())
            .add(new AliasWords(zone.id(), alias, words));
      }
    }
    for (List<AliasWords> aliases : aliasesByFirstWord.values()) {
      aliases.sort(Comparator.comparingInt((AliasWords a) -> a.words().length).reversed());
    }
  }

  /**
   * The folded, space-separated words of an alias: what two spellings must share to be one name.
   */
  static String key(String alias) {
    StringBuilder key = new StringBuilder();
    for (Word word : words(alias)) {
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(word.folded());
    }
    return key.toString();
  }

  /** Every zone mention in {@code text}, in order of position. */
  public List<ZoneMention> find(String text) {
    List<Word> words = words(text);
    List<ZoneMention> mentions = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      AliasWords hit = longestAliasAt(words, i);
      if (hit == null) {
        i++;
        continue;
      }
      Word first = words.get(i);
      Word last = words.get(i + hit.words().length - 1);
      mentions.add(
          new ZoneMention(
              hit.zoneId(),
              hit.alias(),
              text.substring(first.begin(), last.end()),
              first.begin(),
              last.end()));
      i += hit.words().length;
    }
    return mentions;
  }

  private AliasWords longestAliasAt(List<Word> words, int start) {
    List<AliasWords> candidates = aliasesByFirstWord.get(words.get(start).folded());
    if (candidates == null) {
      return null;
    }
    for (AliasWords alias : candidates) {
      if (start + alias.words().length <= words.size() && matchesAt(words, start, alias.words())) {
        return alias;
      }
    }
    return null;
  }

  private static boolean matchesAt(List<Word> words, int start, String[] aliasWords) {
    for (int k = 0; k < aliasWords.length; k++) {
      if (!words.get(start + k).folded().equals(aliasWords[k])) {
        return false;
      }
    }
    return true;
  }

  /** A word of a text: a run of letters and digits, folded, with its span in the original. */
  private record Word(String folded, int begin, int end) {}

  /**
   * Words are runs of letters, digits and combining marks; hyphens, apostrophes and spaces separate
   * them, so "Al-Mawsil" is "al mawsil" and "Aleppo’s" starts with "aleppo".
   */
  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int begin = i;
      while (i < n && isWordChar(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      words.add(new Word(TextNormalizer.foldForMatching(text.substring(begin, i)), begin, i));
    }
    return words;
  }

  private static boolean isWordChar(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
