/**
 * Conditions on features (OGC API - Features Part 3): CQL2 text and JSON parsed into one small
 * condition tree, which the store turns into SQL and {@code FeatureMatch} tests in memory, and the
 * queryables of each collection.
 */
package nl.veiligheidskaart.service.query;
