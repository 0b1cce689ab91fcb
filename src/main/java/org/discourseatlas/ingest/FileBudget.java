package org.discourseatlas.ingest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one input's work (read, decode, parse; or finish one record) under a time budget, on a
 * worker thread, so that a runaway parse or regex becomes that input's reject instead of a task
 * that never ends, and any error it throws (a StackOverflowError too) becomes its reject instead of
 * a failed job.
 *
 * <p>Workers come from one cached pool per JVM: a thread is reused once its input is done, so the
 * cost is a hand-over, not a thread per input; Spark's concurrent tasks each get their own worker.
 * At the deadline the worker is interrupted ({@link Future#cancel}). The parser's loops check the
 * interrupt and stop; code that does not check it (a regex in the middle of a match) runs on as a
 * daemon thread until it ends, while the task has already moved on (see decision 0018).
 */
public final class FileBudget {
  private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();

  private static final ThreadFactory DAEMON_WORKERS =
      work -> {
        Thread thread = new Thread(work, "ingest-worker-" + WORKER_NUMBER.incrementAndGet());
        thread.setDaemon(true); // an abandoned worker must not keep the JVM alive
        return thread;
      };

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(DAEMON_WORKERS);

  private FileBudget() {}

  /**
   * The work's result; {@code onTimeout}'s if it runs longer than {@code budget}; {@code
   * onFailure}'s (given the error) if it throws anything, errors included.
   */
  public static <T> T run(
      Callable<T> work, Duration budget, Supplier<T> onTimeout, Function<Throwable, T> onFailure) {
    Future<T> future = WORKERS.submit(work);
    try {
      return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return onTimeout.get();
    } catch (ExecutionException e) {
      return onFailure.apply(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      // Spark is killing the task: stop the worker and let the interrupt through.
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading an input", e);
    }
  }
}
