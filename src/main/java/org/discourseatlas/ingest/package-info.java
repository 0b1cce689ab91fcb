/**
 * Spark: inputs listed on the driver and read on the executors, records parsed into documents and
 * rejects, boilerplate learned per source, exact and near (MinHash LSH) duplicates.
 */
package org.discourseatlas.ingest;
