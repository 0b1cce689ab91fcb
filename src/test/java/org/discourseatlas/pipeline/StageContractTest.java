package org.discourseatlas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discourseatlas.schema.Columns;
import org.discourseatlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stage contract: declared reads are met by earlier adds, and checks fail by name. */
@ExtendWith(SharedSpark.class)
class StageContractTest {

  /**
   * Walks the stage list as the pipeline runs it: every dataset a stage reads was added by an
   * earlier stage with at least the columns the reader relies on. This is the contract as declared,
   * checked without running anything.
   */
  @Test
  void everyReadIsAddedByAnEarlierStage() {
    Map<RunData, Set<String>> added = new EnumMap<>(RunData.class);
    List<String> unmet = new ArrayList<>();
    for (Stage stage : Pipeline.stages()) {
      for (Stage.Uses read : stage.reads()) {
        Set<String> columns = added.get(read.data());
        if (columns == null) {
          unmet.add(stage.name() + " reads " + read.data() + ", added by no earlier stage");
        } else if (!columns.containsAll(read.columns())) {
          Set<String> missing = new HashSet<>(read.columns());
          missing.removeAll(columns);
          unmet.add(
              stage.name() + " reads " + read.data() + " columns " + missing + " not declared");
        }
      }
      stage
          .adds()
          .forEach(
              add -> added.computeIfAbsent(add.data(), d -> new HashSet<>()).addAll(add.columns()));
    }
    assertEquals(List.of(), unmet);
  }

  @Test
  void everyTableIsAddedByAStage() {
    Set<RunData> added = new HashSet<>();
    Pipeline.stages().forEach(stage -> stage.adds().forEach(add -> added.add(add.data())));
    for (RunData data : RunData.values()) {
      if (data.table() != null) {
        assertTrue(added.contains(data), data + " is a table no stage declares it adds");
      }
    }
  }

  @Test
  void aMissingColumnFailsByStageDatasetAndColumn(SparkSession spark) {
    StructType schema = new StructType().add(Columns.DOC_ID, DataTypes.StringType, false);
    List<Row> rows = List.of(RowFactory.create("d1"));
    RunState run = new RunState(spark, null, null, "run", null, null, null, List.of(), null, null);
    run.put(RunData.NEW_TURNS, spark.createDataFrame(rows, schema));

    IllegalStateException lacking =
        assertThrows(
            IllegalStateException.class,
            () ->
                run.check(
                    "turns",
                    "reads",
                    List.of(Stage.Uses.of(RunData.NEW_TURNS, Columns.DOC_ID, Columns.TEXT))));
    assertTrue(
        lacking.getMessage().contains("stage turns reads NEW_TURNS with columns [text]"),
        lacking.getMessage());

    IllegalStateException absent =
        assertThrows(
            IllegalStateException.class,
            () -> run.check("keyness", "reads", List.of(Stage.Uses.of(RunData.LEXICAL_UNITS))));
    assertTrue(
        absent.getMessage().contains("stage keyness reads LEXICAL_UNITS, which no stage added"));

    run.check("turns", "reads", List.of(Stage.Uses.of(RunData.NEW_TURNS, Columns.DOC_ID)));
  }

  @Test
  void aFactIsReportedOnce(SparkSession spark) {
    RunState run = new RunState(spark, null, null, "run", null, null, null, List.of(), null, null);
    record Seen(long n) {}
    run.report(new Seen(1));
    assertEquals(1, run.fact(Seen.class).n());
    assertThrows(IllegalStateException.class, () -> run.report(new Seen(2)));
  }
}
