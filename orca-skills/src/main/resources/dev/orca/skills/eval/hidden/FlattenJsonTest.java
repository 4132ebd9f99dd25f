import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task flattenJson. */
class FlattenJsonTest {
  @Test
  void nested() {
    Map<String, Object> in = new LinkedHashMap<>();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("b", 1);
    a.put("c", List.of("x", "y"));
    in.put("a", a);
    Map<String, Object> want = new LinkedHashMap<>();
    want.put("a.b", 1);
    want.put("a.c.0", "x");
    want.put("a.c.1", "y");
    assertEquals(want, FlattenJson.flattenJson(in));
  }

  @Test
  void emptyKept() {
    assertEquals(Map.of("e", Map.of()), FlattenJson.flattenJson(Map.of("e", Map.of())));
  }
}
