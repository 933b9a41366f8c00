package org.tandem.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The French business-day calendar that answer times are counted in (issue 19): weekends and the
 * French public holidays (fixed ones and those that follow Easter, computed for any year) are not
 * worked, in Europe/Paris. A due date is the end of the working day (18:00, Paris time) of the Nth
 * business day after the day of the request.
 */
@Component
public class BusinessDays {

    /** Where Tandem's working days are counted. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The hour a working day ends: a task due on a day is due by then. */
    public static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), // Jour de l'an
            MonthDay.of(5, 1), // Fête du travail
            MonthDay.of(5, 8), // Victoire 1945
            MonthDay.of(7, 14), // Fête nationale
            MonthDay.of(8, 15), // Assomption
            MonthDay.of(11, 1), // Toussaint
            MonthDay.of(11, 11), // Armistice
            MonthDay.of(12, 25)); // Noël

    /** Whether the day is a French public holiday (metropolitan France). */
    public boolean isHoliday(LocalDate day) {
        if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        return day.equals(easter.plusDays(1)) // lundi de Pâques
                || day.equals(easter.plusDays(39)) // Ascension
                || day.equals(easter.plusDays(50)); // lundi de Pentecôte
    }

    /** Whether people work that day: not a Saturday, a Sunday or a public holiday. */
    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The {@code count}th business day after {@code day} (the day itself is not counted). */
    public LocalDate addBusinessDays(LocalDate day, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A number of business days cannot be negative: " + count);
        }
        LocalDate next = day;
        int left = count;
        while (left > 0) {
            next = next.plusDays(1);
            if (isBusinessDay(next)) {
                left--;
            }
        }
        return next;
    }

    /**
     * When a request made at {@code requestedAt} is due, given an answer time in business days
     * ({@code P10D}: ten business days): the end of that working day in Paris, in UTC.
     */
    public OffsetDateTime dueDate(OffsetDateTime requestedAt, Period answerWithin) {
        LocalDate requestDay = requestedAt.atZoneSameInstant(PARIS).toLocalDate();
        LocalDate dueDay = addBusinessDays(requestDay, businessDaysOf(answerWithin));
        return dueDay.atTime(END_OF_DAY).atZone(PARIS).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The number of business days an answer time stands for; only days are allowed (P10D). */
    public static int businessDaysOf(Period answerWithin) {
        if (answerWithin == null
                || answerWithin.getYears() != 0
                || answerWithin.getMonths() != 0
                || answerWithin.getDays() <= 0) {
            throw new IllegalArgumentException(
                    "An answer time is a positive number of business days (ISO-8601 days, e.g. P10D): " + answerWithin);
        }
        return answerWithin.getDays();
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
