package org.tandem.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The French business-day calendar: holidays computed for any year, answer times counted over them. */
class BusinessDaysTest {

    private final BusinessDays calendar = new BusinessDays();

    @Test
    void easterIsComputedForAnyYear() {
        assertThat(BusinessDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BusinessDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BusinessDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BusinessDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BusinessDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void theFrenchPublicHolidaysAreNotWorked() {
        // fixed ones
        for (String day : new String[] {
            "2026-01-01",
            "2026-05-01",
            "2026-05-08",
            "2026-07-14",
            "2026-08-15",
            "2026-11-01",
            "2026-11-11",
            "2026-12-25"
        }) {
            assertThat(calendar.isHoliday(LocalDate.parse(day))).as(day).isTrue();
        }
        // those that follow Easter (5 April 2026)
        assertThat(calendar.isHoliday(LocalDate.of(2026, 4, 6)))
                .as("lundi de Pâques")
                .isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 5, 14)))
                .as("Ascension")
                .isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 5, 25)))
                .as("lundi de Pentecôte")
                .isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 5, 6)))
                .as("Ascension 2027")
                .isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 5, 13))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 13))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 16)))
                .as("a Saturday")
                .isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 17)))
                .as("a Sunday")
                .isFalse();
    }

    @Test
    void tenBusinessDaysFromFriday8May2026SkipAscensionAndWhitMonday() {
        // Friday 8 May (a holiday), 10:30 in Paris: counted from the next working days, 11 May onwards;
        // Thursday 14 May (Ascension) and Monday 25 May (Whit Monday) are skipped
        OffsetDateTime requested =
                ZonedDateTime.of(2026, 5, 8, 10, 30, 0, 0, BusinessDays.PARIS).toOffsetDateTime();
        OffsetDateTime due = calendar.dueDate(requested, Period.ofDays(10));
        assertThat(due.atZoneSameInstant(BusinessDays.PARIS).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 5, 26).atTime(18, 0));
        assertThat(due.getOffset().getTotalSeconds()).as("stored in UTC").isZero();
    }

    @Test
    void anArmisticeBridgeIsCountedOver() {
        // Tuesday 10 November 2026, two business days: Wednesday 11 (Armistice) is skipped
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 11, 10), 2)).isEqualTo(LocalDate.of(2026, 11, 13));
        // a Friday evening request, one business day: Monday
        assertThat(calendar.addBusinessDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theDayOfTheRequestIsTheDayInParis() {
        // 23:30 UTC on Monday 30 November is already Tuesday 1 December in Paris
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-11-30T23:30:00Z");
        assertThat(calendar.dueDate(lateEvening, Period.ofDays(1))
                        .atZoneSameInstant(BusinessDays.PARIS)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void onlyAPositiveNumberOfDaysIsAnAnswerTime() {
        assertThat(BusinessDays.businessDaysOf(Period.parse("P10D"))).isEqualTo(10);
        assertThatThrownBy(() -> BusinessDays.businessDaysOf(Period.parse("P1M")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P10D");
        assertThatThrownBy(() -> BusinessDays.businessDaysOf(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessDays.businessDaysOf(Period.ofDays(-2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
