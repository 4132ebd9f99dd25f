package dev.orca.kernelagent.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

class ValueCodecTest {
  record Line(String item, BigDecimal price, LocalDate day, List<Integer> counts) {}

  static List<Line> lines;
  static Map<String, int[]> arrays;
  static Table table;
  static Optional<String> maybe;

  private static Object roundTrip(String fieldName, Object value) throws Exception {
    ValueCodec.Encoded encoded = ValueCodec.encode(value, 1_000_000);
    assertThat(encoded.reason()).isNull();
    Field field = ValueCodecTest.class.getDeclaredField(fieldName);
    return ValueCodec.decode(encoded.json(), field.getGenericType());
  }

  @Test
  void encode_roundTripsRecordsCollectionsDatesAndDecimals() throws Exception {
    List<Line> value =
        new ArrayList<>(
            List.of(
                new Line("a", new BigDecimal("1.50"), LocalDate.of(2026, 1, 2), List.of(1, 2)),
                new Line("b", BigDecimal.TEN, LocalDate.of(2026, 3, 4), List.of())));
    assertThat(roundTrip("lines", value)).isEqualTo(value);
  }

  @Test
  void encode_roundTripsMapsOfArrays() throws Exception {
    Map<String, int[]> value = new TreeMap<>(Map.of("x", new int[] {1, 2, 3}));
    @SuppressWarnings("unchecked")
    Map<String, int[]> back = (Map<String, int[]>) roundTrip("arrays", value);
    assertThat(back.get("x")).containsExactly(1, 2, 3);
  }

  @Test
  void encode_roundTripsTablesWithTheirColumnTypes() throws Exception {
    Table value =
        Table.create(
            "prices",
            StringColumn.create("item", "a", "b, with comma"),
            DoubleColumn.create("price", 1.5, 2.25));
    Table back = (Table) roundTrip("table", value);
    assertThat(back.name()).isEqualTo("prices");
    assertThat(back.rowCount()).isEqualTo(2);
    assertThat(back.column("price").type().name()).isEqualTo("DOUBLE");
    assertThat(back.stringColumn("item").get(1)).isEqualTo("b, with comma");
  }

  @Test
  void decode_readsEveryColumnTypeAndMissingValuesOfATableBack() throws Exception {
    Table value =
        Table.create(
            "all",
            IntColumn.create("i", new int[] {1, -2, 3}),
            LongColumn.create("l", new long[] {9_000_000_000L, 0, -1}),
            DoubleColumn.create("d", new double[] {1.5, Double.NaN, 1e300}),
            BooleanColumn.create("b", new boolean[] {true, false, true}),
            StringColumn.create("s", "plain", "a, \"quoted\"\nline", ""),
            DateColumn.create(
                "day",
                new LocalDate[] {LocalDate.of(2026, 1, 2), null, LocalDate.of(1999, 12, 31)}),
            DateTimeColumn.create(
                "at",
                new LocalDateTime[] {
                  LocalDateTime.of(2026, 1, 2, 3, 4),
                  LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000),
                  null
                }),
            TimeColumn.create(
                "time", new LocalTime[] {LocalTime.of(3, 4), null, LocalTime.of(23, 59, 58)}),
            InstantColumn.create(
                "instant",
                // Not null: Tablesaw 0.44.4 cannot read a missing instant back (NPE in its parser).
                new Instant[] {
                  Instant.parse("2026-01-02T03:04:05.123Z"), Instant.EPOCH, Instant.EPOCH
                }));
    Table back = (Table) roundTrip("table", value);
    assertThat(back.columnNames()).isEqualTo(value.columnNames());
    for (int c = 0; c < value.columnCount(); c++) {
      assertThat(back.column(c).type()).isEqualTo(value.column(c).type());
      assertThat(back.column(c).asList())
          .as(value.column(c).name())
          .isEqualTo(value.column(c).asList());
    }
  }

  @Test
  void decode_readsTableDatesThatAreNotInIsoForm() throws Exception {
    String json =
        "{\"@orca.table\":true,\"name\":\"t\",\"columns\":[{\"name\":\"d\",\"type\":\"LOCAL_DATE\"}],"
            + "\"csv\":\"d\\n2026/01/02\\n\"}";
    Table back = (Table) ValueCodec.decode(json, Table.class);
    assertThat(back.dateColumn("d").get(0)).isEqualTo(LocalDate.of(2026, 1, 2));
  }

  @Test
  void encode_roundTripsOptionals() throws Exception {
    assertThat(roundTrip("maybe", Optional.of("x"))).isEqualTo(Optional.of("x"));
    assertThat(roundTrip("maybe", Optional.empty())).isEqualTo(Optional.empty());
  }

  @Test
  void encode_refusesValuesThatAreNotData() {
    ValueCodec.Encoded encoded = ValueCodec.encode(List.of(new Thread()), 1_000);
    assertThat(encoded.json()).isNull();
    assertThat(encoded.reason()).contains("not plain data", "java.lang.Thread");
  }

  @Test
  void encode_refusesArraysWhoseElementTypeIsNotData() {
    ValueCodec.Encoded encoded = ValueCodec.encode(new Thread[2], 1_000);
    assertThat(encoded.json()).isNull();
    assertThat(encoded.reason()).contains("elements' type", "java.lang.Thread");
    assertThat(ValueCodec.encode(new String[] {"a"}, 1_000).json()).isEqualTo("[\"a\"]");
  }

  @Test
  void encode_refusesJsonOverTheLimit() {
    ValueCodec.Encoded encoded = ValueCodec.encode("x".repeat(5_000), 1_024);
    assertThat(encoded.json()).isNull();
    assertThat(encoded.reason()).contains("over the 1 KiB limit");
  }

  @Test
  void plainData_acceptsJavaTimeAndRejectsCycles() {
    assertThat(PlainData.whyNot(Map.of("t", LocalDateTime.of(2026, 1, 1, 0, 0)))).isNull();
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    assertThat(PlainData.whyNot(cyclic)).contains("cycle");
  }
}
