package dev.orca.kernel.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Wraps the child JVM's command line in OS isolation (e.g. bubblewrap's namespaces) where the OS
 * offers it.
 */
public interface OsSandbox {

  /** Whether this sandbox can be used on this machine (the tool exists and works). */
  boolean available();

  /** A short human description for {@code orca doctor}, e.g. "bubblewrap 0.8.0: net, pid, ipc". */
  String describe();

  /**
   * Wraps a command.
   *
   * @param javaCommand the child JVM's full command line (java executable first)
   * @param workspace the directory to expose read-write (also the working directory)
   * @param readOnlyPaths paths the child needs to read (the JDK, classpath entries)
   * @return the command line to start instead
   */
  List<String> wrap(List<String> javaCommand, Path workspace, List<Path> readOnlyPaths);

  /** No OS isolation: the command runs as it is. */
  OsSandbox NONE =
      new OsSandbox() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public String describe() {
          return "none";
        }

        @Override
        public List<String> wrap(List<String> javaCommand, Path workspace, List<Path> paths) {
          return javaCommand;
        }
      };
}
