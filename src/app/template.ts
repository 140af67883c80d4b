// The template use case: the empty working sheets (instructions and the six 底稿) for the officer to fill in.
import { templateSheets } from '../generator/workings/template';
import type { SheetLayout } from '../port/layout';

export function workingTemplate(): SheetLayout[] {
  return templateSheets();
}
