package org.tandem.work.tasklist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.tandem.platform.web.ApiException;
import org.tandem.work.inbox.TaskCriteria;

/** Reads the task list's query parameters, refusing each bad one with a French message about it. */
final class TaskListRequest {

    static final int MAX_SIZE = 200;
    static final int MAX_OFFSET = 10_000;

    private TaskListRequest() {}

    static TaskCriteria criteria(
            String scope,
            String status,
            String useCase,
            String member,
            String dueAfter,
            String dueBefore,
            String minPriority,
            String text,
            String sort,
            String order,
            String suspended) {
        TaskCriteria criteria = new TaskCriteria(
                oneOf("scope", scope, TaskCriteria.Scope.values(), "Le périmètre"),
                oneOf("status", status, TaskCriteria.Status.values(), "L'état"),
                limited("useCase", useCase, 64, "Le cas d'usage"),
                limited("member", member, 100, "Le sociétaire"),
                date("dueAfter", dueAfter),
                date("dueBefore", dueBefore),
                priority(minPriority),
                limited("text", text, 200, "Le texte recherché"),
                oneOf("sort", sort, TaskCriteria.Sort.values(), "Le tri"),
                order == null || order.isBlank() || order.equalsIgnoreCase("asc") || order.equalsIgnoreCase("desc")
                        ? order
                        : fail("order", "L'ordre de tri doit être « asc » ou « desc »."),
                oneOf("suspended", suspended, TaskCriteria.Suspended.values(), "Le choix des tâches suspendues"));
        if (criteria.dueAfter() != null
                && criteria.dueBefore() != null
                && criteria.dueAfter().isAfter(criteria.dueBefore())) {
            throw ApiException.invalidField(
                    "dueBefore", "La date « échéance avant » doit suivre la date « échéance après ».");
        }
        return criteria;
    }

    /** Checks a saved filter's criteria as if they came in the query string. */
    static TaskCriteria check(TaskCriteria c) {
        return criteria(
                c.scope(),
                c.status(),
                c.useCase(),
                c.member(),
                c.dueAfter() == null ? null : c.dueAfter().toString(),
                c.dueBefore() == null ? null : c.dueBefore().toString(),
                c.minPriority() == null ? null : c.minPriority().toString(),
                c.text(),
                c.sort(),
                c.order(),
                c.suspended());
    }

    static int size(Integer size) {
        if (size == null) {
            return 50;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalidField(
                    "size", "La taille de page doit être comprise entre 1 et " + MAX_SIZE + ".");
        }
        return size;
    }

    static int offset(Integer page, int size) {
        int p = page == null ? 0 : page;
        if (p < 0 || (long) p * size > MAX_OFFSET) {
            throw ApiException.invalidField(
                    "page",
                    "Cette page est hors de la liste : affinez les filtres plutôt que" + " d'aller au-delà de "
                            + MAX_OFFSET + " tâches.");
        }
        return p * size;
    }

    private static <E extends Enum<E>> String oneOf(String field, String value, E[] allowed, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (Arrays.stream(allowed).noneMatch(e -> e.name().equals(normalised))) {
            return fail(
                    field,
                    label + " « " + shorten(value) + " » n'existe pas (valeurs possibles : "
                            + String.join(
                                    ", ",
                                    Arrays.stream(allowed)
                                            .map(e -> e.name().toLowerCase(Locale.ROOT))
                                            .toList())
                            + ").");
        }
        return normalised;
    }

    private static String limited(String field, String value, int max, String label) {
        if (value != null && value.length() > max) {
            return fail(field, label + " ne doit pas dépasser " + max + " caractères.");
        }
        return value;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(
                    field, "La date « " + shorten(value) + " » n'est pas valide (format AAAA-MM-JJ).");
        }
    }

    private static Integer priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // same answer as out of range
        }
        throw ApiException.invalidField("minPriority", "La priorité doit être un nombre entre 0 et 100.");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static <T> T fail(String field, String message) {
        throw ApiException.invalidField(field, message);
    }
}
