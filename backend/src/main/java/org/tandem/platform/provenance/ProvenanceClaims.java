package org.tandem.platform.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a provenance record states about one disclosed content. Names no person: the employee who
 * validated is in the audit trail, the record says that one did.
 *
 * @param recordId        a stable identifier of the record (« jti »)
 * @param contentSha256   SHA-256 of the disclosed text in canonical form ({@link ContentHash})
 * @param category        the disclosure category the policy gave (AI_ONLY, AI_VALIDATED, HUMAN_WITH_AI, HUMAN)
 * @param label           what the member is told; null: no mention
 * @param aiShare         the measured share of the text that a generative model wrote, in [0, 1]
 * @param humanValidated  an employee read and approved the text before it went out
 * @param validatedAt     when; null when no one did
 * @param accountableRole the group of the person who answers for the text: the use case's approvers, or the
 *                        AI referents whose standing authorisation let an unattended answer out
 * @param accountable     that person as a pseudonym ({@link Provenance#pseudonym}), never their name
 * @param model           the model whose draft the text descends from; null when none did
 * @param provider        where that model runs (mistral, ollama, openai-compatible); null when no model
 * @param policyVersion   the version of the deployed disclosure-policy decision
 */
public record ProvenanceClaims(
        String issuer,
        String recordId,
        Instant issuedAt,
        String contentSha256,
        DigitalSourceType sourceType,
        String category,
        String label,
        double aiShare,
        boolean humanValidated,
        Instant validatedAt,
        String accountableRole,
        String accountable,
        String model,
        String provider,
        String promptVersion,
        String useCase,
        String channel,
        Integer policyVersion) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Map<String, Object> toMap() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("sha256", contentSha256);
        content.put("canonicalization", ContentHash.CANONICALIZATION);
        content.put("mediaType", "text/plain; charset=utf-8");
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("category", category);
        disclosure.put("label", label);
        disclosure.put("aiShare", Math.round(aiShare * 10_000) / 10_000.0);
        disclosure.put("policy", "disclosure-policy");
        disclosure.put("policyVersion", policyVersion);
        Map<String, Object> oversight = new LinkedHashMap<>();
        oversight.put("validatedByEmployee", humanValidated);
        oversight.put("validatedAt", validatedAt == null ? null : validatedAt.toString());
        oversight.put(humanValidated ? "approverRole" : "authorisedByRole", accountableRole);
        oversight.put(humanValidated ? "approver" : "authorisedBy", accountable);
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("model", model);
        generator.put("provider", provider);
        generator.put("promptVersion", promptVersion);
        generator.put("useCase", useCase);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("jti", recordId);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("content", content);
        claims.put("digitalSourceType", sourceType.uri());
        claims.put("disclosure", disclosure);
        claims.put("humanOversight", oversight);
        claims.put("generator", generator);
        claims.put("channel", channel);
        return claims;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
