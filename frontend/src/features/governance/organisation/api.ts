import { api } from '../../../lib/api';

/** The organisation's models, as /api/entities, /api/people and /api/governance send them (issue 14). */
export type EntityKind = 'AGENCY' | 'SERVICE' | 'DIRECTORATE';

export interface BusinessEntity {
  code: string;
  name: string;
  kind: EntityKind;
  /** the entity it belongs to; null at the top */
  parentCode: string | null;
}

export interface EntityInput {
  code: string;
  name: string;
  kind: EntityKind;
  parentCode: string | null;
}

export interface Placement {
  username: string;
  entityCode: string;
  /** MANUAL, IMPORT, OIDC or DEMO */
  source: string;
  placedBy: string;
  placedAt: string;
}

/** A person to place: known to the identity service, already placed, or both. */
export interface PlaceablePerson {
  username: string;
  displayName: string;
  entityCode: string | null;
  entityName: string | null;
  source: string | null;
}

export interface EntityImportResult {
  entitiesCreated: number;
  entitiesUpdated: number;
  peoplePlaced: number;
}

export type GateState = 'KILLED' | 'GOVERNED' | 'OPENED_BY_ADMIN' | 'UNGOVERNED_ALLOWED' | 'CLOSED';

export interface UseCaseOpening {
  id: number;
  useCaseKey: string;
  reason: string;
  openedBy: string;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  closeReason: string | null;
}

export interface UseCaseGate {
  useCaseKey: string;
  name: string;
  governanceRequired: boolean;
  state: GateState;
  projectId: number | null;
  aiEntities: number;
  opening: UseCaseOpening | null;
}

const e = (code: string) => `/api/entities/${encodeURIComponent(code)}`;

/** These refusals explain a rule (« hors de votre périmètre », « votre propre rattachement… »): show them. */
const rules = { serverMessageOn403: true };

export const organisationApi = {
  entities: (signal?: AbortSignal) => api.get<BusinessEntity[]>('/api/entities', { signal }),
  managed: (signal?: AbortSignal) => api.get<string[]>('/api/entities/managed', { signal }),
  create: (entity: EntityInput) => api.post<BusinessEntity>('/api/entities', entity, rules),
  update: (code: string, entity: Omit<EntityInput, 'code'>) => api.put<BusinessEntity>(e(code), entity, rules),
  remove: (code: string) => api.delete<void>(e(code), rules),
  people: (code: string, signal?: AbortSignal) => api.get<Placement[]>(`${e(code)}/people`, { signal, ...rules }),
  place: (code: string, username: string) => api.put<Placement>(`${e(code)}/people/${encodeURIComponent(username)}`, undefined, rules),
  detach: (code: string, username: string) => api.delete<void>(`${e(code)}/people/${encodeURIComponent(username)}`, rules),
  searchPeople: (q: string, signal?: AbortSignal) => api.get<PlaceablePerson[]>(`/api/people?q=${encodeURIComponent(q)}`, { signal }),
  importCsv: (csv: string) => api.post<EntityImportResult>('/api/entities/import', { csv }, rules),
  gates: (signal?: AbortSignal) => api.get<UseCaseGate[]>('/api/governance/use-cases', { signal }),
  openings: (signal?: AbortSignal) => api.get<UseCaseOpening[]>('/api/governance/openings', { signal }),
  open: (useCaseKey: string, reason: string) => api.post<UseCaseOpening>('/api/governance/openings', { useCaseKey, reason }, rules),
  close: (id: number, reason: string) => api.post<UseCaseOpening>(`/api/governance/openings/${id}/close`, { reason }, rules),
};
