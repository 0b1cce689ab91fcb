package org.discourseatlas.analysis;

import org.discourseatlas.text.Sha256Hex;

import org.discourseatlas.store.SnapshotStore;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.schema.RowValues;
import org.discourseatlas.schema.Table;
import org.discourseatlas.stats.DocumentBootstrap;
import org.discourseatlas.stats.TopicCoherence;

/**
 * Topic stages: LDA (Spark MLlib) over topic units (speaker turns by default), the topics with
 * their top terms and coherence, each unit's topic shares, and the mean share of each topic per
 * zone, month and role with bootstrap intervals over documents.
 *
 * <p>Determinism: the vocabulary is ordered by unit frequency then term; the units are fitted on
 * a fixed number of partitions ({@code topics.partitions}), hash-partitioned by document and
 * sorted, so the seeded mini-batch sampling sees the same units in the same order on any master.
 */
public final class Topics {
  /** Spark's column names in {@code LDAModel.describeTopics}. */
  private static final String TERM_INDICES = "termIndices";
  private static final String TERM_WEIGHTS = "termWeights";
  private static final String SHARE = "share";
  private static final String TOPIC_VECTOR = "topic_vector";
  /** Mini-batches of about this many units when {@code topics.mini-batch-fraction} is automatic. */
  private static final double AUTO_BATCH_UNITS = 1000;
  private static final double MIN_AUTO_FRACTION = 0.05;

  /** A fitted model: the vocabulary that turns unit terms into counts, and the LDA over it. */
  public record Model(CountVectorizerModel vocabulary, LocalLDAModel lda) {
    public int k() {
      return lda.getK();
    }
  }

  /** A topic's top terms (most probable first) and their weights. */
  public record TopicTerms(int topic, List<String> terms, List<Double> weights) {
    /** The label readers see: the top three terms. */
    public String label() {
      return String.join(", ", terms.subList(0, Math.min(3, terms.size())));
    }
  }

  private Topics() {}

  /**
   * The topic units: one row per turn, paragraph or document of the analysed documents, with the
   * lexical unigrams of its sentences (lemmas, multiword names whole, stopwords removed) but for
   * the topic stopwords.
   *
   * @param lexicalUnits {@link LexicalUnits#of} rows
   * @return doc_id, turn, paragraph, period, role, zones (sorted, distinct), terms
   */
  public static Dataset<Row> units(Dataset<Row> lexicalUnits, JobConfig.TopicUnit unit, List<String> extraStopwords) {
    Object[] stopwords = extraStopwords.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toArray();
    Column unigrams =
        transform(
            filter(
                col(LexicalUnits.NGRAMS),
                g -> g.getField(Columns.NGRAM).equalTo(1).and(g.getField(Columns.TERM).isin(stopwords).unary_$bang())),
            g -> g.getField(Columns.TERM));
    List<Column> keys = new ArrayList<>();
    keys.add(col(Columns.DOC_ID));
    if (unit != JobConfig.TopicUnit.DOCUMENT) {
      keys.add(col(Columns.TURN));
    }
    if (unit == JobConfig.TopicUnit.PARAGRAPH) {
      keys.add(col(Columns.PARAGRAPH));
    }
    Dataset<Row> grouped =
        lexicalUnits
            .withColumn(Columns.TERMS, unigrams)
            .groupBy(keys.toArray(new Column[0]))
            .agg(
                flatten(collect_list(col(Columns.TERMS))).as(Columns.TERMS),
                array_sort(array_distinct(flatten(collect_list(col(Columns.ZONES))))).as(Columns.ZONES),
                first(col(Columns.PERIOD)).as(Columns.PERIOD),
                first(col(Columns.ROLE)).as(Columns.ROLE));
    return grouped.select(
        col(Columns.DOC_ID),
        unit == JobConfig.TopicUnit.DOCUMENT ? lit(null).cast(DataTypes.IntegerType).as(Columns.TURN) : col(Columns.TURN),
        unit == JobConfig.TopicUnit.PARAGRAPH
            ? col(Columns.PARAGRAPH)
            : lit(null).cast(DataTypes.IntegerType).as(Columns.PARAGRAPH),
        col(Columns.PERIOD),
        // A document holds several speakers' roles: its role is not defined.
        unit == JobConfig.TopicUnit.DOCUMENT ? lit(null).cast(DataTypes.StringType).as(Columns.ROLE) : col(Columns.ROLE),
        col(Columns.ZONES),
        col(Columns.TERMS));
  }

  /**
   * The vocabulary: terms in at least {@code minDocFreq} units and at most {@code maxDocShare} of
   * them, the {@code vocabularySize} most frequent by unit frequency (ties by term, so the order,
   * which seeds LDA's initial topics, is the same every run).
   */
  public static CountVectorizerModel vocabulary(Dataset<Row> units, JobConfig.Topics settings) {
    long n = units.count();
    long maxUnits = (long) Math.floor(settings.maxDocShare() * n);
    List<Row> rows =
        units.select(explode(array_distinct(col(Columns.TERMS))).as(Columns.TERM))
            .groupBy(Columns.TERM)
            .agg(count(lit(1)).as(Columns.DOC_FREQ))
            .filter(col(Columns.DOC_FREQ).geq(settings.minDocFreq()).and(col(Columns.DOC_FREQ).leq(maxUnits)))
            .orderBy(col(Columns.DOC_FREQ).desc(), col(Columns.TERM).asc())
            .limit(settings.vocabularySize())
            .collectAsList();
    String[] vocabulary = rows.stream().map(r -> r.getString(0)).toArray(String[]::new);
    return new CountVectorizerModel(vocabulary).setInputCol(Columns.TERMS).setOutputCol(Columns.FEATURES);
  }

  /**
   * The units the model sees: term counts over the vocabulary, units with fewer than
   * {@code minUnitTerms} vocabulary terms left out, on {@code partitions} partitions by document,
   * sorted.
   *
   * @return the unit columns plus features and n_terms
   */
  public static Dataset<Row> features(Dataset<Row> units, CountVectorizerModel vocabulary, JobConfig.Topics settings) {
    UDF1<Vector, Integer> total =
        v -> {
          double s = 0;
          for (double x : v.toSparse().values()) {
            s += x;
          }
          return (int) Math.round(s);
        };
    Dataset<Row> counted =
        vocabulary.setInputCol(Columns.TERMS).setOutputCol(Columns.FEATURES).transform(units)
            .withColumn(Columns.N_TERMS, udf(total, DataTypes.IntegerType).apply(col(Columns.FEATURES)));
    return counted
        .filter(col(Columns.N_TERMS).geq(settings.minUnitTerms()))
        .repartition(settings.partitions(), col(Columns.DOC_ID))
        .sortWithinPartitions(Columns.DOC_ID, Columns.TURN, Columns.PARAGRAPH);
  }

  /** Fits LDA with the configured optimizer, seed and iterations; an EM model is made local. */
  public static LocalLDAModel fit(Dataset<Row> features, JobConfig.Topics settings, int k, long units) {
    LDA lda =
        new LDA()
            .setK(k)
            .setMaxIter(settings.maxIterations())
            .setSeed(settings.seed())
            .setOptimizer(settings.optimizer())
            .setFeaturesCol(Columns.FEATURES)
            .setTopicDistributionCol(TOPIC_VECTOR);
    if (settings.optimizer().equals("online")) {
      // Spark's online defaults (alpha = eta = 1/k, offset 1024) left one topic holding most of
      // every unit on data-sample; see docs/decisions/0012-topic-model.md.
      lda.setSubsamplingRate(miniBatchFraction(settings, units))
          .setDocConcentration(settings.docConcentration() > 0 ? settings.docConcentration() : 50.0 / k)
          .setTopicConcentration(settings.topicConcentration() > 0 ? settings.topicConcentration() : 0.1)
          .setOptimizeDocConcentration(false)
          .setLearningOffset(settings.learningOffset())
          .setLearningDecay(settings.learningDecay());
    } else {
      if (settings.docConcentration() > 0) {
        lda.setDocConcentration(settings.docConcentration());
      }
      if (settings.topicConcentration() > 0) {
        lda.setTopicConcentration(settings.topicConcentration());
      }
    }
    LDAModel model = lda.fit(features);
    return model instanceof DistributedLDAModel distributed ? distributed.toLocal() : (LocalLDAModel) model;
  }

  /**
   * The online optimizer's mini-batch share: as configured, or automatically batches of about a
   * thousand units (at least 5%, Spark's default), the whole corpus when it is smaller.
   */
  public static double miniBatchFraction(JobConfig.Topics settings, long units) {
    if (settings.miniBatchFraction() > 0) {
      return settings.miniBatchFraction();
    }
    return units == 0 ? 1.0 : Math.min(1.0, Math.max(MIN_AUTO_FRACTION, AUTO_BATCH_UNITS / units));
  }

  /**
   * Each unit's topic distribution (shares summing to 1) from the model, with its most prevalent
   * topic.
   *
   * @return doc_id, turn, paragraph, period, role, zones, n_terms, topic_distribution, top_topic,
   *     top_share
   */
  public static Dataset<Row> shares(LocalLDAModel lda, Dataset<Row> features) {
    Dataset<Row> inferred =
        lda.setFeaturesCol(Columns.FEATURES).setTopicDistributionCol(TOPIC_VECTOR).transform(features);
    Column distribution = org.apache.spark.ml.functions.vector_to_array(col(TOPIC_VECTOR), "float64");
    return inferred
        .withColumn(Columns.TOPIC_DISTRIBUTION, distribution)
        .select(
            col(Columns.DOC_ID),
            col(Columns.TURN),
            col(Columns.PARAGRAPH),
            col(Columns.PERIOD),
            col(Columns.ROLE),
            col(Columns.ZONES),
            col(Columns.N_TERMS),
            col(Columns.TOPIC_DISTRIBUTION),
            // array_position is 1-based and takes the first of equal maxima.
            array_position(col(Columns.TOPIC_DISTRIBUTION), array_max(col(Columns.TOPIC_DISTRIBUTION)))
                .minus(1).cast(DataTypes.IntegerType).as(Columns.TOP_TOPIC),
            array_max(col(Columns.TOPIC_DISTRIBUTION)).as(Columns.TOP_SHARE));
  }

  /**
   * As {@link #shares}, but units with a row in {@code previous} (topic_shares rows inferred by the
   * same model) keep that row's distribution and are not inferred again; their grouping columns
   * (period, role, zones) come from {@code features}, so re-tagged zones are followed.
   */
  public static Dataset<Row> sharesReusing(LocalLDAModel lda, Dataset<Row> features, Dataset<Row> previous) {
    String doc = "earlier_doc_id";
    String turn = "earlier_turn";
    String paragraph = "earlier_paragraph";
    Dataset<Row> earlier =
        previous.select(
            col(Columns.DOC_ID).as(doc), col(Columns.TURN).as(turn), col(Columns.PARAGRAPH).as(paragraph),
            col(Columns.TOPIC_DISTRIBUTION), col(Columns.TOP_TOPIC), col(Columns.TOP_SHARE));
    // turn and paragraph are null for coarser units: compared null-safe.
    Column sameUnit =
        col(Columns.DOC_ID).equalTo(col(doc))
            .and(col(Columns.TURN).eqNullSafe(col(turn)))
            .and(col(Columns.PARAGRAPH).eqNullSafe(col(paragraph)));
    Dataset<Row> inferred = shares(lda, features.join(earlier, sameUnit, "left_anti"));
    Dataset<Row> kept =
        features.join(earlier, sameUnit, "inner")
            .select(
                col(Columns.DOC_ID), col(Columns.TURN), col(Columns.PARAGRAPH), col(Columns.PERIOD), col(Columns.ROLE),
                col(Columns.ZONES), col(Columns.N_TERMS), col(Columns.TOPIC_DISTRIBUTION), col(Columns.TOP_TOPIC),
                col(Columns.TOP_SHARE));
    return inferred.unionByName(kept);
  }

  /** Each topic's {@code n} most probable terms, topics in order. */
  public static List<TopicTerms> describe(Model model, int n) {
    String[] vocabulary = model.vocabulary().vocabulary();
    List<TopicTerms> topics = new ArrayList<>();
    for (Row row : model.lda().describeTopics(n).orderBy(Columns.TOPIC).collectAsList()) {
      List<Integer> indices = row.getList(row.fieldIndex(TERM_INDICES));
      List<Double> weights = row.getList(row.fieldIndex(TERM_WEIGHTS));
      List<String> terms = new ArrayList<>();
      indices.forEach(i -> terms.add(vocabulary[i]));
      topics.add(new TopicTerms(row.getInt(row.fieldIndex(Columns.TOPIC)), terms, List.copyOf(weights)));
    }
    return topics;
  }

  /**
   * Unit frequencies of the topics' top {@code n} terms and of their pairs, over the modelled
   * units (features rows with terms): one accumulator per partition, merged on the driver.
   */
  public static TopicCoherence.Cooccurrences cooccurrences(Dataset<Row> features, List<TopicTerms> topics, int n) {
    Set<String> tracked = new TreeSet<>();
    topics.forEach(t -> tracked.addAll(t.terms().subList(0, Math.min(n, t.terms().size()))));
    List<String> terms = List.copyOf(tracked);
    MapPartitionsFunction<Row, TopicCoherence.Cooccurrences> count =
        rows -> {
          TopicCoherence.Cooccurrences counts = new TopicCoherence.Cooccurrences(terms);
          rows.forEachRemaining(r -> counts.addUnit(r.<String>getList(0)));
          return List.of(counts).iterator();
        };
    return features.select(Columns.TERMS)
        .mapPartitions(count, Encoders.javaSerialization(TopicCoherence.Cooccurrences.class))
        .reduce((ReduceFunction<TopicCoherence.Cooccurrences>) (a, b) -> a.merge(b));
  }

  /** NPMI and UMass coherence of each topic's top {@code n} terms. */
  public static Map<Integer, double[]> coherence(List<TopicTerms> topics, TopicCoherence.Cooccurrences counts, int n) {
    Map<Integer, double[]> coherence = new TreeMap<>();
    for (TopicTerms topic : topics) {
      List<String> top = topic.terms().subList(0, Math.min(n, topic.terms().size()));
      coherence.put(topic.topic(), new double[] {TopicCoherence.npmi(top, counts), TopicCoherence.umass(top, counts)});
    }
    return coherence;
  }

  /**
   * The topics table: per topic its top terms with weights, label, coherence and its mean share
   * over all modelled units.
   */
  public static Dataset<Row> topicsTable(
      SparkSession spark, List<TopicTerms> topics, Map<Integer, double[]> coherence, Map<Integer, Double> meanShares) {
    List<Row> rows = new ArrayList<>();
    for (TopicTerms topic : topics) {
      double[] c = coherence.get(topic.topic());
      for (int i = 0; i < topic.terms().size(); i++) {
        rows.add(
            RowFactory.create(
                topic.topic(), i + 1, topic.terms().get(i), topic.weights().get(i), topic.label(),
                RowValues.nullIfNaN(c[0]), RowValues.nullIfNaN(c[1]), meanShares.get(topic.topic())));
      }
    }
    return spark.createDataFrame(rows, Table.TOPICS.schema());
  }

  /** Mean share of each topic over all modelled units. */
  public static Map<Integer, Double> meanShares(Dataset<Row> shares) {
    Map<Integer, Double> means = new TreeMap<>();
    for (Row row :
        shares.select(posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}))
            .groupBy(Columns.TOPIC)
            .agg(org.apache.spark.sql.functions.avg(SHARE))
            .collectAsList()) {
      means.put(row.getInt(0), row.getDouble(1));
    }
    return means;
  }

  /**
   * topic_prevalence: the mean topic share of units over the corpus, per month, per zone, zone x
   * month, zone x role and zone x month x role, with 95% intervals from a bootstrap over
   * documents (seeded per group; every topic of a group uses the same resamples).
   *
   * @param labels topic number to label
   */
  public static Dataset<Row> prevalence(Dataset<Row> shares, Dataset<Row> labels, JobConfig.Topics settings) {
    Dataset<Row> perUnit =
        shares.select(
            col(Columns.DOC_ID), col(Columns.PERIOD), col(Columns.ROLE), col(Columns.ZONES),
            posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}));
    Dataset<Row> perZone = perUnit.withColumn(Columns.ZONE, explode(col(Columns.ZONES)));
    List<Dataset<Row>> levels = new ArrayList<>();
    levels.add(level(perUnit, settings));
    levels.add(level(perUnit.filter(col(Columns.PERIOD).isNotNull()), settings, Columns.PERIOD));
    levels.add(level(perZone, settings, Columns.ZONE));
    levels.add(level(perZone.filter(col(Columns.PERIOD).isNotNull()), settings, Columns.ZONE, Columns.PERIOD));
    levels.add(level(perZone.filter(col(Columns.ROLE).isNotNull()), settings, Columns.ZONE, Columns.ROLE));
    levels.add(
        level(
            perZone.filter(col(Columns.PERIOD).isNotNull().and(col(Columns.ROLE).isNotNull())),
            settings, Columns.ZONE, Columns.PERIOD, Columns.ROLE));
    Dataset<Row> all = levels.get(0);
    for (Dataset<Row> level : levels.subList(1, levels.size())) {
      all = all.unionByName(level);
    }
    return all.join(broadcast(labels), Columns.TOPIC);
  }

  private static Dataset<Row> level(Dataset<Row> rows, JobConfig.Topics settings, String... keys) {
    List<String> groupKeys = new ArrayList<>(List.of(keys));
    groupKeys.add(Columns.TOPIC);
    // The seed key leaves the topic out: all topics of a group draw the same documents.
    List<Column> keyParts = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      keyParts.add(List.of(keys).contains(key) ? coalesce(col(key), lit("")) : lit("-"));
    }
    ClusteredMeans.Spec spec =
        new ClusteredMeans.Spec(
            groupKeys, SHARE, Columns.N, Columns.MEAN_SHARE, Map.of(),
            concat_ws("|", keyParts.toArray(new Column[0])), settings.bootstrapResamples(), settings.seed());
    Dataset<Row> groups = ClusteredMeans.of(rows, spec);
    List<Column> out = new ArrayList<>();
    for (String key : List.of(Columns.ZONE, Columns.PERIOD, Columns.ROLE)) {
      out.add(List.of(keys).contains(key) ? col(key) : lit(null).cast(DataTypes.StringType).as(key));
    }
    for (String column : List.of(Columns.TOPIC, Columns.MEAN_SHARE, Columns.CI_LOW, Columns.CI_HIGH, Columns.N, Columns.N_DOCUMENTS)) {
      out.add(col(column));
    }
    return groups.select(out.toArray(new Column[0]));
  }

  /**
   * topic_prevalence_comparisons: for each configured comparison, per topic the mean share of the
   * target's units and of the reference's (or of all other units), and the difference with a 95%
   * interval from independent document bootstraps of the two sides.
   */
  public static Dataset<Row> comparisons(
      Dataset<Row> shares, List<TopicTerms> topics, List<JobConfig.KeynessComparison> comparisons, JobConfig.Topics settings) {
    SparkSession spark = shares.sparkSession();
    Dataset<Row> perDocument =
        shares.select(
                col(Columns.DOC_ID), col(Columns.ZONES),
                posexplode(col(Columns.TOPIC_DISTRIBUTION)).as(new String[] {Columns.TOPIC, SHARE}));
    List<Row> rows = new ArrayList<>();
    for (JobConfig.KeynessComparison comparison : comparisons) {
      Column inTarget = ZoneTagging.inAnyZone(comparison.target());
      Column inReference =
          comparison.reference().isEmpty() ? inTarget.unary_$bang() : ZoneTagging.inAnyZone(comparison.reference());
      Map<Integer, DocumentSums> target = documentSums(perDocument.filter(inTarget), topics.size());
      Map<Integer, DocumentSums> reference = documentSums(perDocument.filter(inReference), topics.size());
      long seed = settings.seed() ^ (comparison.targetLabel() + "|" + comparison.referenceLabel()).hashCode();
      for (TopicTerms topic : topics) {
        DocumentSums t = target.get(topic.topic());
        DocumentSums r = reference.get(topic.topic());
        DocumentBootstrap.Comparison c =
            DocumentBootstrap.compare(t.sums(), t.counts(), r.sums(), r.counts(), settings.bootstrapResamples(), seed);
        rows.add(
            RowFactory.create(
                comparison.targetLabel(), comparison.referenceLabel(), topic.topic(), topic.label(),
                c.nTarget(), c.nReference(), (long) c.documentsTarget(), (long) c.documentsReference(),
                RowValues.nullIfNaN(c.meanTarget()), RowValues.nullIfNaN(c.meanReference()),
                RowValues.nullIfNaN(c.meanDifference()), RowValues.nullIfNaN(c.difference().low()),
                RowValues.nullIfNaN(c.difference().high())));
      }
    }
    return spark.createDataFrame(rows, Table.TOPIC_PREVALENCE_COMPARISONS.schema());
  }

  /** Per topic, each document's sum of unit shares and its unit count, documents by id. */
  private record DocumentSums(double[] sums, long[] counts) {}

  private static Map<Integer, DocumentSums> documentSums(Dataset<Row> perUnitTopic, int k) {
    List<Row> rows =
        perUnitTopic.groupBy(Columns.TOPIC, Columns.DOC_ID)
            .agg(sum(SHARE), count(lit(1)))
            .orderBy(Columns.TOPIC, Columns.DOC_ID)
            .collectAsList();
    Map<Integer, List<Row>> byTopic = new LinkedHashMap<>();
    for (int topic = 0; topic < k; topic++) {
      byTopic.put(topic, new ArrayList<>());
    }
    rows.forEach(r -> byTopic.get(r.getInt(0)).add(r));
    Map<Integer, DocumentSums> sums = new LinkedHashMap<>();
    byTopic.forEach((topic, list) -> {
      double[] s = new double[list.size()];
      long[] c = new long[list.size()];
      for (int i = 0; i < list.size(); i++) {
        s[i] = list.get(i).getDouble(2);
        c[i] = list.get(i).getLong(3);
      }
      sums.put(topic, new DocumentSums(s, c));
    });
    return sums;
  }

  /** topic number, label: for joining labels onto prevalence rows. */
  public static Dataset<Row> labels(SparkSession spark, List<TopicTerms> topics) {
    List<Row> rows = new ArrayList<>();
    topics.forEach(t -> rows.add(RowFactory.create(t.topic(), t.label())));
    StructType schema =
        new StructType()
            .add(Columns.TOPIC, DataTypes.IntegerType, false)
            .add(Columns.LABEL, DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * topic_model_selection: for each k, a model fitted on the units of documents outside a seeded
   * held-out share, its log perplexity on the held-out documents' units (Spark's per-token bound,
   * lower is better) and on its own units, and the mean coherence of its topics.
   */
  public static Dataset<Row> modelSelection(
      Dataset<Row> features, CountVectorizerModel vocabulary, JobConfig.Topics settings) {
    // Held out by document: turns of one document share its topics, so holding out turns of seen
    // documents would flatter the model.
    Column heldOut =
        pmod(xxhash64(col(Columns.DOC_ID), lit(settings.seed())), lit(1_000_000L))
            .lt(lit(Math.round(settings.heldoutShare() * 1_000_000)));
    Dataset<Row> train = features.filter(heldOut.unary_$bang());
    Dataset<Row> test = features.filter(heldOut);
    long nTrain = train.count();
    long nTest = test.count();
    List<Row> rows = new ArrayList<>();
    for (int k : new TreeSet<>(settings.selectionK())) {
      long started = System.nanoTime();
      LocalLDAModel lda = fit(train, settings, k, nTrain);
      double seconds = (System.nanoTime() - started) / 1e9;
      Model model = new Model(vocabulary, lda);
      List<TopicTerms> topics = describe(model, settings.coherenceTerms());
      Map<Integer, double[]> coherence =
          coherence(topics, cooccurrences(train, topics, settings.coherenceTerms()), settings.coherenceTerms());
      double npmi = coherence.values().stream().mapToDouble(c -> c[0]).average().orElse(Double.NaN);
      double umass = coherence.values().stream().mapToDouble(c -> c[1]).average().orElse(Double.NaN);
      double heldOutPerplexity = nTest == 0 ? Double.NaN : lda.logPerplexity(test);
      rows.add(
          RowFactory.create(
              k, RowValues.nullIfNaN(heldOutPerplexity), RowValues.nullIfNaN(lda.logPerplexity(train)),
              nTest == 0 ? null : RowValues.nullIfNaN(lda.logLikelihood(test)),
              RowValues.nullIfNaN(npmi), RowValues.nullIfNaN(umass), nTrain, nTest, seconds));
    }
    return features.sparkSession().createDataFrame(rows, Table.TOPIC_MODEL_SELECTION.schema());
  }

  /**
   * A fingerprint of everything that shapes the model: the topic settings and the term settings
   * (lemmas, stopwords, multiword expressions). A saved model is reused only under the same one.
   */
  public static String fingerprint(JobConfig config, List<String> multiwordExpressions) {
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

  /** Loads a model saved by {@code SnapshotStore.stageModel} under a snapshot's models folder. */
  public static Model load(String modelsPath) {
    return new Model(
        CountVectorizerModel.load(modelsPath + "/" + VOCABULARY_MODEL),
        LocalLDAModel.load(modelsPath + "/" + LDA_MODEL));
  }

  /** Names of the saved model parts under a snapshot's models folder. */
  public static final String VOCABULARY_MODEL = "topic-vocabulary";

  public static final String LDA_MODEL = "topic-lda";
  public static final String MODEL_INFO = "topic-model.json";
}
