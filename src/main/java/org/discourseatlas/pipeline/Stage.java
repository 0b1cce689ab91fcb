package org.discourseatlas.pipeline;

import java.util.List;
import org.discourseatlas.schema.Table;

/**
 * One step of a run, in the manner of a Spark ML transformer over the run's named datasets: it
 * declares the datasets and columns it reads and adds, which the pipeline checks before and after
 * it runs (as {@code transformSchema} does, so a missing column fails at once, by name, before any
 * Spark job), and it reports what went in and came out for the stage log and the manifest.
 */
public interface Stage {
  /** The stage's label in the log and in the manifest's timings. */
  String name();

  /** What the stage reads; every dataset and column is checked before it runs. */
  List<Uses> reads();

  /** What the stage adds; checked after it runs. */
  List<Uses> adds();

  /** Whether the stage runs at all in this run (topic model selection only when configured). */
  default boolean appliesTo(RunState run) {
    return true;
  }

  /** Reads its inputs from {@code run}, adds its outputs to it, and says what it did. */
  Counts run(RunState run);

  /**
   * Runs once the tables the stage added are written (and {@code run} holds them as read back from
   * their files): what can only be counted or let go after its tables' one computation. Returns the
   * stage's counts, updated where it knows more now.
   */
  default Counts afterWritten(RunState run, Counts counts) {
    return counts;
  }

  /**
   * Why a table this stage added came out with no rows, when that means the analysis had too little
   * data (the manifest's {@code skipped} list); null when an empty table says nothing (no rejects)
   * or the stage already said why.
   */
  default String whyEmpty(RunState run, RunData table) {
    return null;
  }

  /** A dataset of the run and the columns of it a stage relies on. */
  record Uses(RunData data, List<String> columns) {
    public static Uses of(RunData data, String... columns) {
      return new Uses(data, List.of(columns));
    }

    /** The dataset with every column of its table: a table is added whole. */
    public static Uses table(RunData data) {
      return like(data, data.table());
    }

    /** A dataset between stages with every column of {@code table} (new turns are turns rows). */
    public static Uses like(RunData data, Table table) {
      return new Uses(data, List.of(table.schema().fieldNames()));
    }
  }

  /**
   * Records in and out of a stage, in the unit it counts ("documents", "rows"). A stage whose
   * output is tables names them ({@link #written}): the pipeline counts what it wrote (from the
   * files' footers) rather than the stage computing its tables once to count and again to write.
   */
  record Counts(long in, long out, String unit, List<RunData> outTables) {
    public Counts(long in, long out, String unit) {
      this(in, out, unit, List.of());
    }

    /** Out: the rows of {@code tables} as written. */
    public static Counts written(long in, String unit, RunData... tables) {
      return new Counts(in, 0, unit, List.of(tables));
    }
  }
}
