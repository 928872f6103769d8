/**
 * The meeting deck (plan.pptx): the strategy as slides a client can edit, with real text boxes,
 * real tables and native charts whose data sits in an embedded workbook. Built from the same
 * render context, formatter and catalogue as the document, so its figures and words are the
 * document's; the speaker notes are the document's own sentences on each topic. With actuals it
 * is the review deck: status, change, what is behind and what comes next.
 */
import type { LoadedPlan } from '../../plan/load.js';
import { readLogo, usableAccent } from '../cover.js';
import type { StrategyFolder } from '../folder.js';
import { type SlideShape, writePptx } from './pptx.js';
import { deckSlides, type SlideSpec } from './slides.js';

export type { SlideShape } from './pptx.js';
export type { Block, SlideSpec } from './slides.js';

export async function renderDeck(
  folder: StrategyFolder,
  loaded: LoadedPlan,
  shape: SlideShape = '16:9',
): Promise<{ pptx: Buffer; slides: SlideSpec[] }> {
  const slides = await deckSlides(folder, loaded);
  const plan = loaded.plan.plan;
  // The cover's branding, read and checked as the document reads it: a logo inside the plan folder, an accent with contrast.
  const logo = plan.logo ? await readLogo(loaded.dir, plan.logo) : undefined;
  const accent = usableAccent(plan.accent);
  const pptx = await writePptx(slides, {
    ...(logo && 'uri' in logo ? { logo: logo.uri } : {}),
    ...(accent ? { accent: accent.slice(1).toUpperCase() } : {}),
    shape,
    title: plan.title,
    author: plan.author ?? plan.organization,
    company: plan.organization,
    lang: folder.locale,
    footer: `${plan.organization} · ${plan.title}`,
  });
  return { pptx, slides };
}
