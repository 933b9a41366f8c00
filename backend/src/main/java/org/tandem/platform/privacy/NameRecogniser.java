package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.privacy.NameLexicon.Kind;
import org.tandem.platform.privacy.Words.Word;

/**
 * Names of people written without « M. » or « Mme »: « Élodie Marchetti, 06… » in a signature,
 * « Merci, Sofia Nguyen », « ma fille Inès », « Claire et Paul Martin », « TRAORE Fatoumata ».
 *
 * <p>No named-entity model runs here (none for French is within reach of the JVM under a licence we
 * can ship, see package-info); the recogniser reads words and combines three kinds of evidence:
 * <ul>
 *   <li>a first name from the lexicon ({@link NameLexicon}), with the capitalised words after it
 *       (surname, particles « de La », « El », « dos », « Van den ») or an upper-case surname before it;</li>
 *   <li>the position: a greeting (« Bonjour Julie »), a signature after a closing formula or alone on
 *       the last line, a form's label (« Souscripteur : », « Nom »), a family or role word (« ma fille »,
 *       « son voisin », « le témoin, »), « je m'appelle », « chez les »: there any capitalised words are a name;</li>
 *   <li>what the text already said: a surname or first name seen in a full name is a name elsewhere.</li>
 * </ul>
 * Precision: a first name that is also a common word (Rose, Pierre) is a word at a sentence's start
 * unless a surname or a context says otherwise; one that is also a place or brand (Paris, Orange,
 * Florence, Clio) needs a surname or a context; after a street type, a place word (« lycée »), a car
 * brand or an animal word it is not a person.
 */
final class NameRecogniser implements Recogniser {

    private static final Set<String> PARTICLES = Set.of(
            "de", "du", "des", "d'", "van", "von", "der", "den", "da", "dos", "das", "di", "del", "della", "le", "la",
            "el", "ben", "ould", "ait", "abou", "al", "mac", "bin", "ibn", "ter", "ten", "lo", "y");

    private static final Set<String> CIVILITIES = Set.of(
            "m",
            "mm",
            "mme",
            "mmes",
            "mlle",
            "mr",
            "mrs",
            "ms",
            "monsieur",
            "madame",
            "mademoiselle",
            "me",
            "maitre",
            "dr",
            "docteur",
            "pr",
            "professeur");

    /** Family and role words after which any capitalised words are a person's name. */
    private static final Set<String> FAMILY = Set.of(
            "fille",
            "fils",
            "mari",
            "epoux",
            "epouse",
            "femme",
            "conjoint",
            "conjointe",
            "compagnon",
            "compagne",
            "concubin",
            "concubine",
            "partenaire",
            "pere",
            "mere",
            "papa",
            "maman",
            "frere",
            "soeur",
            "demi-frere",
            "demi-soeur",
            "beau-pere",
            "belle-mere",
            "beau-frere",
            "belle-soeur",
            "beau-fils",
            "belle-fille",
            "gendre",
            "bru",
            "grand-pere",
            "grand-mere",
            "petit-fils",
            "petite-fille",
            "oncle",
            "tante",
            "neveu",
            "niece",
            "cousin",
            "cousine",
            "parrain",
            "marraine",
            "filleul",
            "filleule",
            "fiance",
            "fiancee",
            "ami",
            "amie",
            "copain",
            "copine",
            "voisin",
            "voisine",
            "colocataire",
            "locataire",
            "proprietaire",
            "bailleur",
            "employeur",
            "collegue",
            "collaboratrice",
            "collaborateur",
            "associe",
            "associee",
            "apprenti",
            "apprentie",
            "stagiaire",
            "nounou",
            "infirmier",
            "infirmiere",
            "kine",
            "kinesitherapeute",
            "medecin",
            "notaire",
            "avocat",
            "avocate",
            "expert",
            "experte",
            "garagiste",
            "plombier",
            "temoin",
            "conducteur",
            "conductrice",
            "passager",
            "passagere",
            "cycliste",
            "pieton",
            "motard",
            "chauffeur",
            "gardien",
            "gardienne",
            "gestionnaire",
            "conseiller",
            "conseillere",
            "maitresse",
            "directeur",
            "directrice",
            "president",
            "presidente",
            "tresorier",
            "tresoriere",
            "secretaire",
            "mediateur",
            "mediatrice",
            "ergotherapeute",
            "opticien",
            "bebe",
            "enfant",
            "enfants",
            "jumeau",
            "jumelle",
            "petit",
            "petite",
            "tiers",
            "client",
            "cliente",
            "societaire",
            "adherent",
            "adherente",
            "assure",
            "assuree",
            "beneficiaire",
            "defunt",
            "defunte",
            "famille",
            "veuve",
            "veuf",
            "soussigne",
            "soussignee",
            "husband",
            "wife",
            "daughter",
            "brother",
            "sister",
            "friend",
            "neighbour",
            "neighbor",
            "mother",
            "father",
            "boyfriend",
            "girlfriend",
            "s'appelle",
            "m'appelle",
            "t'appelles",
            "prenomme",
            "prenommee",
            "c'est",
            "c",
            "consorts");

    /** Words after which a first name names a place, an institution or a thing, not a person. */
    private static final Set<String> PLACE_WORDS = Set.of(
            "rue",
            "r",
            "avenue",
            "av",
            "boulevard",
            "bd",
            "place",
            "pl",
            "impasse",
            "allee",
            "chemin",
            "route",
            "quai",
            "square",
            "cours",
            "faubourg",
            "residence",
            "passage",
            "lycee",
            "college",
            "ecole",
            "hopital",
            "clinique",
            "centre",
            "stade",
            "gare",
            "pont",
            "parc",
            "salle",
            "gymnase",
            "piscine",
            "mediatheque",
            "bibliotheque",
            "musee",
            "eglise",
            "cathedrale",
            "chapelle",
            "universite",
            "faculte",
            "institut",
            "fondation",
            "ehpad",
            "cite",
            "quartier",
            "aeroport",
            "station",
            "metro",
            "agence",
            "magasin",
            "restaurant",
            "hotel",
            "camping",
            "domaine",
            "chateau",
            "saint",
            "sainte",
            "st",
            "ste",
            "espace",
            "lieu-dit",
            "tempete",
            "ouragan",
            "formule",
            "offre",
            "option",
            "gamme",
            "pack",
            "garantie");

    private static final Set<String> BRANDS = Set.of(
            "renault",
            "peugeot",
            "citroen",
            "dacia",
            "toyota",
            "volkswagen",
            "vw",
            "opel",
            "ford",
            "fiat",
            "nissan",
            "kia",
            "hyundai",
            "tesla",
            "bmw",
            "audi",
            "mercedes",
            "seat",
            "skoda",
            "mini",
            "ds",
            "suzuki",
            "honda",
            "mazda",
            "volvo",
            "jeep",
            "lancia",
            "alfa",
            "smart",
            "porsche",
            "mitsubishi",
            "lexus",
            "cupra",
            "mg",
            "piaggio",
            "yamaha",
            "kawasaki",
            "ducati",
            "triumph",
            "harley",
            "apple",
            "samsung",
            "rolex",
            "cartier",
            "orange",
            "sfr",
            "bouygues",
            "free",
            "box");

    private static final Set<String> ANIMALS = Set.of(
            "chien",
            "chienne",
            "chat",
            "chatte",
            "chiot",
            "chaton",
            "labrador",
            "cheval",
            "jument",
            "poney",
            "lapin",
            "perroquet",
            "berger",
            "caniche");

    /** Capitalised words that follow a name without being a surname. */
    private static final Set<String> NOT_SURNAMES = Set.of(
            "et",
            "ou",
            "merci",
            "bonjour",
            "cordialement",
            "tel",
            "mob",
            "port",
            "portable",
            "email",
            "mail",
            "courriel",
            "adresse",
            "contrat",
            "sinistre",
            "ne",
            "nee",
            "madame",
            "monsieur",
            "le",
            "la",
            "les",
            "de",
            "du",
            "des",
            "au",
            "aux",
            "pour",
            "avec",
            "chez",
            "sans",
            "dans",
            "sur",
            "par",
            "est",
            "a",
            "nom",
            "prenom",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre",
            "je",
            "il",
            "elle",
            "nous",
            "vous",
            "ils",
            "elles",
            "on",
            "ce",
            "cette",
            "mon",
            "ma",
            "mes",
            "son",
            "sa",
            "ses",
            "votre",
            "vos",
            "notre",
            "nos",
            "un",
            "une",
            "cdt",
            "cdlt",
            "sarl",
            "sas",
            "sasu",
            "ei",
            "eurl",
            "sci",
            "cabinet",
            "garage",
            "agence",
            "societe");

    /** Lower-case words that never follow a first name as its surname. */
    private static final Set<String> LOWER_STOP = Set.of(
            "de", "du", "des", "la", "le", "les", "et", "est", "a", "au", "aux", "en", "qui", "que", "pour", "par",
            "sur", "dans", "avec", "sans", "ne", "n'a", "m'a", "l'a", "va", "vient", "veut", "doit", "peut", "dit",
            "ou", "mais", "donc", "car", "ni", "se", "s'est", "sont", "ont", "était", "etait", "aussi", "il", "elle",
            "on", "nous", "vous", "je", "tu", "mon", "ma", "ton", "ta", "son", "sa");

    private static final String CLOSING =
            "(?:(?:bien|tres|tr[eè]s)\\s+)?(?:cordialement|cordialt|cdlt|a\\s+vous|amicalement"
                    + "|salutations(?:\\s+distinguees)?|sinceres\\s+salutations|merci(?:\\s+(?:d'avance|par\\s+avance|beaucoup"
                    + "|encore|a\\s+vous|pour\\s+votre\\s+(?:aide|reponse)))?|avec\\s+(?:mes|nos)\\s+remerciements"
                    + "|bonne\\s+(?:journee|soiree|fin\\s+de\\s+journee)|respectueusement|sentiments\\s+distingues"
                    + "|grazie(?:\\s+mille)?|obrigad[oa]|thanks?(?:\\s+you)?|(?:best\\s+|kind\\s+)?regards|bises|a\\s+bientot)";
    private static final Pattern CLOSING_LINE = Pattern.compile("^\\s*" + CLOSING + "[\\s,.!]*$");
    private static final Pattern CLOSING_FORMAL = Pattern.compile(
            "^\\s*(?:je\\s+vous\\s+prie|veuillez|recevez|nous\\s+vous\\s+prions).*|.*(?:salutations|sentiments)\\s+distingue[e]?s\\.?\\s*$");
    private static final Pattern CLOSING_INLINE = Pattern.compile("^\\s*" + CLOSING + "\\s*[,.!]\\s*(?=\\S)");
    private static final Pattern LAST_SENTENCE =
            Pattern.compile("(?:[.!?]|" + CLOSING + "[,.!])\\s+(?=\\p{L}[^.!?]*$)");
    private static final Pattern NAME_SEGMENT =
            Pattern.compile("^\\s*([^,;:(\\d@—–|/]*?)\\s*(?:$|[,;:(\\d@—–|/]|\\s-\\s)");
    private static final Pattern GREETING = Pattern.compile(
            "^\\s*(?:bonjour|bonsoir|cher|chere|chers|cheres|hello|hi|salut|coucou|buongiorno|bom\\s+dia|hola|dear)\\s+(?=\\S)");
    private static final Set<String> NOT_GREETED =
            Set.of("madame", "monsieur", "mademoiselle", "a", "tous", "tout", "et", "sir", "madam", "all");

    private static final Pattern LABEL = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
            + "(?:Nom(?:\\s+de\\s+naissance|\\s+d'usage)?|Pr[ée]noms?|\\(C\\.1\\)|Ordonnance\\s+pour)\\s*:?"
            + "|(?:Souscript(?:eur|rice)|Titulaire(?:\\s+du\\s+compte)?|Assur[ée]e?|Adh[ée]rente?|B[ée]n[ée]ficiaire"
            + "|Conduct(?:eur|rice)(?:\\s+principale?|\\s+secondaire)?|Locataire|Bailleur|D[ée]bit(?:eur|rice)"
            + "|Cliente?|G[ée]rante?|T[ée]moins?|Exp[ée]diteur|De|[ÀA]|Destinataire|Ayant\\s+droit"
            + "|Preneur\\s+d'assurance|Propri[ée]taire|Demand(?:eur|eresse)|Repr[ée]sentante?|Tr[ée]sori(?:er|[èe]re)"
            + "|Secr[ée]taire|Pr[ée]sidente?|M[ée]diat(?:eur|rice)|Tiers|Participants?|Pr[ée]sents?|Garant"
            + "|Parrain|Kin[ée]sith[ée]rapeute|Infirmi(?:er|[èe]re)|Signature|Expert|Avocat)\\s*:)[ \\t]+(?=\\S)");

    private final NameLexicon lexicon = NameLexicon.get();

    private record Span(int first, int last) {}

    @Override
    public List<Detection> find(String text) {
        Words w = new Words(text);
        Set<Integer> contexts = new HashSet<>();
        contexts.addAll(greetings(w));
        contexts.addAll(signatures(w));
        contexts.addAll(labels(w));
        TreeMap<Integer, Span> spans = new TreeMap<>();
        boolean[] used = new boolean[w.size()];
        for (int i = 0; i < w.size(); i++) {
            if (used[i]) {
                continue;
            }
            boolean context = contexts.contains(i) || familyBefore(w, i) || familyAfter(w, i);
            Span span = assemble(w, i, context);
            if (span != null) {
                spans.put(span.first(), span);
                for (int k = span.first(); k <= span.last(); k++) {
                    used[k] = true;
                }
                i = span.last();
            }
        }
        coordinated(w, spans, used);
        seenElsewhere(w, spans, used);
        List<Detection> found = new ArrayList<>();
        for (Span s : spans.values()) {
            int start = w.get(s.first()).start();
            int end = w.get(s.last()).end();
            String name = text.substring(start, end);
            found.add(new Detection(
                    start,
                    end,
                    TokenKind.PERSONNE,
                    PseudonymMap.UNKNOWN_PERSON + Texts.fold(Texts.singleSpaced(name)),
                    null,
                    name,
                    Detection.RECOGNISED));
        }
        return found;
    }

    /** The name starting at word i, or null. */
    private Span assemble(Words w, int i, boolean context) {
        Word t = w.get(i);
        if (t.digits() || CIVILITIES.contains(t.folded()) || PARTICLES.contains(t.folded())) {
            return null;
        }
        Kind kind = lexicon.kind(t.text());
        if (t.lowerCase()) {
            return lowerCase(w, i, kind, context);
        }
        if (!t.capitalised() && !t.allCaps()) {
            return null;
        }
        if (BRANDS.contains(t.folded()) || NOT_SURNAMES.contains(t.folded()) && kind == Kind.NONE) {
            return null;
        }
        boolean excluded = excludedBefore(w, i);
        if (kind == Kind.NONE && !context || excluded && !context) {
            return null;
        }
        int end = i;
        // more first names: Jean Pierre, André Louis, Minh Tuan
        while (w.spaced(end, end + 1)
                && name(w.get(end + 1))
                && lexicon.kind(w.get(end + 1).text()) == Kind.FIRST_NAME) {
            end++;
        }
        boolean more = end > i;
        int surnames = 0;
        while (surnames < 3) {
            int next = end + 1;
            int p = next;
            while (p < w.size()
                    && p - next < 2
                    && w.spaced(p - 1, p)
                    && PARTICLES.contains(w.get(p).folded())) {
                p++;
            }
            Word s = w.get(p);
            boolean adjacent = w.spaced(p - 1, p) || p == next && wrapped(w, end, p);
            if (s == null || !adjacent || !name(s)) {
                break;
            }
            end = p;
            surnames++;
        }
        int start = i;
        Word before = w.get(i - 1);
        if (before != null
                && w.spaced(i - 1, i)
                && before.allCaps()
                && before.text().length() > 1
                && name(before)
                && lexicon.kind(before.text()) != Kind.NEVER_ALONE) {
            start = i - 1;
        }
        boolean surname = surnames > 0 || more || start < i;
        if (!surname && !context && (t.allCaps() && t.text().length() <= 4 || placeBefore(w, i))) {
            // « IBAN », « CRM »: acronyms; « à Melle », « 79500 Melle »: towns
            return null;
        }
        boolean accepted = switch (kind) {
            case FIRST_NAME -> true;
            case COMMON_WORD ->
                context || surname && !(t.allCaps() && w.get(end).allCaps()) || !t.allCaps() && !w.opensSentence(i);
            case PLACE -> context || surname && !t.allCaps();
            case NEVER_ALONE, NONE -> context;
        };
        return accepted ? new Span(start, end) : null;
    }

    /** A line wrapped between two words of running text (not a name alone on its line). */
    private static boolean wrapped(Words w, int i, int j) {
        if (j >= w.size()) {
            return false;
        }
        String gap = w.between(i, j);
        return gap.isBlank()
                && gap.chars().filter(c -> c == '\n').count() == 1
                && w.lineStart(w.get(i).start()) < w.get(i).start() - 1;
    }

    /** Chat messages lose their capitals: « c julien masson », « (kevin morel 06…) ». */
    private Span lowerCase(Words w, int i, Kind kind, boolean context) {
        Word t = w.get(i);
        if (kind != Kind.FIRST_NAME
                || lexicon.wordInLowerCase(t.text())
                || t.text().length() < 4) {
            return null;
        }
        Word next = w.get(i + 1);
        boolean surname = next != null
                && w.spaced(i, i + 1)
                && next.lowerCase()
                && next.text().length() >= 3
                && !LOWER_STOP.contains(next.folded())
                && !lexicon.wordInLowerCase(next.text())
                && !FAMILY.contains(next.folded());
        if (!context && !(surname && listed(w, i, i + 1))) {
            return null;
        }
        return new Span(i, surname ? i + 1 : i);
    }

    /** A name in a list or a note: « (kevin morel 06… », « kevin morel, » — not a phrase that goes on. */
    private static boolean listed(Words w, int first, int last) {
        String text = w.text();
        String after = text.substring(
                        w.get(last).end(), Math.min(text.length(), w.get(last).end() + 3))
                .strip();
        String before = text.substring(
                        Math.max(0, w.get(first).start() - 2), w.get(first).start())
                .strip();
        return after.isEmpty()
                || Character.isDigit(after.charAt(0))
                || ",)@(-".indexOf(after.charAt(0)) >= 0
                || before.endsWith("(")
                || before.endsWith(":");
    }

    /** A word that can be part of a name: capitalised or upper case, not a word that merely follows names. */
    private static boolean name(Word w) {
        return (w.capitalised() || w.allCaps())
                && !w.digits()
                && !NOT_SURNAMES.contains(w.folded())
                && !BRANDS.contains(w.folded())
                && !CIVILITIES.contains(w.folded())
                && !PLACE_WORDS.contains(w.folded());
    }

    /** « à Melle », « 79500 Melle »: a lone capitalised word after « à » or a postcode is a town. */
    private static boolean placeBefore(Words w, int i) {
        Word before = w.get(i - 1);
        return before != null
                && w.spaced(i - 1, i)
                && (before.folded().equals("a")
                        || before.digits() && before.text().length() == 5);
    }

    /** After a street type, a place word, a car brand or an animal, a first name is not a person. */
    private static boolean excludedBefore(Words w, int i) {
        Word before = w.get(i - 1);
        if (before == null) {
            return false;
        }
        if ((before.capitalised() || before.allCaps()) && w.spaced(i - 1, i) && i >= 2 && excludedDirectly(w, i - 1)) {
            // « lycée Victor Hugo », « rue Jean Moulin »: the whole name of the place
            return true;
        }
        return excludedDirectly(w, i);
    }

    private static boolean excludedDirectly(Words w, int i) {
        Word before = w.get(i - 1);
        if (before == null) {
            return false;
        }
        String b = before.folded();
        if (PLACE_WORDS.contains(b) || BRANDS.contains(b) || ANIMALS.contains(b)) {
            return true;
        }
        if (before.capitalised() && Set.of("la", "le", "les").contains(b) && w.spaced(i - 1, i)) {
            // La Rochelle, Le Mans, Les Sables-d'Olonne
            return true;
        }
        Word twoBefore = w.get(i - 2);
        return twoBefore != null
                && (ANIMALS.contains(twoBefore.folded()) || PLACE_WORDS.contains(twoBefore.folded()))
                && Set.of("nomme", "nommee", "appele", "appelee", "de", "du", "des")
                        .contains(b);
    }

    /** « ma fille Inès », « son voisin, M. Petit », « fils de Louis », « je m'appelle Nathalie », « chez les Roussel ». */
    private static boolean familyBefore(Words w, int i) {
        int b = i - 1;
        Word before = w.get(b);
        if (before == null) {
            return false;
        }
        String gap = w.between(b, i);
        if (!gap.isBlank() && !gap.strip().equals(",")) {
            return false;
        }
        if (FAMILY.contains(before.folded()) && !before.allCaps()) {
            return true;
        }
        Word twoBefore = w.get(b - 1);
        if (twoBefore == null || !w.spaced(b - 1, b)) {
            return false;
        }
        String first = twoBefore.folded();
        String second = before.folded();
        return (second.equals("de") || second.equals("d'")) && FAMILY.contains(first)
                || first.equals("chez") && second.equals("les")
                || first.equals("les") && second.equals("epoux")
                || first.equals("moi") && second.equals("c'est")
                || first.equals("je")
                        && second.equals("suis")
                        && i + 1 < w.size()
                        && w.get(i).capitalised();
    }

    /** « Odile, la compagne de… », « Arnaud, son fils, »: a family or role word in apposition after the word. */
    private static boolean familyAfter(Words w, int i) {
        Word determiner = w.get(i + 1);
        Word role = w.get(i + 2);
        return determiner != null
                && role != null
                && w.between(i, i + 1).strip().equals(",")
                && Set.of("le", "la", "l'", "son", "sa", "mon", "ma", "leur", "notre", "votre", "un", "une")
                        .contains(determiner.folded())
                && w.spaced(i + 1, i + 2)
                && FAMILY.contains(role.folded())
                && !role.folded().equals("c");
    }

    /** The first word after « Bonjour » on a greeting line. */
    private static Set<Integer> greetings(Words w) {
        Set<Integer> found = new HashSet<>();
        String text = w.text();
        int at = 0;
        while (at <= text.length()) {
            int end = w.lineEnd(at);
            String line = text.substring(at, end);
            Matcher m = GREETING.matcher(Texts.foldKeepingOffsets(line));
            if (m.find()) {
                int word = w.wordAt(at + m.end());
                Word first = w.get(word);
                if (first != null && first.start() < end && !NOT_GREETED.contains(first.folded())) {
                    found.add(word);
                }
            }
            at = end + 1;
        }
        return found;
    }

    /**
     * The first word of a signature: the line after a closing formula (« Cordialement », « Merci
     * d'avance », « … salutations distinguées. »), what follows such a formula on its own line
     * (« Merci, Sofia Nguyen »), or a last line made of capitalised words only.
     */
    private Set<Integer> signatures(Words w) {
        Set<Integer> found = new HashSet<>();
        String text = w.text();
        List<int[]> lines = new ArrayList<>();
        int at = 0;
        while (at <= text.length()) {
            int end = w.lineEnd(at);
            if (!text.substring(at, end).isBlank()) {
                lines.add(new int[] {at, end});
            }
            at = end + 1;
        }
        for (int l = 0; l < lines.size(); l++) {
            String line = Texts.foldKeepingOffsets(text.substring(lines.get(l)[0], lines.get(l)[1]));
            Matcher inline = CLOSING_INLINE.matcher(line);
            if (CLOSING_LINE.matcher(line).matches()
                    || CLOSING_FORMAL.matcher(line).matches()) {
                if (l + 1 < lines.size()) {
                    nameLine(w, lines.get(l + 1)[0], lines.get(l + 1)[1], found);
                }
            } else if (inline.find()) {
                nameLine(w, lines.get(l)[0] + inline.end(), lines.get(l)[1], found);
            }
            // inside a line: « …pas le 9 avril. Amina Diop », « Merci. Arnaud Michel »
            Matcher sentence = LAST_SENTENCE.matcher(line);
            if (l == lines.size() - 1 && sentence.find()) {
                nameLine(w, lines.get(l)[0] + sentence.end(), lines.get(l)[1], found);
            }
        }
        if (lines.size() > 1) {
            int[] last = lines.get(lines.size() - 1);
            nameLine(w, last[0], last[1], found);
        }
        return found;
    }

    /**
     * When the text from a position to the line's end starts with a name and little else, its first
     * word: the name ends at a comma, a dash, a bracket, a digit or an e-mail address (not at a colon:
     * « Véhicule : » is a label), and holds a first name or at least two capitalised words or initials.
     */
    private void nameLine(Words w, int from, int lineEnd, Set<Integer> found) {
        String rest = w.text().substring(from, lineEnd);
        Matcher closing = CLOSING_INLINE.matcher(Texts.foldKeepingOffsets(rest));
        if (closing.find()) {
            from += closing.end();
            rest = w.text().substring(from, lineEnd);
        }
        Matcher m = NAME_SEGMENT.matcher(rest);
        if (!m.find()
                || m.group(1).isBlank()
                || rest.substring(m.end(1)).stripLeading().startsWith(":")) {
            return;
        }
        int first = w.wordAt(from + m.start(1));
        while (first < w.size() && CIVILITIES.contains(w.get(first).folded())) {
            first++;
        }
        // « K. Benali », « J.-L. Fontaine », « JB Charrier »: the name starts after its initials, which
        // the pseudonymiser then takes with it (Initials)
        int named = first;
        while (named + 1 < w.size()
                && w.get(named + 1).start() < from + m.end(1)
                && w.get(named).text().length() <= 2
                && w.get(named).text().chars().allMatch(Character::isUpperCase)) {
            named++;
        }
        int words = 0;
        int capitalised = 0;
        boolean firstName = false;
        for (int i = first; i < w.size() && w.get(i).start() < from + m.end(1); i++) {
            Word word = w.get(i);
            words++;
            String f = word.folded();
            if (word.capitalised() || word.allCaps()) {
                if (NOT_SURNAMES.contains(f) && !PARTICLES.contains(f)
                        || PLACE_WORDS.contains(f)
                        || BRANDS.contains(f)) {
                    return;
                }
                capitalised++;
                Kind kind = lexicon.kind(word.text());
                firstName |= kind == Kind.FIRST_NAME || kind == Kind.COMMON_WORD && !word.allCaps();
            } else if (!PARTICLES.contains(f)) {
                return;
            }
        }
        if (words <= 5 && (firstName || capitalised >= 2)) {
            found.add(named);
        }
    }

    /** The first word after a form's label (« Souscripteur : », « Nom », « (C.1) »), civility skipped. */
    private static Set<Integer> labels(Words w) {
        Set<Integer> found = new HashSet<>();
        Matcher m = LABEL.matcher(w.text());
        while (m.find()) {
            int word = w.wordAt(m.end());
            while (word < w.size() && CIVILITIES.contains(w.get(word).folded())) {
                word++;
            }
            if (word < w.size() && !w.between(word - 1, word).contains("\n")) {
                found.add(word);
            }
        }
        return found;
    }

    /** « Claire et Paul Martin », « Chloé et Nathan Besnard »: the first name before « et » is a person too. */
    private void coordinated(Words w, TreeMap<Integer, Span> spans, boolean[] used) {
        for (Span s : List.copyOf(spans.values())) {
            int j = s.first();
            Word and = w.get(j - 1);
            Word first = w.get(j - 2);
            if (and != null
                    && first != null
                    && and.folded().equals("et")
                    && w.spaced(j - 2, j - 1)
                    && !used[j - 2]
                    && first.capitalised()
                    && lexicon.kind(first.text()) != Kind.NONE
                    && lexicon.kind(first.text()) != Kind.NEVER_ALONE) {
                spans.put(j - 2, new Span(j - 2, j - 2));
                used[j - 2] = true;
            }
        }
    }

    /** A surname or first name read in a full name is a name wherever else it is capitalised. */
    private void seenElsewhere(Words w, TreeMap<Integer, Span> spans, boolean[] used) {
        Set<String> seen = new HashSet<>();
        for (Span s : spans.values()) {
            for (int k = s.first(); k <= s.last(); k++) {
                String f = w.get(k).folded();
                if (!PARTICLES.contains(f) && f.length() > 2) {
                    seen.add(f);
                }
            }
        }
        for (int i = 0; i < w.size(); i++) {
            Word word = w.get(i);
            if (!used[i]
                    && (word.capitalised() || word.allCaps())
                    && seen.contains(word.folded())
                    && lexicon.kind(word.text()) != Kind.NEVER_ALONE
                    && !excludedBefore(w, i)) {
                spans.put(i, new Span(i, i));
                used[i] = true;
            }
        }
    }

    @Override
    public String toString() {
        return "NameRecogniser[" + lexicon.size() + " prénoms]".toLowerCase(Locale.ROOT);
    }
}
