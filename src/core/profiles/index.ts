import { CENTRAL_2024 } from './central-2024';
import { FUZHOU_2024 } from './fuzhou-2024';
import { SHANGHAI_2024 } from './shanghai-2024';
import type { Profile, TableSpec } from './spec';
import type { TableId, TableTopic } from '../model';

export const PROFILES: Profile[] = [FUZHOU_2024, SHANGHAI_2024, CENTRAL_2024];
export const DEFAULT_PROFILE_ID = 'fuzhou-2024';

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export function specByTopic(profile: Profile, topic: TableTopic): TableSpec {
  const spec = Object.values(profile.tables).find((t) => t.topic === topic);
  if (!spec) throw new Error(`profile ${profile.id} has no ${topic} table`);
  return spec;
}

export function tableIdOfTopic(profile: Profile, topic: TableTopic): TableId {
  return specByTopic(profile, topic).id;
}

export * from './spec';
