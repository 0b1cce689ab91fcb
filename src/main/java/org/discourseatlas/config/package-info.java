/**
 * The job configuration: {@code JobConfig} (immutable records) and its loader from HOCON (Typesafe
 * Config), defaults in {@code reference.conf}; a bad value fails with its key. No Spark.
 */
package org.discourseatlas.config;
