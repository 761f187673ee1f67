/**
 * Tables on Tablesaw, for every notebook: {@link dltheory.table.Tables} turns lists of records into
 * tables with headers in the notebook's notation and columns whose decimals line up
 * ({@link dltheory.table.ColumnFormat}); a result record of a topic exposes its own
 * {@code table()}.
 */
package dltheory.table;
