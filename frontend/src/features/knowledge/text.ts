import { currentLanguage, interpolate, useI18n, type Params } from '../../lib/i18n';
import { hasRole } from '../../lib/auth/context';
import type { User } from '../../types/api';

/**
 * The knowledge base screens' words, French first. Kept beside the feature (not in the shared
 * dictionaries), as the lifecycle screens do.
 */
const fr = {
  back: 'Retour à la base de connaissance',
  'list.title': 'Base de connaissance',
  'list.intro':
    "Les documents dont l'IA tire ses sources : chacun a un responsable et une date de relecture. Un document périmé est signalé dans chaque brouillon qui le cite.",
  'list.search': 'Rechercher dans les passages',
  'list.new': 'Nouveau document',
  'list.documents': 'Les documents',
  'list.caption': 'Documents de la base de connaissance, avec leur responsable et leur prochaine relecture',
  'list.filters': 'Filtrer les documents',
  'list.filter.text': 'Rechercher un document',
  'list.filter.textHint': 'Un mot du titre, de la référence ou du contenu.',
  'list.filter.collection': 'Collection',
  'list.filter.allCollections': 'Toutes les collections',
  'list.filter.stale': 'Seulement les documents à relire',
  'list.count': '{count} document(s)',
  'stale.title': 'Mes documents à relire',
  'stale.caption': 'Les documents périmés dont vous ou votre groupe êtes responsables',
  'stale.none': "Aucun des documents dont vous êtes responsable n'a dépassé sa date de relecture.",
  'stale.review': 'Relire « {title} »',
  'stale.notOpenYet': 'La relecture sera ouverte demain matin (chaque jour à 6 h).',
  'col.document': 'Document',
  'col.collection': 'Collection',
  'col.owner': 'Responsable',
  'col.reviewDue': 'Prochaine relecture',
  'col.review': 'Relecture',
  'col.version': 'Version',
  'col.decidedAt': 'Relu le',
  'col.decision': 'Décision',
  'col.comment': 'Commentaire',
  'status.retired': 'Retiré',
  'status.stale': 'À relire',
  'status.upToDate': 'À jour',
  'document.version': 'version {version}',
  'document.edit': 'Modifier le document',
  'document.retiredNotice':
    "Document retiré par {by} le {date} : il n'est plus proposé à l'IA. Le modifier le remet en service.",
  'document.staleNotice':
    'Ce document a dépassé sa date de relecture ({date}) : il est signalé comme périmé dans chaque brouillon qui le cite.',
  'document.passages': 'Ses passages ({count})',
  'document.passagesHint':
    "Les titres du document le découpent en passages : c'est un passage, avec son titre, que l'IA reçoit et cite.",
  'document.reviews': 'Ses relectures',
  'document.noReview': "Aucune relecture n'a encore été faite depuis la tâche « Relire le document ».",
  'document.lastReviewed': 'Dernière relecture',
  'document.days': '{days} jours',
  'document.updatedAt': 'Mis à jour le',
  'passage.label': 'Passage {ordinal}',
  'decision.CONFIRM': 'Confirmé',
  'decision.UPDATE': 'Mis à jour',
  'decision.RETIRE': 'Retiré',
  'field.reference': 'Référence',
  'field.referenceHint': 'Majuscules, chiffres et tirets, par exemple PROD-AUTO-01. Elle ne se modifie plus ensuite.',
  'field.collection': 'Collection',
  'field.collectionHint': "Minuscules, chiffres et tirets, par exemple sinistres. Les cas d'usage puisent dans leurs collections.",
  'field.title': 'Titre',
  'field.owner': 'Responsable',
  'field.ownerHint': "L'identifiant de la personne qui répond du contenu et reçoit sa relecture.",
  'field.ownerGroup': 'Groupe responsable',
  'field.ownerGroupHint': "L'identifiant de son groupe : un de ses membres peut faire la relecture à sa place.",
  'field.reviewIntervalDays': 'Périodicité de relecture (jours)',
  'field.lastReviewed': 'Date de dernière relecture',
  'field.lastReviewedHint': "Laissez vide : l'enregistrement vaut relecture aujourd'hui, par vous.",
  'field.body': 'Contenu',
  'field.bodyHint':
    'En Markdown : une ligne « ## Titre » commence une section ; les sections sont découpées en passages de 80 à 250 mots.',
  'edit.newTitle': 'Nouveau document',
  'edit.title': 'Modifier {reference}',
  'edit.intro':
    "Saisissez le contenu, ou importez un PDF ou un document Word : son texte s'affiche ci-dessous pour que vous le vérifiiez avant d'enregistrer.",
  'edit.save': 'Enregistrer le document',
  'edit.saving': 'Enregistrement…',
  'edit.saved': 'Document enregistré : {passages} passage(s) prêts pour l’IA.',
  'import.label': 'Importer un PDF ou un document Word (.docx)',
  'import.hint': "10 Mo au plus. Le texte lu remplace le contenu ci-dessous ; rien n'est enregistré avant que vous enregistriez.",
  'import.reading': 'Lecture du fichier…',
  'import.readPdf': '« {file} » lu : {pages} page(s), {passages} passage(s). Vérifiez le texte puis enregistrez.',
  'import.readDocx': '« {file} » lu : {passages} passage(s). Vérifiez le texte puis enregistrez.',
  'import.failed': "Le fichier n'a pas pu être lu.",
  'search.title': 'Rechercher dans la base',
  'search.intro':
    "La recherche même de l'étape d'IA : les passages qu'un brouillon recevrait pour cette question, les plus pertinents d'abord.",
  'search.q': 'Question ou mots-clés',
  'search.qHint': 'Par exemple : délai pour déclarer un dégât des eaux.',
  'search.k': 'Nombre de passages',
  'search.submit': 'Rechercher',
  'search.required': 'Saisissez une question ou des mots à rechercher.',
  'search.results': 'Passages trouvés',
  'search.none': 'Aucun passage ne répond à cette recherche.',
  'search.count': '{count} passage(s), du plus pertinent au moins pertinent.',
  'search.score': 'Pertinence : {score}',
  'search.stale': 'à relire (dernière relecture le {date})',
  'review.pageTitle': 'Relire le document',
  'review.due': 'relecture prévue le {date}',
  'review.document': 'Le document',
  'review.passagesLabel': 'Les passages de « {title} »',
  'review.openDocument': 'Ouvrir la fiche du document',
  'review.intro':
    "Vérifiez que le document correspond aux produits et aux règles d'aujourd'hui, puis confirmez-le, mettez-le à jour ou retirez-le.",
  'review.confirmTitle': 'Le document est exact et à jour',
  'review.comment': 'Commentaire (facultatif)',
  'review.commentHint': 'Ce que vous avez vérifié, par exemple le barème consulté.',
  'review.confirm': 'Confirmer le document',
  'review.updateTitle': 'Le document doit changer',
  'review.updateHint':
    "Corrigez le texte, ou importez la nouvelle version : l'enregistrement crée une nouvelle version et vaut relecture aujourd'hui.",
  'review.update': 'Enregistrer la mise à jour',
  'review.bodyRequired': 'Le contenu mis à jour du document est obligatoire.',
  'review.retireTitle': 'Le document ne sert plus',
  'review.reason': 'Pourquoi le retirer ?',
  'review.reasonHint': "Le document reste consultable mais n'est plus proposé à l'IA ni relu.",
  'review.reasonRequired': 'Indiquez pourquoi le document est retiré.',
  'review.retire': 'Retirer le document',
  'review.done.CONFIRM': '« {title} » est confirmé : relu aujourd’hui.',
  'review.done.UPDATE': '« {title} » est mis à jour.',
  'review.done.RETIRE': '« {title} » est retiré.',
} as const;

export type KnowledgeKey = keyof typeof fr;

const en: Record<KnowledgeKey, string> = {
  back: 'Back to the knowledge base',
  'list.title': 'Knowledge base',
  'list.intro':
    'The documents the AI takes its sources from: each has an owner and a review date. A stale document is flagged in every draft that cites it.',
  'list.search': 'Search the passages',
  'list.new': 'New document',
  'list.documents': 'The documents',
  'list.caption': 'Documents of the knowledge base, with their owner and next review',
  'list.filters': 'Filter the documents',
  'list.filter.text': 'Find a document',
  'list.filter.textHint': 'A word of the title, the reference or the content.',
  'list.filter.collection': 'Collection',
  'list.filter.allCollections': 'All collections',
  'list.filter.stale': 'Only documents due for review',
  'list.count': '{count} document(s)',
  'stale.title': 'My documents to review',
  'stale.caption': 'The stale documents you or your group answer for',
  'stale.none': 'None of the documents you answer for is past its review date.',
  'stale.review': 'Review “{title}”',
  'stale.notOpenYet': 'The review opens tomorrow morning (every day at 6:00).',
  'col.document': 'Document',
  'col.collection': 'Collection',
  'col.owner': 'Owner',
  'col.reviewDue': 'Next review',
  'col.review': 'Review',
  'col.version': 'Version',
  'col.decidedAt': 'Reviewed on',
  'col.decision': 'Decision',
  'col.comment': 'Comment',
  'status.retired': 'Retired',
  'status.stale': 'Due for review',
  'status.upToDate': 'Up to date',
  'document.version': 'version {version}',
  'document.edit': 'Edit the document',
  'document.retiredNotice': 'Retired by {by} on {date}: it is no longer given to the AI. Editing it brings it back.',
  'document.staleNotice': 'This document is past its review date ({date}): it is flagged as stale in every draft that cites it.',
  'document.passages': 'Its passages ({count})',
  'document.passagesHint': 'The headings cut the document into passages: the AI gets and cites a passage, with its heading.',
  'document.reviews': 'Its reviews',
  'document.noReview': 'No review has been made yet from the task “Review the document”.',
  'document.lastReviewed': 'Last reviewed',
  'document.days': '{days} days',
  'document.updatedAt': 'Updated on',
  'passage.label': 'Passage {ordinal}',
  'decision.CONFIRM': 'Confirmed',
  'decision.UPDATE': 'Updated',
  'decision.RETIRE': 'Retired',
  'field.reference': 'Reference',
  'field.referenceHint': 'Capitals, digits and dashes, e.g. PROD-AUTO-01. It cannot change afterwards.',
  'field.collection': 'Collection',
  'field.collectionHint': 'Lower case, digits and dashes, e.g. claims. Use cases draw on their collections.',
  'field.title': 'Title',
  'field.owner': 'Owner',
  'field.ownerHint': 'The user id of the person who answers for the content and receives its review.',
  'field.ownerGroup': 'Owner group',
  'field.ownerGroupHint': 'The id of their group: one of its members may review in their place.',
  'field.reviewIntervalDays': 'Review every (days)',
  'field.lastReviewed': 'Last review date',
  'field.lastReviewedHint': 'Leave empty: saving counts as your review today.',
  'field.body': 'Content',
  'field.bodyHint': 'Markdown: a “## Heading” line starts a section; sections are cut into passages of 80 to 250 words.',
  'edit.newTitle': 'New document',
  'edit.title': 'Edit {reference}',
  'edit.intro': 'Type the content, or import a PDF or a Word document: its text shows below for you to check before saving.',
  'edit.save': 'Save the document',
  'edit.saving': 'Saving…',
  'edit.saved': 'Document saved: {passages} passage(s) ready for the AI.',
  'import.label': 'Import a PDF or a Word document (.docx)',
  'import.hint': 'At most 10 MB. The text read replaces the content below; nothing is saved until you save.',
  'import.reading': 'Reading the file…',
  'import.readPdf': '“{file}” read: {pages} page(s), {passages} passage(s). Check the text, then save.',
  'import.readDocx': '“{file}” read: {passages} passage(s). Check the text, then save.',
  'import.failed': 'The file could not be read.',
  'search.title': 'Search the knowledge base',
  'search.intro': 'The AI step’s own search: the passages a draft would get for this question, most relevant first.',
  'search.q': 'Question or keywords',
  'search.qHint': 'For example: deadline to report water damage.',
  'search.k': 'Number of passages',
  'search.submit': 'Search',
  'search.required': 'Type a question or words to search for.',
  'search.results': 'Passages found',
  'search.none': 'No passage answers this search.',
  'search.count': '{count} passage(s), most relevant first.',
  'search.score': 'Relevance: {score}',
  'search.stale': 'due for review (last reviewed on {date})',
  'review.pageTitle': 'Review the document',
  'review.due': 'review due on {date}',
  'review.document': 'The document',
  'review.passagesLabel': 'The passages of “{title}”',
  'review.openDocument': 'Open the document’s page',
  'review.intro': 'Check that the document matches today’s products and rules, then confirm, update or retire it.',
  'review.confirmTitle': 'The document is right and up to date',
  'review.comment': 'Comment (optional)',
  'review.commentHint': 'What you checked, e.g. the scale you consulted.',
  'review.confirm': 'Confirm the document',
  'review.updateTitle': 'The document must change',
  'review.updateHint': 'Correct the text, or import the new version: saving creates a new version and counts as today’s review.',
  'review.update': 'Save the update',
  'review.bodyRequired': 'The updated content of the document is required.',
  'review.retireTitle': 'The document is no longer used',
  'review.reason': 'Why retire it?',
  'review.reasonHint': 'The document stays readable but is no longer given to the AI nor reviewed.',
  'review.reasonRequired': 'Say why the document is retired.',
  'review.retire': 'Retire the document',
  'review.done.CONFIRM': '“{title}” is confirmed: reviewed today.',
  'review.done.UPDATE': '“{title}” is updated.',
  'review.done.RETIRE': '“{title}” is retired.',
};

export function useKt(): (key: KnowledgeKey, params?: Params) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? en : fr;
  return (key, params) => (params ? interpolate(dict[key], params) : dict[key]);
}

/** Handed to the next page after a save or a review: the message it shows once. */
export interface KnowledgeNotice {
  message: string;
}

/** « 2026-11-14 » as people read a day, in the page's language. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium' }).format(
    new Date(y, m - 1, d),
  );
}

/** Who creates and edits documents (the API's rule: AI referents and administrators). */
export function canEditKnowledge(user: User | null | undefined): boolean {
  return hasRole(user, 'AI_REFERENT') || hasRole(user, 'ADMIN');
}

/** Who searches the passages (the API's rule). */
export function canSearchKnowledge(user: User | null | undefined): boolean {
  return (['ADVISER', 'EXPERT', 'AI_REFERENT', 'ADMIN'] as const).some((role) => hasRole(user, role));
}
