package dev.orca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path dir;

  @Test
  void deletesATreeButNotWhatItsLinksPointAt() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.writeString(tree.resolve("f.txt"), "x");
    Files.createSymbolicLink(dir.resolve("tree/link"), outside);

    FileTrees.delete(dir.resolve("tree"));

    assertThat(dir.resolve("tree")).doesNotExist();
    assertThat(outside).hasContent("keep");
    FileTrees.delete(dir.resolve("tree")); // missing is fine
  }

  @Test
  void deleteQuietlySaysWhetherAnythingIsLeft() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("t/sub"));
    Files.writeString(tree.resolve("f"), "x");
    assertThat(FileTrees.deleteQuietly(dir.resolve("t"))).isTrue();
    assertThat(FileTrees.deleteQuietly(dir.resolve("never"))).isTrue();
  }
}
