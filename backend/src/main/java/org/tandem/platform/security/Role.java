package org.tandem.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Tandem. Each one is a Camunda group (the BPMN uses groups as candidate groups),
 * so people and their groups are managed in one place: Camunda's identity service.
 */
public enum Role {
    ADVISER("advisers", "Conseillers"),
    EXPERT("experts", "Experts métier"),
    MANAGER("managers", "Managers"),
    DIRECTORATE("directorate", "Direction"),
    ETHICS("ethics-committee", "Comité éthique et contrôle"),
    AI_REFERENT("ai-referents", "Référents IA"),
    SERVICE("services", "Comptes de service"),
    /** The data protection officer: erases a member's personal data on request (issue 16). */
    DPO("dpo", "Délégué(e) à la protection des données"),
    ADMIN("camunda-admin", "Administrateurs");

    private final String groupId;
    private final String groupName;

    Role(String groupId, String groupName) {
        this.groupId = groupId;
        this.groupName = groupName;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
