package org.tandem.governance.entities;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.EntityClaimListener;

/**
 * Places a person who logs in through OIDC in the entity their token names (tandem.oidc.entity-claim):
 * the first value that is an entity's code (a group path such as « /entites/agence-niort » counts by its
 * last segment). The provider is then the reference: each login places the person again. A token
 * naming no known entity leaves the placement as it was, and says so in the log.
 */
@Component
class OidcEntityPlacement implements EntityClaimListener {

    private static final Logger log = LoggerFactory.getLogger(OidcEntityPlacement.class);

    private final EntityDirectory directory;

    OidcEntityPlacement(EntityDirectory directory) {
        this.directory = directory;
    }

    @Override
    @Transactional
    public void entityClaimed(String username, List<String> claimValues) {
        if (EntityRules.username(username).isPresent()) {
            log.warn("OIDC login: user name not placeable in an entity (its characters)");
            return;
        }
        for (String value : claimValues) {
            String code = value.substring(value.lastIndexOf('/') + 1);
            if (directory.find(code).isPresent()) {
                if (!code.equals(directory.entityOf(username).orElse(null))
                        || !"OIDC"
                                .equals(directory
                                        .placementOf(username)
                                        .map(Placement::source)
                                        .orElse(null))) {
                    directory.assign(username, code, "OIDC", "oidc");
                }
                return;
            }
        }
        log.warn(
                "OIDC login of {}: the entity claim names no known entity ({} value(s)); placement unchanged",
                username,
                claimValues.size());
    }
}
