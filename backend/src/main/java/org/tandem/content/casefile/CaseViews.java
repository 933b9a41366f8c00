package org.tandem.content.casefile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseStatus;
import org.tandem.content.ContentCase;
import org.tandem.content.CurrentText;
import org.tandem.content.Disclosure;
import org.tandem.content.DisclosurePolicy;
import org.tandem.content.DisclosureRepository;
import org.tandem.content.DisclosureService;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.DraftSource;
import org.tandem.content.deadline.TaskEscalation;
import org.tandem.content.delivery.Deliveries;
import org.tandem.content.metrics.CaseMetricsRepository;
import org.tandem.content.review.AiShare;
import org.tandem.content.review.ContentVersion;
import org.tandem.content.review.ContentVersionRepository;
import org.tandem.content.review.ReviewDecision;
import org.tandem.content.review.ReviewDecisionRepository;
import org.tandem.governance.SurveySampling;
import org.tandem.knowledge.KnowledgeDocuments;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.footprint.FootprintReports;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/** Reads cases for people, checking that they may see them. */
@Service
public class CaseViews {

    private final CaseRepository cases;
    private final MemberRepository members;
    private final UseCaseCatalog useCases;
    private final DraftRepository drafts;
    private final DisclosureRepository disclosures;
    private final ContentVersionRepository versions;
    private final ReviewDecisionRepository decisions;
    private final CaseMetricsRepository metrics;
    private final DisclosureService disclosureService;
    private final DisclosurePolicy disclosurePolicy;
    private final KnowledgeDocuments knowledge;
    private final FootprintReports footprints;
    private final SurveySampling surveys;
    private final Deliveries deliveries;
    private final org.tandem.content.deadline.OverdueEscalation escalations;

    CaseViews(
            CaseRepository cases,
            MemberRepository members,
            UseCaseCatalog useCases,
            DraftRepository drafts,
            DisclosureRepository disclosures,
            ContentVersionRepository versions,
            ReviewDecisionRepository decisions,
            CaseMetricsRepository metrics,
            DisclosureService disclosureService,
            DisclosurePolicy disclosurePolicy,
            KnowledgeDocuments knowledge,
            FootprintReports footprints,
            SurveySampling surveys,
            Deliveries deliveries,
            org.tandem.content.deadline.OverdueEscalation escalations) {
        this.deliveries = deliveries;
        this.escalations = escalations;
        this.surveys = surveys;
        this.footprints = footprints;
        this.knowledge = knowledge;
        this.cases = cases;
        this.members = members;
        this.useCases = useCases;
        this.drafts = drafts;
        this.disclosures = disclosures;
        this.versions = versions;
        this.decisions = decisions;
        this.metrics = metrics;
        this.disclosureService = disclosureService;
        this.disclosurePolicy = disclosurePolicy;
    }

    public CaseView view(long id, CurrentUser user) {
        ContentCase c =
                cases.findById(id).orElseThrow(() -> ApiException.notFound("Le dossier n° " + id + " n'existe pas."));
        if (!maySee(c, user)) {
            throw ApiException.forbidden("Ce dossier ne fait pas partie de vos demandes ni de vos groupes.");
        }
        return toView(c, false);
    }

    /** The document sent for a case (the letter's PDF), for whoever may see the case. */
    public byte[] document(long id, CurrentUser user) {
        ContentCase c =
                cases.findById(id).orElseThrow(() -> ApiException.notFound("Le dossier n° " + id + " n'existe pas."));
        if (!maySee(c, user)) {
            throw ApiException.forbidden("Ce dossier ne fait pas partie de vos demandes ni de vos groupes.");
        }
        return deliveries
                .document(id)
                .filter(bytes -> bytes != null && bytes.length > 0)
                .orElseThrow(() -> ApiException.notFound("Le dossier n° " + id + " n'a pas de document envoyé."));
    }

    /**
     * The answer to a request that has just opened this case, as its transaction left it: its AI step, every
     * decision, the text, the disclosure, the delivery, the metrics and any escalation come after that commit, so
     * none is read (issue 18: nine queries per filing that could only find nothing). The person who filed it may
     * see it.
     */
    public CaseView opened(ContentCase c) {
        return toView(c, true);
    }

    /** For callers that already checked access (e.g. through the task's candidate group). */
    public CaseView viewTrusted(long id) {
        return toView(
                cases.findById(id).orElseThrow(() -> ApiException.notFound("Le dossier n° " + id + " n'existe pas.")),
                false);
    }

    public List<CaseView.Summary> requestedBy(CurrentUser user) {
        List<ContentCase> list = cases.findByRequester(user.username(), 200);
        // one query for the list's members: one per member was 200 queries for an adviser's page
        Map<String, Member> byId = members
                .findAllById(list.stream()
                        .map(ContentCase::memberId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        return list.stream()
                .map(c -> new CaseView.Summary(
                        c.id(),
                        c.useCaseKey(),
                        useCaseName(c.useCaseKey()),
                        c.memberId(),
                        memberName(byId.get(c.memberId()), c.memberId()),
                        c.subject(),
                        c.status(),
                        c.createdAt()))
                .toList();
    }

    private boolean maySee(ContentCase c, CurrentUser user) {
        if (c.requestedBy().equals(user.username()) || user.has(Role.ADMIN)) {
            return true;
        }
        return useCases.find(c.useCaseKey())
                .map(u -> user.inGroup(u.expertGroup()) || user.inGroup(u.approverGroup()))
                .orElse(false);
    }

    /** @param justOpened the case's request has just opened it: nothing that comes after the filing is read */
    private CaseView toView(ContentCase c, boolean justOpened) {
        // the latest draft and the versions are read once: the current text is made of them
        Optional<Draft> latestDraft = justOpened ? Optional.empty() : drafts.latest(c.id());
        List<ContentVersion> versionList = justOpened ? List.of() : versions.all(c.id());
        var draft = latestDraft.map(this::draftView).orElse(null);
        Optional<Disclosure> disclosure = justOpened ? Optional.empty() : disclosures.find(c.id());
        var useCase = useCases.find(c.useCaseKey());
        List<ReviewDecision> decisionList = justOpened ? List.of() : decisions.all(c.id());
        int regenerations = (int) decisionList.stream()
                .filter(d -> d.decision().equals("REGENERATE"))
                .count();
        Optional<CurrentText.Current> current = latestDraft.map(d -> CurrentText.of(d, versionList));
        var preview = disclosure.isPresent() || c.status() == CaseStatus.REJECTED
                ? null
                : current.map(cur -> disclosureService.preview(
                                cur.text(),
                                cur.aiSource()
                                        .map(d -> AiShare.of(d.text(), cur.text()))
                                        .orElse(0.0),
                                disclosurePolicy))
                        .orElse(null);
        return new CaseView(
                c.id(),
                c.useCaseKey(),
                useCaseName(c.useCaseKey()),
                c.memberId(),
                memberName(members.findById(c.memberId()).orElse(null), c.memberId()),
                c.subject(),
                c.message(),
                c.status(),
                c.requestedBy(),
                c.createdAt(),
                draft,
                c.finalText(),
                c.approvedBy(),
                c.approvedAt(),
                c.aiShare(),
                c.failureReason(),
                disclosure
                        .map(d -> new CaseView.DisclosureView(
                                d.category(),
                                d.label(),
                                d.citeSources(),
                                d.marker(),
                                d.disclosedAt(),
                                d.channel(),
                                d.digitalSourceType(),
                                d.contentSha256(),
                                d.provenance()))
                        .orElse(null),
                disclosure.map(d -> d.disclosedText()).orElse(null),
                current.map(CurrentText.Current::text).orElse(null),
                versionList.stream()
                        .map(v ->
                                new CaseView.VersionView(v.versionNo(), "EDIT", v.author(), v.createdAt(), v.aiShare()))
                        .toList(),
                regenerations,
                useCase.map(UseCase::regenerationLimit).orElse(0),
                useCase.map(UseCase::fourEyes).orElse(false),
                decisionList.stream()
                        .map(d -> new CaseView.DecisionView(
                                d.taskKey(), d.decision(), d.decidedBy(), d.decidedAt(), d.instruction(), d.reason()))
                        .toList(),
                justOpened ? null : metrics.find(c.id()).orElse(null),
                preview,
                justOpened ? null : deliveries.view(c).orElse(null),
                footprints.forCase(c.id()),
                surveys.asks(c.id(), c.useCaseKey(), c.entityCode()),
                c.withoutAi(),
                c.withoutAiReason(),
                c.dueAt(),
                (justOpened ? Optional.<TaskEscalation>empty() : escalations.of(c.id()))
                        .map(e -> new CaseView.EscalationView(
                                e.escalatedAt(),
                                e.taskName(),
                                e.mode(),
                                e.escalatedTo(),
                                e.toGroup(),
                                e.previousAssignee(),
                                e.fallbackReason(),
                                e.handledBy(),
                                e.handledAt(),
                                e.handledNote()))
                        .orElse(null));
    }

    private CaseView.DraftView draftView(Draft d) {
        var annexes = drafts.annexes(d.id());
        var sources = annexes.sources();
        var staleNow = sources.isEmpty()
                ? java.util.Set.<String>of()
                : knowledge.staleAmong(
                        sources.stream().map(DraftSource::reference).toList());
        var flags = new java.util.ArrayList<CaseView.FlagView>();
        annexes.guardrails().ifPresent(report -> {
            report.output()
                    .forEach(f -> flags.add(
                            new CaseView.FlagView(f.code(), f.blocking() ? "blocking" : "warning", f.message())));
            report.input().forEach(f -> flags.add(new CaseView.FlagView(f.code(), "info", f.message())));
        });
        sources.stream()
                .filter(s -> s.stale() || staleNow.contains(s.reference()))
                .map(DraftSource::reference)
                .distinct()
                .forEach(ref -> flags.add(new CaseView.FlagView(
                        "STALE_SOURCE",
                        "warning",
                        "Le document « " + ref + " » cité par ce brouillon a dépassé sa date de relecture : "
                                + "vérifiez que ce qu'il dit est toujours vrai.")));
        return new CaseView.DraftView(
                d.text(),
                d.producer().name(),
                d.model(),
                d.producerLabel(),
                d.promptVersion(),
                d.createdAt(),
                sources.stream()
                        .map(s -> new CaseView.SourceView(
                                s.id(),
                                s.reference(),
                                s.title(),
                                s.heading(),
                                s.citation(),
                                s.text(),
                                s.stale() || staleNow.contains(s.reference()),
                                s.lastReviewed()))
                        .toList(),
                List.copyOf(flags));
    }

    private String useCaseName(String key) {
        return useCases.find(key).map(UseCase::name).map(UseCase.Text::fr).orElse(key);
    }

    private static String memberName(Member member, String fallback) {
        return member == null ? fallback : member.displayName();
    }
}
