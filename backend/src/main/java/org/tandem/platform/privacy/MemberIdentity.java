package org.tandem.platform.privacy;

import java.time.LocalDate;
import java.util.List;

/**
 * What the dossier knows about the member, i.e. the values the pseudonymiser replaces exactly
 * (in their case, accent and format variants), in addition to what its recognisers find.
 *
 * <p>The city is left out on purpose: a city alone does not single a person out (Niort has
 * 60,000 inhabitants), a reply often needs it ("notre agence de Niort"), and once name, street,
 * phone and numbers are tokens it no longer points at anyone. The street address is replaced.
 *
 * @param memberNumber   the member's number in our records (e.g. "M-1001"), if it may appear in texts
 * @param relatedPersons other people the dossier names: spouse, deceased, beneficiary, driver…
 */
public record MemberIdentity(
        PersonName name,
        LocalDate birthDate,
        String email,
        String phone,
        String address,
        String policyNumber,
        String memberNumber,
        List<PersonName> relatedPersons) {

    public MemberIdentity {
        relatedPersons = relatedPersons == null ? List.of() : List.copyOf(relatedPersons);
    }

    /** No member known (e.g. a knowledge-base question): only the recognisers apply. */
    public static MemberIdentity none() {
        return new MemberIdentity(null, null, null, null, null, null, null, List.of());
    }

    public MemberIdentity withRelatedPersons(List<PersonName> persons) {
        return new MemberIdentity(name, birthDate, email, phone, address, policyNumber, memberNumber, persons);
    }

    /** The member first, then the related persons: the order gives PERSONNE_1, PERSONNE_2… their stable meaning. */
    List<PersonName> persons() {
        var all = new java.util.ArrayList<PersonName>();
        if (name != null) {
            all.add(name);
        }
        all.addAll(relatedPersons);
        return all;
    }

    /** Never printed in clear. */
    @Override
    public String toString() {
        return "MemberIdentity[***]";
    }
}
