package org.tandem.platform.security;

/**
 * What the organisation does with the entity claim of an OIDC login ({@code tandem.oidc.entity-claim}):
 * platform reads the claim, the module that owns the entities (governance) implements this and places
 * the person. A failure here is logged and never blocks the login.
 */
public interface EntityClaimListener {

    /**
     * @param username    the person, as Tandem names them (the username claim)
     * @param claimValues the claim's values (one for a string claim, each for a list), in the token's order
     */
    void entityClaimed(String username, java.util.List<String> claimValues);
}
