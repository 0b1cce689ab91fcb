/**
 * The table contract: every column name once ({@code Columns}), each table's schema and data
 * dictionary ({@code Table}), and null-safe row accessors. No I/O.
 */
package org.discourseatlas.schema;
