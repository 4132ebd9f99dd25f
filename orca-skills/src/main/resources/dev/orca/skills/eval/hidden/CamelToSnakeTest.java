import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;


import org.junit.jupiter.api.Test;

/** Hidden reference tests of the eval task camelToSnake. */
class CamelToSnakeTest {
  @Test
  void simple() {
    assertEquals("user_id", CamelToSnake.camelToSnake("userId"));
  }

  @Test
  void acronym() {
    assertEquals("parse_http_response", CamelToSnake.camelToSnake("parseHTTPResponse"));
  }

  @Test
  void pascal() {
    assertEquals("my_class2_name", CamelToSnake.camelToSnake("MyClass2Name"));
  }
}
