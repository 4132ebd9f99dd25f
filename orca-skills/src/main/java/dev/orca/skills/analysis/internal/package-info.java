/** Implementation of the self-analysis: cell normalization with javaparser. Not an API. */
package dev.orca.skills.analysis.internal;
