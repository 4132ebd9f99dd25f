import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Reference solution of the eval task daysBetween. */
public final class DaysBetween {
  private DaysBetween() {}

  /**
   * Solves the task.
   *
   * @param start an input
   * @param end an input
   * @return the result
   */
  public static long daysBetween(String start, String end) {
    try {
      return ChronoUnit.DAYS.between(LocalDate.parse(start), LocalDate.parse(end));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO date: " + e.getParsedString(), e);
    }
  }
}
