package dev.orca.kernelagent.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class InspectorTest {
  record Person(String name, int age) {}

  @Test
  void inspect_describesAHugeListWithinTheBound() {
    List<Integer> big = IntStream.range(0, 1_000_000).boxed().collect(Collectors.toList());
    String text = Inspector.inspect(big);
    assertThat(text)
        .contains("size: 1000000", "Integer", "[0, 1, 2")
        .hasSizeLessThan(Inspector.MAX_CHARS + 1);
    assertThat(Inspector.summary(big)).hasSizeLessThanOrEqualTo(Inspector.SUMMARY_CHARS);
  }

  @Test
  void inspect_describesTablesByShapeColumnsAndHead() {
    Table t = Table.create("t", IntColumn.create("id", IntStream.range(0, 1_000_000).toArray()));
    String text = Inspector.inspect(t);
    assertThat(text).contains("1000000 rows x 1 columns", "id (INTEGER)", "head:");
    assertThat(text.length()).isLessThanOrEqualTo(Inspector.MAX_CHARS);
  }

  @Test
  void inspect_listsRecordFieldsAndCutsLongStrings() {
    assertThat(Inspector.inspect(new Person("Ada", 36)))
        .contains("name (String): \"Ada\"", "age (int): 36");
    String longText = "y".repeat(100_000);
    assertThat(Inspector.inspect(longText))
        .contains("length: 100000")
        .hasSizeLessThanOrEqualTo(Inspector.MAX_CHARS);
  }

  @Test
  void summary_previewsMapsAndArrays() {
    assertThat(Inspector.summary(Map.of("k", 1))).contains("size 1", "\"k\"=1");
    assertThat(Inspector.summary(new int[] {4, 5, 6})).startsWith("int[3]: [4, 5, 6]");
  }

  @Test
  void render_survivesAThrowingToString() {
    Object evil =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    assertThat(Inspector.render(evil, 100)).contains("toString failed");
  }
}
