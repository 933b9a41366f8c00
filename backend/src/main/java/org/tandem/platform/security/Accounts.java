package org.tandem.platform.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.web.ApiException;

/**
 * The people who log in with a password (form login), kept in Camunda's identity service: an
 * administrator lists them and opens an account with its roles and its use cases' groups, from
 * Tandem's screen rather than Camunda Admin. With single sign-on, people come from the provider
 * instead and need no account here. Every refusal names its field in French.
 */
@Service
class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** Camunda's own rule for ids (application.yml, generalResourceWhitelistPattern), lower case. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");

    static final int MIN_PASSWORD = 12;

    /** An account as the screen lists it: its groups by id (roles and use cases' groups). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Account")
    public record Account(String username, String firstName, String lastName, String email, List<String> groups) {}

    /** A group an account may join: a role of Tandem (`role` set) or the experts or approvers of a use case. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AccountGroup")
    public record AccountGroup(String id, String name, String role) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "AccountList")
    public record AccountList(List<Account> accounts, List<AccountGroup> groups, int minPasswordLength) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewAccount")
    public record NewAccount(
            String username, String firstName, String lastName, String email, String password, List<String> groups) {}

    private final IdentityService identityService;

    Accounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    public AccountList all(CurrentUser admin) {
        requireAdmin(admin);
        List<AccountGroup> groups = groups();
        Map<String, List<String>> groupsOf = new TreeMap<>();
        for (AccountGroup group : groups) {
            for (User member :
                    identityService.createUserQuery().memberOfGroup(group.id()).listPage(0, Identities.SCAN)) {
                groupsOf.computeIfAbsent(member.getId(), k -> new ArrayList<>()).add(group.id());
            }
        }
        List<Account> accounts =
                identityService.createUserQuery().orderByUserId().asc().listPage(0, Identities.SCAN).stream()
                        .map(u -> new Account(
                                u.getId(),
                                u.getFirstName(),
                                u.getLastName(),
                                u.getEmail(),
                                List.copyOf(groupsOf.getOrDefault(u.getId(), List.of()))))
                        .toList();
        return new AccountList(accounts, groups, MIN_PASSWORD);
    }

    /** Opens the account with its groups, all at once: a refused field stores nothing. */
    @Transactional
    public Account create(NewAccount request, CurrentUser admin) {
        requireAdmin(admin);
        if (request == null) {
            throw ApiException.badRequest(
                    "Décrivez le compte à créer : identifiant, prénom, nom, mot de passe et rôles.");
        }
        String username = request.username() == null ? "" : request.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.invalidField(
                    "username",
                    "L'identifiant s'écrit en minuscules, chiffres et tirets (de 2 à 63 caractères), par exemple"
                            + " « lea-martin ».");
        }
        if (identityService.createUserQuery().userId(username).count() > 0) {
            throw ApiException.invalidField("username", "Le compte « " + username + " » existe déjà.");
        }
        String firstName = required("firstName", request.firstName(), "Le prénom");
        String lastName = required("lastName", request.lastName(), "Le nom");
        String email = request.email() == null ? "" : request.email().strip();
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw ApiException.invalidField("email", "L'adresse e-mail « " + email + " » n'est pas valide.");
        }
        String password = request.password() == null ? "" : request.password();
        if (password.length() < MIN_PASSWORD || password.length() > 128 || password.isBlank()) {
            throw ApiException.invalidField(
                    "password", "Le mot de passe compte au moins " + MIN_PASSWORD + " caractères (et au plus 128).");
        }
        if (password.equalsIgnoreCase(username)) {
            throw ApiException.invalidField("password", "Le mot de passe ne peut pas être l'identifiant.");
        }
        Map<String, AccountGroup> known = new LinkedHashMap<>();
        groups().forEach(g -> known.put(g.id(), g));
        List<String> wanted = request.groups() == null ? List.of() : request.groups();
        if (wanted.stream()
                .noneMatch(
                        g -> g != null && known.containsKey(g) && known.get(g).role() != null)) {
            throw ApiException.invalidField("groups", "Choisissez au moins un rôle.");
        }
        for (String group : wanted) {
            if (group == null || !known.containsKey(group)) {
                throw ApiException.invalidField("groups", "Le groupe « " + group + " » n'existe pas.");
            }
        }
        User user = identityService.newUser(username);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email.isEmpty() ? null : email);
        user.setPassword(password);
        identityService.saveUser(user);
        List<String> joined = wanted.stream().distinct().toList();
        joined.forEach(group -> identityService.createMembership(username, group));
        log.info("account {} opened by {} with groups {}", username, admin.username(), joined);
        return new Account(username, firstName, lastName, email.isEmpty() ? null : email, joined);
    }

    /** Tandem's roles first (in their order), then the use cases' groups by name. */
    List<AccountGroup> groups() {
        List<AccountGroup> roles = new ArrayList<>();
        List<AccountGroup> others = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().list()) {
            Optional<Role> role = Role.ofGroup(group.getId());
            AccountGroup g = new AccountGroup(
                    group.getId(), group.getName(), role.map(Role::name).orElse(null));
            (role.isPresent() ? roles : others).add(g);
        }
        roles.sort(Comparator.comparing(g -> Role.valueOf(g.role()).ordinal()));
        others.sort(Comparator.comparing(g -> g.name() == null ? g.id() : g.name()));
        roles.addAll(others);
        return roles;
    }

    private static String required(String field, String value, String what) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ApiException.invalidField(field, what + " est obligatoire.");
        }
        if (v.length() > 100) {
            throw ApiException.invalidField(field, what + " compte au plus 100 caractères.");
        }
        return v;
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw ApiException.forbidden("Seul un administrateur de Tandem gère les comptes.");
        }
    }
}
