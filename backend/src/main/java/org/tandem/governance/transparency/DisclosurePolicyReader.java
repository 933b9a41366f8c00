package org.tandem.governance.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.tandem.governance.transparency.TransparencyReport.DisclosureRule;

/**
 * Reads the disclosure policy's rows from the decision the engine deployed (not a copy), so the
 * public page says exactly what the engine decides, and follows the policy owner's next change.
 */
@Component
public class DisclosurePolicyReader {

    public static final String DECISION_KEY = "disclosure-policy";

    private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<|>|=)?\\s*(-?\\d+(?:\\.\\d+)?)$");
    /** A FEEL interval: ]a..b[ or (a..b) open, [a..b] closed, and their mixes. */
    private static final Pattern INTERVAL =
            Pattern.compile("^([\\[\\](])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\])])$");

    private final RepositoryService repository;

    DisclosurePolicyReader(RepositoryService repository) {
        this.repository = repository;
    }

    public List<DisclosureRule> rules() {
        DecisionDefinition definition = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision " + DECISION_KEY + " is not deployed");
        }
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(DECISION_KEY);
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<String> inputs = table.getInputs().stream()
                .map(DisclosurePolicyReader::inputName)
                .toList();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        List<DisclosureRule> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<String> in =
                    rule.getInputEntries().stream().map(e -> text(e.getText())).toList();
            List<String> out =
                    rule.getOutputEntries().stream().map(e -> text(e.getText())).toList();
            String checked = column(in, inputs, "checkedByHuman");
            String share = column(in, inputs, "aiShare");
            Matcher comparison = COMPARISON.matcher(share);
            Matcher interval = INTERVAL.matcher(share);
            boolean simple = comparison.matches();
            boolean between = !simple && interval.matches();
            String operator = null;
            Double threshold = null;
            String upperOperator = null;
            Double upperThreshold = null;
            if (simple) {
                operator = comparison.group(1) == null ? "=" : comparison.group(1);
                threshold = Double.valueOf(comparison.group(2));
            } else if (between) {
                operator = interval.group(1).equals("[") ? ">=" : ">";
                threshold = Double.valueOf(interval.group(2));
                upperOperator = interval.group(4).equals("]") ? "<=" : "<";
                upperThreshold = Double.valueOf(interval.group(3));
            }
            rules.add(new DisclosureRule(
                    rule.getId(),
                    checked.isEmpty() || checked.equals("-") ? null : Boolean.valueOf(checked),
                    operator,
                    threshold,
                    upperOperator,
                    upperThreshold,
                    simple || between || share.isEmpty() || share.equals("-") ? null : share,
                    unquote(column(out, outputs, "category")),
                    unquote(column(out, outputs, "label")),
                    Boolean.parseBoolean(column(out, outputs, "citeSources"))));
        }
        return rules;
    }

    private static String inputName(Input input) {
        if (input.getCamundaInputVariable() != null) {
            return input.getCamundaInputVariable();
        }
        return text(input.getInputExpression().getText());
    }

    private static String column(List<String> values, List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("The decision " + DECISION_KEY + " has no column " + name);
        }
        return values.get(i);
    }

    private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
        return text == null || text.getTextContent() == null
                ? ""
                : text.getTextContent().trim();
    }

    /** A FEEL string literal without its quotes; an empty cell (no mention) is null. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isBlank() ? null : value;
    }
}
