/**
 * Pieces every host module shares: the error hierarchy ({@link dev.orca.core.OrcaException}), the
 * Orca home layout ({@link dev.orca.core.OrcaHome}) and configuration.
 */
package dev.orca.core;
