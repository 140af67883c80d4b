// Reads the nine 公开 tables wherever they stand in a workbook. (Being written.)
import type { Finding } from '../../core/findings';
import type { FinalAccounts } from '../../core/model';
import type { Profile } from '../../core/profiles';
import { DEFAULT_PROFILE_ID, profileById } from '../../core/profiles';
import type { WorkbookSnapshot } from '../../port/snapshot';

export interface ReadOptions {
  /** Force a profile; otherwise the reader picks the one the tables match best. */
  profile?: string;
}

export interface ReadResult {
  accounts: FinalAccounts;
  profile: Profile;
  /** Problems met while reading (missing table, unreadable amount, unknown row…). */
  findings: Finding[];
}

export function readAccounts(_snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const profile = profileById(options.profile ?? DEFAULT_PROFILE_ID)!;
  return { accounts: { unitName: null, year: null, profileId: profile.id, tables: {} }, profile, findings: [] };
}
