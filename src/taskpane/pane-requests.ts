// The ribbon's 检查 and 一键生成公开表 reach the task pane as a message, not as a `?run=` address: a click while the
// pane is open runs the action again (the pane, opened once, never reloads for a second click on a button
// with the same address).
//
// Why localStorage: the buttons are ExecuteFunction commands of the function file (commands.html), a page of
// its own beside the pane. Without a shared runtime (the <Runtimes> element, which the 2020 manifest XSDs
// that `npm run validate` checks against do not know), the two pages share nothing but their origin, and
// localStorage is what same-origin pages share. The pane hears a request through the `storage` event, and
// also looks every second (some hosts do not deliver the event between their web views). It acknowledges each
// request; when no pane acknowledges (it is closed), the command asks the user to open it, and the pane runs
// the request on opening if it is still fresh.
export type PaneAction = 'check' | 'generate';

export interface PaneRequest {
  action: PaneAction;
  /** Unique per click: a request is run once. */
  id: string;
  /** When it was made (ms since 1970). */
  at: number;
}

export const REQUEST_KEY = 'final-accounts:pane-request';
export const ACK_KEY = 'final-accounts:pane-ack';
/** A request the pane finds on opening is run when it is younger than this. */
export const PENDING_MS = 120_000;

/** What the pane needs of the page: its storage, and the `storage` event. */
export interface RequestWindow {
  localStorage: Pick<Storage, 'getItem' | 'setItem'>;
  addEventListener(type: 'storage', listener: (e: { key: string | null }) => void): void;
  removeEventListener(type: 'storage', listener: (e: { key: string | null }) => void): void;
}

export function parseRequest(text: string | null): PaneRequest | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<PaneRequest>;
    if ((r.action === 'check' || r.action === 'generate') && typeof r.id === 'string' && typeof r.at === 'number')
      return { action: r.action, id: r.id, at: r.at };
  } catch {
    // not ours: ignored
  }
  return null;
}

/** The command's side: leaves a request for the pane. */
export function postRequest(storage: Pick<Storage, 'setItem'>, action: PaneAction, now: number, id: string): PaneRequest {
  const request = { action, id, at: now };
  storage.setItem(REQUEST_KEY, JSON.stringify(request));
  return request;
}

export function isAcknowledged(storage: Pick<Storage, 'getItem'>, id: string): boolean {
  return storage.getItem(ACK_KEY) === id;
}

export interface RequestListener {
  /** Looks for a new request now (the timer and the `storage` event call it). */
  poll(): void;
  stop(): void;
}

/**
 * The pane's side: runs each new request once, and acknowledges it. At start, a request still pending (younger
 * than PENDING_MS, not acknowledged) is run: the user clicked while the pane was closed, then opened it.
 */
export function listenForRequests(
  win: RequestWindow,
  run: (action: PaneAction) => void,
  options: { now: () => number; every?: (poll: () => void) => () => void },
): RequestListener {
  const storage = win.localStorage;
  let lastId = storage.getItem(ACK_KEY);
  const poll = () => {
    const request = parseRequest(storage.getItem(REQUEST_KEY));
    if (!request || request.id === lastId) return;
    lastId = request.id;
    storage.setItem(ACK_KEY, request.id);
    if (options.now() - request.at <= PENDING_MS) run(request.action);
  };
  const onStorage = (e: { key: string | null }) => {
    if (e.key === REQUEST_KEY) poll();
  };
  win.addEventListener('storage', onStorage);
  const stopTimer = options.every?.(poll) ?? (() => {});
  poll();
  return {
    poll,
    stop: () => {
      win.removeEventListener('storage', onStorage);
      stopTimer();
    },
  };
}
