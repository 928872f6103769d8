/**
 * The strategy folder: the plan rendered to Markdown chapters, an index and SVG charts,
 * in the plan's language. Pure apart from reading templates and locale catalogues;
 * writing files, HTML and PDF belong to the render command.
 */
import type { LoadedPlan } from '../plan/load.js';

/** Where an objective stands at the latest actual (contract: `smplan track --json`). */
export type TrackStatus = 'behind' | 'on-track' | 'ahead' | 'no-data';

export interface TrackedObjective {
  id: string;
  status: TrackStatus;
  /** Date of the latest actual; absent (or null) with status no-data. */
  date?: string | null;
  actual?: number | null;
  expected?: number | null;
  progress?: number | null;
  expected_progress?: number | null;
}

/** Plan versus actual, as `smplan track` computes it, for the review chapter and KPI charts. */
export interface TrackingInput {
  /** The date the status is read at (usually the latest actual); shown in the review chapter. */
  asOf?: string;
  objectives: TrackedObjective[];
  /** Every actual per objective id, oldest first, drawn over the milestones. */
  actuals?: Record<string, { date: string; value: number }[]>;
}

export interface RenderOptions {
  /** A folder whose templates (chapters/*.md.hbs, partials/*.hbs) override the built-ins by name. */
  templatesDir?: string;
  tracking?: TrackingInput;
}

export interface Chapter {
  /** Stable English id: situation, objectives, audience … */
  slug: string;
  /** File name inside the folder, e.g. 01-situation.md */
  file: string;
  /** Title in the plan's language. */
  title: string;
  markdown: string;
}

export interface Chart {
  /** Relative path inside the folder, e.g. charts/kpi-ig-reach.svg */
  file: string;
  title: string;
  /** A standalone SVG document (no external fonts or images). */
  svg: string;
}

export interface StrategyFolder {
  title: string;
  /** BCP 47 tag used for numbers and dates: en, nb-NO, bg-BG. */
  locale: string;
  /** README.md: the index linking every chapter. */
  readme: string;
  chapters: Chapter[];
  charts: Chart[];
  /** The locale catalogue in use, for the HTML/PDF shell (table of contents, footer …). */
  messages: Record<string, string>;
}

export async function renderStrategyFolder(loaded: LoadedPlan, options: RenderOptions = {}): Promise<StrategyFolder> {
  void loaded;
  void options;
  throw new Error('renderStrategyFolder: being built');
}
