package org.tandem.platform.privacy;

import java.util.Objects;

/** A person's first and last name as the dossier spells them (the spelling restored into drafts). */
public record PersonName(String firstName, String lastName) {

    public PersonName {
        Objects.requireNonNull(lastName, "lastName");
        firstName = firstName == null ? "" : firstName.strip();
        lastName = lastName.strip();
    }

    public String fullName() {
        return firstName.isEmpty() ? lastName : firstName + " " + lastName;
    }

    /** Never printed in clear: a record's default toString would put the name in any log line. */
    @Override
    public String toString() {
        return "PersonName[***]";
    }
}
