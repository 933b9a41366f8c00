import { interpolate, useI18n, type Params } from '../../lib/i18n';

/** The accounts screen's words, French first, kept beside the feature. */
const fr = {
  title: 'Comptes',
  intro:
    "Les personnes qui se connectent à Tandem avec un identifiant et un mot de passe, et leurs rôles. Avec l'authentification unique (OIDC), les personnes viennent du fournisseur d'identité et n'ont pas besoin de compte ici.",
  'create.title': 'Créer un compte',
  'create.intro':
    "Donnez à la personne son identifiant et son mot de passe provisoire par un canal sûr. Rattachez-la ensuite à son entité sur l'écran « Organisation ».",
  'field.username': 'Identifiant',
  'field.username.hint': 'En minuscules, chiffres et tirets, par exemple « lea-martin ».',
  'field.firstName': 'Prénom',
  'field.lastName': 'Nom',
  'field.email': 'Adresse e-mail (facultative)',
  'field.password': 'Mot de passe provisoire',
  'field.password.hint': 'Au moins {min} caractères, différent de l’identifiant.',
  'field.roles': 'Rôles',
  'field.roles.hint': 'Au moins un rôle : il décide des écrans et des tâches de la personne.',
  'field.useCaseGroups': "Groupes des cas d'usage (experts et approbateurs)",
  'field.useCaseGroups.hint': "Les experts d'un cas d'usage relisent ses textes ; ses approbateurs les valident.",
  'create.submit': 'Créer le compte',
  'create.done': 'Le compte « {username} » est créé ({name}).',
  'list.title': 'Les comptes',
  'list.caption': 'Les comptes, leurs rôles et leurs groupes',
  'list.empty': 'Aucun compte.',
  'col.username': 'Identifiant',
  'col.name': 'Nom',
  'col.email': 'E-mail',
  'col.groups': 'Rôles et groupes',
  'role.ADVISER': 'Conseiller·ère',
  'role.EXPERT': 'Expert·e métier',
  'role.MANAGER': 'Manager',
  'role.DIRECTORATE': 'Direction',
  'role.ETHICS': 'Comité éthique et de contrôle',
  'role.AI_REFERENT': 'Référent·e IA',
  'role.SERVICE': 'Compte de service',
  'role.DPO': 'Délégué·e à la protection des données',
  'role.ADMIN': 'Administrateur·rice',
} as const;

export type AccountsKey = keyof typeof fr;

const en: Record<AccountsKey, string> = {
  title: 'Accounts',
  intro:
    'The people who log in to Tandem with a user name and a password, and their roles. With single sign-on (OIDC), people come from the identity provider and need no account here.',
  'create.title': 'Create an account',
  'create.intro':
    'Give the person their user name and temporary password through a safe channel. Then place them in their entity on the “Organisation” screen.',
  'field.username': 'User name',
  'field.username.hint': 'Lower case, digits and hyphens, for instance “lea-martin”.',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.email': 'E-mail address (optional)',
  'field.password': 'Temporary password',
  'field.password.hint': 'At least {min} characters, other than the user name.',
  'field.roles': 'Roles',
  'field.roles.hint': 'At least one role: it decides the person’s screens and tasks.',
  'field.useCaseGroups': 'Use cases’ groups (experts and approvers)',
  'field.useCaseGroups.hint': 'A use case’s experts review its texts; its approvers sign them off.',
  'create.submit': 'Create the account',
  'create.done': 'The account “{username}” is created ({name}).',
  'list.title': 'The accounts',
  'list.caption': 'The accounts, their roles and their groups',
  'list.empty': 'No account.',
  'col.username': 'User name',
  'col.name': 'Name',
  'col.email': 'E-mail',
  'col.groups': 'Roles and groups',
  'role.ADVISER': 'Adviser',
  'role.EXPERT': 'Business expert',
  'role.MANAGER': 'Manager',
  'role.DIRECTORATE': 'Directorate',
  'role.ETHICS': 'Ethics and control committee',
  'role.AI_REFERENT': 'AI referent',
  'role.SERVICE': 'Service account',
  'role.DPO': 'Data protection officer',
  'role.ADMIN': 'Administrator',
};

export function useAt(): (key: AccountsKey, params?: Params) => string {
  const { lang } = useI18n();
  const dict = lang === 'en' ? en : fr;
  return (key, params) => (params ? interpolate(dict[key], params) : dict[key]);
}
