package org.tandem.content.drafting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.database.Rows;
import org.tandem.platform.usecase.UseCase;

/**
 * Says why the AI must not be called for a use case right now: switched off, or its monthly budget
 * (tokens or euros, counted from the recorded model calls of the calendar month, Paris time) spent.
 */
@Component
public class AiBudget {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;

    AiBudget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Spent(long tokens, BigDecimal euros) {}

    /**
     * Whether the AI may draft now, and with which model.
     *
     * @param refusal       why people must write instead (null: the AI may draft)
     * @param modelOverride the smaller model to use because the budget is spent (null: the use case's own)
     * @param reason        why the smaller model is used, for the audit
     */
    public record Verdict(String refusal, String modelOverride, String reason) {
        static Verdict proceed() {
            return new Verdict(null, null, null);
        }
    }

    public Verdict verdict(UseCase useCase) {
        Optional<String> spent = refusal(useCase);
        if (spent.isEmpty()) {
            return Verdict.proceed();
        }
        UseCase.AiSettings ai = useCase.aiSettings();
        if (ai.isEnabled() && ai.budgetFallback() == UseCase.BudgetFallback.SMALLER_MODEL) {
            // the cheaper model keeps the drafts coming for the rest of the month; its calls are counted too
            return new Verdict(null, ai.smallerModel(), spent.get());
        }
        return new Verdict(spent.get(), null, null);
    }

    Optional<String> refusal(UseCase useCase) {
        UseCase.AiSettings ai = useCase.aiSettings();
        if (!ai.isEnabled()) {
            return Optional.of("l'IA est désactivée pour le cas d'usage « "
                    + useCase.name().fr() + " »");
        }
        if (ai.monthlyTokenBudget() == null && ai.monthlyEuroBudget() == null) {
            return Optional.empty();
        }
        Spent spent = spentThisMonth(useCase.key());
        if (ai.monthlyTokenBudget() != null && spent.tokens() >= ai.monthlyTokenBudget()) {
            return Optional.of("le budget mensuel de " + ai.monthlyTokenBudget() + " jetons est épuisé");
        }
        if (ai.monthlyEuroBudget() != null && spent.euros().compareTo(ai.monthlyEuroBudget()) >= 0) {
            return Optional.of("le budget mensuel de " + ai.monthlyEuroBudget() + " € est épuisé");
        }
        return Optional.empty();
    }

    Spent spentThisMonth(String useCaseKey) {
        // model_spend follows model_call (a trigger, V103): one row, however many calls the month has seen
        return jdbc.sql("select tokens, euros from model_spend where use_case_key = ? and month = ?")
                .params(useCaseKey, LocalDate.now(PARIS).withDayOfMonth(1))
                .query(Rows.of(Spent.class))
                .optional()
                .orElse(new Spent(0, BigDecimal.ZERO));
    }
}
