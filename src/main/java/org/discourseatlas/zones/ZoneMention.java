package org.discourseatlas.zones;

/**
 * A zone named in a text: the zone, the gazetteer alias that matched, the text as written, and its
 * character span [begin, end) in the text.
 */
public record ZoneMention(String zoneId, String alias, String match, int begin, int end) {}
