package org.tandem.governance.entities;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Identities;
import org.tandem.platform.security.Role;
import org.tandem.platform.web.ApiException;

/**
 * The organisation administered: administrators create and edit entities and their hierarchy; the
 * managers of an entity (a manager placed in it or in an entity above it) and administrators place
 * people in it. Every refusal says, in French, what to do instead.
 */
@Service
public class OrganisationService {

    /** A person as the placement screens show them: known to the identity service, placed, or both. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PlaceablePerson")
    public record Person(String username, String displayName, String entityCode, String entityName, String source) {}

    private final EntityDirectory directory;
    private final Identities identities;

    OrganisationService(EntityDirectory directory, Identities identities) {
        this.directory = directory;
        this.identities = identities;
    }

    @Transactional
    public BusinessEntity create(String code, String name, EntityKind kind, String parentCode, CurrentUser admin) {
        requireAdmin(admin);
        EntityRules.code(code).ifPresent(m -> {
            throw ApiException.invalidField("code", m);
        });
        if (directory.find(code).isPresent()) {
            throw ApiException.invalidField(
                    "code", "L'entité « " + code + " » existe déjà : modifiez-la plutôt que de la recréer.");
        }
        BusinessEntity entity = checked(code, name, kind, parentCode);
        directory.insert(entity, admin.username());
        return directory.find(code).orElseThrow();
    }

    @Transactional
    public BusinessEntity update(String code, String name, EntityKind kind, String parentCode, CurrentUser admin) {
        requireAdmin(admin);
        require(code);
        BusinessEntity entity = checked(code, name, kind, parentCode);
        directory.update(entity, admin.username());
        return directory.find(code).orElseThrow();
    }

    /** Only an entity nothing points at: its history (cases, experiments, waves) keeps its code. */
    @Transactional
    public void delete(String code, CurrentUser admin) {
        requireAdmin(admin);
        BusinessEntity entity = require(code);
        List<String> uses = directory.usesOf(code);
        if (!uses.isEmpty()) {
            throw ApiException.conflict("L'entité « " + entity.name() + " » ne peut pas être supprimée : "
                    + String.join(", ", uses) + " s'y rapportent. Renommez-la ou rattachez-les ailleurs.");
        }
        directory.delete(code);
    }

    private BusinessEntity checked(String code, String name, EntityKind kind, String parentCode) {
        EntityRules.name(name).ifPresent(m -> {
            throw ApiException.invalidField("name", m);
        });
        if (kind == null) {
            throw ApiException.invalidField("kind", EntityRules.BAD_KIND);
        }
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        if (parent != null) {
            if (directory.find(parent).isEmpty()) {
                throw ApiException.invalidField("parentCode", "L'entité parente « " + parent + " » n'existe pas.");
            }
            Map<String, String> parents = new HashMap<>();
            directory.all().forEach(e -> parents.put(e.code(), e.parentCode()));
            if (EntityRules.makesCycle(code, parent, parents)) {
                throw ApiException.invalidField(
                        "parentCode",
                        "« " + directory.nameOf(parent) + " » est déjà sous « " + directory.nameOf(code)
                                + " » (ou est elle-même) : une entité ne peut pas dépendre d'elle-même.");
            }
        }
        return new BusinessEntity(code, name.strip(), kind, parent);
    }

    // --- placements ---

    /** The entities the person may place people in: all for an administrator, their own subtree for a manager. */
    public Set<String> managedBy(CurrentUser user) {
        if (user.has(Role.ADMIN)) {
            return directory.all().stream()
                    .map(BusinessEntity::code)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }
        if (!user.has(Role.MANAGER)) {
            return Set.of();
        }
        return directory.entityOf(user.username()).map(directory::subtree).orElse(Set.of());
    }

    public List<Placement> people(String entityCode, CurrentUser user) {
        requireManaged(require(entityCode), user);
        return directory.placementsIn(entityCode);
    }

    /** Places (or moves) the person in the entity. */
    @Transactional
    public Placement place(String entityCode, String username, CurrentUser user) {
        BusinessEntity entity = require(entityCode);
        requireManaged(entity, user);
        EntityRules.username(username).ifPresent(m -> {
            throw ApiException.invalidField("username", m);
        });
        if (!user.has(Role.ADMIN)) {
            if (username.equals(user.username())) {
                throw ApiException.forbidden("Votre propre rattachement est fait par un administrateur.");
            }
            directory
                    .entityOf(username)
                    .filter(current -> !managedBy(user).contains(current))
                    .ifPresent(current -> {
                        throw ApiException.forbidden(username + " est rattaché·e à « " + directory.nameOf(current)
                                + " », hors de votre périmètre : un manager de cette entité ou un administrateur"
                                + " doit d'abord l'en détacher.");
                    });
        }
        directory.assign(username, entityCode, "MANUAL", user.username());
        return directory.placementOf(username).orElseThrow();
    }

    @Transactional
    public void detach(String entityCode, String username, CurrentUser user) {
        BusinessEntity entity = require(entityCode);
        requireManaged(entity, user);
        if (!entityCode.equals(directory.entityOf(username).orElse(null))) {
            throw ApiException.notFound(username + " n'est pas rattaché·e à « " + entity.name() + " ».");
        }
        if (!user.has(Role.ADMIN) && username.equals(user.username())) {
            throw ApiException.forbidden("Votre propre rattachement est fait par un administrateur.");
        }
        directory.unassign(username);
    }

    /**
     * People to place: those of the identity service and those already placed (people who sign in
     * through OIDC are only known once placed), whose id or name contains the text; at most 50.
     */
    public List<Person> searchPeople(String text, CurrentUser user) {
        if (!user.has(Role.ADMIN) && managedBy(user).isEmpty()) {
            throw ApiException.forbidden("Seuls les administrateurs et les managers d'une entité recherchent des"
                    + " personnes à rattacher.");
        }
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.length() > 100) {
            throw ApiException.invalidField("q", "La recherche fait 100 caractères au plus.");
        }
        Map<String, Placement> placed = new HashMap<>();
        directory.placements().forEach(p -> placed.put(p.username(), p));
        Map<String, Person> found = new LinkedHashMap<>();
        for (Identities.Person p : identities.search(wanted, 50)) {
            found.put(p.username(), person(p.username(), p.displayName(), placed.get(p.username())));
        }
        for (Placement p : placed.values()) {
            if (found.size() >= 50) {
                break;
            }
            if (!found.containsKey(p.username())
                    && p.username().toLowerCase(Locale.ROOT).contains(wanted)) {
                found.put(p.username(), person(p.username(), p.username(), p));
            }
        }
        return found.values().stream()
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList();
    }

    private Person person(String username, String displayName, Placement placement) {
        return new Person(
                username,
                displayName,
                placement == null ? null : placement.entityCode(),
                placement == null ? null : directory.nameOf(placement.entityCode()),
                placement == null ? null : placement.source());
    }

    // --- checks ---

    BusinessEntity require(String code) {
        return directory.find(code).orElseThrow(() -> ApiException.notFound("L'entité « " + code + " » n'existe pas."));
    }

    private void requireManaged(BusinessEntity entity, CurrentUser user) {
        if (!managedBy(user).contains(entity.code())) {
            throw ApiException.forbidden("Vous ne gérez pas l'entité « " + entity.name() + " » : ses managers (et"
                    + " ceux des entités au-dessus d'elle) et les administrateurs y rattachent les personnes.");
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw ApiException.forbidden("Seuls les administrateurs créent et modifient les entités.");
        }
    }
}
