/**
 * Skills everywhere at once: loading into kernels, registering for search and as sub-agents,
 * answering the self-evolution built-ins on the kernel bridge ({@link
 * dev.orca.skills.runtime.SkillRuntime}).
 */
package dev.orca.skills.runtime;
