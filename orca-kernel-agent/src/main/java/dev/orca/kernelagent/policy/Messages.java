package dev.orca.kernelagent.policy;

/** The refusal messages: each says what was refused and what kernel code can do instead. */
final class Messages {

  static final String NET =
      "java.net is not available in the kernel: use a tool, see searchTools(\"http\")";
  static final String PROCESS =
      "starting or controlling processes is not available in the kernel: use a tool, see"
          + " searchTools(\"shell\")";
  static final String EXIT =
      "exiting or halting the kernel JVM is not allowed: end the cell normally (the host restarts"
          + " the kernel when needed)";
  static final String SHUTDOWN_HOOK = "shutdown hooks are not allowed in the kernel";
  static final String NATIVE =
      "native code (JNI, System.load/loadLibrary, native methods) is not allowed in the kernel";
  static final String ENV =
      "environment variables are not available in the kernel (secrets stay on the host): pass"
          + " values in code or use a tool";
  static final String PROPERTIES =
      "system properties are not available in the kernel except System.getProperty of a few"
          + " harmless keys (java.version, os.name, line.separator, user.dir, ...)";
  static final String REFLECTION =
      "deep reflection is not allowed in the kernel (setAccessible, MethodHandles, Proxy,"
          + " Class.forName): call the API directly; reading record components and public members"
          + " is allowed";
  static final String CLASS_FOR_NAME =
      "Class.forName and class loaders are not available in the kernel: use a class literal"
          + " (Foo.class)";
  static final String CLASS_LOADER =
      "class loaders, defineClass and hidden classes are not available in the kernel: declare"
          + " classes in a cell instead";
  static final String UNSAFE =
      "JDK internals (sun.*, com.sun.*, jdk.*, Unsafe) are not available in the kernel";
  static final String INSTRUMENT = "java.lang.instrument (agents) is not available in the kernel";
  static final String JSHELL =
      "a JShell inside the kernel is not available: run the code as a cell directly";
  static final String COMPILER =
      "compilers (javax.tools) are not available in the kernel: declare classes in a cell instead";
  static final String SCRIPT = "script engines (javax.script) are not available in the kernel";
  static final String JNDI = "JNDI (javax.naming) is not available in the kernel";
  static final String RMI = "RMI is not available in the kernel";
  static final String JMX =
      "JMX and management APIs are not available in the kernel: Runtime.getRuntime()"
          + " .totalMemory()/freeMemory() and availableProcessors() are";
  static final String BEANS = "java.beans (including XMLDecoder) is not available in the kernel";
  static final String XML =
      "XML parsers are not available in the kernel (external entities reach files and the"
          + " network): use Jackson for JSON, or a tool";
  static final String DESERIALIZATION =
      "Java deserialization (ObjectInputStream, Jackson default typing, class-name type ids) is"
          + " not available in the kernel: use JSON with concrete types";
  static final String SERVICE_LOADER = "ServiceLoader is not available in the kernel";
  static final String JDBC = "JDBC (java.sql) is not available in the kernel: use a tool";
  static final String LOGGING =
      "java.util.logging and java.util.prefs are not available in the kernel: print instead";
  static final String MODULES = "the module system API is not available in the kernel";
  static final String THREADS =
      "this thread operation is not available in the kernel: use new Thread(runnable).start(),"
          + " Executors.newFixedThreadPool(n), parallel streams or CompletableFuture";
  static final String POOL_CONSTRUCTOR =
      "constructing thread pools directly is not available in the kernel: use"
          + " Executors.newFixedThreadPool(n) or ForkJoinPool.commonPool()";
  static final String FILE_DESCRIPTOR =
      "raw file descriptors and the console (the kernel's own stdin/stdout) are not available in"
          + " the kernel: print with System.out";
  static final String TEMP_FILE =
      "temporary files outside the workspace are not allowed: use"
          + " Files.createTempFile(Path.of(\".\"), prefix, suffix)";
  static final String LINKS = "creating symbolic or hard links is not allowed in the kernel";
  static final String FILE_SYSTEMS =
      "other file systems and file system providers are not available in the kernel";
  static final String WATCH = "file watching is not available in the kernel";
  static final String DESKTOP = "desktop APIs (AWT, Swing, ImageIO, sound) are not available";
  static final String INTERNAL =
      "Orca's kernel internals are not available to kernel code: use the built-ins"
          + " (searchTools, callTool, callSubagent, ...)";
  static final String SECURITY = "java.security configuration is not available in the kernel";
  static final String STD_IN =
      "System.in and System.setIn/setOut/setErr are not available in the kernel (there is no"
          + " console input; output is captured for you)";
  static final String METHOD_REF =
      "a method reference to a guarded API is not allowed in the kernel: use a lambda instead,"
          + " e.g. p -> Files.readString(p)";
  static final String EXTEND =
      "kernel code may not extend or implement this type (it would bypass the sandbox's checks)";
  static final String FD_CHANNEL =
      "getChannel() on a writable stream is not allowed in the kernel: use FileChannel.open(path,"
          + " options)";

  private Messages() {}

  /** A refusal naming the referenced class or member in Java syntax. */
  static String refused(String message, String what) {
    return message + " [refused: " + what + "]";
  }
}
