/**
 * The promise of the interview: a plan answered in full lints clean. A consultant answers every
 * question of the fifteen sections for a two-person bakery, in each language, including the
 * answers that are decisions to do without (no approval step, a count that is meant to fall),
 * and the written plan passes `smplan lint --max-warnings 0`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run as init } from '../../src/cli/init.js';
import { run as lint } from '../../src/cli/lint.js';
import type { Io } from '../../src/cli/io.js';
import { METHOD_SECTIONS } from '../../src/plan/schema.js';
import { documentText, planDocument } from '../../src/init/document.js';
import { scripted, type Answer, type Rule } from './scripted.js';

const LANGS = ['en', 'nb', 'bg'] as const;
type Lang = (typeof LANGS)[number];
type Said = Answer | Answer[];
/** One answer for every language, or each language's own words. */
type Reply = Said | Record<Lang, Said> | (Answer | Record<Lang, Said>)[];

const CATALOGUE = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    JSON.parse(readFileSync(path.join(import.meta.dirname, `../../locales/${lang}.json`), 'utf8')) as Record<
      string,
      string
    >,
  ]),
) as Record<Lang, Record<string, string>>;

/**
 * A question named by its catalogue key ("init.audience.share channel=facebook" fixes a
 * placeholder), matched at the start of the question as the language words it; any other
 * placeholder matches anything.
 */
function rulesFor(lang: Lang, script: [string, Reply][]): Rule[] {
  return script.map(([ref, reply]) => {
    const [key, ...fixed] = ref.split(' ');
    const words = CATALOGUE[lang][key!];
    if (words === undefined) throw new Error(`no ${key} in locales/${lang}.json`);
    const params = Object.fromEntries(fixed.map((f) => f.split('=') as [string, string]));
    const pattern = words
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return name in params ? params[name]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.*?';
      })
      .join('');
    const own = (r: Reply): Said =>
      r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<Lang, Said>)[lang] : (r as Said);
    const answer = own(reply);
    return [
      new RegExp(`^${pattern}`),
      Array.isArray(answer) ? (answer.map((a) => own(a as Reply)) as Answer[]) : answer,
    ];
  });
}

const w = (en: Said, nb: Said, bg: Said): Record<Lang, Said> => ({ en, nb, bg });
const thrice = (a: Answer): Answer[] => [a, a, a];

/** Every question of the method, answered for a two-person craft bakery. */
const BAKERY: [string, Reply][] = [
  // §1 the plan
  ['init.plan.organization', 'Nordlys Bakeri'],
  ['init.plan.currency', 'NOK'],
  ['init.plan.timezone', 'Europe/Oslo'],
  ['init.plan.start', '2027-01-01'],
  [
    'init.plan.problem',
    w(
      'Young families in the neighbourhood do not know us and buy their bread at the chains.',
      'Småbarnsforeldrene i bydelen kjenner oss ikke og handler brød i kjedene.',
      'Младите семейства в квартала не ни познават и купуват хляб от веригите.',
    ),
  ],
  [
    'init.plan.business_goals',
    w('20 % more sales in 2027', '20 % mer omsetning i 2027', '20 % повече продажби през 2027'),
  ],
  // §1 situation
  ['init.situation.internal', 'y'],
  [
    'init.situation.about',
    w('A craft bakery in Bergen.', 'Et håndverksbakeri på Møhlenpris i Bergen.', 'Занаятчийска пекарна в Берген.'),
  ],
  [
    'init.situation.offering',
    w('Sourdough bread; pastries; coffee', 'Surdeigsbrød; bakst; kaffe', 'Хляб с квас; сладкиши; кафе'),
  ],
  ['init.situation.resources', 'limited'],
  [
    'init.situation.resource_notes',
    w(
      'Two bakers, five hours a week for social media',
      'To bakere, fem timer i uka til sosiale medier',
      'Двама пекари, пет часа седмично за социалните мрежи',
    ),
  ],
  [
    'init.situation.reputation',
    w(
      'Well liked on Google, quiet on Instagram',
      'Godt likt på Google, stille på Instagram',
      'Харесвани в Google, тихи в Instagram',
    ),
  ],
  ['init.situation.pest', 'y'],
  [
    'init.situation.pest.demographic',
    w('More families with children', 'Flere barnefamilier', 'Повече семейства с деца'),
  ],
  ['init.situation.pest.economic', w('High food prices', 'Høye matpriser', 'Високи цени на храните')],
  ['init.situation.pest.technological', w('Ordering in apps', 'Bestilling i appen', 'Поръчки през приложения')],
  ['init.situation.pest.political', w('New labelling rules', 'Nye merkeregler', 'Нови правила за етикетиране')],
  ['init.situation.pest.sociocultural', w('Sourdough is in fashion', 'Surdeig er i tiden', 'Хлябът с квас е на мода')],
  [
    'init.situation.landscape',
    w(
      'Two chains and one other craft bakery',
      'To kjeder og ett annet håndverksbakeri i bydelen',
      'Две вериги и още една занаятчийска пекарна',
    ),
  ],
  ['init.situation.swot', 'y'],
  ['init.situation.swot.strengths', w('Real sourdough', 'Ekte surdeig', 'Истински квас')],
  ['init.situation.swot.weaknesses', w('Small team', 'Lite team', 'Малък екип')],
  ['init.situation.swot.opportunities', w('Tourists in summer', 'Turister om sommeren', 'Туристи през лятото')],
  ['init.situation.swot.threats', w('Supermarket bakeries', 'Bakeriene i butikkjedene', 'Пекарните в супермаркетите')],
  ['init.add.profile', 'y'],
  ['init.audit.channel', 'facebook'],
  ['init.audit.handle', 'facebook.com/nordlysbakeri'],
  ['init.audit.worked', w('Photos of the morning bake', 'Bilder av morgenbaksten', 'Снимки на сутрешното печене')],
  ['init.audit.did_not_work', w('Long texts about offers', 'Lange tekster om tilbud', 'Дълги текстове за оферти')],
  ['init.audit.why', w('People scroll past advertising', 'Folk blar forbi reklame', 'Хората подминават рекламата')],
  ['init.audit.owner', 'Kari'],
  ['init.add.page_role', 'y'],
  ['init.audit.admin_name', ['Kari', 'Ola']],
  ['init.audit.admin_role', ['admin', 'editor']],
  ['init.more.page_role', ['y', '']],
  ['init.audit.login_email', 'post@nordlys.example'],
  // §3 audience
  ['init.audience.start', 'y'],
  ['init.audience.name', w('Busy parent Kari', 'Småbarnsmor Kari', 'Заета майка Кари')],
  ['init.short_id', ['kari', 'behind-the-ovens', 'weekly-bread', 'community-manager']],
  ['init.audience.age', '30-39'],
  ['init.audience.occupation', w('Nurse', 'Sykepleier', 'Медицинска сестра')],
  ['init.audience.income', w('Middle', 'Middels', 'Средни')],
  ['init.audience.pains', w('Little time in the morning', 'Lite tid om morgenen', 'Малко време сутрин')],
  ['init.audience.obstacles', w('The chains are closer', 'Kjedene ligger nærmere', 'Веригите са по-близо')],
  ['init.audience.motivations', w('Good bread for the children', 'Godt brød til barna', 'Хубав хляб за децата')],
  ['init.audience.interests', w('Hiking; cooking', 'Turer; matlaging', 'Походи; готвене')],
  ['init.audience.likes', w('Honest ingredients', 'Ærlige råvarer', 'Честни съставки')],
  ['init.audience.dislikes', w('Nagging and campaigns', 'Mas og kampanjer', 'Натрапване и кампании')],
  ['init.audience.objections', w('Expensive', 'Dyrt', 'Скъпо')],
  ['init.audience.networks', [['instagram', 'facebook']]],
  ['init.audience.share channel=facebook', '30'],
  ['init.audience.share channel=instagram', '60'],
  [
    'init.audience.online',
    w(
      'mon-fri 07:00-08:00; sat,sun 09:00-11:00',
      'man-fre 07:00-08:00; lør,søn 09:00-11:00',
      'пн-пт 07:00-08:00; сб,нд 09:00-11:00',
    ),
  ],
  // §2 goals and objectives
  ['init.goals.kind', ['awareness', 'service']],
  ['init.goals.id', ['awareness', 'service']],
  [
    'init.goals.departments',
    [w('marketing', 'marked', 'маркетинг'), w('customer service', 'kundeservice', 'обслужване на клиенти')],
  ],
  ['init.more.goal', ['y', '']],
  ['init.objectives.goal', ['awareness', 'service', 'service']],
  [
    'init.objectives.metric',
    [
      w('followers', 'følgere', 'последователи'),
      w(
        'average response time to messages',
        'gjennomsnittlig svartid på meldinger',
        'средно време за отговор на съобщения',
      ),
      w('complaints on Google', 'klager på Google', 'оплаквания в Google'),
    ],
  ],
  [
    'init.objectives.unit',
    [w('followers', 'følgere', 'последователи'), w('hours', 'timer', 'часа'), w('complaints', 'klager', 'оплаквания')],
  ],
  ['init.objectives.lower_is_better', ['', 'y', 'y']],
  ['init.objectives.channel', ['instagram', '', '']],
  ['init.objectives.id', ['instagram-followers', 'response-time', 'google-complaints']],
  ['init.objectives.baseline', ['4800', w('26.5', '26,5', '26,5'), '12']],
  ['init.objectives.target', ['+30%', '8', '4']],
  ['init.objectives.tool', ['Meta Business Suite', 'Meta Business Suite', 'Google Business Profile']],
  [
    'init.objectives.why',
    [
      w(
        'More followers nearby bring more customers to the shop',
        'Flere følgere i bydelen gir flere kunder i butikken',
        'Повече последователи наблизо носят повече клиенти',
      ),
      w('A quick answer wins the order', 'Et raskt svar vinner bestillingen', 'Бързият отговор печели поръчката'),
      w(
        'Fewer complaints protect our rating',
        'Færre klager beskytter stjernene våre',
        'По-малко оплаквания пазят оценката ни',
      ),
    ],
  ],
  ['init.more.objective', ['y', 'y', '']],
  // §4 competitors
  ['init.competitors.start', 'y'],
  ['init.competitors.name', ['Bakehuset', 'Dronningens Bakeri', 'Kanelsnurr Kafe']],
  ['init.competitors.channel', thrice('instagram')],
  ['init.competitors.followers', ['11400', '3100', '52000']],
  ['init.competitors.posts_per_week', ['5', '3', '7']],
  [
    'init.competitors.posting_times',
    w(thrice('weekdays 07:00'), thrice('hverdager 07:00'), thrice('делнични дни 07:00')),
  ],
  [
    'init.competitors.content_types',
    w(thrice('Offers; photos of baking'), thrice('Tilbud; bilder av bakst'), thrice('Оферти; снимки на печене')),
  ],
  ['init.competitors.tone', w(thrice('Advertising'), thrice('Reklame'), thrice('Рекламен'))],
  ['init.competitors.responses', w(thrice('Rarely, and late'), thrice('Sjelden, og sent'), thrice('Рядко и късно'))],
  ['init.competitors.posts', thrice('25')],
  ['init.competitors.likes', thrice('2500')],
  ['init.competitors.comments', thrice('120')],
  ['init.competitors.shares', thrice('40')],
  [
    'init.competitors.better_at',
    w(thrice('Fixed weekly offers'), thrice('Faste ukentlige tilbud'), thrice('Постоянни седмични оферти')),
  ],
  [
    'init.competitors.we_do_better',
    w(
      thrice('Show the bakers and the craft'),
      thrice('Vise bakerne og håndverket'),
      thrice('Да покажем пекарите и занаята'),
    ),
  ],
  ['init.more.competitor', ['y', 'y', '']],
  // §5 positioning
  ['init.positioning.start', 'y'],
  [
    'init.positioning.statement',
    w(
      'The neighbourhood bakery that shows how good bread is made',
      'Bakeriet i nabolaget som viser hvordan godt brød blir til',
      'Пекарната в квартала, която показва как се прави хубав хляб',
    ),
  ],
  ['init.positioning.voice', w('Warm and a little nerdy', 'Varm og litt nerdete', 'Топъл и малко запален')],
  ['init.positioning.brand_position', w('Real craft', 'Ekte håndverk', 'Истински занаят')],
  [
    'init.positioning.unique',
    w(
      'Only we bake in Møhlenpris at night',
      'Bare vi baker på Møhlenpris om natta',
      'Само ние печем в Мьоленприс нощем',
    ),
  ],
  [
    'init.positioning.engaging',
    w('People love watching dough rise', 'Folk elsker å se deigen heve', 'Хората обичат да гледат как тестото втасва'),
  ],
  [
    'init.positioning.realistic',
    w('The bakers film while they work', 'Bakerne filmer selv mens de jobber', 'Пекарите снимат, докато работят'),
  ],
  // §6 channels
  ['init.channels.start', 'y'],
  [
    'init.channels.purpose',
    [
      w(
        'Show the baking and build loyal neighbours',
        'Vise baksten og bygge lojale naboer',
        'Да покажем печенето и да спечелим верни съседи',
      ),
      w(
        'Reach parents with the bread of the week and answer them fast',
        'Nå foreldrene med ukens brød og svare dem raskt',
        'Да достигнем родителите с хляба на седмицата и да им отговаряме бързо',
      ),
    ],
  ],
  [
    'init.channels.editorial_line',
    [
      w(
        'Photos and short videos from the bakery',
        'Bilder og korte videoer fra bakeriet',
        'Снимки и кратки видеа от пекарната',
      ),
      w('Bread of the week and opening hours', 'Ukens brød og åpningstider', 'Хлябът на седмицата и работното време'),
    ],
  ],
  ['init.add.tactic', 'y'],
  ['init.more.tactic', ''],
  [
    'init.channels.tactic_action',
    [
      w('Reels from the morning bake', 'Reels fra morgenbaksten', 'Рийлс от сутрешното печене'),
      w(
        'Answer every message within the working day',
        'Svare på alle meldinger samme arbeidsdag',
        'Отговор на всяко съобщение в същия работен ден',
      ),
    ],
  ],
  ['init.channels.tactic_objectives', [['instagram-followers'], ['response-time', 'google-complaints']]],
  ['init.channels.tactic_paid', ['', '']],
  ['init.channels.owner', ['Kari', 'Ola']],
  ['init.channels.posts_per_week', ['4', '2']],
  // §7 content
  ['init.content.start', 'y'],
  ['init.add.pillar', 'y'],
  [
    'init.content.pillar',
    [w('Behind the ovens', 'Bak ovnene', 'Зад фурните'), w('Bread of the week', 'Ukens brød', 'Хлябът на седмицата')],
  ],
  ['init.content.share', ['70', '']],
  ['init.more.pillar', ['y', '']],
  ['init.add.slot', 'y'],
  ['init.content.slot_channel', ['instagram', 'facebook']],
  ['init.more.slot', ['y', '']],
  ['init.add.special_date', 'y'],
  ['init.content.special_name', w('Bergen food festival', 'Bergen matfestival', 'Фестивал на храната в Берген')],
  ['init.content.special_date', '2027-08-27'],
  ['init.add.reserve', 'y'],
  [
    'init.content.reserve_title',
    w('How to fold a cinnamon bun', 'Slik bretter du en kanelsnurr', 'Как се сгъва канелено руло'),
  ],
  // Two people publish their own posts: no approval step, and that is a decision.
  ['init.content.approval', 'n'],
  ['init.content.may_publish_alone', 'Kari; Ola'],
  // §8 KPIs
  ['init.kpis.start', 'y'],
  ['init.more.kpi', ['y', 'y', '']],
  ['init.kpis.objective', ['instagram-followers', 'response-time', 'google-complaints']],
  // §9 budget
  ['init.budget.start', 'y'],
  ['init.budget.cap', w('60000', '60 000', '60 000')],
  ['init.add.budget_item', 'y'],
  ['init.budget.item', w('Facebook ads', 'Annonser på Facebook', 'Реклами във Facebook')],
  ['init.budget.cost.month', '2000'],
  ['init.budget.objectives', [['instagram-followers']]],
  // §10 team
  ['init.team.start', 'y'],
  ['init.team.person', 'Kari'],
  ['init.team.backup', 'Ola'],
  ['init.more.task', ['y', '']],
  [
    'init.team.task',
    ['', w('Answer comments and messages', 'Svare på kommentarer og meldinger', 'Отговор на коментари и съобщения')],
  ],
  ['init.team.cadence', ['', 'daily']],
  [
    'init.team.escalation',
    w(
      'Ask the manager; answer within two hours',
      'Spør daglig leder; svar innen to timer',
      'Питаме управителя; отговор до два часа',
    ),
  ],
  // §11 crisis
  ['init.crisis.start', 'y'],
  [
    'init.crisis.triggers',
    w(
      'Food poisoning; a complaint that spreads',
      'Matforgiftning; en klage som sprer seg',
      'Хранително отравяне; оплакване, което се разпространява',
    ),
  ],
  [
    'init.crisis.description',
    w(
      'A complaint spreads beyond our followers',
      'En klage sprer seg utenfor følgerne våre',
      'Оплакване се разпространява извън последователите ни',
    ),
  ],
  ['init.crisis.hours', '2'],
  // §12 review, §13 tools
  ['init.review.start', 'y'],
  ['init.review.first', '2027-01-29'],
  ['init.tools.start', 'y'],
  ['init.tools.name', 'Meta Business Suite'],
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-full-'));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T09:00:00'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

function io(): Io & { text: () => string } {
  let out = '';
  const write = (s: string) => {
    out += s;
    return true;
  };
  return {
    stdout: { write, isTTY: false },
    stderr: { write, isTTY: false },
    stdinIsTTY: true,
    env: { NO_COLOR: '1' },
    cwd: dir,
    debug: false,
    text: () => out,
  };
}

describe('smplan init answered in full', () => {
  it.each(LANGS)('in %s ends in a plan that passes lint --max-warnings 0', async (lang) => {
    const prompts = scripted(rulesFor(lang, BAKERY));
    const said = io();
    expect(await init(['plan.yaml'], { lang }, said, prompts), said.text()).toBe(0);
    expect(prompts.refused).toEqual([]);
    // Every question was in the chosen language (a key missing from the catalogue would show itself).
    expect(prompts.asked.filter((q) => q.includes('init.'))).toEqual([]);

    const linted = io();
    const code = await lint(['plan.yaml'], { maxWarnings: 0 }, linted);
    expect(linted.text()).toMatch(/0 errors, 0 warnings/);
    expect(code, linted.text()).toBe(0);

    const data = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
    expect(Object.keys(data)).toEqual(expect.arrayContaining([...METHOD_SECTIONS]));
    expect(data.plan.locale).toBe(lang);
    // The answers that close a point by saying no, and a count meant to fall.
    expect(data.content.approval).toEqual({ required: false, may_publish_alone: ['Kari', 'Ola'] });
    expect(data.objectives[1]).toMatchObject({ baseline: 26.5, target: 8, lower_is_better: true });
    expect(data.objectives[2]).toMatchObject({ baseline: 12, target: 4, lower_is_better: true });
    expect(data.objectives[0].lower_is_better).toBeUndefined();

    // Redoing the section offers the answers given: Enter keeps "no approval" and who publishes alone.
    const redo = scripted([]);
    expect(await init(['plan.yaml'], { section: 'content' }, io(), redo)).toBe(0);
    expect(redo.asked).toContain(CATALOGUE[lang]['init.content.approval']);
    const again = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
    expect(again.content.approval).toEqual({ required: false, may_publish_alone: ['Kari', 'Ola'] });
  });
});

describe('smplan init --section: redoing a section and accepting every answer', () => {
  it.each(LANGS)('in %s leaves the plan byte for byte as it was, section by section', async (lang) => {
    expect(await init(['plan.yaml'], { lang }, io(), scripted(rulesFor(lang, BAKERY)))).toBe(0);
    const before = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
    const changed: string[] = [];
    for (const section of METHOD_SECTIONS) {
      const said = io();
      expect(await init(['plan.yaml'], { section }, said, scripted([])), said.text()).toBe(0);
      const after = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
      if (after !== before) {
        // The first line that differs, to say what changed.
        const [a, b] = [before.split('\n'), after.split('\n')];
        const at = a.findIndex((line, i) => line !== b[i]);
        changed.push(`${section}: ${a[at]} -> ${b[at]}`);
      }
      await writeFile(path.join(dir, 'plan.yaml'), before);
    }
    expect(changed).toEqual([]);
  });
});

/** Whether each section, redone with Enter for every question, leaves the file as it was: the sections that changed, with how. */
async function redoneChanges(): Promise<string[]> {
  const before = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
  const changed: string[] = [];
  for (const section of METHOD_SECTIONS) {
    const said = io();
    expect(await init(['plan.yaml'], { section }, said, scripted([])), said.text()).toBe(0);
    const after = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
    if (after !== before) {
      const [a, b] = [before.split('\n'), after.split('\n')];
      const at = a.findIndex((line, i) => line !== b[i]);
      changed.push(`${section}: ${a[at]} -> ${b[at]}`);
    }
    await writeFile(path.join(dir, 'plan.yaml'), before);
  }
  return changed;
}

describe('smplan init --section: what the interview does not ask for is not added', () => {
  it('keeps a slot for all personas, a decision not to do a section, a text written as one, a note on an online time, a range', async () => {
    expect(await init(['plan.yaml'], { lang: 'en' }, io(), scripted(rulesFor('en', BAKERY)))).toBe(0);
    const plan = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
    delete plan.content.slots[1].persona;
    delete plan.content.slots[0].goal;
    plan.content.approval = { steps: [{ role: 'Owner' }] };
    plan.situation.internal.offering = 'Sourdough bread, pastries and coffee';
    plan.situation.external.pest.economic = 'High food prices';
    plan.competitors = { not_applicable: 'We are the only bakery in the village' };
    plan.audience.personas[0].online_times[0].note = 'Before the children wake';
    delete plan.channels[1].personas;
    plan.channels[0].posts_per_week = { min: 3, max: 5 };
    delete plan.kpis[2].objective;
    delete plan.kpis[2].tool;
    delete plan.crisis.levels[0].holding_statement;
    delete plan.crisis.levels[0].backup;
    delete plan.review.participants;
    delete plan.goals[0].ties_to;
    delete plan.situation.channel_audit[0].login_holder;
    await writeFile(path.join(dir, 'plan.yaml'), documentText(planDocument(plan)));
    expect(await redoneChanges()).toEqual([]);
  });
});

describe('smplan init --section goals', () => {
  it("asks each goal's kind again, and another kind offers its own statement and id", async () => {
    expect(await init(['plan.yaml'], { lang: 'nb' }, io(), scripted(rulesFor('nb', BAKERY)))).toBe(0);
    // The new kind's id is offered; the objectives still name the old one, so it is kept by hand.
    const redo = scripted(
      rulesFor('nb', [
        ['init.goals.kind', ['loyalty', '']],
        ['init.goals.id', ['', 'awareness']],
      ]),
    );
    expect(await init(['plan.yaml'], { section: 'goals' }, io(), redo)).toBe(0);
    expect(redo.asked.filter((q) => q.startsWith('Forretningsmål'))).toHaveLength(2);
    expect(redo.refused).toEqual([
      // Said in the interview's language: the objective and the slots that name the goal.
      expect.stringContaining('SMART-delmål: instagram-followers: «awareness» står ikke oppført under Forretningsmål;'),
    ]);
    const { goals } = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
    expect(goals.map((g: { id: string }) => g.id)).toEqual(['awareness', 'service']);
    expect(goals[0].statement).toBe(CATALOGUE.nb['init.goal.loyalty.statement']);
  });
});
