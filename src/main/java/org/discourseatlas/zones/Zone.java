package org.discourseatlas.zones;

import java.io.Serializable;
import java.util.List;

/**
 * A conflict zone of the gazetteer: id, display name, aliases, parent (country/region),
 * coordinates.
 */
public record Zone(
    String id, String name, List<String> aliases, String parent, double latitude, double longitude)
    implements Serializable {}
