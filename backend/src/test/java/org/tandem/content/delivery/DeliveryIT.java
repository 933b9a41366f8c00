package org.tandem.content.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.provenance.ContentHash;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.TestMailAndKeys;

/**
 * Disclosure that leaves the building, end to end on the real engine, PostgreSQL and a real SMTP server
 * (GreenMail): the letter as a PDF read back with PDFBox (label, XMP digital source type, the signed record
 * inside, verified with the public key), the e-mail, the public verification, and a mail server that goes
 * down then comes back.
 */
@TandemIntegrationTest
class DeliveryIT {

    static final String IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    MemberRepository members;

    @Autowired
    DeliveryService deliveries;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @AfterEach
    void mailServerBack() {
        // whatever happened in a test, the next one finds the mail server up
        if (!TestMailAndKeys.smtp().isRunning()) {
            TestMailAndKeys.restartSmtp();
        }
    }

    @Test
    void theLetterIsAPdfWithItsLabelItsIptcTypeAndASignedRecordAndLeavesOnceBySmtp() throws Exception {
        long id = open("reply-letter", "M-1001", "Délai de remboursement");
        aModelWroteTheDraft(id);
        String draft = api.get("alice", "/api/cases/" + id)
                .body()
                .get("draft")
                .get("text")
                .asText();
        String edited = draft.replaceAll("\\[À COMPLÉTER[^\\]]*\\]", "Votre remboursement a été validé ce matin.");
        approveAfterEdit(id, edited);
        JsonNode c = awaitStatus(id, "DISCLOSED");

        JsonNode disclosure = c.get("disclosure");
        assertThat(disclosure.get("category").asText()).isEqualTo("AI_VALIDATED");
        String label = disclosure.get("label").asText();
        String record = disclosure.get("provenance").asText();
        String disclosedText = c.get("disclosedText").asText();
        assertThat(disclosure.get("digitalSourceType").asText())
                .isEqualTo(IPTC + "compositeWithTrainedAlgorithmicMedia");
        assertThat(c.get("delivery").get("status").asText()).isEqualTo("SENT");
        assertThat(c.get("delivery").get("recipient").asText()).isEqualTo("MEMBER");
        assertThat(c.get("delivery").get("document").asBoolean()).isTrue();

        // the signed record: its signature holds with the test's public key, it binds the disclosed text, it names no
        // one
        JWSObject jws = JWSObject.parse(record);
        assertThat(jws.verify(
                        new ECDSAVerifier((ECPublicKey) TestMailAndKeys.keys().getPublic())))
                .isTrue();
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(((Map<?, ?>) claims.get("content")).get("sha256")).isEqualTo(ContentHash.of(disclosedText));
        assertThat(claims.get("digitalSourceType")).isEqualTo(IPTC + "compositeWithTrainedAlgorithmicMedia");
        Map<?, ?> oversight = (Map<?, ?>) claims.get("humanOversight");
        assertThat(oversight.get("validatedByEmployee")).isEqualTo(true);
        assertThat(oversight.get("approverRole")).isEqualTo("member-relations-experts");
        assertThat((String) oversight.get("approver")).startsWith("p-").hasSize(18);
        Map<?, ?> generator = (Map<?, ?>) claims.get("generator");
        assertThat(generator.get("model")).isEqualTo("test-model");
        assertThat(generator.get("useCase")).isEqualTo("reply-letter");
        assertThat(((Number) ((Map<?, ?>) claims.get("disclosure")).get("policyVersion")).intValue())
                .as("the version of the decision table that gave the label: the latest deployed")
                .isEqualTo(jdbc.sql("select max(version_) from act_re_decision_def where key_ = 'disclosure-policy'")
                        .query(Integer.class)
                        .single());
        assertThat(jws.getPayload().toString()).doesNotContain("bob").doesNotContain("Camille");
        assertThat(disclosure.get("marker").asText()).doesNotContain("bob").contains("\"approver\":\"p-");

        // one message, to the member, the PDF and the record attached, the record in a header too
        String messageId = c.get("delivery").get("messageId").asText();
        List<MimeMessage> sent = received(messageId);
        assertThat(sent).hasSize(1);
        MimeMessage mail = sent.get(0);
        assertThat(mail.getAllRecipients()[0].toString()).contains("camille.martin@example.org");
        assertThat(MimeUtility.unfold(mail.getHeader("X-Tandem-Provenance", null))
                        .replaceAll("\\s", ""))
                .isEqualTo(record);
        assertThat(mail.getHeader("X-Tandem-Digital-Source-Type", null))
                .isEqualTo(IPTC + "compositeWithTrainedAlgorithmicMedia");
        byte[] pdf = attachment(mail, "application/pdf");
        assertThat(new String(attachment(mail, "application/jose"), StandardCharsets.US_ASCII))
                .isEqualTo(record);
        assertThat(bodyText(mail)).contains(label);

        // the PDF read back: the text and its label, the XMP with the IPTC type, the record embedded
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(ContentHash.canonical(label)).contains("Camille Martin");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains("<Iptc4xmpExt:DigitalSourceType>" + IPTC + "compositeWithTrainedAlgorithmicMedia<")
                    .contains(record);
        }
        assertThat(ProvenanceChecks.embeddedRecord(pdf)).contains(record);
        // the same document for whoever may see the case
        assertThat(download("alice", id)).isEqualTo(pdf);

        // anyone verifies: by hash, by text, by PDF; one character changed fails
        String hash = ContentHash.of(disclosedText);
        JsonNode byHash = api.get(null, "/api/public/provenance/" + hash).body();
        assertThat(byHash.get("outcome").asText()).isEqualTo("AUTHENTIC");
        assertThat(byHash.get("record").get("category").asText()).isEqualTo("AI_VALIDATED");
        assertThat(byHash.get("record").get("validatedByEmployee").asBoolean()).isTrue();
        assertThat(byHash.toString())
                .doesNotContain("bob")
                .doesNotContain("Camille")
                .doesNotContain("M-1001");
        assertThat(verify(Map.of("text", disclosedText)).get("outcome").asText())
                .isEqualTo("AUTHENTIC");
        String altered = disclosedText.replaceFirst("validé", "validë");
        assertThat(verify(Map.of("text", altered)).get("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(api.get(null, "/api/public/provenance/" + ContentHash.of(altered))
                        .body()
                        .get("outcome")
                        .asText())
                .isEqualTo("UNKNOWN");
        assertThat(verify(Map.of("record", record, "text", altered))
                        .get("outcome")
                        .asText())
                .isEqualTo("MODIFIED");
        assertThat(verify(Map.of("record", record)).get("outcome").asText()).isEqualTo("RECORD_ONLY");
        assertThat(verify(Map.of("record", forged(record))).get("outcome").asText())
                .isEqualTo("INVALID_SIGNATURE");
        assertThat(verifyDocument(pdf).get("outcome").asText()).isEqualTo("AUTHENTIC");
        // the same PDF with bytes added at its end (as an incremental update would add them): still a
        // readable PDF with our record inside, but not the document we sent
        byte[] tampered = Arrays.copyOf(pdf, pdf.length + 12);
        System.arraycopy("\n% modifie\n".getBytes(StandardCharsets.US_ASCII), 0, tampered, pdf.length, 11);
        JsonNode onTampered = verifyDocument(tampered);
        assertThat(onTampered.get("outcome").asText()).isEqualTo("MODIFIED");
        assertThat(onTampered.get("contentMatches").asBoolean()).isFalse();

        assertThat(auditTypes(id)).containsSubsequence("APPROVED", "DISCLOSED", "DELIVERED");
        assertThat(auditTypes(id).stream().filter("DELIVERED"::equals).count()).isEqualTo(1);
    }

    @Test
    void withTheMailServerDownTheReportWaitsToSendWithAnIncidentAndLeavesOnceWhenItComesBack() throws Exception {
        TestMailAndKeys.stopSmtp();
        long id = open("meeting-report", "M-1002", "Entretien du 3 décembre");
        String report = "Monsieur Bernard,\n\nNous avons fait le point le 3 décembre sur votre contrat habitation. "
                + "Vous souhaitez ajouter la garantie des appareils électriques ; nous vous adressons un devis sous huit "
                + "jours, sans engagement. Votre franchise reste de 150 euros.\n\nVotre conseiller";
        approveAfterEdit(id, report);
        JsonNode waiting = awaitDeliveryIncident(id);
        String pid = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(id))
                .singleResult()
                .getId();
        assertThat(waiting.get("status").asText()).isEqualTo("TO_SEND");
        assertThat(waiting.get("delivery").get("status").asText()).isEqualTo("TO_SEND");
        assertThat(waiting.get("delivery").get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(waiting.get("delivery").get("lastError").asText()).contains("smtp://127.0.0.1");
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pid)
                        .activityId("deliver")
                        .incidentType("failedJob")
                        .count())
                .as("an incident in Cockpit")
                .isEqualTo(1);
        // while the server stays down, the recovery (every second in tests) re-arms nothing: it still waits
        Thread.sleep(3_000);
        assertThat(api.get("alice", "/api/cases/" + id).body().get("status").asText())
                .isEqualTo("TO_SEND");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count())
                .isEqualTo(1);

        TestMailAndKeys.restartSmtp();
        JsonNode sent = awaitStatus(id, "DISCLOSED");
        String messageId = sent.get("delivery").get("messageId").asText();
        assertThat(received(messageId)).as("delivered once").hasSize(1);
        // a later recovery run or retry sends nothing more
        Thread.sleep(2_500);
        assertThat(received(messageId)).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count())
                .isZero();
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(pid)
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(auditTypes(id).stream().filter("DELIVERED"::equals).count()).isEqualTo(1);

        // the e-mail: the report in the body, the record attached; the body as received verifies, footer included
        MimeMessage mail = received(messageId).get(0);
        String body = bodyText(mail);
        assertThat(body).startsWith(sent.get("disclosedText").asText()).contains("\n-- \n");
        assertThat(verify(Map.of("text", body)).get("outcome").asText()).isEqualTo("AUTHENTIC");
        assertThat(sent.get("disclosure").get("category").asText())
                .as("written by hand over the offline template: no model text")
                .isEqualTo("HUMAN");
    }

    @Test
    void aLetterNoJobWillSendAnyMoreIsSentOnceByTheRecovery() throws Exception {
        long id = letterWaitingForTheMailServer(
                "Résiliation",
                "Madame,\n\nNous avons bien enregistré votre demande de résiliation de votre contrat santé, "
                        + "qui prendra effet au 31 décembre. Vous recevrez une attestation de fin de contrat la "
                        + "semaine prochaine.\n\nNous vous prions d'agréer nos salutations distinguées.\n\nVotre "
                        + "conseiller");
        // an operator cancels the instance in Cockpit (or it ran on a process version without the deliver step)
        String pid = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(id))
                .singleResult()
                .getId();
        runtimeService.deleteProcessInstance(pid, "annulée par un opérateur");
        jdbc.sql("update delivery set created_at = created_at - interval '1 hour' where case_id = ?")
                .param(id)
                .update();
        TestMailAndKeys.restartSmtp();
        JsonNode sent = awaitStatus(id, "DISCLOSED");
        String messageId = sent.get("delivery").get("messageId").asText();
        assertThat(received(messageId)).hasSize(1);
        Thread.sleep(2_500);
        assertThat(received(messageId)).as("sent once").hasSize(1);
        assertThat(auditTypes(id).stream().filter("DELIVERED"::equals).count()).isEqualTo(1);
    }

    @Test
    void aLetterAnotherRunSendsMeanwhileIsNotSentAgain() throws Exception {
        long id = letterWaitingForTheMailServer(
                "Attestation de paiement",
                "Madame,\n\nVous trouverez ci-joint l'attestation de paiement de vos cotisations pour l'année en "
                        + "cours, à joindre à votre déclaration.\n\nNous vous prions d'agréer nos salutations "
                        + "distinguées.\n\nVotre conseiller");
        TestMailAndKeys.restartSmtp();
        String messageId = jdbc.sql("select message_id from delivery where case_id = ?")
                .param(id)
                .query(String.class)
                .single();
        // another run holds the delivery's row: it has just recorded « sent » and waits for its commit
        TransactionStatus other = transactions.getTransaction(
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        jdbc.sql("update delivery set status = 'SENT', sent_at = now() where case_id = ?")
                .param(id)
                .update();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread second = new Thread(() -> {
            try {
                deliveries.deliver(id, "FINAL");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        second.start();
        Eventually.await(
                "the second run waiting for the row",
                Duration.ofSeconds(20),
                () -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                                .query(Long.class)
                                .single()
                        > 0);
        transactions.commit(other);
        second.join(20_000);
        assertThat(second.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(received(messageId)).as("not sent again").isEmpty();
        awaitStatus(id, "DISCLOSED");
        assertThat(auditTypes(id).stream().filter("DELIVERED"::equals).count()).isEqualTo(1);
    }

    @Test
    void aMemberWithoutAnEmailAddressGetsTheLetterThroughTheMailRoom() throws Exception {
        members.insertIfAbsent(new Member(
                "M-9901",
                "Odile",
                "Sanscourriel",
                java.time.LocalDate.of(1950, 2, 1),
                null,
                null,
                "3 place du Marché",
                "Saintes",
                "AUTO-1990-000001"));
        long id = open("reply-letter", "M-9901", "Attestation");
        String letter = "Madame,\n\nVous trouverez votre attestation d'assurance automobile dans votre espace "
                + "sociétaire, et nous vous l'adressons également par courrier. Elle est valable jusqu'au 31 décembre. "
                + "Nous restons à votre disposition pour toute question.\n\nNous vous prions d'agréer nos salutations "
                + "distinguées.\n\nVotre conseiller";
        approveAfterEdit(id, letter);
        JsonNode c = awaitStatus(id, "DISCLOSED");
        assertThat(c.get("delivery").get("recipient").asText()).isEqualTo("MAIL_ROOM");
        MimeMessage mail = received(c.get("delivery").get("messageId").asText()).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("courrier@tandem.invalid");
        assertThat(mail.getSubject()).startsWith("Courrier à imprimer et poster");
        assertThat(bodyText(mail)).contains("Odile Sanscourriel").contains("3 place du Marché");
        try (PDDocument doc = Loader.loadPDF(attachment(mail, "application/pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Saintes").contains("Votre conseiller");
        }
    }

    @Test
    void publicVerificationRefusesWhatItCannotReadInFrench() throws Exception {
        Api.Response empty = api.post(null, "/api/public/provenance/verify", Map.of("text", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("message").asText()).contains("Collez le texte");
        Api.Response badHash = api.get(null, "/api/public/provenance/pas-une-empreinte");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.body().get("message").asText()).contains("SHA-256");
        MvcResult notPdf = upload("fichier.pdf", "ceci n'est pas un PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.getResponse().getStatus()).isEqualTo(400);
        assertThat(notPdf.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("pas un PDF");
        MvcResult emptyFile = upload("vide.pdf", new byte[0]);
        assertThat(emptyFile.getResponse().getStatus()).isEqualTo(400);
        assertThat(emptyFile.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("vide");
        JsonNode keys = api.get(null, "/api/public/provenance/keys").body();
        assertThat(keys.get("keys").get(0).get("kty").asText()).isEqualTo("EC");
        assertThat(keys.toString()).doesNotContain("\"d\"");
    }

    // --- helpers ---

    private long open(String useCase, String member, String subject) {
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        useCase,
                        "memberId",
                        member,
                        "subject",
                        subject,
                        "message",
                        "Bonjour, pouvez-vous me répondre au sujet de « " + subject + " » ? Merci."));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        long id = created.body().get("id").asLong();
        awaitStatus(id, "IN_REVIEW");
        return id;
    }

    /** The provider of this context is the offline drafter: the model's path is tested with its draft recorded as a model's. */
    private void aModelWroteTheDraft(long caseId) {
        jdbc.sql("update draft set producer = 'MODEL', model = 'test-model' where case_id = ? and producer = 'OFFLINE'")
                .param(caseId)
                .update();
    }

    private void approveAfterEdit(long id, String text) {
        decide("bob", awaitTask("bob", id, "review"), Map.of("decision", "EDIT"));
        decide("bob", awaitTask("bob", id, "edit"), Map.of("decision", "SUBMIT", "text", text));
        Api.Response approved = decide("bob", awaitTask("bob", id, "approve"), Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
    }

    private Api.Response decide(String user, String taskId, Map<String, String> body) {
        if (List.of("ACCEPT", "APPROVE").contains(body.get("decision"))) {
            api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", 5000));
        }
        return api.post(user, "/api/tasks/" + taskId + "/complete", body);
    }

    private String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " task of case " + caseId, Duration.ofSeconds(20), () -> {
            JsonNode tasks = api.get(user, "/api/tasks").body().get("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    /** A reply letter approved while the mail server is down: its delivery waits with an incident. */
    private long letterWaitingForTheMailServer(String subject, String letter) {
        TestMailAndKeys.stopSmtp();
        long id = open("reply-letter", "M-1003", subject);
        approveAfterEdit(id, letter);
        awaitDeliveryIncident(id);
        return id;
    }

    private JsonNode awaitDeliveryIncident(long id) {
        return Eventually.await("an incident on the delivery", Duration.ofSeconds(30), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return c.get("delivery").isObject()
                            && c.get("delivery").get("incident").asBoolean()
                    ? c
                    : null;
        });
    }

    private JsonNode awaitStatus(long id, String status) {
        return Eventually.await("case " + id + " " + status, Duration.ofSeconds(30), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return status.equals(c.get("status").asText()) ? c : null;
        });
    }

    private List<String> auditTypes(long id) {
        List<String> types = new ArrayList<>();
        api.get("bob", "/api/cases/" + id + "/audit")
                .body()
                .get("events")
                .forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static List<MimeMessage> received(String messageId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TestMailAndKeys.smtp().getReceivedMessages()) {
            if (messageId.equals(m.getMessageID())) {
                found.add(m);
            }
        }
        return found;
    }

    private static byte[] attachment(MimeMessage mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(mail));
    }

    private static String bodyText(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return part.getContent().toString().replace("\r\n", "\n");
            }
            if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType("text/plain")) {
                        return inner.getBodyPart(j).getContent().toString().replace("\r\n", "\n");
                    }
                }
            }
        }
        throw new AssertionError("no text body");
    }

    /** The record with one letter of its claims changed: the signature no longer holds. */
    private static String forged(String record) {
        String[] parts = record.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"AI_VALIDATED\"", "\"HUMAN_WITH\"");
        return parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private JsonNode verify(Map<String, String> body) {
        Api.Response response = api.post(null, "/api/public/provenance/verify", body);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private JsonNode verifyDocument(byte[] pdf) throws Exception {
        MvcResult result = upload("courrier.pdf", pdf);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MvcResult upload(String name, byte[] bytes) throws Exception {
        jakarta.servlet.http.Cookie token = mvc.perform(MockMvcRequestBuilders.get("/api/me"))
                .andReturn()
                .getResponse()
                .getCookie("XSRF-TOKEN");
        return mvc.perform(MockMvcRequestBuilders.multipart("/api/public/provenance/verify/document")
                        .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                        .cookie(token)
                        .header("X-XSRF-TOKEN", token.getValue()))
                .andReturn();
    }

    private byte[] download(String user, long id) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/cases/" + id + "/document")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(user, user)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
