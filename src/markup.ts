/** Text for HTML or XML markup (text or a quoted attribute): every special character as a numeric reference. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Characters XML 1.0 cannot hold at all: control characters, lone surrogates, U+FFFE/F. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text XML can hold: what it cannot becomes U+FFFD (seen, not silently lost). */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

const XML_REFERENCE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Kept as written inside a quoted attribute, where a parser would turn them into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text for XML (SVG, JUnit), as element text or a quoted attribute: what XML cannot hold becomes
 * U+FFFD, markup characters become references, and so do line breaks in an attribute.
 */
export function escapeXml(s: string, place: 'text' | 'attribute' = 'attribute'): string {
  const special = place === 'text' ? /[&<>"']/g : /[&<>"'\t\n\r]/g;
  return xmlSafe(s).replace(special, (c) => XML_REFERENCE[c]!);
}
