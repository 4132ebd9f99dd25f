/** Analysis, caching and rank fusion behind the tool search; not a public API. */
package dev.orca.tools.search.internal;
