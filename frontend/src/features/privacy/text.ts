import { interpolate, useI18n, type Params } from '../../lib/i18n';

/** The data protection screens' words, French first; kept beside the feature like the lifecycle's. */
const fr = {
  'privacy.title': 'Protection des données',
  'privacy.intro':
    "Effacer les données personnelles d'un sociétaire qui le demande (RGPD, article 17) : ses demandes, brouillons, versions, prompts et sources, commentaires, variables de l'historique du moteur et conversations avec le chatbot. Les dossiers encore ouverts sont retirés.",
  'privacy.memberId': 'Numéro du sociétaire',
  'privacy.memberIdHint': 'Par exemple M-1001.',
  'privacy.check': 'Voir ce qui sera effacé',
  'privacy.preview': '{cases} dossier(s) du sociétaire {member}, dont {open} encore ouvert(s) qui seront retirés.',
  'privacy.reason': "Motif de l'effacement",
  'privacy.reasonHint':
    "Il est conservé avec la trace de l'effacement : n'y mettez aucune donnée personnelle. Indiquez la date et la référence de la demande.",
  'privacy.erase': 'Effacer définitivement',
  'privacy.done': "Effacement n° {id} fait : {cases} dossier(s). Les chaînes d'audit restent vérifiables.",
  'privacy.kept': 'Ce que la loi impose de conserver (et qui est conservé)',
  'privacy.history': 'Effacements',
  'privacy.history.empty': 'Aucun effacement pour le moment.',
  'privacy.col.date': 'Date',
  'privacy.col.kind': 'Origine',
  'privacy.col.member': 'Sociétaire',
  'privacy.col.reason': 'Motif',
  'privacy.col.by': 'Par',
  'privacy.col.cases': 'Dossiers',
  'privacy.kind.REQUEST': 'Demande du sociétaire',
  'privacy.kind.RETENTION': 'Durée de conservation échue',
  'privacy.audit': "Chaînes d'audit",
  'privacy.audit.verify': 'Vérifier toutes les chaînes',
  'privacy.audit.valid': '{cases} chaîne(s), {entries} entrée(s) vérifiées, dont {erased} au contenu personnel effacé.',
  'privacy.audit.broken': '{count} chaîne(s) rompue(s) : dossier(s) {cases}.',
};

export type PrivacyKey = keyof typeof fr;

const en: Record<PrivacyKey, string> = {
  'privacy.title': 'Data protection',
  'privacy.intro':
    "Erase the personal data of a member who asks for it (GDPR, article 17): their requests, drafts, versions, prompts and sources, comments, engine history variables and chatbot conversations. Cases still open are withdrawn.",
  'privacy.memberId': 'Member number',
  'privacy.memberIdHint': 'For example M-1001.',
  'privacy.check': 'See what will be erased',
  'privacy.preview': '{cases} case(s) of member {member}, {open} of them still open and to be withdrawn.',
  'privacy.reason': 'Reason for the erasure',
  'privacy.reasonHint':
    "It is kept with the record of the erasure: put no personal data in it. Give the request's date and reference.",
  'privacy.erase': 'Erase for good',
  'privacy.done': 'Erasure no. {id} done: {cases} case(s). The audit chains still verify.',
  'privacy.kept': 'What the law requires to keep (and is kept)',
  'privacy.history': 'Erasures',
  'privacy.history.empty': 'No erasure yet.',
  'privacy.col.date': 'Date',
  'privacy.col.kind': 'Origin',
  'privacy.col.member': 'Member',
  'privacy.col.reason': 'Reason',
  'privacy.col.by': 'By',
  'privacy.col.cases': 'Cases',
  'privacy.kind.REQUEST': "Member's request",
  'privacy.kind.RETENTION': 'Retention period over',
  'privacy.audit': 'Audit chains',
  'privacy.audit.verify': 'Verify every chain',
  'privacy.audit.valid': '{cases} chain(s), {entries} entries verified, {erased} of them with their personal content erased.',
  'privacy.audit.broken': '{count} broken chain(s): case(s) {cases}.',
};

export function usePt(): (key: PrivacyKey, params?: Params) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? en : fr;
  return (key, params) => (params ? interpolate(dict[key], params) : dict[key]);
}
