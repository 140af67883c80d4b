// The table checks: the profile's declared identities (T1–T9 within tables, X1–X12 between them), the
// checks that are not identities, and the catalog checks.
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import type { Profile } from '../profiles';
import { CATALOG_RULES } from './catalog-rules';
import { RuleContext, type Rule } from './engine';
import { runIdentities } from './identity-rules';
import { SPECIAL_RULES } from './special-rules';

/** The rules written as code (identities are evaluated from the profile's data). */
export const CODED_RULES: Rule[] = [...SPECIAL_RULES, ...CATALOG_RULES];

export function runTableRules(accounts: FinalAccounts, profile: Profile): Finding[] {
  const ctx = new RuleContext(accounts, profile);
  runIdentities(ctx);
  for (const rule of CODED_RULES) {
    ctx.rule = rule;
    rule.run(ctx);
  }
  return ctx.findings;
}

export type { Rule } from './engine';
