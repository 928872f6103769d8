/**
 * A strict well-formedness check for the XML our junit format writes (no DTDs, no CDATA):
 * one root, nested tags that close in order, quoted attributes without raw < or &,
 * text without raw < or &, known entities only, no characters XML 1.0 forbids.
 * Returns the element tree so tests can count suites and cases.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(raw: string, where: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bare & in ${where}`);
  return raw.replace(ENTITY, (_, e: string) =>
    e === 'amp'
      ? '&'
      : e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

export function parseXml(xml: string): XmlElement {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml))
    throw new Error('a character XML 1.0 does not allow');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text) {
      if (!stack.length) {
        if (text.trim()) throw new Error(`text outside the root: ${text.slice(0, 20)}`);
      } else stack.at(-1)!.text += decode(text, 'text');
    }
    if (lt < 0) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (!m) throw new Error(`malformed tag at: ${rest.slice(0, 40)}`);
    const [whole, close, name, attrs, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      if (!stack.length && root) throw new Error('a second root element');
      const attributes: Record<string, string> = {};
      for (const a of attrs!.matchAll(new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g'))) {
        if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
        attributes[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      if (stack.length) stack.at(-1)!.children.push(element);
      else root = element;
      if (!selfClose) stack.push(element);
    }
    rest = rest.slice(whole!.length);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
