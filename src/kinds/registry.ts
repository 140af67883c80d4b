// The registry of table kinds: one line per kind. The mapped type makes a kind declared in
// core/profiles/spec.ts without an entry here a compile error.
import type { TableSpec } from '../core/profiles';
import { CODED_KIND } from './coded';
import { ECONOMIC_KIND } from './economic';
import type { TableKind } from './kind';
import { LEDGER_KIND } from './ledger';
import { THREE_PUBLIC_KIND } from './three-public';

type Kinds = { [K in TableSpec['kind']]: TableKind<Extract<TableSpec, { kind: K }>> };

const KINDS: Kinds = {
  coded: CODED_KIND,
  ledger: LEDGER_KIND,
  economic: ECONOMIC_KIND,
  threePublic: THREE_PUBLIC_KIND,
};

/** The kind of a table spec. */
export function kindOf<S extends TableSpec>(spec: S): TableKind<S> {
  return KINDS[spec.kind] as unknown as TableKind<S>;
}
