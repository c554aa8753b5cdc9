// Checks that free text reached HTML as text only: the output is parsed with a real HTML parser (parse5,
// as a browser would) and its element/attribute skeleton must be the same as with harmless text in the
// same fields. Any element, attribute or URL the payload brought in changes the skeleton.
import { parse, parseFragment } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** Elements with their attributes, in document order; text and comments are left out (comments counted). */
export function skeleton(html: string): string[] {
  const root = (/^\s*<!doctype/i.test(html) || /^\s*<html/i.test(html) ? parse(html) : parseFragment(html)) as unknown as Node;
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#comment') out.push('#comment');
    if (node.tagName) out.push(`<${node.tagName} ${(node.attrs ?? []).map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ')}>`);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  return out;
}

/** All text content of the parsed output (what a reader sees), entities decoded. */
export function textContent(html: string): string {
  const root = (/^\s*<!doctype/i.test(html) || /^\s*<html/i.test(html) ? parse(html) : parseFragment(html)) as unknown as Node;
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text') text += node.value ?? '';
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(root);
  return text;
}

/** Harmless text of about the same shape as a payload: letters only. */
export const HARMLESS = 'Gewone tekst zonder opmaak';
