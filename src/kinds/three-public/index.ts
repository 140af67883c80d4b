// The three-public table kind: its body reader, its layout and its derivation.
import type { ThreePublicSpec } from '../../core/profiles';
import type { TableKind } from '../kind';
import { deriveThreePublic } from './derive';
import { layoutThreePublic } from './layout';
import { readThreePublicBody } from './read';

export const THREE_PUBLIC_KIND: TableKind<ThreePublicSpec> = { read: readThreePublicBody, layout: layoutThreePublic, derive: deriveThreePublic };
