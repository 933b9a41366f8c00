package org.tandem.governance.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Identities;
import org.tandem.platform.security.Role;
import org.tandem.platform.web.ApiException;

/** Who may search people to place on a new installation, before any entity exists. */
class OrganisationServiceTest {

    private final EntityDirectory directory = mock(EntityDirectory.class);
    private final Identities identities = mock(Identities.class);
    private final OrganisationService organisation = new OrganisationService(directory, identities);

    private static CurrentUser user(String name, Role role) {
        return new CurrentUser(name, name, EnumSet.of(role), List.of());
    }

    @Test
    void theFirstAdministratorFindsPeopleBeforeAnyEntityExists() {
        when(directory.all()).thenReturn(List.of());
        when(directory.placements()).thenReturn(List.of());
        when(identities.search("nora", 50)).thenReturn(List.of(new Identities.Person("nora", "Nora Conseillère")));
        assertThat(organisation.managedBy(user("admin", Role.ADMIN))).isEmpty();
        assertThat(organisation.searchPeople("Nora", user("admin", Role.ADMIN)))
                .containsExactly(new OrganisationService.Person("nora", "Nora Conseillère", null, null, null));
    }

    @Test
    void aManagerWithoutEntityFindsNobody() {
        when(directory.entityOf("marc")).thenReturn(java.util.Optional.empty());
        assertThatThrownBy(() -> organisation.searchPeople("a", user("marc", Role.MANAGER)))
                .isInstanceOf(ApiException.class)
                .hasMessage("Seuls les administrateurs et les managers d'une entité recherchent des personnes à"
                        + " rattacher.");
    }
}
