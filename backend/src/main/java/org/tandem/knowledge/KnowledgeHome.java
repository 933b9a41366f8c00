package org.tandem.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.work.HomeSection;

/**
 * The home's « Documents à relire » (issue 19): the reviews of knowledge documents the person owns or
 * whose owning group they belong to, each opened on its review screen. Shown to whoever has one, and
 * always to the roles that look after the base (AI referents, administrators, the data protection officer).
 */
@Component
class KnowledgeHome implements HomeSection {

    private final KnowledgeReviews reviews;

    KnowledgeHome(KnowledgeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<HomeEntry> of(CurrentUser user) {
        if (user.has(Role.SERVICE) && user.roles().size() == 1) {
            return Optional.empty();
        }
        List<KnowledgeReviews.ReviewTask> open = reviews.openFor(user);
        boolean keeper = user.has(Role.AI_REFERENT) || user.has(Role.ADMIN) || user.has(Role.DPO);
        if (open.isEmpty() && !keeper) {
            return Optional.empty();
        }
        List<HomeItem> items = open.stream()
                .limit(FIRST)
                .map(r -> new HomeItem(
                        r.title(),
                        r.reference(),
                        "/knowledge/reviews/" + r.taskId(),
                        user.username().equals(r.assignee()) ? "ASSIGNED" : null))
                .toList();
        return Optional.of(new HomeEntry("knowledge.reviews", 50, open.size(), "/knowledge", items));
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(KnowledgeReviews.PROCESS_KEY);
    }
}
