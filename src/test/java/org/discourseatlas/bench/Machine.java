package org.discourseatlas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The machine a benchmark ran on, as far as the JVM and /proc tell it. */
final class Machine {
  private Machine() {}

  static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  static Map<String, String> describe() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("CPU", firstValue("/proc/cpuinfo", "model name").orElse("unknown"));
    machine.put(
        "cores seen by the JVM", String.valueOf(Runtime.getRuntime().availableProcessors()));
    machine.put(
        "memory",
        firstValue("/proc/meminfo", "MemTotal")
            .map(
                kb ->
                    String.format(
                        Locale.ROOT,
                        "%.1f GiB",
                        Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1048576.0))
            .orElse("unknown"));
    machine.put(
        "OS",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    machine.put(
        "Java",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    return machine;
  }

  private static Optional<String> firstValue(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return Optional.of(line.substring(colon + 1).trim());
        }
      }
    } catch (IOException e) {
      // Not Linux: the figure reads "unknown".
    }
    return Optional.empty();
  }
}
