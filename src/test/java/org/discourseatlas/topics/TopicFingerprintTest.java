package org.discourseatlas.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.discourseatlas.config.JobConfig;
import org.discourseatlas.config.JobConfigLoader;
import org.junit.jupiter.api.Test;

class TopicFingerprintTest {
  @Test
  void theFingerprintChangesWithWhatShapesTheModelOnly() {
    JobConfig config = JobConfigLoader.defaults();
    String base = TopicFingerprint.of(config, List.of("eastern aleppo"));
    assertEquals(base, TopicFingerprint.of(config, List.of("eastern aleppo")));
    assertNotEquals(base, TopicFingerprint.of(config, List.of("eastern aleppo", "old city")));
    JobConfig.Topics t = config.topics();
    JobConfig otherK =
        new JobConfig(
            config.parser(),
            config.repeatedLines(),
            config.nearDuplicates(),
            config.maxSecondsPerFile(),
            config.gazetteerPath(),
            config.zoneWindow(),
            config.minTermLength(),
            config.extraStopwords(),
            config.lexical(),
            config.sentiment(),
            new JobConfig.Topics(
                t.enabled(),
                t.unit(),
                t.extraStopwords(),
                t.minUnitTerms(),
                t.k() + 1,
                t.optimizer(),
                t.maxIterations(),
                t.seed(),
                t.miniBatchFraction(),
                t.docConcentration(),
                t.topicConcentration(),
                t.learningOffset(),
                t.learningDecay(),
                t.partitions(),
                t.vocabularySize(),
                t.minDocFreq(),
                t.maxDocShare(),
                t.topTerms(),
                t.coherenceTerms(),
                t.bootstrapResamples(),
                t.comparisons(),
                t.selectionK(),
                t.heldoutShare(),
                t.reuseModel()),
            config.frames(),
            config.actors(),
            config.rendered());
    assertNotEquals(base, TopicFingerprint.of(otherK, List.of("eastern aleppo")));
  }
}
