package dev.orca.skills.store;

/** What a skill is. */
public enum SkillKind {
  /** A learned Java function, loaded into the kernel as a top-level method. */
  FUNCTION,
  /** A learned sub-agent ({@code learned_skills/agents/<name>/}). */
  AGENT
}
