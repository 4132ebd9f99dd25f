/** Implementation of the tool registry and naming helpers; not a public API. */
package dev.orca.tools.internal;
