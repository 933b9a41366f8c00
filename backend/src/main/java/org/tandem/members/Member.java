package org.tandem.members;

import java.time.LocalDate;

/** A member (sociétaire) of the insurer: the person a content is about or addressed to. */
public record Member(String id, String firstName, String lastName, LocalDate birthDate, String email,
                     String phone, String address, String city, String policyNumber) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
