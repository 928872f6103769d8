/** Charts inside the document: inline SVG with ids of its own, or an <img> when it could run or fetch. */
import path from 'node:path';

export function chartId(file: string): string {
  return `chart-${path.posix
    .basename(file)
    .replace(/\.svg$/i, '')
    .replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * Inline SVG shares the page's fonts (Noto Sans: Cyrillic and æøå in charts) and stays sharp in
 * the PDF. Ids are prefixed so charts cannot steal each other's clip paths. Anything that could
 * run or fetch keeps the SVG in an <img>, where browsers do neither.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const body = svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/i, '')
    .replace(/<!DOCTYPE[^>]*>\s*/i, '')
    .trim();
  const risky =
    /<script|<foreignObject|<iframe|<!ENTITY|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#)|url\(\s*["']?(?!#)/i;
  if (!/^<svg[\s>]/i.test(body) || risky.test(body)) {
    return `<img class="chart" alt="${label}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
  }
  return (
    body
      .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
      .replace(/((?:xlink:)?href)="#([^"]+)"/g, `$1="#${prefix}-$2"`)
      // One role and one name: the chart's own (render/charts/ writes them) give way to the document's.
      .replace(/^<svg[^>]*>/i, (tag) => tag.replace(/\s(role|aria-label)="[^"]*"/gi, ''))
      .replace(/^<svg/i, `<svg role="img" aria-label="${label}"`)
  );
}
