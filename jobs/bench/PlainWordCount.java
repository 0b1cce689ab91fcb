import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The floor the lexical stages are measured against: one pass over the same files, reading and
 * counting lowercased words (runs of letters), single thread, no Spark. Run as a source file:
 * {@code java jobs/bench/PlainWordCount.java <folder>}.
 */
public final class PlainWordCount {
  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    Map<String, Integer> counts = new HashMap<>();
    long bytes = 0;
    long words = 0;
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      bytes += text.length();
      int i = 0;
      int n = text.length();
      while (i < n) {
        while (i < n && !Character.isLetter(text.charAt(i))) {
          i++;
        }
        int begin = i;
        while (i < n && Character.isLetter(text.charAt(i))) {
          i++;
        }
        if (i > begin) {
          counts.merge(text.substring(begin, i).toLowerCase(), 1, Integer::sum);
          words++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "plain word count: %d files, %.1f MB, %d words, %d types in %.1f s (%.1f MB/s)%n",
        files.size(), bytes / 1e6, words, counts.size(), seconds, bytes / 1e6 / seconds);
  }
}
