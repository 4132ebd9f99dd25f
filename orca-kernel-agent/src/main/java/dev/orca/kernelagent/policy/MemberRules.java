package dev.orca.kernelagent.policy;

import dev.orca.kernelagent.policy.Action.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Member-level rules on allowed classes: members that are refused, members whose path arguments are
 * checked, members redirected to a guard, and classes of which only listed members may be used.
 */
final class MemberRules {

  /** One rule: a member name ({@code *} for any) and an optional descriptor prefix. */
  record Rule(String name, String descPrefix, Action action) {
    boolean matches(String memberName, String desc) {
      return (name.equals("*") || name.equals(memberName))
          && (descPrefix == null || desc.startsWith(descPrefix));
    }
  }

  private static final String GUARD = "dev/orca/kernelagent/guard/";
  private static final Map<String, List<Rule>> RULES = new HashMap<>();

  /** Classes of which only the members with an explicit rule may be used; value: the refusal. */
  private static final Map<String, String> ONLY_LISTED = new HashMap<>();

  /** Public methods of {@link Object}, always allowed. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait");

  /** Classes whose {@code File}/{@code Path} parameters are pure path computations. */
  static final Set<String> PURE_PATH_OWNERS =
      Set.of(
          "java/nio/file/Path",
          "java/nio/file/Paths",
          "java/nio/file/FileSystem",
          "java/nio/file/PathMatcher",
          "java/nio/file/FileVisitor",
          "java/nio/file/SimpleFileVisitor",
          "java/nio/file/DirectoryStream$Filter",
          "java/io/FileFilter",
          "java/io/FilenameFilter");

  static {
    // --- java.lang.System: only these members
    only(
        "java/lang/System", "System members other than the basics are not available in the kernel");
    allow("java/lang/System", "currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode");
    allow("java/lang/System", "lineSeparator", "gc", "runFinalization", "out", "err");
    rule("java/lang/System", "getProperty", null, Action.redirect(GUARD + "SystemGuard"));
    deny("java/lang/System", Messages.EXIT, "exit");
    deny("java/lang/System", Messages.NATIVE, "load", "loadLibrary", "mapLibraryName");
    deny("java/lang/System", Messages.ENV, "getenv");
    deny("java/lang/System", Messages.PROPERTIES, "getProperties", "setProperties");
    deny("java/lang/System", Messages.PROPERTIES, "setProperty", "clearProperty");
    deny("java/lang/System", Messages.STD_IN, "in", "setIn", "setOut", "setErr", "console");
    deny("java/lang/System", Messages.FILE_DESCRIPTOR, "inheritedChannel");
    deny("java/lang/System", Messages.SECURITY, "setSecurityManager", "getSecurityManager");
    // --- java.lang.Runtime
    only("java/lang/Runtime", "this Runtime member is not available in the kernel");
    allow("java/lang/Runtime", "getRuntime", "availableProcessors", "freeMemory", "totalMemory");
    allow("java/lang/Runtime", "maxMemory", "gc", "version", "runFinalization");
    deny("java/lang/Runtime", Messages.PROCESS, "exec");
    deny("java/lang/Runtime", Messages.EXIT, "exit", "halt");
    deny("java/lang/Runtime", Messages.SHUTDOWN_HOOK, "addShutdownHook", "removeShutdownHook");
    deny("java/lang/Runtime", Messages.NATIVE, "load", "loadLibrary");
    // --- ProcessHandle: only the kernel's own pid
    only("java/lang/ProcessHandle", Messages.PROCESS);
    allow("java/lang/ProcessHandle", "current", "pid");
    // --- properties read through wrapper classes
    deny("java/lang/Integer", Messages.PROPERTIES, "getInteger");
    deny("java/lang/Long", Messages.PROPERTIES, "getLong");
    deny("java/lang/Boolean", Messages.PROPERTIES, "getBoolean");
    // --- Thread
    only("java/lang/Thread", Messages.THREADS);
    allow("java/lang/Thread", "<init>", "currentThread", "sleep", "onSpinWait", "yield");
    allow("java/lang/Thread", "interrupted", "isInterrupted", "interrupt", "getName", "setName");
    allow("java/lang/Thread", "getId", "threadId", "isAlive", "join", "setDaemon", "isDaemon");
    allow("java/lang/Thread", "setPriority", "getPriority", "getState", "getStackTrace", "run");
    allow("java/lang/Thread", "holdsLock", "dumpStack", "isVirtual");
    allow("java/lang/Thread", "setUncaughtExceptionHandler", "getUncaughtExceptionHandler");
    rule("java/lang/Thread", "start", "()V", Action.redirect(GUARD + "ThreadGuard"));
    // --- Class: introspection only
    only("java/lang/Class", Messages.CLASS_FOR_NAME);
    allow(
        "java/lang/Class",
        "getName",
        "getSimpleName",
        "getTypeName",
        "getCanonicalName",
        "getPackageName",
        "isInstance",
        "isAssignableFrom",
        "cast",
        "isArray",
        "isPrimitive",
        "isInterface",
        "isEnum",
        "isRecord",
        "isAnnotation",
        "isSealed",
        "isHidden",
        "isSynthetic",
        "getComponentType",
        "componentType",
        "arrayType",
        "getSuperclass",
        "getInterfaces",
        "getEnumConstants",
        "getRecordComponents",
        "getModifiers",
        "getFields",
        "getDeclaredFields",
        "getMethods",
        "getDeclaredMethods",
        "getConstructors",
        "getDeclaredConstructors",
        "getField",
        "getDeclaredField",
        "getMethod",
        "getDeclaredMethod",
        "getConstructor",
        "getDeclaredConstructor",
        "isAnnotationPresent",
        "getAnnotation",
        "getAnnotations",
        "getDeclaredAnnotations",
        "getAnnotationsByType",
        "descriptorString",
        "getGenericSuperclass",
        "getGenericInterfaces",
        "getTypeParameters",
        "isAnonymousClass",
        "isLocalClass",
        "isMemberClass",
        "getEnclosingClass",
        "getDeclaringClass",
        "getNestHost",
        "desiredAssertionStatus",
        "getPermittedSubclasses",
        "toGenericString",
        "describeConstable");
    // --- reflection: never stronger than a direct call
    for (String c :
        new String[] {
          "java/lang/reflect/Method",
          "java/lang/reflect/Field",
          "java/lang/reflect/Constructor",
          "java/lang/reflect/Executable",
          "java/lang/reflect/RecordComponent"
        }) {
      deny(c, Messages.REFLECTION, "setAccessible", "trySetAccessible");
    }
    String reflect = GUARD + "ReflectionGuard";
    rule("java/lang/reflect/Method", "invoke", null, Action.redirect(reflect));
    rule("java/lang/reflect/Constructor", "newInstance", null, Action.redirect(reflect));
    rule("java/lang/reflect/Field", "get", null, Action.redirect(reflect));
    rule("java/lang/reflect/Field", "set", null, Action.redirect(reflect));
    for (String prim :
        new String[] {"Boolean", "Byte", "Char", "Short", "Int", "Long", "Float", "Double"}) {
      deny("java/lang/reflect/Field", Messages.REFLECTION, "get" + prim, "set" + prim);
    }
    deny("java/lang/Package", Messages.CLASS_LOADER, "getPackage", "getPackages");
    // --- java.io
    fileRules();
    redirectNew("java/io/FileOutputStream", "CappedFileOutputStream");
    redirectNew("java/io/FileWriter", "CappedFileWriter");
    redirectNew("java/io/RandomAccessFile", "CappedRandomAccessFile");
    redirectNew("java/io/PrintStream", "CappedPrintStream");
    redirectNew("java/io/PrintWriter", "CappedPrintWriter");
    deny("java/io/RandomAccessFile", Messages.FD_CHANNEL, "getChannel");
    deny("java/io/FileOutputStream", Messages.FD_CHANNEL, "getChannel");
    deny(
        "java/io/RandomAccessFile",
        "use write(byte[]) on a RandomAccessFile in the kernel",
        "writeBytes",
        "writeChars");
    rule(
        "java/io/FileInputStream",
        "<init>",
        "(Ljava/lang/String;",
        Action.checkName(Level.OPEN, 0));
    rule("java/io/FileReader", "<init>", "(Ljava/lang/String;", Action.checkName(Level.OPEN, 0));
    String formatter = "use a PrintWriter to write files in the kernel";
    rule("java/util/Formatter", "<init>", "(Ljava/lang/String;", Action.deny(formatter));
    rule("java/util/Formatter", "<init>", "(Ljava/io/File;", Action.deny(formatter));
    rule("java/util/zip/ZipFile", "<init>", "(Ljava/lang/String;", Action.checkName(Level.OPEN, 0));
    rule("java/util/jar/JarFile", "<init>", "(Ljava/lang/String;", Action.checkName(Level.OPEN, 0));
    // --- java.nio.file
    String files = GUARD + "GuardedFiles";
    for (String name :
        new String[] {
          "newOutputStream", "newBufferedWriter", "write", "writeString", "copy", "newByteChannel"
        }) {
      rule("java/nio/file/Files", name, null, Action.redirect(files));
    }
    rule("java/nio/channels/FileChannel", "open", null, Action.redirect(files));
    deny("java/nio/file/Files", Messages.LINKS, "createSymbolicLink", "createLink");
    rule(
        "java/nio/file/Files",
        "createTempFile",
        "(Ljava/lang/String;",
        Action.deny(Messages.TEMP_FILE));
    rule(
        "java/nio/file/Files",
        "createTempDirectory",
        "(Ljava/lang/String;",
        Action.deny(Messages.TEMP_FILE));
    for (String name :
        new String[] {
          "newInputStream",
          "newBufferedReader",
          "newDirectoryStream",
          "lines",
          "list",
          "walk",
          "find",
          "readAllBytes",
          "readString",
          "readAllLines",
          "walkFileTree"
        }) {
      rule("java/nio/file/Files", name, null, Action.check(Level.OPEN));
    }
    rule("java/nio/file/Files", "*", null, Action.check(Level.CHECK));
    rule("java/nio/file/Path", "toRealPath", null, Action.checkReceiver(Level.CHECK));
    deny("java/nio/file/Path", Messages.WATCH, "register");
    deny("java/nio/file/Watchable", Messages.WATCH, "register");
    deny("java/nio/file/FileSystem", Messages.FILE_SYSTEMS, "provider", "newWatchService");
    deny("java/nio/file/FileSystem", Messages.FILE_SYSTEMS, "getUserPrincipalLookupService");
    deny("java/nio/file/FileSystems", Messages.FILE_SYSTEMS, "newFileSystem", "getFileSystem");
    deny(
        "java/nio/file/FileVisitOption",
        "following symbolic links while walking is not allowed in the kernel",
        "FOLLOW_LINKS");
    // --- threads
    String threads = GUARD + "ThreadGuard";
    only("java/util/concurrent/Executors", Messages.THREADS);
    allow("java/util/concurrent/Executors", "callable", "defaultThreadFactory");
    allow(
        "java/util/concurrent/Executors",
        "unconfigurableExecutorService",
        "unconfigurableScheduledExecutorService");
    for (String name :
        new String[] {
          "newFixedThreadPool",
          "newCachedThreadPool",
          "newSingleThreadExecutor",
          "newScheduledThreadPool",
          "newSingleThreadScheduledExecutor",
          "newWorkStealingPool"
        }) {
      rule("java/util/concurrent/Executors", name, null, Action.redirect(threads));
    }
    for (String c :
        new String[] {
          "java/util/concurrent/ThreadPoolExecutor",
          "java/util/concurrent/ScheduledThreadPoolExecutor",
          "java/util/concurrent/ForkJoinPool"
        }) {
      deny(c, Messages.POOL_CONSTRUCTOR, "<init>", "setThreadFactory");
    }
    deny(
        "java/util/concurrent/ForkJoinPool",
        Messages.THREADS,
        "defaultForkJoinWorkerThreadFactory");
    // --- Tablesaw: files by name are checked, URLs refused
    rule("tech/tablesaw/io/DataFrameReader", "url", null, Action.deny(Messages.NET));
    rule(
        "tech/tablesaw/io/DataFrameReader",
        "file",
        "(Ljava/lang/String;)",
        Action.checkName(Level.OPEN, 0));
    rule(
        "tech/tablesaw/io/DataFrameReader",
        "csv",
        "(Ljava/lang/String;)",
        Action.checkName(Level.OPEN, 0));
    for (String name : new String[] {"csv", "toFile"}) {
      rule(
          "tech/tablesaw/io/DataFrameWriter",
          name,
          "(Ljava/lang/String;)",
          Action.checkName(Level.WRITE, 0));
      rule("tech/tablesaw/io/DataFrameWriter", name, "(Ljava/io/File;)", Action.check(Level.WRITE));
    }
    deny("tech/tablesaw/io/Source", Messages.NET, "fromUrl");
  }

  private static void fileRules() {
    String file = "java/io/File";
    allow(
        file,
        "<init>",
        "getName",
        "getPath",
        "getParent",
        "getParentFile",
        "getAbsolutePath",
        "getAbsoluteFile",
        "toPath",
        "toURI",
        "isAbsolute",
        "compareTo",
        "listRoots",
        "separator",
        "separatorChar",
        "pathSeparator",
        "pathSeparatorChar",
        "equals",
        "hashCode",
        "toString");
    rule(
        file,
        "createTempFile",
        "(Ljava/lang/String;Ljava/lang/String;)",
        Action.deny(Messages.TEMP_FILE));
    rule(file, "createTempFile", null, Action.check(Level.WRITE));
    for (String name :
        new String[] {"list", "listFiles", "createNewFile", "mkdir", "mkdirs", "renameTo"}) {
      rule(file, name, null, Action.checkReceiver(Level.OPEN));
    }
    deny(file, Messages.LINKS, "toURL");
    rule(file, "*", null, Action.checkReceiver(Level.CHECK));
  }

  private MemberRules() {}

  private static void only(String owner, String message) {
    ONLY_LISTED.put(owner, message);
  }

  private static void allow(String owner, String... names) {
    for (String n : names) {
      rule(owner, n, null, Action.ALLOW);
    }
  }

  private static void deny(String owner, String message, String... names) {
    for (String n : names) {
      rule(owner, n, null, Action.deny(message));
    }
  }

  private static void redirectNew(String owner, String guardClass) {
    rule(owner, "<init>", null, Action.redirectNew(GUARD + guardClass));
  }

  private static void rule(String owner, String name, String descPrefix, Action action) {
    RULES.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Rule(name, descPrefix, action));
  }

  /**
   * The rule for a member as declared in one class, or {@code null} when that class has none.
   *
   * @param declaring the class whose rules to consult
   * @param isOwner whether {@code declaring} is the referenced owner itself (only-listed classes
   *     refuse unlisted members only then)
   */
  static Action lookup(String declaring, String name, String desc, boolean isOwner) {
    List<Rule> rules = RULES.get(declaring);
    if (rules != null) {
      for (Rule r : rules) {
        if (r.matches(name, desc)) {
          return r.action();
        }
      }
    }
    String onlyMessage = ONLY_LISTED.get(declaring);
    if (onlyMessage != null && isOwner && !OBJECT_METHODS.contains(name)) {
      return Action.deny(onlyMessage);
    }
    return null;
  }
}
