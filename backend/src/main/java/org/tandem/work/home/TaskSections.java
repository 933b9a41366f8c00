package org.tandem.work.home;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.work.HomeSection;
import org.tandem.work.inbox.InboxSearch;
import org.tandem.work.inbox.InboxTask;
import org.tandem.work.inbox.TaskCriteria.Scope;

/**
 * Work's sections of the home, for the people who have a task list (experts, advisers, AI referents):
 * the tasks assigned to them (« Mes tâches ») and those offered to them to take (« À prendre »), read
 * from the task list's read model with its rule of who sees what. Tasks of processes another section
 * shows on its own screens are left out.
 */
@Configuration
class TaskSections {

    static final Set<Role> TASK_LIST = Set.of(Role.EXPERT, Role.ADVISER, Role.AI_REFERENT);

    @Bean
    HomeSection assignedTasks(InboxSearch search, ObjectProvider<HomeSection> all) {
        return new Section("tasks.mine", 10, Scope.MINE, search, all);
    }

    @Bean
    HomeSection offeredTasks(InboxSearch search, ObjectProvider<HomeSection> all) {
        return new Section("tasks.toTake", 20, Scope.GROUPS, search, all);
    }

    private record Section(String key, int order, Scope scope, InboxSearch search, ObjectProvider<HomeSection> all)
            implements HomeSection {

        @Override
        public Optional<HomeEntry> of(CurrentUser user) {
            if (TASK_LIST.stream().noneMatch(user::has)) {
                return Optional.empty();
            }
            Set<String> leftOut = new HashSet<>();
            all.orderedStream().forEach(s -> leftOut.addAll(s.processKeys()));
            InboxSearch.Viewer viewer = new InboxSearch.Viewer(user.username(), user.groups());
            long count = search.countOpen(viewer, scope, leftOut);
            List<HomeItem> items = search.firstOpen(viewer, scope, leftOut, FIRST).stream()
                    .map(Section::item)
                    .toList();
            return Optional.of(new HomeEntry(key, order, count, "/tasks", items));
        }

        private static HomeItem item(InboxTask t) {
            String label = t.subject() != null && !t.subject().isBlank() ? t.subject() : t.name();
            String detail = t.memberName() == null ? t.name() : t.name() + " — " + t.memberName();
            String flag = t.dueAt() != null && t.dueAt().isBefore(java.time.OffsetDateTime.now()) ? "OVERDUE" : null;
            return new HomeItem(label, detail, "/tasks/" + t.id(), flag);
        }
    }
}
