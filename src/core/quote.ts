// Cell text quoted in a message or note is cut to a readable length: a 1 MB cell must not become a 1 MB
// message (nor a 1 MB note in the marked copy). Only what we show is cut; the cell itself is never changed.
import type { Finding } from './findings';
import { plainNumberText } from './money';

/** At most this many characters of one cell's text are quoted. */
export const MAX_QUOTED_CHARS = 100;

/** A message longer than this (quotes already cut) is cut too: prose never needs more. */
const MAX_MESSAGE_CHARS = 2_000;

/** `text` cut to `max` characters (whole code points) with … when longer. */
export function clipText(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

/** A number in exponent notation (`1e+21`, `1.7976931348623157e+308`, `1e-7`), standing alone. */
const EXPONENT = /(?<![\w.])[-+]?\d+(?:\.\d+)?e[+-]?\d+(?![\w.])/gi;

/**
 * Every number in exponent notation written out (a number cell quoted as text by a reader, `String(1e21)`),
 * every “quoted” part cut to MAX_QUOTED_CHARS, and the whole to MAX_MESSAGE_CHARS.
 */
export function clipMessage(message: string): string {
  EXPONENT.lastIndex = 0;
  const plain = EXPONENT.test(message) ? message.replace(EXPONENT, (m) => plainNumberText(Number(m))) : message;
  if (plain.length <= MAX_QUOTED_CHARS) return plain;
  const quoted = plain.replace(/“([^”]*)”/g, (all, inner: string) => (inner.length > MAX_QUOTED_CHARS ? `“${clipText(inner)}”` : all));
  return clipText(quoted, MAX_MESSAGE_CHARS);
}

/** A finding whose message and table name (a 绩效 project's name is cell text) are clipped. */
export function clipFinding(f: Finding): Finding {
  const message = clipMessage(f.message);
  const table = clipText(f.table);
  return message === f.message && table === f.table ? f : { ...f, message, table };
}
