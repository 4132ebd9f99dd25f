/** Implementation of saved sessions: crash-safe file handling. Not an API. */
package dev.orca.skills.session.internal;
