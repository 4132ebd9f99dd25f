package dev.orca.skills.session;

import dev.orca.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a loaded session's learned functions and agents back at their recorded versions. The
 * skills runtime implements it (load the function sources into the kernel, register the agents);
 * the session code only hands over the references and reports what the activator said.
 */
@FunctionalInterface
public interface SkillActivator {

  /**
   * Reports the references without touching the kernel: for hosts that load every deployed skill at
   * kernel start anyway.
   */
  SkillActivator REPORT_ONLY =
      (refs, kernel) -> {
        List<String> notes = new ArrayList<>();
        for (SkillReference r : refs) {
          notes.add(
              r.kind()
                  + " "
                  + r.name()
                  + " (saved at version "
                  + r.version()
                  + "): the deployed version is the one loaded");
        }
        return notes;
      };

  /**
   * Activates the references in a kernel.
   *
   * @param references the skills the session used
   * @param kernel the kernel the session was loaded into
   * @return one note per reference (what was loaded, or why not)
   */
  List<String> activate(List<SkillReference> references, Kernel kernel);
}
