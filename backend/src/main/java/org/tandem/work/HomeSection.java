package org.tandem.work;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tandem.platform.security.CurrentUser;

/**
 * What a module puts on a person's home, « Ce qui m'attend » (issue 19): a count and the first items
 * that need the person now, each a link to the screen where the work is done. A module registers a
 * bean per section; {@code GET /api/home} asks every registered section, in their order.
 */
public interface HomeSection {

    /** How many items a section lists at most; its count tells how many there are in all. */
    int FIRST = 5;

    /**
     * The section for this person, empty when it is not for them (not their role). A section that is
     * for them but has nothing now answers with a count of zero: the home says so.
     */
    Optional<HomeEntry> of(CurrentUser user);

    /**
     * Processes whose tasks this section shows on screens of its own: the home's task sections (« Mes
     * tâches », « À prendre ») leave them out, so no task shows twice.
     */
    default Set<String> processKeys() {
        return Set.of();
    }

    /**
     * @param key   the section's name, which the frontend words (e.g. {@code tasks.mine})
     * @param order where it stands on the home (lower first)
     * @param count how many items there are in all
     * @param link  the screen that lists them all (a route of the frontend, e.g. {@code /tasks})
     * @param items the first {@link #FIRST} of them
     */
    record HomeEntry(String key, int order, long count, String link, List<HomeItem> items) {}

    /**
     * @param label  what the item is about (a subject, a project's title)
     * @param detail what is to be done (a task's name), or null
     * @param link   where to do it
     * @param flag   a state the frontend words and highlights: {@code OVERDUE}, {@code GUARDRAIL_CROSSED},
     *               {@code ASSIGNED}; or null
     */
    record HomeItem(
            String label,
            String detail,
            String link,

            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"OVERDUE", "GUARDRAIL_CROSSED", "ASSIGNED"})
            String flag) {}
}
