/** Implementation of the history database: schema migrations. Not an API. */
package dev.orca.core.history.internal;
