package org.discourseatlas.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A default local run (README command 1, {@code jobs/run.sh}, with no SPARK_LOCAL_IP of the
 * caller's) listens on no address outside 127.0.0.0/8: the job's JVM's listening sockets are read
 * from /proc while it runs (its socket inodes from /proc/PID/fd, their addresses from /proc/net/tcp
 * and tcp6). No traffic is sent anywhere.
 */
class LoopbackOnlyIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String LISTEN = "0A";
  private static final String BRIEFING =
      """
      Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, October 14, 2016

      Sergey Lavrov: The situation in eastern Aleppo remains very difficult. Humanitarian \
      corridors have been opened for civilians who wish to leave the city.

      Question: When will the convoys reach Aleppo?

      Sergey Lavrov: Humanitarian convoys must be able to reach the people of Aleppo without \
      delay, and we are working with the United Nations on it.
      """;

  @TempDir Path work;

  @Test
  void aDefaultLocalRunListensOnLoopbackOnly() throws Exception {
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("briefing.txt"), BRIEFING);
    Path log = work.resolve("run.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "jobs/run.sh",
                "--input",
                input.toString(),
                "--output",
                work.resolve("out").toString())
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // What a user's shell has: failsafe sets SPARK_LOCAL_IP for the cluster test; not here.
    builder.environment().remove("SPARK_LOCAL_IP");
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("ATLAS_DRIVER_MEMORY", "1g");
    Process run = builder.start();
    Map<String, String> listening = new TreeMap<>();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (run.isAlive() && System.nanoTime() < deadline) {
        listening.putAll(listeningSockets(run.toHandle()));
        Thread.sleep(100);
      }
      assertTrue(run.waitFor(1, TimeUnit.SECONDS), "the run did not end in 10 minutes");
    } finally {
      run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
    }
    String output = Files.readString(log);
    assertEquals(0, run.exitValue(), output);
    assertFalse(listening.isEmpty(), "no listening socket seen at all:\n" + output);
    for (var socket : listening.entrySet()) {
      assertTrue(
          socket.getValue().startsWith("127.") || socket.getValue().equals("::1"),
          "listening beyond loopback: " + socket + " (all: " + listening + ")");
    }
    // The driver's RPC server, its block manager and the UI (Spark's INFO lines are not logged).
    assertTrue(listening.size() >= 3, "the driver's servers, the UI: " + listening);
  }

  /** Listening TCP sockets of a process tree: inode -> local address. */
  private static Map<String, String> listeningSockets(ProcessHandle root) throws IOException {
    Set<String> inodes = new TreeSet<>();
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(root);
    for (ProcessHandle process : tree) {
      Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
      try (Stream<Path> links = Files.list(fds)) {
        for (Path fd : links.toList()) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              inodes.add(target.substring(8, target.length() - 1));
            }
          } catch (IOException closedMeanwhile) {
            // a descriptor closed between the listing and the read
          }
        }
      } catch (IOException ended) {
        // the process ended between the listing and the read
      }
    }
    Map<String, String> found = new TreeMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
          found.put(fields[9], address(fields[1].split(":")[0]) + ":" + port(fields[1]));
        }
      }
    }
    return found;
  }

  private static int port(String localAddress) {
    return Integer.parseInt(localAddress.split(":")[1], 16);
  }

  /**
   * An address of /proc/net/tcp{,6}: hex, each 32-bit word in the host's (little-endian) order.
   * IPv4-mapped IPv6 addresses are given as IPv4; any other IPv6 address in full.
   */
  static String address(String hex) {
    if (hex.length() == 8) {
      return ipv4(hex);
    }
    String[] words = new String[4];
    for (int i = 0; i < 4; i++) {
      words[i] = hex.substring(8 * i, 8 * i + 8);
    }
    if (words[0].equals("00000000") && words[1].equals("00000000")) {
      if (words[2].equals("FFFF0000")) {
        return ipv4(words[3]);
      }
      if (words[2].equals("00000000") && words[3].equals("01000000")) {
        return "::1";
      }
    }
    StringBuilder full = new StringBuilder();
    for (String word : words) {
      full.append(ipv4(word)).append('|');
    }
    return "ipv6 " + full;
  }

  private static String ipv4(String word) {
    int value = (int) Long.parseLong(word, 16);
    return (value & 0xff)
        + "."
        + ((value >> 8) & 0xff)
        + "."
        + ((value >> 16) & 0xff)
        + "."
        + ((value >>> 24) & 0xff);
  }
}
