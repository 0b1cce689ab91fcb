/**
 * Statistics users cite, no Spark, each with its formula and source: keyness (G2, chi2, PMI,
 * log-odds z), topic coherence (NPMI, UMass) and the document bootstrap for intervals.
 */
package org.discourseatlas.stats;
