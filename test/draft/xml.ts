// A strict little XML reader for the Word document's parts: it refuses what
// Word would refuse to open (a tag not closed, a stray "<" or "&", an unknown
// entity, a character XML 1.0 does not allow) and gives the elements as a
// tree to look through.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(text: string, where: number): string {
  if (/<|&(?!(?:[a-z]+|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`a stray < or & near ${where}`);
  return text.replace(/&([a-z]+|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity &${e}; near ${where}`);
    return v;
  });
}

export function parseXml(xml: string): XmlElement {
  if (NOT_XML_CHAR.test(xml)) throw new Error('a character XML 1.0 does not allow');
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const text = xml.slice(at, m.index);
    if (text) stack.at(-1)!.children.push(decode(text, at));
    at = tag.lastIndex;
    if (m[1] !== undefined) stack.at(-1)!.children.push(m[1]);
    else if (m[2]) {
      const open = stack.pop();
      if (!open || open.name !== m[2]) throw new Error(`</${m[2]}> closes <${open?.name}> near ${m.index}`);
    } else if (m[3]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice near ${m.index}`);
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '', m.index);
      }
      const el: XmlElement = { name: m[3], attrs, children: [] };
      stack.at(-1)!.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  const rest = xml.slice(at);
  if (rest.trim()) throw new Error(`text or a broken tag at the end: ${rest.slice(0, 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length !== 1) throw new Error(`${elements.length} root elements`);
  return elements[0]!;
}

/** The elements named `name` under `el`, in document order (el itself included). */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

/** The children of `el` named `name`. */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** The text a Word element shows: its w:t runs, with a w:tab as a tab. */
export function wordText(el: XmlElement): string {
  if (el.name === 'w:t') return el.children.filter((c): c is string => typeof c === 'string').join('');
  if (el.name === 'w:tab') return '\t';
  return el.children.map((c) => (typeof c === 'string' ? '' : wordText(c))).join('');
}
