/** How finished a plan is, from its lint findings: the one idea of "finished" render shares. */
import { CHAPTER_SLUGS, chapterOf, type ChapterSlug } from '../plan/open-points.js';
import type { Finding } from '../diagnostics.js';

export interface Readiness {
  /** The document's sections (chapters). */
  sections: number;
  /** Sections with no finding at all. */
  complete: number;
  /** Findings of rule open-point: what the document would list as not decided yet. */
  open_points: number;
}

/** The chapter a finding's dotted path falls in ("objectives[0].id" → objectives). */
function chapterOfPath(path: string): ChapterSlug | undefined {
  if (!path) return undefined;
  return chapterOf(path.split(/\.|\[/).filter(Boolean));
}

export function readiness(findings: readonly Finding[]): Readiness {
  const touched = new Set(findings.map((f) => chapterOfPath(f.path)).filter((c) => c !== undefined));
  return {
    sections: CHAPTER_SLUGS.length,
    complete: CHAPTER_SLUGS.filter((c) => !touched.has(c)).length,
    open_points: findings.filter((f) => f.rule === 'open-point').length,
  };
}

/** "9 of 12 sections complete; 4 open points". */
export function readinessLine(r: Readiness): string {
  return `${r.complete} of ${r.sections} sections complete; ${r.open_points} open point${r.open_points === 1 ? '' : 's'}`;
}
