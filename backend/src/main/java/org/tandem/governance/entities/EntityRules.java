package org.tandem.governance.entities;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules an entity and a placement obey, with the French sentence that explains each; shared by the API and the import. */
final class EntityRules {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    static final int NAME_MAX = 120;

    static final String BAD_CODE = "Le code d'une entité fait de 1 à 32 caractères : lettres sans accent, chiffres,"
            + " tirets, points ou soulignés, sans espace (ex. agence-niort).";
    static final String BAD_NAME = "Le nom de l'entité est obligatoire, sur une ligne et en 120 caractères au plus.";
    static final String BAD_KIND = "La nature de l'entité est agence, service ou direction.";
    static final String BAD_USERNAME = "L'identifiant d'une personne fait de 1 à 64 caractères : lettres sans accent,"
            + " chiffres, tirets, points, soulignés ou @, sans espace.";

    private EntityRules() {}

    /** The problem with a code, if any. */
    static Optional<String> code(String code) {
        return code != null && CODE.matcher(code).matches() ? Optional.empty() : Optional.of(BAD_CODE);
    }

    static Optional<String> name(String name) {
        return name != null
                        && !name.isBlank()
                        && name.strip().length() <= NAME_MAX
                        && name.codePoints().noneMatch(Character::isISOControl)
                        && name.codePoints().allMatch(Character::isValidCodePoint)
                        && !hasLoneSurrogate(name)
                ? Optional.empty()
                : Optional.of(BAD_NAME);
    }

    static Optional<String> username(String username) {
        return username != null && USERNAME.matcher(username).matches() ? Optional.empty() : Optional.of(BAD_USERNAME);
    }

    /**
     * Whether setting {@code parent} as the parent of {@code code} would make a loop, given every
     * entity's parent ({@code parents}, code → parent code, null at the top).
     */
    static boolean makesCycle(String code, String parent, Map<String, String> parents) {
        String current = parent;
        for (int steps = 0; current != null && steps <= parents.size() + 1; steps++) {
            if (current.equals(code)) {
                return true;
            }
            current = parents.get(current);
        }
        return current != null;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
