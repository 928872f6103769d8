/** The SWOT grid, drawn by hand as SVG (no vega): four tinted quadrants of wrapped bullets. */
import { escapeXml } from '../../markup.js';
import { wrapText } from '../text-width.js';
import { type ChartEnv, FONT_FAMILY, INK, MUTED, TEXT_WIDTH } from './theme.js';

export function swotSvg(env: ChartEnv, title: string): string {
  const swot = env.plan.situation?.swot ?? {};
  const quadrants = [
    { key: 'strengths', items: swot.strengths ?? [], tint: '#e8f3ec', ink: '#2f6b45' },
    { key: 'weaknesses', items: swot.weaknesses ?? [], tint: '#fdf0e3', ink: '#9a4f0e' },
    { key: 'opportunities', items: swot.opportunities ?? [], tint: '#e6f0f7', ink: '#1b4965' },
    { key: 'threats', items: swot.threats ?? [], tint: '#f8e7e8', ink: '#8e2f35' },
  ] as const;
  const width = TEXT_WIDTH;
  const gap = 10;
  const cell = (width - gap) / 2;
  const pad = 14;
  const fontSize = 11.5;
  const lineHeight = 16;
  // Each item wraps by its measured width in Noto Sans (Cyrillic sets wider than Latin).
  const textWidth = cell - 2 * pad - 14;
  // No visible title: the document's "SWOT" heading sits right above the grid (the <title> stays for screen readers).
  const top = 2;

  const laid = quadrants.map((q) => {
    const bullets = q.items.map((item) => wrapText(env.measure, item, textWidth, fontSize));
    const lines = bullets.reduce((n, b) => n + Math.max(1, b.length), 0) || 1;
    return { ...q, bullets, height: 40 + lines * lineHeight + (bullets.length - 1) * 4 + pad };
  });
  const rowHeight = [Math.max(laid[0]!.height, laid[1]!.height, 110), Math.max(laid[2]!.height, laid[3]!.height, 110)];
  const height = top + rowHeight[0]! + gap + rowHeight[1]! + 2;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  parts.push(`<title>${escapeXml(title)}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  laid.forEach((q, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const x = col * (cell + gap);
    const y = top + (row === 0 ? 0 : rowHeight[0]! + gap);
    const h = rowHeight[row]!;
    parts.push(`<g transform="translate(${x},${y})">`);
    parts.push(`<rect width="${cell}" height="${h}" rx="6" fill="${q.tint}"/>`);
    parts.push(`<rect width="5" height="${h}" rx="2" fill="${q.ink}"/>`);
    parts.push(
      `<text x="${pad}" y="${pad + 12}" font-size="13" font-weight="700" fill="${q.ink}">${escapeXml(env.t(`swot.${q.key}`))}</text>`,
    );
    let ty = pad + 12 + 24;
    if (!q.bullets.length) {
      parts.push(
        `<text x="${pad}" y="${ty}" font-size="${fontSize}" font-style="italic" fill="${MUTED}">${escapeXml(env.t('chart.swot.empty'))}</text>`,
      );
    }
    for (const bullet of q.bullets) {
      bullet.forEach((line, li) => {
        if (li === 0) parts.push(`<circle cx="${pad + 3}" cy="${ty - 4}" r="2.5" fill="${q.ink}"/>`);
        parts.push(`<text x="${pad + 14}" y="${ty}" font-size="${fontSize}" fill="${INK}">${escapeXml(line)}</text>`);
        ty += lineHeight;
      });
      ty += 4;
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
