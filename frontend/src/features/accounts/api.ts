import { api } from '../../lib/api';

/** An account of a person who logs in with a password (Camunda's identity service). */
export interface Account {
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** the ids of its groups: Tandem's roles and the use cases' expert and approver groups */
  groups: string[];
}

/** A group an account may join: a role (`role` set) or a use case's experts or approvers. */
export interface AccountGroup {
  id: string;
  name: string | null;
  role: string | null;
}

/** GET /api/admin/accounts */
export interface AccountList {
  accounts: Account[];
  groups: AccountGroup[];
  minPasswordLength: number;
}

export interface NewAccount {
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  password: string;
  groups: string[];
}

export const accountsApi = {
  list: (signal?: AbortSignal) => api.get<AccountList>('/api/admin/accounts', { signal }),
  create: (account: NewAccount) => api.post<Account>('/api/admin/accounts', account),
};
