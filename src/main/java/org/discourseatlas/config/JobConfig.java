package org.discourseatlas.config;

import java.io.Serializable;
import java.util.List;
import org.discourseatlas.text.ParserSettings;

/**
 * The job's configuration, validated and immutable: what {@code reference.conf} and the user's
 * {@code --config} file say, under {@code discourse-atlas}.
 *
 * @param parser ingestion settings ({@code ingest.*})
 * @param gazetteerPath the user's gazetteer file, or null for the shipped default ({@code zones.gazetteer})
 * @param zoneWindow sentences a zone carries forward within a turn ({@code zones.window})
 * @param minTermLength shortest counted term ({@code terms.min-term-length})
 * @param extraStopwords stopwords added to the default list ({@code terms.extra-stopwords})
 * @param rendered the merged configuration as HOCON, for the run manifest
 */
public record JobConfig(
    ParserSettings parser,
    String gazetteerPath,
    int zoneWindow,
    int minTermLength,
    List<String> extraStopwords,
    String rendered)
    implements Serializable {}
