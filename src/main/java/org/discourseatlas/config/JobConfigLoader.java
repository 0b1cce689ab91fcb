package org.discourseatlas.config;

import static org.discourseatlas.config.ConfigValues.atLeast;
import static org.discourseatlas.config.ConfigValues.invalid;
import static org.discourseatlas.config.ConfigValues.key;
import static org.discourseatlas.config.ConfigValues.names;
import static org.discourseatlas.config.ConfigValues.nonNegative;
import static org.discourseatlas.config.ConfigValues.nonNegativeDouble;
import static org.discourseatlas.config.ConfigValues.onlyKeys;
import static org.discourseatlas.config.ConfigValues.positive;
import static org.discourseatlas.config.ConfigValues.share;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.discourseatlas.parse.ParserSettings;
import org.discourseatlas.parse.PathPattern;
import org.discourseatlas.stats.KeynessStats;
import org.discourseatlas.turns.SpeakerLabelRule;
import org.discourseatlas.turns.SpeakerRole;

/**
 * Loads {@link JobConfig} from the defaults and an optional user HOCON file, failing with the key.
 */
public final class JobConfigLoader {
  static final String ROOT = "discourse-atlas";

  private JobConfigLoader() {}

  /** The defaults alone. */
  public static JobConfig defaults() {
    return fromConfig(ConfigFactory.defaultReference());
  }

  /** The user's file over the defaults; the file must exist, parse and hold only known keys. */
  public static JobConfig load(File userFile) {
    if (!userFile.isFile() || !userFile.canRead()) {
      throw new InvalidConfigException("config file not found or unreadable: " + userFile);
    }
    Config user;
    try {
      user =
          ConfigFactory.parseFile(userFile, ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidConfigException("config file " + userFile + ": " + e.getMessage(), e);
    }
    Config reference = ConfigFactory.defaultReference();
    // The parsed file before merging and resolving: its own keys (includes merged in), not system
    // properties or the environment, and a substitution is checked where it is written.
    new ConfigKeys(ROOT, reference.getObject(ROOT)).check(user.root());
    try {
      return fromConfig(user.withFallback(reference).resolve());
    } catch (ConfigException e) {
      throw new InvalidConfigException("config: " + e.getMessage(), e);
    }
  }

  /** Validates a merged configuration; every error names its full key. */
  public static JobConfig fromConfig(Config merged) {
    try {
      // Full paths throughout, so Typesafe's own errors ("has type STRING rather than NUMBER")
      // name the whole key, not only its last part.
      Config config = merged.resolve();
      long maxFileBytes = config.getBytes(key("ingest.max-file-bytes"));
      if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
        throw invalid(
            "ingest.max-file-bytes", "must be between 1 byte and 2 GiB, is " + maxFileBytes);
      }
      ParserSettings parser =
          new ParserSettings(
              maxFileBytes,
              nonNegative(config, "ingest.min-text-chars"),
              new ParserSettings.RecordFields(
                  config.getString(key("ingest.record-fields.text")),
                  config.getString(key("ingest.record-fields.title")),
                  config.getString(key("ingest.record-fields.date")),
                  config.getString(key("ingest.record-fields.url")),
                  config.getString(key("ingest.record-fields.source"))),
              sourceRules(config),
              pathPatterns(config),
              speakerRules(config),
              config.getStringList(key("turns.outlets")),
              new ParserSettings.FrontMatterFields(
                  fieldNames(config, "ingest.front-matter-fields.title"),
                  fieldNames(config, "ingest.front-matter-fields.date"),
                  fieldNames(config, "ingest.front-matter-fields.url"),
                  fieldNames(config, "ingest.front-matter-fields.source")));
      JobConfig.RepeatedLines repeatedLines =
          new JobConfig.RepeatedLines(
              positive(config, "ingest.repeated-lines.min-documents"),
              share(config, "ingest.repeated-lines.min-share"),
              positive(config, "ingest.repeated-lines.max-words"));
      JobConfig.NearDuplicates nearDuplicates =
          new JobConfig.NearDuplicates(
              config.getBoolean(key("ingest.near-duplicates.enabled")),
              share(config, "ingest.near-duplicates.min-jaccard"),
              positive(config, "ingest.near-duplicates.shingle-words"),
              config.getLong(key("ingest.near-duplicates.seed")));

      String gazetteer = config.getString(key("zones.gazetteer")).strip();
      int window = nonNegative(config, "zones.window");
      int minTermLength = config.getInt(key("terms.min-term-length"));
      if (minTermLength < 1) {
        throw invalid("terms.min-term-length", "must be at least 1, is " + minTermLength);
      }
      String rendered =
          config
              .getConfig(ROOT)
              .root()
              .render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
      return new JobConfig(
          parser,
          repeatedLines,
          nearDuplicates,
          positive(config, "ingest.max-seconds-per-file"),
          gazetteer.isEmpty() ? null : gazetteer,
          window,
          minTermLength,
          List.copyOf(config.getStringList(key("terms.extra-stopwords"))),
          lexical(config),
          sentiment(config),
          topics(config),
          new JobConfig.Frames(
              names(config, "frames.dictionaries"),
              positive(config, "frames.bootstrap-resamples"),
              config.getLong(key("frames.seed")),
              comparisons(config, "frames.comparisons")),
          new JobConfig.Actors(
              config.getBoolean(key("actors.enabled")), names(config, "actors.dictionary").get(0)),
          rendered);
    } catch (ConfigException e) {
      // Typesafe's message names the key and the file and line it came from.
      throw new InvalidConfigException("config: " + e.getMessage(), e);
    }
  }

  private static JobConfig.Sentiment sentiment(Config config) {
    String scope = config.getString(key("sentiment.scope")).strip();
    if (!scope.equals("zones") && !scope.equals("all")) {
      throw invalid("sentiment.scope", "must be zones or all, is '" + scope + "'");
    }
    String parser = config.getString(key("sentiment.parser")).strip();
    if (!parser.equals("shift-reduce") && !parser.equals("pcfg")) {
      throw invalid("sentiment.parser", "must be shift-reduce or pcfg, is '" + parser + "'");
    }
    String model = config.getString(key("sentiment.model")).strip();
    if (!model.equals(JobConfig.Sentiment.CORENLP)
        && !model.equals(JobConfig.Sentiment.DIPLOMATIC)) {
      throw invalid("sentiment.model", "must be corenlp or diplomatic, is '" + model + "'");
    }
    return new JobConfig.Sentiment(
        scope.equals("all"),
        parser,
        model,
        positive(config, "sentiment.max-tokens"),
        positive(config, "sentiment.batch-size"),
        positive(config, "sentiment.bootstrap-resamples"),
        config.getLong(key("sentiment.seed")),
        comparisons(config, "sentiment.comparisons"));
  }

  private static JobConfig.Topics topics(Config config) {
    String unit = config.getString(key("topics.unit")).strip().toLowerCase(java.util.Locale.ROOT);
    JobConfig.TopicUnit topicUnit;
    switch (unit) {
      case "turn" -> topicUnit = JobConfig.TopicUnit.TURN;
      case "paragraph" -> topicUnit = JobConfig.TopicUnit.PARAGRAPH;
      case "document" -> topicUnit = JobConfig.TopicUnit.DOCUMENT;
      default ->
          throw invalid("topics.unit", "must be turn, paragraph or document, is '" + unit + "'");
    }
    String optimizer =
        config.getString(key("topics.optimizer")).strip().toLowerCase(java.util.Locale.ROOT);
    if (!optimizer.equals("online") && !optimizer.equals("em")) {
      throw invalid("topics.optimizer", "must be online or em, is '" + optimizer + "'");
    }
    int k = atLeast(config, "topics.k", 2);
    double fraction = config.getDouble(key("topics.mini-batch-fraction"));
    if (!(fraction >= 0 && fraction <= 1)) {
      throw invalid(
          "topics.mini-batch-fraction", "must be in [0, 1] (0 = automatic), is " + fraction);
    }
    List<Integer> selectionK = List.copyOf(config.getIntList(key("topics.model-selection.k")));
    for (int i = 0; i < selectionK.size(); i++) {
      if (selectionK.get(i) < 2) {
        throw invalid(
            "topics.model-selection.k[" + i + "]", "must be >= 2, is " + selectionK.get(i));
      }
    }
    double heldout = config.getDouble(key("topics.model-selection.heldout-share"));
    if (!(heldout > 0 && heldout < 1)) {
      throw invalid("topics.model-selection.heldout-share", "must be in (0, 1), is " + heldout);
    }
    return new JobConfig.Topics(
        config.getBoolean(key("topics.enabled")),
        topicUnit,
        List.copyOf(config.getStringList(key("topics.extra-stopwords"))),
        positive(config, "topics.min-unit-terms"),
        k,
        optimizer,
        positive(config, "topics.max-iterations"),
        config.getLong(key("topics.seed")),
        fraction,
        nonNegativeDouble(config, "topics.doc-concentration"),
        nonNegativeDouble(config, "topics.topic-concentration"),
        nonNegativeDouble(config, "topics.learning-offset"),
        decay(config),
        positive(config, "topics.partitions"),
        positive(config, "topics.vocabulary.size"),
        positive(config, "topics.vocabulary.min-doc-freq"),
        share(config, "topics.vocabulary.max-doc-share"),
        positive(config, "topics.top-terms"),
        atLeast(config, "topics.coherence-terms", 2),
        positive(config, "topics.bootstrap-resamples"),
        comparisons(config, "topics.comparisons"),
        selectionK,
        heldout,
        config.getBoolean(key("topics.reuse-model")));
  }

  /** Online LDA converges for a decay in (0.5, 1] (Hoffman et al. 2010, section 2.2). */
  private static double decay(Config config) {
    double value = config.getDouble(key("topics.learning-decay"));
    if (!(value > 0.5 && value <= 1)) {
      throw invalid("topics.learning-decay", "must be in (0.5, 1], is " + value);
    }
    return value;
  }

  private static List<JobConfig.KeynessComparison> comparisons(Config config, String path) {
    List<JobConfig.KeynessComparison> comparisons = new ArrayList<>();
    List<? extends Config> entries = config.getConfigList(key(path));
    for (int i = 0; i < entries.size(); i++) {
      onlyKeys(entries.get(i), path + "[" + i + "]", "target", "reference");
      List<String> target = entries.get(i).getStringList("target");
      List<String> reference =
          entries.get(i).hasPath("reference")
              ? entries.get(i).getStringList("reference")
              : List.of();
      if (target.isEmpty()) {
        throw invalid(path + "[" + i + "].target", "must name at least one zone");
      }
      comparisons.add(new JobConfig.KeynessComparison(List.copyOf(target), List.copyOf(reference)));
    }
    return List.copyOf(comparisons);
  }

  private static JobConfig.Lexical lexical(Config config) {
    int maxNgram = positive(config, "terms.max-ngram");
    if (maxNgram > 3) {
      throw invalid("terms.max-ngram", "must be 1, 2 or 3, is " + maxNgram);
    }
    List<JobConfig.KeynessComparison> comparisons = comparisons(config, "keyness.comparisons");
    String correction =
        config.getString(key("keyness.correction")).strip().toLowerCase(java.util.Locale.ROOT);
    KeynessStats.Correction parsed;
    switch (correction) {
      case "default": // quanteda's default applies Yates' correction (docs/decisions/0009)
      case "yates":
        parsed = KeynessStats.Correction.YATES;
        break;
      case "williams":
        parsed = KeynessStats.Correction.WILLIAMS;
        break;
      case "none":
        parsed = KeynessStats.Correction.NONE;
        break;
      default:
        throw invalid(
            "keyness.correction",
            "must be default, yates, williams or none, is '" + correction + "'");
    }
    double alpha0 = config.getDouble(key("keyness.alpha0"));
    if (!(alpha0 > 0)) {
      throw invalid("keyness.alpha0", "must be > 0, is " + alpha0);
    }
    return new JobConfig.Lexical(
        config.getBoolean(key("terms.lemmas")),
        maxNgram,
        positive(config, "terms.min-ngram-count"),
        List.copyOf(config.getStringList(key("terms.multiword-expressions"))),
        List.copyOf(comparisons),
        config.getBoolean(key("keyness.each-zone-vs-rest")),
        positive(config, "keyness.min-count"),
        alpha0,
        parsed,
        positive(config, "collocations.min-count"),
        positive(config, "collocations.top"),
        nonNegative(config, "mentions.context-words"));
  }

  private static List<ParserSettings.SourceRule> sourceRules(Config config) {
    List<ParserSettings.SourceRule> rules = new ArrayList<>();
    List<? extends Config> entries = config.getConfigList(key("ingest.sources"));
    for (int i = 0; i < entries.size(); i++) {
      Config rule = entries.get(i);
      String where = "ingest.sources[" + i + "]";
      onlyKeys(rule, where, "path-contains", "host", "source");
      boolean byPath = rule.hasPath("path-contains");
      boolean byHost = rule.hasPath("host");
      if (byPath == byHost) {
        throw invalid(where, "needs exactly one of path-contains and host");
      }
      String match = byPath ? rule.getString("path-contains") : rule.getString("host").strip();
      if (match.isEmpty()) {
        throw invalid(where + (byPath ? ".path-contains" : ".host"), "must not be empty");
      }
      rules.add(
          new ParserSettings.SourceRule(
              byPath ? match : null,
              byHost ? match.toLowerCase(java.util.Locale.ROOT) : null,
              rule.getString("source")));
    }
    return List.copyOf(rules);
  }

  private static List<PathPattern> pathPatterns(Config config) {
    List<PathPattern> patterns = new ArrayList<>();
    List<String> entries = config.getStringList(key("ingest.path-patterns"));
    for (int i = 0; i < entries.size(); i++) {
      try {
        patterns.add(new PathPattern(entries.get(i)));
      } catch (IllegalArgumentException e) {
        throw invalid("ingest.path-patterns[" + i + "]", e.getMessage());
      }
    }
    return List.copyOf(patterns);
  }

  private static List<SpeakerLabelRule> speakerRules(Config config) {
    List<SpeakerLabelRule> rules = new ArrayList<>();
    List<? extends Config> entries = config.getConfigList(key("turns.speaker-roles"));
    for (int i = 0; i < entries.size(); i++) {
      String where = "turns.speaker-roles[" + i + "]";
      onlyKeys(entries.get(i), where, "speaker", "role");
      String role = entries.get(i).getString("role");
      SpeakerRole speakerRole;
      try {
        speakerRole = SpeakerRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw invalid(
            where + ".role", "must be question, answer, statement or moderator, is '" + role + "'");
      }
      try {
        rules.add(new SpeakerLabelRule(entries.get(i).getString("speaker"), speakerRole));
      } catch (IllegalArgumentException e) {
        throw invalid(where + ".speaker", e.getMessage());
      }
    }
    return List.copyOf(rules);
  }

  /** Front matter field names: a list, or one name as record-fields has it; never empty. */
  private static List<String> fieldNames(Config config, String path) {
    List<String> names =
        config.getValue(key(path)).valueType() == ConfigValueType.STRING
            ? List.of(config.getString(key(path)))
            : config.getStringList(key(path));
    if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) {
      throw invalid(path, "must name at least one field, and no blank one: " + names);
    }
    return List.copyOf(names);
  }
}
