package org.discourseatlas.pipeline;

import java.io.File;
import java.util.List;

/**
 * What the command line says: inputs (files, folders, globs on any Hadoop file system), the output
 * root, the user's HOCON config (null: defaults only), the snapshot month (YYYY-MM), whether to fit
 * a new topic model even where the latest one could be reused, and whether to recompute every
 * document instead of building on the latest earlier snapshot (a refresh).
 */
public record JobOptions(
    List<String> inputs,
    String output,
    File config,
    String snapshot,
    boolean refitTopics,
    boolean full) {}
