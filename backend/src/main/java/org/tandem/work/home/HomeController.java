package org.tandem.work.home;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.work.HomeSection;

/** « Ce qui m'attend »: every registered section that is for the person, in order. */
@RestController
class HomeController {

    record Home(String username, List<HomeSection.HomeEntry> sections) {}

    private final List<HomeSection> sections;
    private final CurrentUsers currentUsers;

    HomeController(List<HomeSection> sections, CurrentUsers currentUsers) {
        this.sections = sections;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/home")
    @PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
    Home home() {
        CurrentUser user = currentUsers.current();
        List<HomeSection.HomeEntry> entries = sections.stream()
                .map(s -> s.of(user))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(HomeSection.HomeEntry::order).thenComparing(HomeSection.HomeEntry::key))
                .toList();
        return new Home(user.username(), entries);
    }
}
