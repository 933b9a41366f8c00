package org.tandem.platform.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The Java answers are the FEEL engine's, test by test and value by value; other tests go to FEEL. */
class SimpleUnaryTestsTest {

    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    private static final List<String> TESTS = List.of(
            "-",
            "true",
            "false",
            " true ",
            "> 0",
            ">= 0.5",
            "< 1",
            "<= 0",
            ">0",
            "> -1",
            "<= -0.25",
            "0.5",
            "0",
            "]0..0.5[",
            "[0..0.5]",
            "[0..0.5[",
            "]0..0.5]",
            "(0..1)",
            "[ 0.25 .. 0.75 ]",
            "[-1..1]",
            "\"AI_ONLY\"",
            "\"\"",
            "\"Sociétaire\"");

    private static final List<Object> VALUES = Arrays.asList(
            null,
            true,
            false,
            0,
            1,
            -1,
            2L,
            (short) 0,
            0.0,
            0.5,
            0.25,
            0.4999,
            0.75,
            1.0,
            -0.25,
            -1.5,
            1e-9,
            new BigDecimal("0.50"),
            new BigDecimal("0.5000000000000000000001"),
            "AI_ONLY",
            "",
            "Sociétaire",
            "true",
            "0.5");

    private static VariableContext input(Object value) {
        return Variables.createVariables().putValue("cellInput", value).asVariableContext();
    }

    private static String answer(FeelEngine engine, String test, Object value) {
        try {
            return String.valueOf(engine.evaluateSimpleUnaryTests(test, "cellInput", input(value)));
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    @Test
    void everySimpleTestAnswersAsTheFeelEngineDoes() {
        SimpleUnaryTests simple = new SimpleUnaryTests(FEEL);
        List<String> differences = new ArrayList<>();
        int decidedInJava = 0;
        for (String test : TESTS) {
            for (Object value : VALUES) {
                if (SimpleUnaryTests.decide(test.trim(), value) != null) {
                    decidedInJava++;
                }
                String expected = answer(FEEL, test, value);
                String actual = answer(simple, test, value);
                if (!expected.equals(actual)) {
                    differences.add("« " + test + " » with " + value + " ("
                            + (value == null ? "null" : value.getClass().getSimpleName()) + "): FEEL " + expected
                            + ", Java " + actual);
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(decidedInJava).as("tests decided without the FEEL engine").isGreaterThan(TESTS.size() * 8);
    }

    @Test
    void theDisclosureTablesTestsAreDecidedInJava() {
        assertThat(SimpleUnaryTests.decide("false", false)).isTrue();
        assertThat(SimpleUnaryTests.decide("> 0", 0.3)).isTrue();
        assertThat(SimpleUnaryTests.decide(">= 0.5", 0.5)).isTrue();
        assertThat(SimpleUnaryTests.decide("]0..0.5[", 0.5)).isFalse();
        assertThat(SimpleUnaryTests.decide("<= 0", 0.0)).isTrue();
    }

    @Test
    void otherFormsAndTypesGoToTheFeelEngine() {
        assertThat(SimpleUnaryTests.decide("> 0", null)).isNull();
        assertThat(SimpleUnaryTests.decide("> 0", "1")).isNull();
        assertThat(SimpleUnaryTests.decide("> 0", 1.5f)).isNull();
        assertThat(SimpleUnaryTests.decide("1, 2", 1)).isNull();
        assertThat(SimpleUnaryTests.decide("not(1)", 1)).isNull();
        assertThat(SimpleUnaryTests.decide("> limit", 1)).isNull();
        assertThat(SimpleUnaryTests.decide("\"a\\\"b\"", "a\"b")).isNull();
        SimpleUnaryTests simple = new SimpleUnaryTests(FEEL);
        VariableContext variables = Variables.createVariables()
                .putValue("cellInput", 3)
                .putValue("limit", 2)
                .asVariableContext();
        assertThat(simple.evaluateSimpleUnaryTests("> limit", "cellInput", variables))
                .isTrue();
        assertThat(simple.evaluateSimpleUnaryTests("1, 3", "cellInput", variables))
                .isTrue();
    }
}
