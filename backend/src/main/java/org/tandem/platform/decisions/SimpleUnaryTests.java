package org.tandem.platform.decisions;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Decides the rule tests decision tables are mostly made of — « - », {@code true} or {@code false}, a
 * comparison with a number, an interval of numbers, a plain string — in plain Java, and hands every other test
 * (and every test of a value of another type, null included) to Camunda's FEEL engine, whose answers are the
 * same (checked test by test in SimpleUnaryTestsTest). Why: the FEEL engine of Camunda 7.24 parses a test and
 * builds its built-in functions at every evaluation, most of the disclosure table's cost (issue 18).
 */
final class SimpleUnaryTests implements FeelEngine {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*" + NUMBER);
    private static final Pattern INTERVAL =
            Pattern.compile("([\\[\\]\\(])\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*([\\[\\]\\)])");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

    private final FeelEngine feel;

    SimpleUnaryTests(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        return feel.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        TypedValue typed = variables.resolve(inputVariable);
        Boolean answer = decide(expression.trim(), typed == null ? null : typed.getValue());
        return answer != null ? answer : feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }

    /** The test's answer for this value, or null when the FEEL engine must answer (another form or type). */
    static Boolean decide(String test, Object value) {
        if (test.equals("-")) {
            return true;
        }
        if (value == null) {
            return null;
        }
        if (test.equals("true") || test.equals("false")) {
            return value instanceof Boolean b ? b == Boolean.parseBoolean(test) : null;
        }
        Matcher string = STRING.matcher(test);
        if (string.matches()) {
            return value instanceof String s ? s.equals(string.group(1)) : null;
        }
        BigDecimal number = number(value);
        if (number == null) {
            return null;
        }
        Matcher comparison = COMPARISON.matcher(test);
        if (comparison.matches()) {
            int c = number.compareTo(new BigDecimal(comparison.group(2)));
            String operator = comparison.group(1);
            if (operator == null) {
                return c == 0;
            }
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
        Matcher interval = INTERVAL.matcher(test);
        if (interval.matches()) {
            int low = number.compareTo(new BigDecimal(interval.group(2)));
            int high = number.compareTo(new BigDecimal(interval.group(3)));
            boolean startClosed = interval.group(1).equals("[");
            boolean endClosed = interval.group(4).equals("]");
            return (startClosed ? low >= 0 : low > 0) && (endClosed ? high <= 0 : high < 0);
        }
        return null;
    }

    /** The value as FEEL sees a number, for the types whose conversion is exact; null for any other. */
    private static BigDecimal number(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        return null;
    }
}
