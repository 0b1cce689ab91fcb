package org.discourseatlas.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one hash of the project: the first 128 bits of SHA-256 as 32 hex digits. Document ids, input
 * content hashes and settings fingerprints all use it, so they are comparable in kind and
 * collisions are out of reach for any corpus while ids stay readable.
 */
public final class Sha256Hex {
  private static final int KEPT_BYTES = 16;

  private Sha256Hex() {}

  /** The 128-bit hex digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, KEPT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The 128-bit hex digest of {@code text}'s UTF-8 bytes. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }
}
