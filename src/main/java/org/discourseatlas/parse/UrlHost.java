package org.discourseatlas.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The host of a URL, lowercased without "www.", or null when there is none. */
final class UrlHost {
  private UrlHost() {}

  static String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = new URI(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
