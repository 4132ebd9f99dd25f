import java.time.DayOfWeek;
import java.time.LocalDate;

/** Reference solution of the eval task addBusinessDays. */
public final class AddBusinessDays {
  private AddBusinessDays() {}

  /**
   * Solves the task.
   *
   * @param date an input
   * @param days an input
   * @return the result
   */
  public static LocalDate addBusinessDays(LocalDate date, int days) {
    LocalDate d = date;
    int step = days < 0 ? -1 : 1;
    int left = Math.abs(days);
    while (left > 0) {
      d = d.plusDays(step);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
  }
}
