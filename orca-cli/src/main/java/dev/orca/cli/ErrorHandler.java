package dev.orca.cli;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where exceptions become exit codes and messages (DESIGN.md §5): usage and
 * configuration errors exit 2, everything else 1. Messages go to stderr; stack traces only with
 * {@code --verbose} or {@code ORCA_DEBUG=1}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  private final boolean debugFromEnv;

  /**
   * Creates the handler.
   *
   * @param debugFromEnv whether the environment asks for stack traces ({@code ORCA_DEBUG})
   */
  public ErrorHandler(boolean debugFromEnv) {
    this.debugFromEnv = debugFromEnv;
  }

  /** Whether {@code ORCA_DEBUG} is set to something other than empty, 0 or false. */
  public static boolean debugEnv() {
    String value = System.getenv("ORCA_DEBUG");
    return value != null
        && !value.isBlank()
        && !value.equals("0")
        && !value.equalsIgnoreCase("false");
  }

  /**
   * The exit code for an exception thrown by a command.
   *
   * @param e the exception
   * @return {@link ExitCodes#USAGE} for usage and configuration errors, else {@link
   *     ExitCodes#FAILED}
   */
  public static int exitCodeOf(Throwable e) {
    if (e instanceof ConfigurationException || e instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.FAILED;
  }

  /**
   * The one-line message shown for an exception.
   *
   * @param e the exception
   * @return the message
   */
  public static String messageOf(Throwable e) {
    if (e instanceof OrcaException) {
      return e.getMessage();
    }
    String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
    return "internal error ("
        + e.getClass().getName()
        + detail
        + "). Run again with --verbose or ORCA_DEBUG=1 for details.";
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("orca: " + ex.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      String name = cmd.getCommandSpec().qualifiedName();
      err.println("Try '" + name + " --help' for usage.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("orca: " + messageOf(ex));
    if (debugFromEnv || verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCodeOf(ex);
  }

  private static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
