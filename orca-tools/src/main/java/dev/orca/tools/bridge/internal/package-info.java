/** Argument validation behind the bridge handlers; not a public API. */
package dev.orca.tools.bridge.internal;
