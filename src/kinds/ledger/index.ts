// The ledger table kind: its body reader, its layout and its derivation.
import type { LedgerSpec } from '../../core/profiles';
import type { TableKind } from '../kind';
import { deriveLedger } from './derive';
import { layoutLedger } from './layout';
import { readLedgerBody } from './read';

export const LEDGER_KIND: TableKind<LedgerSpec> = { read: readLedgerBody, layout: layoutLedger, derive: deriveLedger };
