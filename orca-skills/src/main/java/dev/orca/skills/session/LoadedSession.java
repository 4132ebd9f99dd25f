package dev.orca.skills.session;

import dev.orca.kernel.KernelSnapshot;
import java.util.Objects;
import java.util.Optional;

/**
 * A session read back from disk.
 *
 * @param manifest its manifest
 * @param snapshot the kernel state to restore
 * @param interrupted the cell that was running when it stopped, if one was
 */
public record LoadedSession(
    SessionManifest manifest, KernelSnapshot snapshot, Optional<RunningCell> interrupted) {
  /** Validates. */
  public LoadedSession {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(interrupted, "interrupted");
  }
}
