package org.discourseatlas.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.discourseatlas.pipeline.Pipeline;

/**
 * Counts the Spark jobs each stage of a run starts, by the job group the pipeline sets per stage
 * ({@link Pipeline#jobGroup}). Jobs outside any stage are counted under "(none)".
 */
public final class SparkJobsByStage extends SparkListener {
  private static final String GROUP_PROPERTY = "spark.jobGroup.id";
  private final Map<String, Integer> jobs = new TreeMap<>();

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    String group =
        jobStart.properties() == null ? null : jobStart.properties().getProperty(GROUP_PROPERTY);
    jobs.merge(group == null ? "(none)" : group, 1, Integer::sum);
  }

  /**
   * The jobs per stage name, once every event posted so far has reached the listener (the bus is
   * asynchronous).
   */
  public Map<String, Integer> byStage(SparkContext context) {
    try {
      context.listenerBus().waitUntilEmpty(TimeUnit.MINUTES.toMillis(1));
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in a minute", e);
    }
    Map<String, Integer> byStage = new TreeMap<>();
    String prefix = Pipeline.jobGroup("");
    synchronized (this) {
      jobs.forEach(
          (group, count) ->
              byStage.put(
                  group.startsWith(prefix) ? group.substring(prefix.length()) : group, count));
    }
    return byStage;
  }
}
