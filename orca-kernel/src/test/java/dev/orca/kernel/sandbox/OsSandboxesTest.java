package dev.orca.kernel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Detecting the OS sandbox once per host process, and still honouring the switch to turn it off.
 */
class OsSandboxesTest {

  @AfterEach
  void clear() {
    System.clearProperty(BubblewrapSandbox.DISABLE_PROPERTY);
  }

  @Test
  void detect_probesOnceAndStillHonoursTheOffSwitch() {
    OsSandbox first = OsSandboxes.detect();
    assumeTrue(first != OsSandbox.NONE, "needs a working bubblewrap");

    assertThat(OsSandboxes.detect()).isSameAs(first);

    System.setProperty(BubblewrapSandbox.DISABLE_PROPERTY, "none");
    assertThat(OsSandboxes.detect()).isSameAs(OsSandbox.NONE);

    System.clearProperty(BubblewrapSandbox.DISABLE_PROPERTY);
    assertThat(OsSandboxes.detect()).isSameAs(first);
  }
}
