package org.tandem.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseVariables;
import org.tandem.content.ContentCase;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.DraftingService;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;

/**
 * Field extraction: the AI step's answer becomes one row per field of the use case's schema, with
 * where the value stands in the document; people confirm, correct or mark each field absent, and
 * only verified values are recorded.
 */
@Service
public class ExtractionService {

    public static final String TOPIC = "extract-fields";
    public static final String VERIFY_TASK = "verifyFields";
    public static final String ENTER_TASK = "enterFields";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field as the verifying person sees it. */
    public record FieldView(
            String name,
            String label,

            @Schema(implementation = UseCase.FieldType.class)
            String type,

            boolean optional,
            String aiValue,
            String value,
            ExtractionField.Status status,
            Integer sourceStart,
            Integer sourceEnd,
            String sourceText,
            String verifiedBy,
            OffsetDateTime verifiedAt) {}

    /** The fields of a case, who proposed them, and how far the verification is. */
    public record Fields(long caseId, String producerLabel, int decided, int total, List<FieldView> fields) {}

    private final DraftingService drafting;
    private final DraftRepository drafts;
    private final ExtractionRepository repository;
    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final TaskAccess access;
    private final TaskService taskService;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ExtractionService(
            DraftingService drafting,
            DraftRepository drafts,
            ExtractionRepository repository,
            CaseRepository cases,
            UseCaseCatalog useCases,
            TaskAccess access,
            TaskService taskService,
            AuditTrail audit,
            TransactionTemplate transaction) {
        this.drafting = drafting;
        this.drafts = drafts;
        this.repository = repository;
        this.cases = cases;
        this.useCases = useCases;
        this.access = access;
        this.taskService = taskService;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * The AI step of an extraction (external task {@value #TOPIC}): the raw answer is stored as a
     * draft (idempotent by task and attempt), then read as JSON into the fields.
     *
     * @throws DraftingService.DraftingException when the answer is not the JSON asked for (the worker retries)
     */
    public Draft extract(long caseId, String externalTaskId, int attempt) {
        Draft draft = drafting.draft(caseId, externalTaskId, attempt);
        ContentCase c = cases.findById(caseId).orElseThrow();
        UseCase useCase = schemaOf(c);
        JsonNode answer = parse(draft.text());
        long known = useCase.outputSchema().stream()
                .filter(f -> answer.has(f.name()))
                .count();
        if (known == 0) {
            throw new DraftingService.DraftingException("la réponse de l'IA ne contient aucun des champs attendus");
        }
        transaction.executeWithoutResult(status -> {
            boolean first = repository.fields(caseId).isEmpty();
            var values = new LinkedHashMap<String, Object>();
            var unlocated = new java.util.ArrayList<String>();
            int position = 0;
            for (UseCase.FieldSpec field : useCase.outputSchema()) {
                String value = text(answer.get(field.name()));
                var span = SourceLocator.locate(c.message(), value, useCase, field);
                if (value != null && span.isEmpty()) {
                    unlocated.add(field.name());
                }
                repository.propose(
                        caseId,
                        field.name(),
                        field.label(),
                        field.type().name(),
                        value,
                        span.map(SourceLocator.Span::start).orElse(null),
                        span.map(SourceLocator.Span::end).orElse(null),
                        position++);
                values.put(field.name(), value);
            }
            if (first) {
                var details = new LinkedHashMap<String, Object>();
                details.put("draftId", draft.id());
                details.put("producer", draft.producer().name());
                details.put("model", draft.model());
                details.put("sourceNotFound", unlocated);
                audit.append(caseId, "ai:" + draft.model(), AuditType.EXTRACTED, details, Map.of("fields", values));
            }
        });
        return draft;
    }

    static JsonNode parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        // models often wrap JSON in a ```json fence
        var fence = java.util.regex.Pattern.compile("```(?:json)?\\s*(.*?)\\s*```", java.util.regex.Pattern.DOTALL)
                .matcher(text);
        if (fence.find()) {
            text = fence.group(1);
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new DraftingService.DraftingException("la réponse de l'IA n'est pas un objet JSON");
        }
        try {
            JsonNode node = JSON.readTree(text.substring(open, close + 1));
            if (node == null || !node.isObject()) {
                throw new DraftingService.DraftingException("la réponse de l'IA n'est pas un objet JSON");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DraftingService.DraftingException(
                    "la réponse de l'IA n'est pas un JSON valide (" + e.getOriginalMessage() + ")");
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        String s = node.isValueNode() ? node.asText() : node.toString();
        return s.isBlank() ? null : s.strip();
    }

    /** Execution listener on "Saisir les champs": the fields to enter by hand, empty when the AI gave none. */
    public void prepareManualEntry(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        UseCase useCase = schemaOf(cases.findById(caseId).orElseThrow());
        int position = 0;
        for (UseCase.FieldSpec field : useCase.outputSchema()) {
            repository.prepareEmpty(
                    caseId, field.name(), field.label(), field.type().name(), position++);
        }
    }

    /** Service task "Enregistrer les champs vérifiés": only verified or corrected values are kept. */
    public void record(long caseId) {
        int stored = repository.record(caseId);
        if (stored > 0) {
            audit.append(
                    caseId,
                    "system",
                    AuditType.FIELDS_RECORDED,
                    Map.of(),
                    Map.of("recorded", repository.recorded(caseId)));
        }
    }

    public Map<String, String> recorded(long caseId) {
        return repository.recorded(caseId);
    }

    /** The fields of a case, for whoever may see the case. */
    public Fields fieldsOfCase(long caseId, CurrentUser user) {
        ContentCase c = cases.findById(caseId)
                .orElseThrow(() -> ApiException.notFound("Le dossier n° " + caseId + " n'existe pas."));
        requireCaseAccess(c, user);
        return view(c);
    }

    /** The fields of the case a task belongs to. */
    public Fields fieldsOfTask(String taskId, CurrentUser user) {
        Task task = access.requireVisible(taskId, user);
        ContentCase c = caseOf(task);
        requireCaseAccess(c, user);
        return view(c);
    }

    @Transactional
    public FieldView decide(
            String taskId, String name, String rawValue, ExtractionField.Status status, CurrentUser user) {
        Task task = access.requireWorkable(taskId, user);
        requireExtractionTask(task);
        ContentCase c = caseOf(task);
        requireCaseAccess(c, user);
        UseCase useCase = schemaOf(c);
        UseCase.FieldSpec spec = useCase.outputSchema().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> ApiException.notFound("Le champ « " + name + " » n'existe pas pour ce cas d'usage."));
        ExtractionField field = repository.fields(c.id()).stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.conflict("Les champs de ce dossier ne sont pas encore prêts."));
        if (status == null || status == ExtractionField.Status.PENDING) {
            throw ApiException.invalidField("status", "Choisissez : confirmer, corriger ou absent du document.");
        }
        String value = switch (status) {
            case VERIFIED -> {
                if (field.aiValue() == null) {
                    throw ApiException.invalidField(
                            "value",
                            "Aucune valeur proposée à confirmer pour « " + spec.label()
                                    + " » : saisissez-la (« Corriger ») ou déclarez-la absente du document.");
                }
                String ai = FieldValues.normalise(spec.type(), field.aiValue());
                if (rawValue != null && !rawValue.isBlank() && !FieldValues.sameValue(spec.type(), rawValue, ai)) {
                    throw ApiException.invalidField(
                            "value", "La valeur saisie diffère de celle proposée : choisissez « Corriger ».");
                }
                yield ai;
            }
            case CORRECTED -> FieldValues.normalise(spec.type(), rawValue);
            default -> null;
        };
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
        repository.decide(c.id(), name, value, status, user.username());
        var details = new LinkedHashMap<String, Object>();
        details.put("taskId", task.getId());
        details.put("field", name);
        details.put("status", status.name());
        var personal = new LinkedHashMap<String, Object>();
        personal.put("aiValue", field.aiValue());
        personal.put("value", value);
        audit.append(c.id(), user.username(), AuditType.FIELD_VERIFIED, details, personal);
        return view(c).fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** "Enregistrer les champs vérifiés" on verifyFields or enterFields; called by its task handler. */
    public void submit(Task task, long caseId, TaskDecision decision, CurrentUser user) {
        if (decision.decision() != TaskDecision.Decision.SUBMIT) {
            throw ApiException.invalidField(
                    "decision",
                    "La décision « " + decision.decision() + " » n'est pas possible sur la tâche « " + task.getName()
                            + " ».");
        }
        ContentCase c = cases.findById(caseId).orElseThrow();
        requireCaseAccess(c, user);
        List<ExtractionField> fields = repository.fields(caseId);
        List<String> pending = fields.stream()
                .filter(f -> f.status() == ExtractionField.Status.PENDING)
                .map(ExtractionField::label)
                .toList();
        if (fields.isEmpty() || !pending.isEmpty()) {
            throw ApiException.invalidField(
                    "fields",
                    fields.isEmpty()
                            ? "Ce dossier n'a aucun champ à enregistrer."
                            : "Champs encore à vérifier : " + String.join(", ", pending) + ".");
        }
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
        taskService.complete(task.getId());
    }

    private Fields view(ContentCase c) {
        List<ExtractionField> rows = repository.fields(c.id());
        UseCase useCase = useCases.find(c.useCaseKey()).orElse(null);
        List<FieldView> fields = rows.stream()
                .map(f -> new FieldView(
                        f.name(),
                        f.label(),
                        f.fieldType(),
                        useCase != null
                                && useCase.outputSchema() != null
                                && useCase.outputSchema().stream()
                                        .anyMatch(s -> s.name().equals(f.name()) && s.isOptional()),
                        f.aiValue(),
                        f.value(),
                        f.status(),
                        f.sourceStart(),
                        f.sourceEnd(),
                        SourceLocator.excerpt(c.message(), f.sourceStart(), f.sourceEnd(), 60),
                        f.verifiedBy(),
                        f.verifiedAt()))
                .toList();
        int decided = (int) rows.stream()
                .filter(f -> f.status() != ExtractionField.Status.PENDING)
                .count();
        return new Fields(c.id(), producerLabel(c.id()), decided, rows.size(), fields);
    }

    private String producerLabel(long caseId) {
        return drafts.latestFromAiStep(caseId)
                .map(d -> switch (d.producer()) {
                    case OFFLINE -> OfflineExtractor.LABEL;
                    case MODEL -> "Champs proposés par l'IA générative (" + d.model() + ")";
                    case HUMAN -> "Saisis par un collaborateur";
                })
                .orElse("Saisie manuelle — l'IA n'a proposé aucune valeur");
    }

    private ContentCase caseOf(Task task) {
        long caseId = Long.parseLong(access.businessKey(task));
        return cases.findById(caseId)
                .orElseThrow(() -> ApiException.notFound("Le dossier n° " + caseId + " n'existe pas."));
    }

    private UseCase schemaOf(ContentCase c) {
        UseCase useCase = useCases.find(c.useCaseKey()).orElseThrow();
        if (useCase.outputSchema() == null || useCase.outputSchema().isEmpty()) {
            throw ApiException.badRequest("Le cas d'usage « " + useCase.key() + " » n'extrait pas de champs.");
        }
        return useCase;
    }

    /** The requester, the use case's experts and approvers, and administrators; not another adviser. */
    private void requireCaseAccess(ContentCase c, CurrentUser user) {
        boolean allowed = c.requestedBy().equals(user.username())
                || user.has(Role.ADMIN)
                || useCases.find(c.useCaseKey())
                        .map(u -> user.inGroup(u.expertGroup()) || user.inGroup(u.approverGroup()))
                        .orElse(false);
        if (!allowed) {
            throw ApiException.forbidden("Ce dossier ne fait pas partie de vos demandes ni de vos groupes.");
        }
    }

    private static void requireExtractionTask(Task task) {
        if (!VERIFY_TASK.equals(task.getTaskDefinitionKey()) && !ENTER_TASK.equals(task.getTaskDefinitionKey())) {
            throw ApiException.badRequest("Les champs ne se vérifient que sur les tâches « Vérifier les champs "
                    + "extraits » et « Saisir les champs ».");
        }
    }
}
