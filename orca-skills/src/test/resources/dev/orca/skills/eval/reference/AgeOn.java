import java.time.LocalDate;
import java.time.Period;

/** Reference solution of the eval task ageOn. */
public final class AgeOn {
  private AgeOn() {}

  /**
   * Solves the task.
   *
   * @param birth an input
   * @param on an input
   * @return the result
   */
  public static int ageOn(LocalDate birth, LocalDate on) {
    if (on.isBefore(birth)) {
      throw new IllegalArgumentException("date before birth");
    }
    if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !on.isLeapYear()
        && on.getMonthValue() == 2 && on.getDayOfMonth() == 28) {
      return on.getYear() - birth.getYear();
    }
    return Period.between(birth, on).getYears();
  }
}
