// The economic table kind: its body reader, its layout and its derivation.
import type { EconomicSpec } from '../../core/profiles';
import type { TableKind } from '../kind';
import { deriveEconomic } from './derive';
import { layoutEconomic } from './layout';
import { readEconomicBody } from './read';

export const ECONOMIC_KIND: TableKind<EconomicSpec> = { read: readEconomicBody, layout: layoutEconomic, derive: deriveEconomic };
