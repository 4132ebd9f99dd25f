package dev.orca.kernelagent.values;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Turns kernel values into JSON and back, inside the kernel. Tablesaw tables become an object with
 * their column names and types and their rows as CSV. Only {@link PlainData plain data} is
 * captured; the result is text, never Java serialization.
 */
public final class ValueCodec {
  /** Marker field of a table's JSON form. */
  public static final String TABLE_MARKER = "@orca.table";

  private static volatile ObjectMapper mapper = createMapper();

  private ValueCodec() {}

  /** The mapper kernel code and the bridge client use (Java time, tables). */
  public static ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Forgets every type the codec has met. Jackson caches serializers, deserializers and types per
   * class, and a cached snippet class keeps its JShell's class loader, and with it every variable
   * of that JShell, reachable. A spare kernel calls this after training on throwaway engines, so
   * their data can be collected; the compiled code the training was for stays.
   */
  public static void forgetTypes() {
    mapper = createMapper();
    TypeFactory.defaultInstance().clearCache();
  }

  private static ObjectMapper createMapper() {
    SimpleModule tables = new SimpleModule("orca-tables");
    tables.addSerializer(Table.class, new TableSerializer());
    tables.addDeserializer(Table.class, new TableDeserializer());
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .registerModule(tables)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /**
   * A value's JSON form, or why it has none.
   *
   * @param json the JSON text, or {@code null}
   * @param reason why there is no JSON, or {@code null}
   */
  public record Encoded(String json, String reason) {}

  /**
   * Encodes a value if it is plain data and its JSON fits.
   *
   * @param value the value
   * @param maxChars the largest JSON accepted
   * @return the JSON or the reason there is none
   */
  public static Encoded encode(Object value, int maxChars) {
    String why = PlainData.whyNot(value);
    if (why != null) {
      return new Encoded(null, why);
    }
    LimitedWriter out = new LimitedWriter(maxChars);
    try {
      mapper.writeValue(out, value);
      return new Encoded(out.toString(), null);
    } catch (IOException | RuntimeException e) {
      if (out.exceeded()) {
        return new Encoded(
            null, "its JSON form is over the " + maxChars / 1024 + " KiB limit for capture");
      }
      return new Encoded(null, "it could not be written as JSON (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      return new Encoded(null, "the kernel ran out of memory writing it as JSON");
    }
  }

  /** A writer that stops (with an IOException) as soon as more than its limit is written. */
  private static final class LimitedWriter extends java.io.Writer {
    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private boolean exceeded;

    LimitedWriter(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      if (text.length() + len > limit) {
        exceeded = true;
        throw new IOException("capture limit exceeded");
      }
      text.append(chars, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    boolean exceeded() {
      return exceeded;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** Decodes JSON into a value of the given (possibly generic) type. */
  public static Object decode(String json, Type type) throws IOException {
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    return mapper.readValue(json, javaType);
  }

  /** Converts a value into a JSON tree (for the bridge). */
  public static JsonNode toTree(Object value) {
    return mapper.valueToTree(value);
  }

  /** Converts a JSON tree into plain Java values: maps, lists, strings, numbers, booleans. */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return mapper.convertValue(node, Object.class);
  }

  private static final class TableSerializer extends JsonSerializer<Table> {
    @Override
    public void serialize(Table table, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeBooleanField(TABLE_MARKER, true);
      gen.writeStringField("name", table.name());
      gen.writeArrayFieldStart("columns");
      for (Column<?> column : table.columns()) {
        gen.writeStartObject();
        gen.writeStringField("name", column.name());
        gen.writeStringField("type", column.type().name());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      StringWriter csv = new StringWriter();
      table.write().csv(CsvWriteOptions.builder(csv).header(true).build());
      gen.writeStringField("csv", csv.toString());
      gen.writeEndObject();
    }
  }

  private static final class TableDeserializer extends JsonDeserializer<Table> {
    @Override
    public Table deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.getCodec().readTree(parser);
      List<ColumnType> types = new ArrayList<>();
      for (JsonNode column : node.path("columns")) {
        types.add(ColumnType.valueOf(column.path("type").asText()));
      }
      String name = node.path("name").asText("");
      String csv = node.path("csv").asText("");
      if (types.isEmpty()) {
        return Table.create(name);
      }
      ColumnType[] columnTypes = types.toArray(new ColumnType[0]);
      try {
        return readCsv(name, csv, columnTypes, true);
      } catch (RuntimeException e) {
        // Not the ISO forms the encoder writes (an older or hand-made value): let Tablesaw guess.
        return readCsv(name, csv, columnTypes, false);
      }
    }

    /**
     * Reads a table's CSV. With {@code iso}, dates and times are read in the ISO forms Tablesaw's
     * writer produces, several times faster than Tablesaw's default, which tries many patterns.
     */
    private static Table readCsv(String name, String csv, ColumnType[] types, boolean iso) {
      CsvReadOptions.Builder options =
          CsvReadOptions.builder(new StringReader(csv))
              .tableName(name)
              .header(true)
              .columnTypes(types);
      if (iso) {
        options
            .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
            .dateTimeFormat(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .timeFormat(DateTimeFormatter.ISO_LOCAL_TIME);
      }
      return Table.read().usingOptions(options.build());
    }
  }
}
