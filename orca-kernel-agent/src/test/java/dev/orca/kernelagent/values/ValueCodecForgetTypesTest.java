package dev.orca.kernelagent.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The codec's type caches keep every class they met, and with it that class's loader; a spare
 * kernel's training relies on {@link ValueCodec#forgetTypes()} to let its throwaway JShells go.
 */
class ValueCodecForgetTypesTest {
  /** A value type loaded again, by a loader of its own, as a JShell loads snippet classes. */
  public record Probe(String name, List<Integer> counts) {}

  @Test
  void forgetTypes_letsTheLoaderOfAnEncodedClassBeCollected() throws Exception {
    WeakReference<ClassLoader> loader = encodeAndDecodeInThrowawayLoader();

    collect(loader, 3);
    assertThat(loader.get())
        .as(
            "Jackson's caches hold the class (if this changes, forgetTypes may no longer be needed)")
        .isNotNull();

    ValueCodec.forgetTypes();
    collect(loader, 20);
    assertThat(loader.get()).as("the loader, once the codec forgot its class").isNull();
  }

  @Test
  void forgetTypes_leavesTheCodecConfiguredAsBefore() throws Exception {
    ValueCodec.forgetTypes();

    ValueCodec.Encoded encoded = ValueCodec.encode(new Probe("a", List.of(1, 2)), 1_000);
    assertThat(ValueCodec.decode(encoded.json(), Probe.class))
        .isEqualTo(new Probe("a", List.of(1, 2)));
    // Java time as ISO text and tables as CSV: the new mapper has the codec's modules and settings.
    assertThat(ValueCodec.encode(LocalDate.of(2026, 1, 2), 1_000).json())
        .isEqualTo("\"2026-01-02\"");
    Table table = Table.create("t", IntColumn.create("n", 1, 2));
    String json = ValueCodec.encode(table, 1_000).json();
    assertThat(json).contains(ValueCodec.TABLE_MARKER);
    assertThat(((Table) ValueCodec.decode(json, Table.class)).rowCount()).isEqualTo(2);
  }

  private static WeakReference<ClassLoader> encodeAndDecodeInThrowawayLoader() throws Exception {
    ThrowawayLoader loader = new ThrowawayLoader(Probe.class);
    Class<?> probe = loader.loadClass(Probe.class.getName());
    assertThat(probe).isNotSameAs(Probe.class);
    Object value =
        probe.getDeclaredConstructor(String.class, List.class).newInstance("x", List.of(1, 2, 3));
    ValueCodec.Encoded encoded = ValueCodec.encode(value, 1_000);
    assertThat(encoded.reason()).isNull();
    // Compared as JSON: a record's equals (and AssertJ) would keep the class reachable themselves.
    Object back = ValueCodec.decode(encoded.json(), probe);
    assertThat(back.getClass()).isSameAs(probe);
    assertThat(ValueCodec.encode(back, 1_000).json()).isEqualTo(encoded.json());
    return new WeakReference<>(loader);
  }

  private static void collect(WeakReference<?> reference, int attempts)
      throws InterruptedException {
    for (int i = 0; i < attempts && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
  }

  /** Defines one class again from its class file; everything else comes from the parent. */
  private static final class ThrowawayLoader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    ThrowawayLoader(Class<?> type) throws IOException {
      super(type.getClassLoader());
      this.name = type.getName();
      String resource = type.getName().replace('.', '/') + ".class";
      try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
        this.bytes = in.readAllBytes();
      }
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
      }
    }
  }
}
