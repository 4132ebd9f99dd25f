import java.time.LocalDate;

/** Reference solution of the eval task quarterOf. */
public final class QuarterOf {
  private QuarterOf() {}

  /**
   * Solves the task.
   *
   * @param date an input
   * @return the result
   */
  public static String quarterOf(LocalDate date) {
    return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }
}
