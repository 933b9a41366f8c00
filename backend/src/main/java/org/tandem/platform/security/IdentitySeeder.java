package org.tandem.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Creates the role groups and the groups the use cases name, and a first administrator when
 * TANDEM_ADMIN_PASSWORD is set. (The demo's users come with the demo module.)
 */
@Component
@Order(0)
class IdentitySeeder implements ApplicationRunner {

    private final Identities identities;
    private final UseCaseCatalog useCases;
    private final String adminUser;
    private final String adminPassword;

    IdentitySeeder(
            Identities identities,
            UseCaseCatalog useCases,
            @Value("${tandem.bootstrap-admin.username:admin}") String adminUser,
            @Value("${tandem.bootstrap-admin.password:}") String adminPassword) {
        this.identities = identities;
        this.useCases = useCases;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            groups.put(role.groupId(), role.groupName());
        }
        useCases.all().forEach(u -> {
            groups.putIfAbsent(u.expertGroup(), "Experts — " + u.name().fr());
            groups.putIfAbsent(u.approverGroup(), "Approbateurs — " + u.name().fr());
        });
        groups.forEach(identities::ensureGroup);
        if (StringUtils.hasText(adminPassword)) {
            identities.ensureUser(adminUser, "Admin", "Tandem", adminPassword, List.of(Role.ADMIN.groupId()));
        }
    }
}
