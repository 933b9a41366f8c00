package org.tandem.governance.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.web.ApiException;

/**
 * Imports entities and placements from a CSV file (the format is in README.md, « Organisation »):
 * every line is checked before anything is written; one bad line and nothing is imported, and the
 * refusal names each bad line by its number. A known code is updated (name, nature, parent), a new
 * one created; a person is placed (or moved) in the entity named.
 */
@Service
public class EntityImport {

    /** What the import did. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EntityImportResult")
    public record Result(int entitiesCreated, int entitiesUpdated, int peoplePlaced) {}

    /** The largest file accepted, in characters (about 50,000 lines). */
    static final int MAX_CHARS = 2_000_000;

    /** How many bad lines the refusal lists. */
    static final int MAX_REPORTED = 20;

    private record EntityLine(int line, BusinessEntity entity) {}

    private record PersonLine(int line, String username, String entityCode) {}

    private final EntityDirectory directory;

    EntityImport(EntityDirectory directory) {
        this.directory = directory;
    }

    @Transactional
    public Result run(String csv, CurrentUser admin) {
        if (!admin.has(Role.ADMIN)) {
            throw ApiException.forbidden("Seuls les administrateurs importent l'organisation.");
        }
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalidField(
                    "csv", "Le fichier est vide : il faut au moins une ligne « entite » ou « personne ».");
        }
        if (csv.length() > MAX_CHARS) {
            throw ApiException.invalidField(
                    "csv", "Le fichier dépasse 2 millions de caractères : découpez-le en plusieurs imports.");
        }
        List<CsvLines.Line> lines;
        try {
            lines = CsvLines.parse(csv);
        } catch (CsvLines.Malformed e) {
            throw refused(List.of("ligne " + e.line + " : " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        Map<String, EntityLine> entities = new LinkedHashMap<>();
        Map<String, PersonLine> people = new LinkedHashMap<>();
        boolean first = true;
        for (CsvLines.Line line : lines) {
            String type = fold(line.fields().get(0));
            if (first && (type.equals("type") || type.equals("kind") || type.equals("nature"))) {
                first = false;
                continue; // a header line
            }
            first = false;
            switch (type) {
                case "entity", "entite" -> entityLine(line, entities, errors);
                case "person", "personne" -> personLine(line, people, errors);
                default ->
                    errors.add("ligne " + line.number() + " : le premier champ est « entite » ou « personne », pas « "
                            + abbreviate(line.fields().get(0)) + " ».");
            }
        }
        if (errors.isEmpty() && entities.isEmpty() && people.isEmpty()) {
            throw ApiException.invalidField(
                    "csv", "Le fichier ne contient aucune ligne « entite » ni « personne » : rien à importer.");
        }
        Map<String, String> parents = new HashMap<>();
        directory.all().forEach(e -> parents.put(e.code(), e.parentCode()));
        entities.values().forEach(l -> parents.put(l.entity().code(), l.entity().parentCode()));
        for (EntityLine l : entities.values()) {
            String parent = l.entity().parentCode();
            if (parent == null) {
                continue;
            }
            if (!parents.containsKey(parent)) {
                errors.add("ligne " + l.line() + " : l'entité parente « " + parent
                        + " » n'existe ni dans Tandem ni dans le fichier.");
            } else if (EntityRules.makesCycle(l.entity().code(), parent, parents)) {
                errors.add("ligne " + l.line() + " : « " + l.entity().code() + " » se retrouverait sous elle-même"
                        + " (boucle dans les parents).");
            }
        }
        for (PersonLine p : people.values()) {
            if (!parents.containsKey(p.entityCode())) {
                errors.add("ligne " + p.line() + " : l'entité « " + p.entityCode()
                        + " » n'existe ni dans Tandem ni dans le fichier.");
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(EntityImport::lineOf));
            throw refused(errors);
        }
        return write(entities, people, admin.username());
    }

    private Result write(Map<String, EntityLine> entities, Map<String, PersonLine> people, String by) {
        int created = 0;
        int updated = 0;
        // new entities first without their parent (which may be new too), then every parent
        for (EntityLine l : entities.values()) {
            BusinessEntity e = l.entity();
            if (directory.find(e.code()).isEmpty()) {
                directory.insert(new BusinessEntity(e.code(), e.name(), e.kind(), null), by);
                created++;
            } else {
                updated++;
            }
        }
        for (EntityLine l : entities.values()) {
            directory.update(l.entity(), by);
        }
        for (PersonLine p : people.values()) {
            directory.assign(p.username(), p.entityCode(), "IMPORT", by);
        }
        return new Result(created, updated, people.size());
    }

    private static void entityLine(CsvLines.Line line, Map<String, EntityLine> entities, List<String> errors) {
        List<String> f = line.fields();
        String at = "ligne " + line.number() + " : ";
        if (f.size() < 4 || f.size() > 5) {
            errors.add(at + "une ligne d'entité a 4 ou 5 champs (entite ; code ; nom ; nature ; parent), pas "
                    + f.size() + ".");
            return;
        }
        String code = f.get(1);
        var problem = EntityRules.code(code)
                .or(() -> EntityRules.name(f.get(2)))
                .or(() -> EntityKind.parse(f.get(3)).isEmpty()
                        ? java.util.Optional.of(EntityRules.BAD_KIND)
                        : java.util.Optional.empty());
        if (problem.isPresent()) {
            errors.add(at + problem.get());
            return;
        }
        String parent = f.size() == 5 && !f.get(4).isBlank() ? f.get(4) : null;
        if (parent != null && EntityRules.code(parent).isPresent()) {
            errors.add(at + "le code de l'entité parente n'est pas valide. " + EntityRules.BAD_CODE);
            return;
        }
        EntityLine earlier = entities.get(code);
        if (earlier != null) {
            errors.add(at + "l'entité « " + code + " » figure déjà ligne " + earlier.line() + ".");
            return;
        }
        entities.put(
                code,
                new EntityLine(
                        line.number(),
                        new BusinessEntity(
                                code,
                                f.get(2).strip(),
                                EntityKind.parse(f.get(3)).orElseThrow(),
                                parent)));
    }

    private static void personLine(CsvLines.Line line, Map<String, PersonLine> people, List<String> errors) {
        List<String> f = line.fields();
        String at = "ligne " + line.number() + " : ";
        if (f.size() != 3) {
            errors.add(at + "une ligne de personne a 3 champs (personne ; identifiant ; code de l'entité), pas "
                    + f.size() + ".");
            return;
        }
        var problem = EntityRules.username(f.get(1))
                .or(() -> EntityRules.code(f.get(2)).map(m -> "le code de l'entité n'est pas valide. " + m));
        if (problem.isPresent()) {
            errors.add(at + problem.get());
            return;
        }
        PersonLine earlier = people.get(f.get(1));
        if (earlier != null) {
            errors.add(at + f.get(1) + " figure déjà ligne " + earlier.line() + " : une personne est dans une"
                    + " seule entité.");
            return;
        }
        people.put(f.get(1), new PersonLine(line.number(), f.get(1), f.get(2)));
    }

    private static ApiException refused(List<String> errors) {
        List<String> shown = errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors;
        String more = errors.size() > MAX_REPORTED ? " ; et " + (errors.size() - MAX_REPORTED) + " autre(s)" : "";
        String first = shown.get(0);
        return ApiException.invalidField(
                "csv",
                "Import refusé, rien n'a été importé. " + Character.toUpperCase(first.charAt(0)) + first.substring(1)
                        + (shown.size() > 1 ? " ; " + String.join(" ; ", shown.subList(1, shown.size())) : "")
                        + more);
    }

    private static int lineOf(String error) {
        try {
            return Integer.parseInt(error.substring("ligne ".length(), error.indexOf(' ', "ligne ".length())));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "·");
        return flat.length() > 30 ? flat.substring(0, 30) + "…" : flat;
    }
}
