import { interpolate, useI18n, type Params } from '../../lib/i18n';

/** The home's words, French first; kept beside the feature like the privacy screens'. */
const fr = {
  'home.title': "Ce qui m'attend",
  'home.intro': 'Le travail qui vous attend maintenant, rôle par rôle. Chaque ligne ouvre l’écran où le faire.',
  'home.seeAll': 'Tout voir ({count})',
  'home.open': 'Ouvrir',
  'home.nothing': 'Rien pour le moment.',
  'home.more': 'et {count} de plus',
  'home.shortcuts': 'Vos écrans',
  'home.noSection': "Rien ne vous attend aujourd'hui : vos écrans sont ci-dessous.",
  'home.section.tasks.mine': 'Mes tâches en cours',
  'home.section.tasks.toTake': 'Tâches à prendre',
  'home.section.cases.inProgress': 'Mes demandes en cours',
  'home.section.projects.decide': 'Projets qui attendent votre décision',
  'home.section.experiments.running': 'Expérimentations et déploiements en cours',
  'home.section.knowledge.reviews': 'Documents à relire',
  'home.section.privacy.due': 'Dossiers dont la durée de conservation est échue',
  'home.flag.OVERDUE': 'En retard',
  'home.flag.GUARDRAIL_CROSSED': 'Garde-fou franchi',
  'home.flag.ASSIGNED': 'Pris par vous',
  'home.link.cases': 'Mes demandes',
  'home.link.newRequest': 'Nouvelle demande',
  'home.link.tasks': 'Tâches',
  'home.link.ideas': 'Boîte à idées',
  'home.link.triage': 'Tri des idées',
  'home.link.portfolio': 'Portefeuille',
  'home.link.ethics': 'Comité éthique',
  'home.link.experiments': 'Expérimentations',
  'home.link.organisation': 'Organisation',
  'home.link.governance': "Ouverture des cas d'usage",
  'home.link.knowledge': 'Base de connaissances',
  'home.link.members': 'Annuaire des sociétaires',
  'home.link.quality': 'Qualité',
  'home.link.myFigures': 'Mes indicateurs',
  'home.link.privacy': 'Protection des données',
};

export type HomeKey = keyof typeof fr;

const en: Record<HomeKey, string> = {
  'home.title': 'What awaits me',
  'home.intro': 'The work waiting for you now, role by role. Each line opens the screen where it is done.',
  'home.seeAll': 'See all ({count})',
  'home.open': 'Open',
  'home.nothing': 'Nothing for now.',
  'home.more': 'and {count} more',
  'home.shortcuts': 'Your screens',
  'home.noSection': 'Nothing awaits you today: your screens are below.',
  'home.section.tasks.mine': 'My tasks in progress',
  'home.section.tasks.toTake': 'Tasks to take',
  'home.section.cases.inProgress': 'My requests in progress',
  'home.section.projects.decide': 'Projects awaiting your decision',
  'home.section.experiments.running': 'Experiments and rollouts running',
  'home.section.knowledge.reviews': 'Documents to review',
  'home.section.privacy.due': 'Cases past their retention period',
  'home.flag.OVERDUE': 'Overdue',
  'home.flag.GUARDRAIL_CROSSED': 'Guardrail crossed',
  'home.flag.ASSIGNED': 'Taken by you',
  'home.link.cases': 'My requests',
  'home.link.newRequest': 'New request',
  'home.link.tasks': 'Tasks',
  'home.link.ideas': 'Idea box',
  'home.link.triage': 'Idea triage',
  'home.link.portfolio': 'Portfolio',
  'home.link.ethics': 'Ethics committee',
  'home.link.experiments': 'Experiments',
  'home.link.organisation': 'Organisation',
  'home.link.governance': 'Opening of use cases',
  'home.link.knowledge': 'Knowledge base',
  'home.link.members': 'Member directory',
  'home.link.quality': 'Quality',
  'home.link.myFigures': 'My figures',
  'home.link.privacy': 'Data protection',
};

export function useHt(): (key: HomeKey, params?: Params) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? en : fr;
  return (key, params) => (params ? interpolate(dict[key], params) : dict[key]);
}

/** A section's title; a section this screen does not know yet shows its key rather than nothing. */
export function useSectionTitle(): (key: string) => string {
  const ht = useHt();
  return (key) => {
    const k = `home.section.${key}`;
    return k in fr ? ht(k as HomeKey) : key;
  };
}
