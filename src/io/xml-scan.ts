/**
 * A small XML scanner for the parts of an XLSX workbook: start tags with their
 * attributes, end tags and text, in one linear pass with no tree built. It never
 * follows a document type declaration — a workbook has none, and one is how external
 * entities and entity expansion bombs arrive — so a DTD is refused outright. Names
 * lose their namespace prefix (`x:row` is `row`). Pure.
 * @module
 */
import { WordedError, XLSX_REASON } from "./xlsx-messages.js";

/** What the scanner reports, in document order. */
export interface XmlHandler {
  /** A start tag (also for `<a/>`, followed by `close`). */
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  /** An end tag. */
  close(name: string): void;
  /** Character data between tags, entities decoded. */
  text(text: string): void;
}

/** Why the scan stopped. */
export class XmlError extends WordedError {}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and character references; an unknown entity (one a
 * DTD would have to define) is an error.
 * @param text - raw character data or an attribute value
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new XmlError(XLSX_REASON.entity(whole.slice(0, 20)));
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isSafeInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(XLSX_REASON.badReference(whole));
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[ref];
    if (known === undefined) throw new XmlError(XLSX_REASON.entity(`&${ref};`));
    return known;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The `>` that ends a tag, skipping quoted attribute values; -1 when there is none. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * Scans XML text, calling the handler for each tag and text run.
 * @param xml - the part's text
 * @param handler - what to do with each event
 * @throws XmlError - on a document type declaration, an unknown entity, or a tag never closed
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (i < n) handler.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) handler.text(decodeEntities(xml.slice(i, lt)));
    const next = xml.charCodeAt(lt + 1);
    if (next === 63) { // <? … ?>
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError(XLSX_REASON.unclosed("<?"));
      i = end + 2;
    } else if (next === 33) { // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError(XLSX_REASON.unclosed("<!--"));
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError(XLSX_REASON.unclosed("<![CDATA["));
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new XmlError(XLSX_REASON.dtd());
    } else {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) throw new XmlError(XLSX_REASON.unclosed("<"));
      const body = xml.slice(lt + 1, gt);
      i = gt + 1;
      if (body.startsWith("/")) {
        handler.close(localName(body.slice(1).trim()));
        continue;
      }
      const selfClosing = body.endsWith("/");
      const inner = selfClosing ? body.slice(0, -1) : body;
      const space = inner.search(/\s/);
      const name = localName(space < 0 ? inner : inner.slice(0, space));
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      if (space >= 0) {
        for (const m of inner.slice(space).matchAll(ATTR)) attrs[localName(m[1]!)] = decodeEntities(m[3] ?? m[4] ?? "");
      }
      handler.open(name, attrs);
      if (selfClosing) handler.close(name);
    }
  }
}
