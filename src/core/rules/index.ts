// The table rules (T1–T9, X1–X13, catalog checks) and how to run them.
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import type { Profile } from '../profiles';
import { CATALOG_RULES } from './catalog-rules';
import { CROSS_RULES } from './cross-rules';
import { runRules, type Rule } from './engine';
import { TABLE_RULES } from './table-rules';

export const ALL_RULES: Rule[] = [...TABLE_RULES, ...CROSS_RULES, ...CATALOG_RULES];

export function runTableRules(accounts: FinalAccounts, profile: Profile): Finding[] {
  return runRules(ALL_RULES, accounts, profile);
}

export type { Rule } from './engine';
