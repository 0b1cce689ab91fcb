package org.discourseatlas.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The labelled diplomatic sentences ({@code sentiment/diplomatic/diplomatic-sentences.tsv}): where
 * each sentence is in the UN General Debate corpus (file, code-point offsets) and its label. The
 * corpus text is never in the project: {@link #texts} reads the spans from an unpacked corpus and
 * checks each against its hash. {@link #heldOut} is the document split of decision 0023.
 */
public final class DiplomaticLabels {
  public static final String RESOURCE = "/sentiment/diplomatic/diplomatic-sentences.tsv";
  public static final List<String> LABELS = List.of("negative", "neutral", "positive");

  /** Out of 100: a speech file whose hash bucket is below this is held out (20%). */
  static final int HELD_OUT_PERCENT = 20;

  /** One labelled row: second label empty where the sentence was labelled once. */
  public record Row(
      String id,
      String file,
      int begin,
      int end,
      String textSha256,
      String label,
      String secondLabel,
      String rule) {}

  private DiplomaticLabels() {}

  /** The TSV shipped in the jar, as bytes (its SHA-256 is recorded in the model). */
  public static byte[] tsvBytes() {
    try (InputStream in = DiplomaticLabels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the shipped TSV, in file order. */
  public static List<Row> rows() {
    return parse(new String(tsvBytes(), StandardCharsets.UTF_8));
  }

  static List<Row> parse(String tsv) {
    List<Row> rows = new ArrayList<>();
    String[] lines = tsv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] c = lines[i].split("\t", -1);
      if (c.length != 8) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + c.length + " columns, not 8");
      }
      rows.add(
          new Row(
              c[0],
              c[1],
              Integer.parseInt(c[2]),
              Integer.parseInt(c[3]),
              c[4],
              c[5],
              c[6],
              c[7].strip()));
    }
    return rows;
  }

  /**
   * Whether a speech file is held out: the first byte of SHA-256 of its path (as in the TSV, UTF-8)
   * modulo 100 below {@link #HELD_OUT_PERCENT}. By document, so no speech is on both sides.
   */
  public static boolean heldOut(String file) {
    byte[] digest = sha256(file.getBytes(StandardCharsets.UTF_8));
    long bucket =
        ((digest[0] & 0xffL) << 24
                | (digest[1] & 0xffL) << 16
                | (digest[2] & 0xffL) << 8
                | (digest[3] & 0xffL))
            % 100;
    return bucket < HELD_OUT_PERCENT;
  }

  /**
   * Each row's sentence read from the unpacked corpus folder ({@code un-general-debate/}): the file
   * decoded as UTF-8 with malformed bytes replaced, the span between the code-point offsets,
   * whitespace runs collapsed to one space and trimmed; its SHA-256 must equal the row's.
   *
   * @throws IllegalStateException naming the first row whose text does not match
   */
  public static List<String> texts(List<Row> rows, Path corpus) {
    return texts(rows, file -> read(corpus.resolve(file)));
  }

  /**
   * As {@link #texts(List, Path)}, with each speech's text from {@code speech} (its path as in the
   * TSV to its text, as {@link #decode} gives it), asked once per file.
   */
  public static List<String> texts(List<Row> rows, Function<String, String> speech) {
    Map<String, String> files = new HashMap<>();
    List<String> texts = new ArrayList<>(rows.size());
    for (Row row : rows) {
      String text = files.computeIfAbsent(row.file(), speech);
      String span =
          text.substring(
              text.offsetByCodePoints(0, row.begin()), text.offsetByCodePoints(0, row.end()));
      String sentence = span.replaceAll("\\s+", " ").strip();
      String hash = HexFormat.of().formatHex(sha256(sentence.getBytes(StandardCharsets.UTF_8)));
      if (!hash.equals(row.textSha256())) {
        throw new IllegalStateException(
            row.id()
                + ": the text at "
                + row.file()
                + " "
                + row.begin()
                + ".."
                + row.end()
                + " does not match its SHA-256 (another version of the corpus?)");
      }
      texts.add(sentence);
    }
    return texts;
  }

  private static String read(Path file) {
    try {
      return decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A speech file's bytes as UTF-8, malformed bytes replaced (the offsets count this text). */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
