import type { UseCase } from '../types/api';
import { api } from './api';

export function fetchUseCases(signal?: AbortSignal): Promise<UseCase[]> {
  return api.get<UseCase[]>('/api/use-cases', { signal });
}
