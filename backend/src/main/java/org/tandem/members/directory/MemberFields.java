package org.tandem.members.directory;

/** The member table's limits, which both the CSV import and the member system's answers must respect. */
final class MemberFields {

    static final int ID_MAX = 32;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 200;
    static final int PHONE_MAX = 40;
    static final int ADDRESS_MAX = 300;
    static final int CITY_MAX = 100;
    static final int POLICY_MAX = 40;

    private MemberFields() {}

    /** A control character (a tab or a line break included) has no place in a member's field. */
    static boolean hasControlCharacters(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }
}
