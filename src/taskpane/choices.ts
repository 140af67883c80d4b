// The profile and rubric choices offered in the pane (labels in Chinese).
import { RUBRIC_IDS } from '../core/performance';
import { FUJIAN_2018_FORMS } from '../core/performance/rubrics/fujian-2018';
import { PROFILES } from '../core/profiles';

export interface Choice {
  /** '' = automatic / default. */
  id: string;
  label: string;
}

export const AUTO = '';

export const PROFILE_CHOICES: Choice[] = [{ id: AUTO, label: '自动识别表式' }, ...PROFILES.map((p) => ({ id: p.id, label: p.name }))];

export const RUBRIC_CHOICES: Choice[] = [
  { id: AUTO, label: '默认（绩效自评公开表 2024）' },
  ...RUBRIC_IDS.filter((id) => id !== 'gongkai-2024').map((id) => ({
    id,
    label: (FUJIAN_2018_FORMS as Record<string, { title: string } | undefined>)[id]?.title ?? id,
  })),
];
