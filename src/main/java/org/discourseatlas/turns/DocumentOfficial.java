package org.discourseatlas.turns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official a transcript is by, as its title or opening names them: "Foreign Ministry
 * Spokesperson Zhao Lijian's Regular Press Conference" gives Zhao Lijian, with the office "Foreign
 * Ministry Spokesperson"; "Foreign Minister Sergey Lavrov's remarks and answers" gives Sergey
 * Lavrov. "A:" answers and the unlabelled opening are theirs. A title that names two officials (a
 * joint press conference) names no single one: the labels then keep them apart.
 *
 * @param name the official's name, or null when the text names none or several
 * @param office the job title written before the name ("Foreign Ministry Spokesperson"), or null
 */
public record DocumentOfficial(String name, String office) {
  static final DocumentOfficial NONE = new DocumentOfficial(null, null);

  /** The word a job title ends on, right before the name. */
  static final Set<String> CORE =
      Set.of(
          "minister",
          "secretary",
          "secretary-general",
          "under-secretary-general",
          "undersecretary",
          "spokesperson",
          "spokesman",
          "spokeswoman",
          "ambassador",
          "president",
          "director",
          "director-general",
          "envoy",
          "representative",
          "commissioner",
          "chancellor",
          "premier");

  /** Words of a job title: {@link #CORE} and the words that qualify it. */
  static final Set<String> TITLE_WORDS =
      union(
          CORE,
          Set.of(
              "foreign",
              "ministry",
              "deputy",
              "vice",
              "first",
              "prime",
              "state",
              "assistant",
              "under",
              "general",
              "special",
              "permanent",
              "press",
              "chief",
              "head",
              "high",
              "senior",
              "official",
              "department",
              "mfa",
              "acting",
              "principal",
              "counsellor",
              "defence",
              "defense"));

  /** Capitalised words that end a name in a title: "... Zhao Lijian Regular Press Conference". */
  private static final Set<String> AFTER_NAME =
      Set.of(
          "regular",
          "press",
          "conference",
          "remarks",
          "briefing",
          "statement",
          "interview",
          "opening",
          "answers",
          "meeting",
          "daily",
          "joint",
          "news",
          "speech",
          "address",
          "media",
          "questions",
          "comment",
          "comments",
          "transcript");

  private static final String WORD = "[\\p{L}][\\p{L}'’.\\-]*";
  private static final Pattern WORDS = Pattern.compile(WORD);

  /** Particles inside a name: "Jean-Yves Le Drian", "Staffan de Mistura", "Walid al-Muallem". */
  private static final Set<String> PARTICLES =
      Set.of("al", "el", "de", "da", "di", "du", "del", "van", "von", "der", "den", "le", "la");

  private static final int MAX_NAME_WORDS = 4;

  /** Honorifics between a job title and a name, which are neither. */
  private static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "dr", "h.e", "his", "her", "excellency");

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** The official named by the title and the opening paragraph (either may be null). */
  public static DocumentOfficial of(String title, String opening) {
    Set<DocumentOfficial> found = new LinkedHashSet<>();
    int titles = 0;
    for (String text : new String[] {title, opening}) {
      if (text == null || text.isBlank()) {
        continue;
      }
      // Words, and where a comma or other punctuation stands between two (it ends a name:
      // "Spokesperson Mohammad Faisal, Islamabad").
      List<String> words = new ArrayList<>();
      List<Boolean> brokenBefore = new ArrayList<>();
      Matcher m = WORDS.matcher(text);
      int end = 0;
      while (m.find()) {
        words.add(m.group());
        brokenBefore.add(!text.substring(end, m.start()).isBlank());
        end = m.end();
      }
      for (int i = 0; i < words.size(); i++) {
        String key = bare(words.get(i)).toLowerCase(Locale.ROOT);
        if (!CORE.contains(key) || !isCapitalised(words.get(i))) {
          continue;
        }
        if (text == title) {
          titles++;
        }
        DocumentOfficial official = at(words, brokenBefore, i);
        if (official != null) {
          found.add(official);
        }
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (DocumentOfficial official : found) {
      names.add(official.name());
    }
    // Two job titles in the title ("... Minister X's talks with ... Minister of Y, Z") name two
    // officials even where the second name is not found after its title.
    if (names.size() != 1 || titles > 1) {
      return NONE;
    }
    return found.iterator().next();
  }

  /** The name after the core title word at {@code core}, with the title before it; or null. */
  private static DocumentOfficial at(List<String> words, List<Boolean> brokenBefore, int core) {
    int start = core;
    while (start > 0
        && isCapitalised(words.get(start - 1))
        && TITLE_WORDS.contains(bare(words.get(start - 1)).toLowerCase(Locale.ROOT))) {
      start--;
    }
    List<String> name = new ArrayList<>();
    boolean possessive = false;
    for (int i = core + 1; i < words.size() && name.size() < MAX_NAME_WORDS; i++) {
      String word = words.get(i);
      String bare = bare(word);
      if (!name.isEmpty() && brokenBefore.get(i)) {
        break;
      }
      if (name.isEmpty() && HONORIFICS.contains(bare.toLowerCase(Locale.ROOT))) {
        continue; // "Spokesperson Dr. Mohammad Faisal"
      }
      boolean particle = PARTICLES.contains(bare.toLowerCase(Locale.ROOT)) && !name.isEmpty();
      if (!particle
          && (!isCapitalised(bare)
              || AFTER_NAME.contains(bare.toLowerCase(Locale.ROOT))
              || TITLE_WORDS.contains(bare.toLowerCase(Locale.ROOT)))) {
        break;
      }
      name.add(bare);
      if (!bare.equals(word)) {
        possessive = word.endsWith("s");
        break; // "Lavrov's": the possessive ends the name
      }
    }
    while (!name.isEmpty()
        && PARTICLES.contains(name.get(name.size() - 1).toLowerCase(Locale.ROOT))) {
      name.remove(name.size() - 1);
    }
    if (name.isEmpty() || (name.size() == 1 && !possessive)) {
      // "Minister Lavrov's remarks" names him; "Spokesperson Briefing" or "Minister Of" do not.
      return null;
    }
    return new DocumentOfficial(
        String.join(" ", name), String.join(" ", words.subList(start, core + 1)));
  }

  /** The word without a possessive "'s" or a trailing dot. */
  private static String bare(String word) {
    String w = word;
    if (w.endsWith("'s") || w.endsWith("’s")) {
      w = w.substring(0, w.length() - 2);
    }
    while (w.endsWith(".") || w.endsWith("'") || w.endsWith("’")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean isCapitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
  }
}
