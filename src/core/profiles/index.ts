import { CENTRAL_2024 } from './central-2024';
import { DEPARTMENT_2018 } from './department-2018';
import { FUZHOU_2024 } from './fuzhou-2024';
import { SHANGHAI_2024 } from './shanghai-2024';
import type { Profile } from './spec';

export const PROFILES: Profile[] = [FUZHOU_2024, SHANGHAI_2024, CENTRAL_2024, DEPARTMENT_2018];
export const DEFAULT_PROFILE_ID = 'fuzhou-2024';

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export * from './spec';
