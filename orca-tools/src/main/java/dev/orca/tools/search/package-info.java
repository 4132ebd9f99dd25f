/**
 * Tool search: BM25 over names, servers and descriptions ({@link
 * dev.orca.tools.search.LuceneToolIndex}), semantic similarity from an in-process embedding model
 * ({@link dev.orca.tools.search.EmbeddingToolIndex}) and their fusion ({@link
 * dev.orca.tools.search.HybridToolSearch}), which always ranks an exact name match first.
 */
package dev.orca.tools.search;
