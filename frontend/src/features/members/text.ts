import { interpolate, useI18n, type Params } from '../../lib/i18n';

/** The member directory screen's words, French first, kept beside the feature. */
const fr = {
  title: 'Sociétaires',
  intro:
    "Les sociétaires que le formulaire de demande propose aux conseillers. Un dossier ne garde que le numéro du sociétaire et la copie de son identité lue à l'ouverture.",
  'directory.title': "L'annuaire des sociétaires",
  'directory.kind': 'Annuaire utilisé',
  'directory.kind.DATABASE': 'La base de Tandem (alimentée par import CSV)',
  'directory.kind.HTTP': "Le système des sociétaires de l'assureur (HTTP)",
  'directory.baseUrl': 'Adresse',
  'directory.authentication': 'Authentification',
  'directory.auth.NONE': 'aucune',
  'directory.auth.BEARER': 'jeton (Bearer)',
  'directory.auth.BASIC': 'identifiant et mot de passe (Basic)',
  'directory.timeout': 'Délai maximal de réponse',
  'directory.seconds': '{seconds} s',
  'directory.stored.DATABASE': 'Sociétaires enregistrés',
  'directory.stored.HTTP': 'Copies gardées pour les dossiers',
  'directory.howToChange':
    "L'annuaire se choisit dans la configuration du serveur (TANDEM_MEMBERS_DIRECTORY = database ou http, TANDEM_MEMBERS_URL, TANDEM_MEMBERS_TOKEN…) : voir docs/members.md.",
  'directory.check': 'Vérifier la connexion',
  'directory.checking': 'Vérification…',
  'import.title': 'Importer les sociétaires (CSV)',
  'import.format':
    "Un fichier CSV en UTF-8 dont la première ligne nomme les colonnes, séparées par « ; » (ou « , ») : {columns}. Seules id, firstName et lastName sont obligatoires ; les dates s'écrivent jj/mm/aaaa ou aaaa-mm-jj.",
  'import.rule':
    "Tout le fichier est vérifié avant d'enregistrer quoi que ce soit : une ligne fausse est refusée avec son numéro et rien n'est importé. Un sociétaire déjà présent (même numéro) est mis à jour ; aucun n'est supprimé.",
  'import.file': 'Fichier CSV des sociétaires',
  'import.submit': 'Importer',
  'import.importing': 'Import…',
  'import.required': 'Choisissez le fichier CSV des sociétaires à importer.',
  'import.done': '{imported} sociétaire(s) importé(s) : {created} nouveau(x), {updated} mis à jour.',
  'import.notHere':
    "L'import CSV ne sert qu'à l'annuaire de Tandem : avec le système des sociétaires de l'assureur, les sociétaires viennent de lui.",
  'search.title': 'Rechercher un sociétaire',
  'search.label': 'Nom ou numéro',
  'search.hint': 'Au moins deux caractères ; la même recherche que le formulaire de demande.',
  'search.caption': 'Sociétaires trouvés dans l’annuaire',
  'search.none': 'Aucun sociétaire ne correspond.',
  'search.count': '{count} sociétaire(s) trouvé(s)',
  'col.id': 'Numéro',
  'col.name': 'Nom',
  'col.city': 'Ville',
} as const;

export type MembersKey = keyof typeof fr;

const en: Record<MembersKey, string> = {
  title: 'Members',
  intro:
    'The members the request form offers advisers. A case keeps only the member’s number and the copy of their identity read when it was opened.',
  'directory.title': 'The member directory',
  'directory.kind': 'Directory in use',
  'directory.kind.DATABASE': 'Tandem’s database (filled by CSV import)',
  'directory.kind.HTTP': 'The insurer’s member system (HTTP)',
  'directory.baseUrl': 'Address',
  'directory.authentication': 'Authentication',
  'directory.auth.NONE': 'none',
  'directory.auth.BEARER': 'token (Bearer)',
  'directory.auth.BASIC': 'user name and password (Basic)',
  'directory.timeout': 'Longest wait for an answer',
  'directory.seconds': '{seconds} s',
  'directory.stored.DATABASE': 'Members stored',
  'directory.stored.HTTP': 'Copies kept for cases',
  'directory.howToChange':
    'The directory is chosen in the server’s configuration (TANDEM_MEMBERS_DIRECTORY = database or http, TANDEM_MEMBERS_URL, TANDEM_MEMBERS_TOKEN…): see docs/members.md.',
  'directory.check': 'Check the connection',
  'directory.checking': 'Checking…',
  'import.title': 'Import members (CSV)',
  'import.format':
    'A UTF-8 CSV file whose first line names the columns, separated by “;” (or “,”): {columns}. Only id, firstName and lastName are required; dates are dd/mm/yyyy or yyyy-mm-dd.',
  'import.rule':
    'The whole file is checked before anything is stored: a wrong line is refused with its number and nothing is imported. A member already there (same number) is updated; none is deleted.',
  'import.file': 'CSV file of members',
  'import.submit': 'Import',
  'import.importing': 'Importing…',
  'import.required': 'Choose the CSV file of members to import.',
  'import.done': '{imported} member(s) imported: {created} new, {updated} updated.',
  'import.notHere': 'The CSV import serves Tandem’s directory only: with the insurer’s member system, members come from it.',
  'search.title': 'Find a member',
  'search.label': 'Name or number',
  'search.hint': 'At least two characters; the same search as the request form.',
  'search.caption': 'Members found in the directory',
  'search.none': 'No member matches.',
  'search.count': '{count} member(s) found',
  'col.id': 'Number',
  'col.name': 'Name',
  'col.city': 'City',
};

export function useMt(): (key: MembersKey, params?: Params) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? en : fr;
  return (key, params) => (params ? interpolate(dict[key], params) : dict[key]);
}
