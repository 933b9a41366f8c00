package org.tandem.members.directory;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tandem.members.MemberDirectory;

/**
 * Which member directory serves, and how to reach the insurer's member system.
 *
 * @param directory {@code database} (Tandem's table: CSV import, demo) or {@code http} (the member system)
 * @param http      the member system's connection, read only with {@code directory=http}
 */
@ConfigurationProperties("tandem.members")
public record MembersProperties(
        @DefaultValue("database") MemberDirectory.Kind directory,
        @DefaultValue Http http) {

    /**
     * @param baseUrl        the contract's root: Tandem calls {@code {baseUrl}/members?q=…} and {@code {baseUrl}/members/{id}}
     * @param token          sent as {@code Authorization: Bearer …} when set
     * @param username       with {@code password}: HTTP Basic, when no token is set
     * @param timeout        the longest a call may take, answer included
     * @param connectTimeout the longest the connection may take to open
     */
    public record Http(
            URI baseUrl,
            String token,
            String username,
            String password,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("2s") Duration connectTimeout) {

        /** How Tandem authenticates to the member system: NONE, BEARER or BASIC. */
        public String authentication() {
            if (token != null && !token.isBlank()) {
                return "BEARER";
            }
            return username != null && !username.isBlank() ? "BASIC" : "NONE";
        }
    }
}
