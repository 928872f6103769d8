/**
 * Page numbers in the PDF's contents: found by printing once, reading where each chapter starts
 * (pdf-pages.ts) and writing the numbers into the page through the DOM, so it stays without script.
 */
import type { CDPSession } from 'puppeteer-core';
import { escapeHtml } from '../markup.js';

/** The contents' page-number placeholders: `<span class="toc-page" data-for="ID">` in the layout. */
const TOC_PAGE_SELECTOR = 'span.toc-page[data-for]';

export async function tocPlaceholders(dom: CDPSession): Promise<number[]> {
  const { root } = await dom.send('DOM.getDocument', { depth: 0 });
  return (await dom.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: TOC_PAGE_SELECTOR })).nodeIds;
}

/**
 * Hides the whole page (visibility changes no layout) until the returned function shows it
 * again: a print of it has the same pages and link targets but paints almost nothing, which
 * makes the print that is only read for its page numbers about a third quicker.
 */
export async function hideWhile(dom: CDPSession): Promise<() => Promise<void>> {
  const { root } = await dom.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await dom.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'html' });
  if (!nodeId) return async () => {};
  const before = attribute((await dom.send('DOM.getAttributes', { nodeId })).attributes, 'style');
  await dom.send('DOM.setAttributeValue', {
    nodeId,
    name: 'style',
    value: `${before ?? ''};visibility:hidden!important`,
  });
  return async () => {
    if (before === undefined) await dom.send('DOM.removeAttribute', { nodeId, name: 'style' });
    else await dom.send('DOM.setAttributeValue', { nodeId, name: 'style', value: before });
  };
}

/** One attribute from CDP's flat [name, value, name, value…] list. */
function attribute(attributes: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** Writes the page where #ID starts into each placeholder, through the DOM: the page stays without script. */
export async function fillToc(dom: CDPSession, pages: Map<string, number>): Promise<void> {
  // All requests at once: CDP answers them in order, without a round trip each.
  const nodeIds = await tocPlaceholders(dom);
  const attributes = await Promise.all(
    nodeIds.map(async (nodeId) => (await dom.send('DOM.getAttributes', { nodeId })).attributes),
  );
  await Promise.all(
    nodeIds.map(async (nodeId, i) => {
      const page = pages.get(attribute(attributes[i]!, 'data-for') ?? '');
      if (page === undefined) return;
      const pairs: string[] = [];
      for (let a = 0; a + 1 < attributes[i]!.length; a += 2)
        pairs.push(` ${attributes[i]![a]}="${escapeHtml(attributes[i]![a + 1]!)}"`);
      await dom.send('DOM.setOuterHTML', { nodeId, outerHTML: `<span${pairs.join('')}>${page}</span>` });
    }),
  );
}

export function samePages(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
