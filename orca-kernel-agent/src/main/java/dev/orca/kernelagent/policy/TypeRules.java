package dev.orca.kernelagent.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The type allowlist: which classes kernel code may name at all. A class is allowed when an exact
 * rule, or the rule of its package (or of an enclosing package for whole trees) allows it; anything
 * not listed is refused. Member-level rules ({@link MemberRules}) narrow allowed classes further.
 */
final class TypeRules {

  private static final String OK = "";
  private static final String NOT_LISTED =
      "is not on the kernel's allowlist (kernel code may use java.lang, java.util (incl."
          + " concurrent, function, regex, stream, zip), java.io and java.nio.file within the"
          + " workspace, java.math, java.text, java.time, java.security digests, javax.crypto,"
          + " Tablesaw, fastutil, Jackson and dev.orca.kernelagent.api)";

  /** Exact classes (outer class names; nested classes follow their outer class). */
  private static final Map<String, String> CLASSES = new HashMap<>();

  /** Packages whose classes (not subpackages) follow the rule. */
  private static final Map<String, String> PACKAGES = new HashMap<>();

  /** Package trees (a package and all its subpackages). */
  private static final Map<String, String> TREES = new HashMap<>();

  /** Classes kernel code may use but never extend or implement. */
  static final Set<String> NO_SUBCLASS =
      Set.of(
          "java/lang/Thread",
          "java/io/File",
          "java/io/FileOutputStream",
          "java/io/FileWriter",
          "java/io/RandomAccessFile",
          "java/io/PrintStream",
          "java/io/PrintWriter",
          "java/io/FileInputStream",
          "java/io/FileReader",
          "java/nio/file/Path",
          "java/nio/file/FileSystem",
          "java/nio/channels/FileChannel",
          "java/util/concurrent/ThreadPoolExecutor",
          "java/util/concurrent/ScheduledThreadPoolExecutor",
          "java/util/concurrent/ForkJoinPool",
          "java/util/concurrent/ForkJoinPool$ForkJoinWorkerThreadFactory",
          "java/util/zip/ZipFile",
          "java/util/jar/JarFile",
          "java/util/Formatter",
          "java/util/Scanner",
          "com/fasterxml/jackson/databind/ObjectMapper",
          "com/fasterxml/jackson/databind/ObjectReader",
          "com/fasterxml/jackson/databind/ObjectWriter",
          "com/fasterxml/jackson/core/JsonFactory",
          "com/fasterxml/jackson/core/TSFBuilder",
          "com/fasterxml/jackson/databind/json/JsonMapper");

  static {
    for (String p :
        new String[] {
          "java/lang",
          "java/lang/annotation",
          "java/lang/constant",
          "java/lang/ref",
          "java/lang/reflect",
          "java/lang/runtime",
          "java/math",
          "java/text",
          "java/util",
          "java/util/function",
          "java/util/regex",
          "java/util/stream",
          "java/util/random",
          "java/util/zip",
          "java/util/jar",
          "java/io",
          "java/nio",
          "java/nio/charset",
          "java/nio/file",
          "java/nio/file/attribute",
          "java/security/spec",
          "javax/crypto",
          "javax/crypto/spec",
          "javax/crypto/interfaces"
        }) {
      PACKAGES.put(p, OK);
    }
    TREES.put("java/time", OK);
    TREES.put("java/util/concurrent", OK);
    TREES.put("tech/tablesaw", OK);
    TREES.put("it/unimi/dsi/fastutil", OK);
    TREES.put("com/fasterxml/jackson", OK);
    TREES.put("dev/orca/kernelagent/api", OK);

    TREES.put("java/net", Messages.NET);
    TREES.put("javax/net", Messages.NET);
    TREES.put("jdk/net", Messages.NET);
    TREES.put("java/lang/invoke", Messages.REFLECTION);
    TREES.put("java/lang/instrument", Messages.INSTRUMENT);
    TREES.put("java/lang/management", Messages.JMX);
    TREES.put("javax/management", Messages.JMX);
    TREES.put("com/sun/management", Messages.JMX);
    TREES.put("jdk/jshell", Messages.JSHELL);
    TREES.put("javax/tools", Messages.COMPILER);
    TREES.put("com/sun/tools", Messages.UNSAFE);
    TREES.put("javax/script", Messages.SCRIPT);
    TREES.put("javax/naming", Messages.JNDI);
    TREES.put("java/rmi", Messages.RMI);
    TREES.put("javax/rmi", Messages.RMI);
    TREES.put("java/beans", Messages.BEANS);
    TREES.put("javax/xml", Messages.XML);
    TREES.put("org/xml", Messages.XML);
    TREES.put("org/w3c", Messages.XML);
    TREES.put("java/sql", Messages.JDBC);
    TREES.put("javax/sql", Messages.JDBC);
    TREES.put("java/util/logging", Messages.LOGGING);
    TREES.put("java/util/prefs", Messages.LOGGING);
    TREES.put("sun", Messages.UNSAFE);
    TREES.put("com/sun", Messages.UNSAFE);
    TREES.put("jdk", Messages.UNSAFE);
    TREES.put("java/awt", Messages.DESKTOP);
    TREES.put("javax/swing", Messages.DESKTOP);
    TREES.put("javax/imageio", Messages.DESKTOP);
    TREES.put("javax/sound", Messages.DESKTOP);
    TREES.put("javax/print", Messages.DESKTOP);
    TREES.put("java/nio/file/spi", Messages.FILE_SYSTEMS);
    TREES.put("java/nio/charset/spi", Messages.FILE_SYSTEMS);
    TREES.put("java/nio/channels/spi", Messages.NET);
    TREES.put("dev/orca", Messages.INTERNAL);
    TREES.put("org/objectweb/asm", Messages.CLASS_LOADER);
    TREES.put("com/fasterxml/jackson/databind/util", Messages.REFLECTION);
    TREES.put("com/fasterxml/jackson/databind/ext", Messages.XML);
    TREES.put("com/fasterxml/jackson/databind/introspect", Messages.REFLECTION);
    TREES.put("com/fasterxml/jackson/databind/jsontype/impl", Messages.DESERIALIZATION);

    // JShell's own generated code: a method whose dependencies are not defined yet throws this.
    CLASSES.put("jdk/jshell/spi/SPIResolutionException", OK);
    // java.lang
    CLASSES.put("java/lang/ProcessBuilder", Messages.PROCESS);
    CLASSES.put("java/lang/Process", Messages.PROCESS);
    CLASSES.put("java/lang/ClassLoader", Messages.CLASS_LOADER);
    CLASSES.put("java/lang/Module", Messages.MODULES);
    CLASSES.put("java/lang/ModuleLayer", Messages.MODULES);
    CLASSES.put("java/lang/ThreadGroup", Messages.THREADS);
    CLASSES.put("java/lang/SecurityManager", Messages.SECURITY);
    CLASSES.put("java/lang/System$Logger", Messages.LOGGING);
    CLASSES.put("java/lang/System$LoggerFinder", Messages.LOGGING);
    CLASSES.put("java/lang/reflect/Proxy", Messages.REFLECTION);
    CLASSES.put("java/lang/reflect/AccessibleObject", Messages.REFLECTION);
    CLASSES.put("java/lang/ref/Cleaner", Messages.THREADS);
    // java.util
    CLASSES.put("java/util/ServiceLoader", Messages.SERVICE_LOADER);
    CLASSES.put("java/util/Timer", Messages.THREADS);
    CLASSES.put("java/util/TimerTask", Messages.THREADS);
    CLASSES.put("java/util/concurrent/ForkJoinWorkerThread", Messages.THREADS);
    // java.io
    CLASSES.put("java/io/ObjectInputStream", Messages.DESERIALIZATION);
    CLASSES.put("java/io/ObjectInputFilter", Messages.DESERIALIZATION);
    CLASSES.put("java/io/ObjectInputValidation", Messages.DESERIALIZATION);
    CLASSES.put("java/io/FileDescriptor", Messages.FILE_DESCRIPTOR);
    CLASSES.put("java/io/Console", Messages.FILE_DESCRIPTOR);
    // java.nio
    CLASSES.put("java/nio/file/FileSystems", "");
    CLASSES.put("java/nio/file/WatchService", Messages.WATCH);
    CLASSES.put("java/nio/file/WatchKey", Messages.WATCH);
    for (String c :
        new String[] {
          "FileChannel",
          "FileLock",
          "Channels",
          "Channel",
          "ReadableByteChannel",
          "WritableByteChannel",
          "ByteChannel",
          "SeekableByteChannel",
          "GatheringByteChannel",
          "ScatteringByteChannel",
          "InterruptibleChannel",
          "ClosedChannelException",
          "NonWritableChannelException",
          "NonReadableChannelException",
          "OverlappingFileLockException",
          "FileLockInterruptionException",
          "AsynchronousCloseException",
          "ClosedByInterruptException"
        }) {
      CLASSES.put("java/nio/channels/" + c, OK);
    }
    PACKAGES.put("java/nio/channels", Messages.NET);
    // java.security: digests, random numbers and keys only
    for (String c :
        new String[] {
          "MessageDigest",
          "MessageDigestSpi",
          "SecureRandom",
          "DigestInputStream",
          "DigestOutputStream",
          "NoSuchAlgorithmException",
          "GeneralSecurityException",
          "InvalidKeyException",
          "InvalidAlgorithmParameterException",
          "KeyException",
          "SignatureException",
          "Key",
          "PublicKey",
          "PrivateKey",
          "KeyPair",
          "KeyPairGenerator",
          "KeyFactory",
          "Signature",
          "spec"
        }) {
      CLASSES.put("java/security/" + c, OK);
    }
    PACKAGES.put("java/security", Messages.SECURITY);
  }

  private TypeRules() {}

  /**
   * Why kernel code may not name a type, or {@code null} when it may.
   *
   * @param internalName the type's internal name ({@code java/lang/String}) or an array descriptor
   */
  static String violation(String internalName) {
    String name = internalName;
    while (name.startsWith("[")) {
      name = name.substring(1);
    }
    if (name.length() == 1) {
      return null; // a primitive array element
    }
    if (name.startsWith("L") && name.endsWith(";")) {
      name = name.substring(1, name.length() - 1);
    }
    if (isSnippet(name)) {
      return null;
    }
    String outer = name.indexOf('$') > 0 ? name.substring(0, name.indexOf('$')) : name;
    String verdict = CLASSES.get(name);
    if (verdict == null) {
      verdict = CLASSES.get(outer);
    }
    if (verdict == null) {
      int slash = name.lastIndexOf('/');
      String pkg = slash < 0 ? "" : name.substring(0, slash);
      verdict = PACKAGES.get(pkg);
      while (verdict == null && !pkg.isEmpty()) {
        verdict = TREES.get(pkg);
        int s = pkg.lastIndexOf('/');
        pkg = s < 0 ? "" : pkg.substring(0, s);
      }
    }
    if (verdict == null) {
      return name.replace('/', '.') + " " + NOT_LISTED;
    }
    return verdict.isEmpty() ? null : verdict;
  }

  /** Whether a class is one of kernel code's own (JShell's snippet classes). */
  static boolean isSnippet(String internalName) {
    return internalName.startsWith("REPL/");
  }
}
