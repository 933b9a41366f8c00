package org.tandem.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PersonName;

/** A member as people read it (its display name) and as the pseudonymiser knows it (its identity). */
class MemberTest {

    private static final Member CAMILLE = new Member(
            "M-1001",
            "Camille",
            "Martin",
            LocalDate.of(1984, 3, 12),
            "camille.martin@example.org",
            "06 12 34 56 78",
            "12 rue des Lilas",
            "Niort",
            "AUTO-2024-118734");

    @Test
    void theDisplayNameIsFirstNameThenLastName() {
        assertThat(CAMILLE.displayName()).isEqualTo("Camille Martin");
    }

    @Test
    void theIdentityCarriesEveryValueThePseudonymiserReplaces() {
        MemberIdentity identity = CAMILLE.identity();
        assertThat(identity.name()).isEqualTo(new PersonName("Camille", "Martin"));
        assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1984, 3, 12));
        assertThat(identity.email()).isEqualTo("camille.martin@example.org");
        assertThat(identity.phone()).isEqualTo("06 12 34 56 78");
        assertThat(identity.address()).isEqualTo("12 rue des Lilas");
        assertThat(identity.policyNumber()).isEqualTo("AUTO-2024-118734");
        assertThat(identity.memberNumber()).as("the member's number").isEqualTo("M-1001");
        assertThat(identity.relatedPersons()).isEmpty();
    }

    @Test
    void missingContactDetailsStayMissing() {
        Member sparse = new Member("M-9", null, "Durand", null, null, null, null, null, null);
        MemberIdentity identity = sparse.identity();
        assertThat(identity.name().firstName()).isEmpty();
        assertThat(identity.name().lastName()).isEqualTo("Durand");
        assertThat(identity.birthDate()).isNull();
        assertThat(identity.email()).isNull();
        assertThat(identity.policyNumber()).isNull();
        assertThat(identity.memberNumber()).isEqualTo("M-9");
    }
}
