package dev.orca.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracting the kernel agent from the shaded jar. */
class KernelClasspathTest {
  @TempDir Path tmp;

  private Path fatJar() throws IOException {
    Path fat = tmp.resolve("orca-all.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(fat))) {
      for (String name :
          List.of(
              "dev/orca/kernelagent/KernelMain.class",
              "dev/orca/kernelagent/api/Orca.class",
              "META-INF/orca/kernel-classpath.txt",
              "dev/orca/cli/OrcaMain.class",
              "com/fasterxml/jackson/databind/ObjectMapper.class")) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return fat;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names =
          new ArrayList<>(
              Collections.list(file.entries()).stream().map(JarEntry::getName).toList());
      names.sort(null);
      return names;
    }
  }

  @Test
  void extractAgent_writesAJarWithOnlyTheAgentOnceAndKeepsIt() throws IOException {
    Path fat = fatJar();
    Path dir = Files.createDirectories(tmp.resolve("t"));

    Path jar = KernelClasspath.extractAgent(fat, dir);
    assertThat(jar).isRegularFile().hasParent(dir);
    assertThat(entries(jar))
        .containsExactly(
            "META-INF/orca/kernel-classpath.txt",
            "dev/orca/kernelagent/KernelMain.class",
            "dev/orca/kernelagent/api/Orca.class");

    // The same jar, untouched (class-data sharing archives are keyed by its size and time).
    long time = Files.getLastModifiedTime(jar).toMillis();
    assertThat(KernelClasspath.extractAgent(fat, dir)).isEqualTo(jar);
    assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(time);
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(jar);
    }
  }

  @Test
  void extractAgent_doesNotTrustALinkPlantedAtTheSharedName() throws IOException {
    Path fat = fatJar();
    Path dir = Files.createDirectories(tmp.resolve("t"));
    Path expected = KernelClasspath.extractAgent(fat, Files.createDirectories(tmp.resolve("u")));
    Path planted = dir.resolve(expected.getFileName());
    Path evil = Files.writeString(tmp.resolve("evil.jar"), "not the agent");
    Files.createSymbolicLink(planted, evil);

    Path jar = KernelClasspath.extractAgent(fat, dir);
    assertThat(jar).isNotEqualTo(planted).isRegularFile();
    assertThat(entries(jar)).contains("dev/orca/kernelagent/KernelMain.class");
  }
}
