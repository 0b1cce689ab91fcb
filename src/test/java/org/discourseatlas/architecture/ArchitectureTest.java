package org.discourseatlas.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/ARCHITECTURE.md, checked on the sources: the plain-Java packages import no
 * Spark and nothing of the Spark layer; every package says what it holds; no class outgrows a
 * reader (400 lines, the pipeline 200) and no package outgrows its name (15 files).
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/discourseatlas");

  /** Packages of plain Java: unit-tested without a SparkSession. */
  private static final Set<String> PLAIN_JAVA =
      Set.of(
          "config",
          "decode",
          "parse",
          "turns",
          "zones",
          "terms",
          "stats",
          "text",
          "nlp",
          "dictionary");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
  private static final Pattern OWN_PACKAGE = Pattern.compile("^org\\.discourseatlas\\.(\\w+)");
  private static final int MAX_CLASS_LINES = 400;
  private static final int MAX_PIPELINE_LINES = 200;
  private static final int MAX_PACKAGE_FILES = 15;

  private static Map<Path, String> sources;

  @BeforeAll
  static void readSources() throws IOException {
    sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(MAIN.relativize(file), Files.readString(file));
      }
    }
  }

  private static String topPackage(Path relative) {
    return relative.getName(0).toString();
  }

  @Test
  void plainJavaPackagesImportNoSparkNorTheSparkLayer() {
    List<String> violations = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          if (!PLAIN_JAVA.contains(topPackage(file))) {
            return;
          }
          Matcher imports = IMPORT.matcher(text);
          while (imports.find()) {
            String imported = imports.group(1);
            Matcher own = OWN_PACKAGE.matcher(imported);
            boolean spark =
                imported.startsWith("org.apache.spark") || imported.startsWith("scala.");
            boolean sparkLayer = own.find() && !PLAIN_JAVA.contains(own.group(1));
            if (spark || sparkLayer) {
              violations.add(file + " imports " + imported);
            }
          }
        });
    assertEquals(List.of(), violations);
  }

  /**
   * The plain-Java packages in layers: each may import only those listed (and itself), so the
   * kernels form no cycle (decode once imported parse for its reject types and a date parser).
   */
  private static final Map<String, Set<String>> PLAIN_JAVA_IMPORTS =
      Map.of(
          "text", Set.of(),
          "stats", Set.of("text"),
          "terms", Set.of("text"),
          "turns", Set.of("text"),
          "zones", Set.of("text"),
          "decode", Set.of("text"),
          "dictionary", Set.of("terms", "text"),
          "nlp", Set.of("dictionary", "terms", "text"),
          "parse", Set.of("decode", "turns", "text"),
          "config", Set.of("parse", "decode", "stats", "turns", "zones", "terms", "text"));

  @Test
  void plainJavaPackagesFormLayers() {
    List<String> violations = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          String own = topPackage(file);
          if (!PLAIN_JAVA.contains(own)) {
            return;
          }
          Matcher imports = IMPORT.matcher(text);
          while (imports.find()) {
            Matcher imported = OWN_PACKAGE.matcher(imports.group(1));
            if (imported.find()
                && !imported.group(1).equals(own)
                && !PLAIN_JAVA_IMPORTS.get(own).contains(imported.group(1))) {
              violations.add(file + " imports " + imports.group(1));
            }
          }
        });
    assertEquals(List.of(), violations);
  }

  @Test
  void everyPackageSaysWhatItHolds() {
    Set<Path> packages = new TreeSet<>();
    sources.keySet().forEach(file -> packages.add(file.getParent()));
    List<Path> without =
        packages.stream()
            .filter(p -> !sources.containsKey(p.resolve("package-info.java")))
            .toList();
    assertEquals(List.of(), without, "packages without a package-info.java");
  }

  @Test
  void classesAndPackagesStayReadable() {
    List<String> tooLong = new ArrayList<>();
    Map<Path, Integer> filesPerPackage = new TreeMap<>();
    sources.forEach(
        (file, text) -> {
          long lines = text.lines().count();
          int limit =
              file.endsWith("pipeline/Pipeline.java") ? MAX_PIPELINE_LINES : MAX_CLASS_LINES;
          if (lines > limit) {
            tooLong.add(file + ": " + lines + " lines > " + limit);
          }
          if (!file.endsWith("package-info.java")) {
            filesPerPackage.merge(file.getParent(), 1, Integer::sum);
          }
        });
    assertEquals(List.of(), tooLong);
    filesPerPackage.forEach(
        (pkg, n) ->
            assertTrue(
                n <= MAX_PACKAGE_FILES, pkg + " holds " + n + " files > " + MAX_PACKAGE_FILES));
  }

  @Test
  void noBenchmarkCodeInMain() {
    List<Path> bench =
        sources.keySet().stream().filter(f -> f.toString().contains("bench")).toList();
    assertEquals(
        List.of(), bench, "benchmark classes belong under src/test (jobs/benchmark.sh runs them)");
  }
}
