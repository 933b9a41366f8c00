package org.tandem.content.delivery;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.springframework.stereotype.Service;
import org.tandem.content.Disclosure;
import org.tandem.content.DisclosureRepository;
import org.tandem.content.delivery.ProvenanceCheck.Outcome;
import org.tandem.content.delivery.ProvenanceCheck.PublicRecord;
import org.tandem.platform.provenance.ContentHash;
import org.tandem.platform.provenance.Provenance;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Anyone's verification of a content: a text (its canonical SHA-256 is looked up among the disclosures),
 * a PDF letter (its SHA-256 among the documents sent; otherwise the record embedded in it), or a
 * provenance record (its signature checked, and the text compared if one is given).
 */
@Service
class ProvenanceChecks {

    private final Provenance provenance;
    private final DisclosureRepository disclosures;
    private final DeliveryRepository deliveries;
    private final UseCaseCatalog useCases;

    ProvenanceChecks(
            Provenance provenance,
            DisclosureRepository disclosures,
            DeliveryRepository deliveries,
            UseCaseCatalog useCases) {
        this.provenance = provenance;
        this.disclosures = disclosures;
        this.deliveries = deliveries;
        this.useCases = useCases;
    }

    ProvenanceCheck check(String text, String record) {
        if (record != null && !record.isBlank()) {
            return checkRecord(record, text);
        }
        return checkText(text);
    }

    ProvenanceCheck byContentHash(String sha256) {
        return disclosures
                .findByContentHash(sha256)
                .map(d -> fromStored(d.provenance(), true))
                .orElseGet(() -> new ProvenanceCheck(
                        Outcome.UNKNOWN,
                        "Nous n'avons envoyé aucun contenu dont le texte a cette empreinte.",
                        null,
                        false,
                        null));
    }

    private ProvenanceCheck checkText(String text) {
        Optional<Disclosure> found = disclosures.findByContentHash(ContentHash.of(text));
        if (found.isEmpty()) {
            // an e-mail copied whole, footer included: what precedes the signature separator is the content
            int footer = text.replace("\r\n", "\n").indexOf(DeliveryMessages.FOOTER_SEPARATOR);
            if (footer > 0) {
                found = disclosures.findByContentHash(
                        ContentHash.of(text.replace("\r\n", "\n").substring(0, footer)));
            }
        }
        if (found.isEmpty()) {
            return new ProvenanceCheck(
                    Outcome.UNKNOWN,
                    "Nous n'avons envoyé aucun contenu identique à ce texte. Il a pu être modifié (un mot, un chiffre, "
                            + "une ponctuation), ou il ne vient pas de nous. Si vous avez son relevé de provenance "
                            + "(fichier provenance.jws), collez-le aussi.",
                    null,
                    false,
                    null);
        }
        return fromStored(found.get().provenance(), true);
    }

    ProvenanceCheck checkDocument(byte[] document) {
        String hash = ContentHash.sha256(document);
        Optional<Delivery> sent = deliveries.findByDocumentHash(hash);
        if (sent.isPresent()) {
            Optional<Disclosure> disclosure =
                    disclosures.find(sent.get().caseId(), sent.get().kind());
            if (disclosure.isPresent()) {
                return fromStored(disclosure.get().provenance(), true);
            }
        }
        Optional<String> embedded = embeddedRecord(document);
        if (embedded.isEmpty()) {
            return new ProvenanceCheck(
                    Outcome.UNKNOWN,
                    "Ce document n'est pas un courrier que nous avons envoyé, et il ne contient aucun relevé de provenance.",
                    null,
                    false,
                    null);
        }
        ProvenanceCheck onRecord = checkRecord(embedded.get(), null);
        if (onRecord.outcome() == Outcome.RECORD_ONLY) {
            return new ProvenanceCheck(
                    Outcome.MODIFIED,
                    "Le relevé de provenance contenu dans ce PDF est bien le nôtre, mais le fichier n'est pas exactement "
                            + "celui que nous avons envoyé (modifié, ou ré-enregistré par un logiciel). Comparez son "
                            + "texte avec le relevé ci-dessous, ou demandez-nous l'original.",
                    true,
                    false,
                    onRecord.record());
        }
        return onRecord;
    }

    private ProvenanceCheck checkRecord(String record, String text) {
        Optional<Provenance.Verification> verified = provenance.verify(record);
        if (verified.isEmpty()) {
            return new ProvenanceCheck(
                    Outcome.UNKNOWN,
                    "Ce texte n'est pas un relevé de provenance (attendu : le contenu du fichier provenance.jws, "
                            + "trois blocs séparés par des points).",
                    null,
                    null,
                    null);
        }
        Provenance.Verification v = verified.get();
        if (!v.signatureValid()) {
            return new ProvenanceCheck(
                    Outcome.INVALID_SIGNATURE,
                    v.keyKnown()
                            ? "La signature de ce relevé ne correspond pas à son contenu : il a été modifié après sa "
                                    + "signature. Ne vous fiez pas à ce qu'il affirme."
                            : "Ce relevé n'a été signé par aucune de nos clés : il ne vient pas de nous.",
                    false,
                    null,
                    null);
        }
        PublicRecord publicRecord = publicRecord(v);
        if (text == null || text.isBlank()) {
            return new ProvenanceCheck(
                    Outcome.RECORD_ONLY,
                    "Ce relevé de provenance est authentique : nous l'avons signé. Collez aussi le texte reçu pour "
                            + "vérifier qu'il n'a pas changé depuis.",
                    true,
                    null,
                    publicRecord);
        }
        String canonical = text.replace("\r\n", "\n");
        int footer = canonical.indexOf(DeliveryMessages.FOOTER_SEPARATOR);
        boolean matches = ContentHash.of(canonical).equals(v.contentHash())
                || (footer > 0 && ContentHash.of(canonical.substring(0, footer)).equals(v.contentHash()));
        return matches
                ? new ProvenanceCheck(Outcome.AUTHENTIC, authentic(publicRecord), true, true, publicRecord)
                : new ProvenanceCheck(
                        Outcome.MODIFIED,
                        "Le relevé est authentique, mais le texte collé n'est pas celui qu'il certifie : il a été "
                                + "modifié depuis son envoi (ou ce n'est pas le même contenu).",
                        true,
                        false,
                        publicRecord);
    }

    private ProvenanceCheck fromStored(String record, boolean contentMatches) {
        ProvenanceCheck onRecord = checkRecord(record, null);
        if (onRecord.outcome() != Outcome.RECORD_ONLY) {
            return onRecord;
        }
        return new ProvenanceCheck(
                Outcome.AUTHENTIC, authentic(onRecord.record()), true, contentMatches, onRecord.record());
    }

    private static String authentic(PublicRecord r) {
        return "Ce contenu vient bien de " + r.issuer() + " et n'a pas été modifié depuis son envoi. Son relevé de "
                + "provenance signé dit comment il a été produit (ci-dessous).";
    }

    private PublicRecord publicRecord(Provenance.Verification v) {
        Map<String, Object> c = v.claims();
        Map<?, ?> disclosure = map(c.get("disclosure"));
        Map<?, ?> oversight = map(c.get("humanOversight"));
        Map<?, ?> generator = map(c.get("generator"));
        String useCase = string(generator.get("useCase"));
        return new PublicRecord(
                string(c.get("jti")),
                string(c.get("iss")),
                c.get("iat") instanceof Number n
                        ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(n.longValue()), ZoneOffset.UTC)
                        : null,
                string(disclosure.get("category")),
                string(disclosure.get("label")),
                string(c.get("digitalSourceType")),
                disclosure.get("aiShare") instanceof Number n ? n.doubleValue() : null,
                oversight.get("validatedByEmployee") instanceof Boolean b ? b : null,
                oversight.get("validatedAt") instanceof String s
                        ? OffsetDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC)
                        : null,
                string(generator.get("model")),
                useCase,
                useCase == null
                        ? null
                        : useCases.find(useCase)
                                .map(UseCase::name)
                                .map(UseCase.Text::fr)
                                .orElse(null),
                string(c.get("channel")),
                v.keyId());
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** The record a letter carries inside (embedded file provenance.jws), when the PDF is readable. */
    static Optional<String> embeddedRecord(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return Optional.empty();
            }
            Map<String, PDComplexFileSpecification> files =
                    names.getEmbeddedFiles().getNames();
            if (files == null || !files.containsKey(LetterPdf.RECORD_FILE)) {
                return Optional.empty();
            }
            PDComplexFileSpecification spec = files.get(LetterPdf.RECORD_FILE);
            if (spec.getEmbeddedFile() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new String(spec.getEmbeddedFile().toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
