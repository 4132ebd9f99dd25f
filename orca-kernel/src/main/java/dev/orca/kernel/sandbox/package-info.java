/** The OS layer of the kernel sandbox: process isolation around the child JVM. */
package dev.orca.kernel.sandbox;
