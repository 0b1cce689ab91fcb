package org.discourseatlas.job;

import java.io.File;
import java.util.List;

/**
 * What the command line says: inputs (files, folders, globs on any Hadoop file system), the output
 * root, the user's HOCON config (null: defaults only) and the snapshot month (YYYY-MM).
 */
public record JobOptions(List<String> inputs, String output, File config, String snapshot) {}
