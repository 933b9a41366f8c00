package org.tandem.members;

import java.time.LocalDate;
import java.util.List;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PersonName;

/** A member (sociétaire) of the insurer: the person a content is about or addressed to. */
public record Member(
        String id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String email,
        String phone,
        String address,
        String city,
        String policyNumber) {

    public String displayName() {
        return firstName + " " + lastName;
    }

    /** What the pseudonymiser replaces exactly in a prompt about this member. */
    public MemberIdentity identity() {
        return new MemberIdentity(
                new PersonName(firstName, lastName), birthDate, email, phone, address, policyNumber, id, List.of());
    }
}
