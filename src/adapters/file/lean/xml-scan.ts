// A minimal XML tokenizer for the parts of an .xlsx the lean read path needs (workbook, rels, styles, shared
// strings, sheets). It gives the same names, attributes and text as the SAX parser ExcelJS uses (saxes, no
// namespaces) for well-formed files, and throws LeanBail on anything it does not handle exactly (a DOCTYPE, an
// unknown entity, a carriage return, a control character, malformed markup): the caller then falls back to the
// full ExcelJS load, which gives the library's own result or error.

/** Thrown when the lean path cannot promise the full load's result; never shown to the user. */
export class LeanBail extends Error {}

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  text(text: string): void;
  close(name: string): void;
}

// Characters XML forbids raw (saxes rejects them) and a carriage return (which XML normalises).
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entity and character references replaced. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new LeanBail('unterminated reference');
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const digits = ref[1] === 'x' ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/;
      if (!digits.test(ref) || !(code >= 0x20 || code === 9 || code === 10) || code > 0x10ffff) throw new LeanBail('character reference');
      if (code >= 0xd800 && code <= 0xdfff) throw new LeanBail('surrogate reference');
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw new LeanBail('unknown entity');
    return named;
  });
}

const NAME_END = /[\s/>]/g;
const ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

function parseAttributes(src: string, from: number, to: number): Attributes {
  const attrs: Attributes = {};
  let p = from;
  while (p < to) {
    const c = src.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10) {
      p++;
      continue;
    }
    ATTR.lastIndex = p;
    const m = ATTR.exec(src);
    if (!m || m.index !== p || ATTR.lastIndex > to) throw new LeanBail('attribute');
    const raw = m[3] ?? m[4];
    // XML normalises whitespace inside attribute values; no part we read has any.
    if (raw.indexOf('\t') >= 0 || raw.indexOf('\n') >= 0 || raw.indexOf('<') >= 0) throw new LeanBail('attribute whitespace');
    if (m[1] in attrs) throw new LeanBail('duplicate attribute');
    attrs[m[1]] = decodeEntities(raw);
    p = ATTR.lastIndex;
  }
  return attrs;
}

/** Scans `xml`, calling `h` for each element and text; throws LeanBail on anything outside the subset. */
export function scanXml(xml: string, h: XmlHandler): void {
  if (FORBIDDEN.test(xml)) throw new LeanBail('forbidden character');
  const n = xml.length;
  let p = 0;
  if (xml.charCodeAt(0) === 0xfeff) throw new LeanBail('byte order mark');
  const stack: string[] = [];
  let sawRoot = false;
  while (p < n) {
    const lt = xml.indexOf('<', p);
    const end = lt < 0 ? n : lt;
    if (end > p) {
      const raw = xml.slice(p, end);
      if (stack.length > 0) h.text(decodeEntities(raw));
      else if (raw.trim() !== '') throw new LeanBail('text outside the root');
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const close = xml.indexOf('?>', lt);
      if (close < 0) throw new LeanBail('processing instruction');
      const pi = xml.slice(lt, close);
      if (/encoding\s*=\s*["'](?!utf-8["'])/i.test(pi)) throw new LeanBail('encoding');
      p = close + 2;
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) throw new LeanBail('comment');
        p = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        // ExcelJS passes on only open, text and close events (lib/utils/parse-sax.js): CDATA content is lost.
        if (close < 0 || stack.length === 0) throw new LeanBail('cdata');
        p = close + 3;
      } else throw new LeanBail('doctype');
    } else if (next === 47 /* / */) {
      const close = xml.indexOf('>', lt);
      if (close < 0) throw new LeanBail('close tag');
      const name = xml.slice(lt + 2, close).trimEnd();
      if (stack.pop() !== name) throw new LeanBail('mismatched tag');
      h.close(name);
      p = close + 1;
    } else {
      const close = xml.indexOf('>', lt);
      if (close < 0) throw new LeanBail('open tag');
      const self = xml.charCodeAt(close - 1) === 47;
      const tagEnd = self ? close - 1 : close;
      NAME_END.lastIndex = lt + 1;
      const m = NAME_END.exec(xml);
      const nameEnd = m && m.index < tagEnd ? m.index : tagEnd;
      const name = xml.slice(lt + 1, nameEnd);
      if (name === '' || (stack.length === 0 && sawRoot)) throw new LeanBail('tag name');
      sawRoot = true;
      // A quoted '>' (legal XML) ends the tag early here: its attribute then has no closing quote and
      // parseAttributes bails.
      const attrs = nameEnd < tagEnd ? parseAttributes(xml, nameEnd, tagEnd) : {};
      h.open(name, attrs, self);
      if (self) h.close(name);
      else stack.push(name);
      p = close + 1;
    }
  }
  if (stack.length > 0) throw new LeanBail('unclosed element');
}
