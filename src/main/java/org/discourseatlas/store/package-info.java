/**
 * The only writer: run folders under each snapshot, the manifest whose rename publishes a run
 * ({@code SnapshotStore}), and how readers find a month's current run ({@code Snapshots}).
 */
package org.discourseatlas.store;
