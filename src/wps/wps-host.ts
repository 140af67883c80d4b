// The WPS bootstrap's side of WPS: the only place (with src/adapters/wps, which never names the global) that
// touches the `wps` object WPS injects into an add-in's pages. The ribbon entry (ribbon.ts) and the task pane
// entry (taskpane.tsx) go through these functions; lint forbids `wps` anywhere else (eslint.layers.cjs).
import type { WpsApplicationSurface } from '../adapters/wps/wps-surface';
import { WpsWorkbookPort } from '../adapters/wps/wps-port';

/** The members of WPS's global the add-in uses (WPS 加载项 JS API; docs/wps.md). */
interface WpsTaskPane {
  ID: string;
  Visible: boolean;
}
interface WpsGlobal {
  EtApplication(): WpsApplicationSurface;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string): WpsTaskPane | null;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

declare const wps: WpsGlobal | undefined;

function host(): WpsGlobal {
  if (typeof wps === 'undefined') throw new Error('决算公开助手：此页面不在 WPS 中（没有 wps 对象）');
  return wps;
}

/** False in a plain browser tab: then nothing else here may be called. */
export function inWps(): boolean {
  return typeof wps !== 'undefined' && typeof wps.EtApplication === 'function';
}

export function createWpsPort(): WpsWorkbookPort {
  return new WpsWorkbookPort(host().EtApplication());
}

/** Where the pane's id and a pending task wait between the ribbon's page and the pane's (both WPS's own storage). */
export const PANE_ID_KEY = 'finalAccounts.taskPaneId';
export const PENDING_RUN_KEY = 'finalAccounts.pendingRun';

export type PaneRun = 'check' | 'generate' | null;

/**
 * Shows the task pane (made once, then shown again). A task for an open pane is left in PluginStorage, which
 * the pane looks at (takePendingRun); a new pane gets it in its address.
 */
export function showTaskPane(baseUrl: string, run: PaneRun): void {
  const w = host();
  const id = w.PluginStorage.getItem(PANE_ID_KEY);
  const existing = typeof id === 'string' && id ? w.GetTaskPane(id) : null;
  if (existing) {
    if (run) w.PluginStorage.setItem(PENDING_RUN_KEY, run);
    existing.Visible = true;
    return;
  }
  const url = new URL('taskpane.html', baseUrl);
  if (run) url.searchParams.set('run', run);
  const pane = w.CreateTaskPane(url.toString(), '决算公开助手');
  w.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

/** The task the ribbon left for the open pane, taken once. */
export function takePendingRun(): PaneRun {
  const w = host();
  const run = w.PluginStorage.getItem(PENDING_RUN_KEY);
  if (run !== 'check' && run !== 'generate') return null;
  w.PluginStorage.setItem(PENDING_RUN_KEY, '');
  return run;
}
