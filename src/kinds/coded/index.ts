// The coded table kind: its body reader, its layout and its derivation.
import type { CodedSpec } from '../../core/profiles';
import type { TableKind } from '../kind';
import { deriveCoded } from './derive';
import { layoutCoded } from './layout';
import { readCodedBody } from './read';

export const CODED_KIND: TableKind<CodedSpec> = { read: readCodedBody, layout: layoutCoded, derive: deriveCoded };
