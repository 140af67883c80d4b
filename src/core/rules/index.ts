// The table rules (T1–T9, X1–X13, catalog checks). (Being written.)
import type { Finding } from '../findings';
import type { FinalAccounts } from '../model';
import type { Profile } from '../profiles';

export function runTableRules(_accounts: FinalAccounts, _profile: Profile): Finding[] {
  return [];
}
