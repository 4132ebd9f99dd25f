import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task jsonPath. */
class JsonPathTest {
  @Test
  void deep() {
    Map<String, Object> doc = Map.of("a", Map.of("b", List.of(Map.of("c", 5))));
    assertEquals(5, JsonPath.jsonPath(doc, "a.b[0].c"));
  }

  @Test
  void missing() {
    assertEquals(null, JsonPath.jsonPath(Map.of("a", 1), "a.x"));
    assertEquals(null, JsonPath.jsonPath(Map.of("a", List.of(1)), "a[3]"));
  }
}
