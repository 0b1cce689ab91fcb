/**
 * The entry point: {@code DiscourseAtlasJob} parses the command line (picocli) into options, loads
 * the config, starts the SparkSession and hands both to the pipeline; exit codes live here.
 */
package org.discourseatlas.job;
