package org.discourseatlas.turns;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.discourseatlas.text.WordList;

/**
 * News outlets, which label journalists' questions in many ministries' transcripts ("Reuters:",
 * "Bloomberg News:", "Question (Al Mayadeen TV):", "Anna Smith from RIA Novosti:"). A name is an
 * outlet when it is in the shipped list ({@code turns/outlets.txt}) or the configured one, or when
 * it has two words or more and its last word names a kind of outlet ("Shenzhen TV", "Kyodo News",
 * "China Daily", "Yonhap News Agency"). Matching is case-insensitive over the whole name.
 */
public final class Outlets implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String SHIPPED_LIST = "/turns/outlets.txt";

  /** Last words that make a name of two words or more an outlet's. */
  private static final Set<String> KIND_WORDS =
      Set.of(
          "tv",
          "news",
          "agency",
          "daily",
          "times",
          "radio",
          "post",
          "press",
          "television",
          "channel",
          "network",
          "broadcasting",
          "journal",
          "herald",
          "tribune",
          "gazette",
          "telegraph",
          "shimbun",
          "magazine",
          "weekly",
          "media",
          "service",
          "wire");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** An outlet's name is short: "Yonhap News Agency", "Hong Kong Commercial Daily". */
  private static final int MAX_SHAPED_WORDS = 6;

  private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "de", "&");

  private final Set<String> names;

  private Outlets(Set<String> names) {
    this.names = names;
  }

  /** The shipped list plus {@code extra} names (configured with turns.outlets). */
  public static Outlets shippedPlus(Collection<String> extra) {
    Set<String> names = new HashSet<>(Shipped.NAMES);
    for (String name : extra) {
      names.add(key(name));
    }
    return new Outlets(Set.copyOf(names));
  }

  /** Whether the whole of {@code name} ("Reuters", "Shenzhen TV") names a news outlet. */
  public boolean contains(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String key = key(name);
    if (names.contains(key)) {
      return true;
    }
    String[] words = key.split(" ");
    return words.length >= 2
        && words.length <= MAX_SHAPED_WORDS
        && KIND_WORDS.contains(words[words.length - 1])
        && isCapitalisedName(SPACES.split(name.strip()));
  }

  /**
   * Every word capitalised but the small words of a name ("Voice of America"): "heard uttered 23
   * times" ends in a kind word and is no outlet.
   */
  private static boolean isCapitalisedName(String[] words) {
    for (String word : words) {
      if (!Character.isUpperCase(word.charAt(0)) && !SMALL_WORDS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static String key(String name) {
    return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** The shipped list, read once per JVM. */
  private static final class Shipped {
    static final Set<String> NAMES = read();

    private static Set<String> read() {
      Set<String> names = new HashSet<>();
      for (String name : WordList.readResource(SHIPPED_LIST)) {
        names.add(key(name));
      }
      return Set.copyOf(names);
    }
  }
}
