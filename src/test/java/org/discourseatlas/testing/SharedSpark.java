package org.discourseatlas.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession for the whole test JVM (Spark's SharedSparkSession pattern): built on
 * first use, injected as a test or constructor parameter, stopped by Spark's shutdown hook.
 */
public final class SharedSpark implements ParameterResolver {
  private static volatile SparkSession session;

  public static SparkSession session() {
    SparkSession local = session;
    if (local == null) {
      synchronized (SharedSpark.class) {
        local = session;
        if (local == null) {
          local =
              SparkSession.builder()
                  .master("local[2]")
                  .appName("discourse-atlas-tests")
                  .config("spark.ui.enabled", "false")
                  .config("spark.ui.showConsoleProgress", "false")
                  .config("spark.sql.shuffle.partitions", "4")
                  .config("spark.sql.session.timeZone", "UTC")
                  .config("spark.sql.maxPlanStringLength", "200000")
                  .config("spark.driver.bindAddress", "127.0.0.1")
                  .config("spark.driver.host", "127.0.0.1")
                  .getOrCreate();
          session = local;
        }
      }
    }
    return local;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }
}
