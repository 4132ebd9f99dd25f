/**
 * The in-kernel sandbox layer: bytecode checks on every class kernel code defines.
 *
 * <p>{@link dev.orca.kernelagent.policy.PolicyClassGuard} reads each snippet class with ASM and
 * walks every reference it makes (supertypes, signatures, annotations, descriptors, instructions,
 * invokedynamic bootstraps and their arguments, constant method handles). References must be on an
 * allowlist of packages, classes and members; anything else refuses the class before it is loaded,
 * with a message a model can act on. Call sites that need a runtime decision (file paths, thread
 * starts, file writes, system properties, reflective calls) are rewritten to go through the guards
 * of {@code dev.orca.kernelagent.guard}. SECURITY.md at the repository root describes the policy.
 */
package dev.orca.kernelagent.policy;
