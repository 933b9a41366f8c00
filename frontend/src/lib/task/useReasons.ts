import { useQuery } from '../useQuery';
import { fetchUseCases } from '../useCases';
import type { ReviewReason } from '../../types/api';

const NONE: readonly ReviewReason[] = [];

/** The structured reasons of a use case (GET /api/use-cases), for the review screens' reason picker. */
export function useReasons(useCaseKey: string | null | undefined): readonly ReviewReason[] {
  const { data } = useQuery('use-cases', fetchUseCases);
  return data?.find((u) => u.key === useCaseKey)?.reasons ?? NONE;
}

/** The reasons as a completion carries them: left out when none was chosen. */
export function withReasons(codes: readonly string[]): { reasons?: string[] } {
  return codes.length > 0 ? { reasons: [...codes] } : {};
}
