package org.tandem.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tandem.content.CaseService;
import org.tandem.content.NewCaseRequest;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.erasure.Erasures;
import org.tandem.platform.privacy.PseudonymisationCorpus.Item;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.support.Eventually;

/**
 * Nothing personal in the logs, the metrics or the traces (issue 16): the whole corpus goes through the
 * application as requests of the six use cases, drafted by an OpenAI-compatible provider on
 * 127.0.0.1 (so pseudonymisation, the HTTP client and its failures are all on the way), then one
 * member's data are erased; the full run's console output (every logger) and the Prometheus scrape are
 * searched for every identifier of the corpus. None may appear.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.ai.provider=openai-compatible", "tandem.ai.model=mistral-small"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class LogLeakIT {

    static final EchoingOpenAiServer provider = new EchoingOpenAiServer();

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("tandem.ai.base-url", provider::baseUrl);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    CaseService cases;

    @Autowired
    MemberRepository members;

    @Autowired
    Erasures erasures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void noIdentifierOfTheCorpusIsInTheLogsOrTheMetrics(CapturedOutput output) throws Exception {
        List<Item> corpus = PseudonymisationCorpus.load();
        List<Long> filed = new ArrayList<>();
        Set<String> identifiers = new LinkedHashSet<>();
        int n = 0;
        for (Item item : corpus) {
            n++;
            String memberId = null;
            if (item.member() != null) {
                Member m = item.member();
                // a number of its own: the corpus reuses a few demo numbers with other people
                memberId = "L-" + n;
                members.insertIfAbsent(new Member(
                        memberId,
                        m.firstName(),
                        m.lastName(),
                        m.birthDate(),
                        m.email(),
                        m.phone(),
                        m.address(),
                        m.city(),
                        m.policyNumber()));
                identifiers.add(m.firstName() + " " + m.lastName());
                identifiers.add(m.email());
                identifiers.add(Recognisers.nationalPhone(m.phone()));
                identifiers.add(m.address());
                identifiers.add(m.policyNumber());
            }
            item.ids().values().forEach(identifiers::addAll);
            String useCase = item.member() == null ? "knowledge-answer" : item.useCase();
            if (useCase.equals("knowledge-answer") && item.member() != null) {
                useCase = "reply-letter";
            }
            String subject = item.subject().length() > 200 ? item.subject().substring(0, 200) : item.subject();
            filed.add(cases.open(new NewCaseRequest(useCase, memberId, subject, item.text()), ALICE)
                    .id());
        }
        for (long id : filed) {
            Eventually.await(
                    "the AI step of case " + id,
                    Duration.ofMinutes(3),
                    () -> !"DRAFTING"
                            .equals(jdbc.sql("select status from content_case where id = ?")
                                    .param(id)
                                    .query(String.class)
                                    .single()));
        }
        assertThat(provider.bodies())
                .as("the provider drafted the corpus")
                .hasSizeGreaterThanOrEqualTo(corpus.size() / 2);
        erasures.eraseMember("L-1", "Demande d'effacement de test, réf. LOG-1", "dora");

        String metrics = mvc.perform(
                        MockMvcRequestBuilders.get("/actuator/prometheus").with(httpBasic("admin", "admin")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).contains("tandem_");
        String logs = output.getAll();
        assertThat(logs).as("the run was logged").contains("Erasure");

        List<String> leaks = new ArrayList<>();
        for (String identifier : identifiers) {
            if (identifier == null || identifier.strip().length() < 4) {
                continue;
            }
            Pattern p =
                    Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier.strip()) + "(?![\\p{L}\\p{N}])");
            if (p.matcher(logs).find()) {
                leaks.add("log: « " + identifier + " »");
            }
            if (p.matcher(metrics).find()) {
                leaks.add("metrics: « " + identifier + " »");
            }
        }
        assertThat(identifiers).hasSizeGreaterThan(500);
        assertThat(leaks)
                .as("identifiers of the corpus in the logs or the metrics")
                .isEmpty();
    }
}
