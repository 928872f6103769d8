/**
 * Engagement samples as the document reads them: a sample outside the method's 20–30 posts is
 * marked indicative where its rate is shown, and the appendix names its whole-sample column for
 * what it is, in en, nb and bg.
 */
import { describe, expect, it } from 'vitest';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { kaffebarYaml, planFrom } from './plans.js';

const CASES = [
  [
    'en',
    'Fewer than 20 or more than 30 posts sampled: the rate is indicative only.',
    'Divided by the followers it describes the whole sample, so it grows with the number of posts (and can pass 100%)',
  ],
  [
    'nb',
    'Færre enn 20 eller flere enn 30 innlegg i utvalget: tallet er bare veiledende.',
    'Delt på antall følgere gjelder tallet hele utvalget, så det vokser med antall innlegg (og kan passere 100 %)',
  ],
  [
    'bg',
    'По-малко от 20 или повече от 30 публикации в извадката: стойността е само ориентировъчна.',
    'Разделена на броя последователи, тя описва цялата извадка и расте с броя публикации (може да надхвърли 100%)',
  ],
] as const;

describe('engagement samples', () => {
  it.each(CASES)(
    '%s: a weak sample is marked indicative, the whole-sample figure explained',
    async (lang, note, method) => {
      const folder = await renderStrategyFolder(await planFrom(kaffebarYaml(lang)));
      const chapter = (slug: string) => folder.chapters.find((c) => c.slug === slug)!.markdown;
      const competitors = chapter('competitors');
      // Harbor Roasters' Facebook sample has fewer than 20 posts; its Instagram CSV has 20-30.
      expect(competitors).toMatch(/\| Harbor Roasters \| Facebook \| 3[\s,.]?100 \| \d{1,2}\\\* \|/);
      expect(competitors).not.toMatch(/\| Harbor Roasters \| Instagram \|[^\n]*\\\*/);
      expect(competitors).toContain(`\\* ${note}`);
      expect(chapter('appendix')).toContain(`\\* ${note}`);
      expect(chapter('appendix')).toContain(method);
    },
  );
});
