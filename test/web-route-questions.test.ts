// The question pages of each route: a route's journey asks the facts that
// decide it, in an officer's words with the law and the plan field under
// "Why we ask", and not those of other routes; the questions are held in step
// with the rule set; a change from "Check your answers" comes back to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { questionPages } from '../src/web/form-spec.js';
import { journey } from '../src/web/journey.js';
import { FACT_CATALOGUE } from '../src/plan/fact-catalogue.js';
import { leafFields } from '../src/plan/schema-walk.js';
import { planJsonSchema } from '../src/plan/json-schema.js';

const checker = createChecker();
const pages = questionPages([...checker.ruleSet.overlays.values()], checker.ruleSet.params);
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (body: string) => decode(/name="plan" value="([^"]*)"/.exec(body)?.[1] ?? '{}');
const heading = (body: string) => decode(/<h1[^>]*>([^<]+)</.exec(body)?.[1] ?? '');
const action = (body: string) => /<form method="post" action="\/questions\/([a-zA-Z-]+)"/.exec(body)?.[1];
/** The plan fields a page asks: its inputs' names, a date's boxes as one. */
const asked = (body: string) => [...new Set([...body.matchAll(/<(?:input|select)[^>]* name="([^"]+)"/g)].map((m) => m[1]!.replace(/-(day|month|year|unknown)$/, '')).filter((n) => !['plan', 'returnTo', 'waiting'].includes(n)))];
const hiddenFields = (body: string) => Object.fromEntries([...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, decode(m[2]!)]));
const post = async (url: string, values: Record<string, string>) =>
  (await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() })).body;
const date = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

type Answers = Record<string, Record<string, string>>;
/** The main parts answered for a route, under `regime`, with the existing contract given. */
function answersFor(regime: string, process: string, health: boolean, start: string, more: Answers = {}): Answers {
  const year = Number(start.slice(0, 4));
  return {
    about: { title: `Route ${regime} ${process}` },
    authority: { 'authority.name': 'Test Council', 'authority.type': 'local-authority' },
    service: { 'services.0.description': 'The service', 'services.0.cpv': health ? '85312500' : '48000000', 'services.0.healthCare': health ? 'yes' : 'no' },
    value: { 'value.annual': '1000000', 'value.vatIncluded': 'no' },
    term: { 'term.initialMonths': '36' },
    route: { 'route.regime': regime, 'route.process': process },
    dates: { ...date('dates.procurementStart', start), ...date('dates.contractStart', `${year + 1}-04-01`) },
    incumbent: { 'incumbent.provider': 'Current Provider Ltd', ...date('incumbent.contractEnd', `${year + 1}-03-31`) },
    ...more,
  };
}

/** Through every page to "Check your answers": each page's id and the fields it asked, and the last page. */
async function walk(answers: Answers) {
  let body = (await app.inject({ url: '/questions' })).body;
  const seen: { id: string; fields: string[]; body: string }[] = [];
  for (let part = action(body); part; part = action(body)) {
    seen.push({ id: part, fields: asked(body), body });
    body = await post(`/questions/${part}`, { plan: hidden(body), ...(answers[part] ?? {}) });
    expect(body, part).not.toContain('There is a problem');
    expect(seen.length, 'pages').toBeLessThan(30);
  }
  expect(heading(body)).toBe('Check your answers');
  return { seen, fields: seen.flatMap((p) => p.fields), body };
}

const DA_A = ['directAward.onlyProviderCapable'];
const DA_B = ['directAward.patientChoiceService', 'directAward.providerNumbersRestricted', 'directAward.allQualifyingProvidersOffered', 'directAward.expressionOfInterestArrangements'];
const DA_C = ['incumbent.satisfyingContract', 'incumbent.likelyToSatisfyNewContract', 'incumbent.originalLifetimeValue', 'directAward.changeAttributableToAuthority', 'directAward.materiallyDifferent', 'directAward.replacesExpiringContract'];
const MSP = ['directAward.mostSuitableProviderIdentifiable'];
const PSR_URGENCY = ['urgency.reason', 'urgency.foreseeable', 'urgency.attributableToAuthority', 'urgency.delayRisksSafety', 'urgency.termLimitedToUrgency'];
const CHANGE = ['change.description', 'change.effectiveDate', 'change.providedForInContract', 'change.materiallyDifferent'];

describe("each route's question pages", () => {
  const routes: { name: string; answers: Answers; asks: string[]; not: string[] }[] = [
    { name: 'PSR direct award A', answers: answersFor('psr', 'direct-award-a', true, '2026-06-01'), asks: DA_A, not: [...DA_B, ...DA_C, ...MSP] },
    { name: 'PSR direct award B', answers: answersFor('psr', 'direct-award-b', true, '2026-06-01'), asks: DA_B, not: [...DA_A, ...DA_C, ...MSP] },
    { name: 'PSR direct award C', answers: answersFor('psr', 'direct-award-c', true, '2026-06-01'), asks: DA_C, not: [...DA_A, ...DA_B, ...MSP, ...PSR_URGENCY] },
    { name: 'PSR most suitable provider', answers: answersFor('psr', 'most-suitable-provider', true, '2026-06-01'), asks: MSP, not: [...DA_A, ...DA_B, ...DA_C] },
    { name: 'PSR competitive', answers: answersFor('psr', 'competitive', true, '2026-06-01'), asks: [], not: [...DA_A, ...DA_B, ...DA_C, ...MSP, ...PSR_URGENCY, ...CHANGE] },
    { name: 'PSR urgent award', answers: answersFor('psr', 'urgent-award', true, '2026-06-01', { urgency: { 'urgency.reason': 'The provider has gone into administration' } }), asks: PSR_URGENCY, not: [...DA_A, ...DA_C] },
    {
      name: 'PCR 2015 negotiated without prior publication, on extreme urgency',
      answers: answersFor('pcr2015', 'negotiated-without-prior-publication', false, '2023-06-01', { 'award-ground': { 'justification.ground': 'extreme-urgency' }, 'award-conditions': { 'urgency.reason': 'A flood' } }),
      asks: ['justification.ground', 'urgency.reason', 'urgency.foreseeable', 'urgency.attributableToAuthority', 'justification.strictlyNecessary'],
      not: ['justification.foreseenInOriginalNotice', 'justification.noReasonableAlternative', 'urgency.delayRisksSafety', 'psr-only', ...DA_C],
    },
    {
      name: 'Procurement Act direct award, repeating services',
      answers: answersFor('pa2023', 'direct-award', false, '2026-06-01', { 'award-ground': { 'justification.ground': 'repetition' } }),
      asks: ['justification.ground', 'justification.foreseenInOriginalNotice', 'justification.originalAwardedCompetitively', 'justification.originalContractAwarded'],
      not: ['urgency.foreseeable', 'justification.strictlyNecessary', 'justification.priorProcedureFailed', ...DA_C],
    },
    {
      name: 'PCR 2015 competitive procedure with negotiation',
      answers: answersFor('pcr2015', 'competitive-with-negotiation', false, '2023-06-01'),
      asks: ['justification.procedureGround'],
      not: ['justification.ground', ...DA_C],
    },
    {
      name: 'PCR 2015 call-off from a framework, by mini-competition',
      answers: answersFor('pcr2015', 'framework-call-off', false, '2023-06-01', { framework: { 'frameworkAgreement.name': 'CCS RM6000', 'frameworkAgreement.callOff': 'mini-competition' } }),
      asks: ['frameworkAgreement.name', 'frameworkAgreement.endDate', 'frameworkAgreement.authorityEntitled', 'frameworkAgreement.callOff'],
      not: ['justification.ground', 'frameworkAgreement.callOffSubstantiallyModifiesTerms', ...DA_C],
    },
    {
      name: 'PSR call-off from a framework, without a competition',
      answers: answersFor('psr', 'framework-call-off', true, '2026-06-01', { framework: { 'frameworkAgreement.name': 'Regional treatment framework', 'frameworkAgreement.callOff': 'direct' } }),
      asks: ['frameworkAgreement.callOff', 'frameworkAgreement.singleOperator', 'frameworkAgreement.termsAllowDirectAward', 'frameworkAgreement.callOffSubstantiallyModifiesTerms', 'dates.awardNoticePublished', 'governance.conflictsOfInterestManaged'],
      not: ['justification.ground', ...DA_A, ...DA_B, ...DA_C, ...MSP],
    },
    {
      name: 'an extension, the regime left to procheck',
      answers: answersFor('auto', 'extension', true, '2026-06-01', { change: { 'change.description': 'Extend for 12 months', 'change.extensionMonths': '12' } }),
      asks: [...CHANGE, 'change.extensionMonths', 'change.valueChange', 'change.attributableToAuthority', 'change.substantial', 'change.providedForInNotice', 'incumbent.extensionRemainingMonths', 'incumbent.originalLifetimeValue'],
      not: [...DA_A, ...DA_B, 'directAward.materiallyDifferent', 'urgency.foreseeable'],
    },
    {
      name: 'a Procurement Act modification',
      answers: answersFor('pa2023', 'modification', false, '2026-06-01', { change: { 'change.description': 'Add a service' } }),
      asks: [...CHANGE, 'change.providedForInNotice', 'change.scopeChanged', 'change.economicBalanceToSupplier', 'change.unforeseeable', 'change.knownRiskMaterialised', 'incumbent.originalMaxTermMonths'],
      // The Act's s.74(3) limbs are asked one by one, not the PCR 2015 reg 72(8) "substantial".
      not: ['change.substantial', 'change.attributableToAuthority', 'change.externalFactors', 'incumbent.awardedBy', 'incumbent.extensionRemainingMonths', 'governance.recordsKept'],
    },
    { name: 'a Procurement Act open procedure', answers: answersFor('pa2023', 'open', false, '2026-06-01'), asks: [], not: [...DA_C, ...CHANGE, 'justification.ground', 'governance.recordsKept'] },
  ];

  it.each(routes)('$name: asks the facts that decide it, and not those of other routes', async ({ answers, asks, not }) => {
    const { seen, fields } = await walk(answers);
    expect(seen.slice(0, 9).map((p) => p.id)).toEqual(['about', 'authority', 'service', 'value', 'term', 'route', 'dates', 'incumbent', 'staff']);
    for (const f of asks) expect(fields, f).toContain(f);
    for (const f of not) expect(fields, f).not.toContain(f);
    // The route's own facts follow the parts every plan has.
    const main = seen.slice(0, 9).flatMap((p) => p.fields);
    for (const f of asks) if (!main.includes(f)) expect(seen.slice(9).flatMap((p) => p.fields), f).toContain(f);
  });

  it('a direct award C plan is asked the direct award C facts and not the direct award A or B ones, and its answers reach the plan checked', async () => {
    const answers = answersFor('psr', 'direct-award-c', true, '2026-06-01', {
      'direct-award-c': {
        'directAward.replacesExpiringContract': 'yes',
        'incumbent.satisfyingContract': 'yes',
        'incumbent.likelyToSatisfyNewContract': 'unknown',
        'incumbent.originalLifetimeValue': '£2,500,000',
        'directAward.changeAttributableToAuthority': 'no',
        'directAward.materiallyDifferent': 'no',
      },
    });
    const { seen, body } = await walk(answers);
    const page = seen.find((p) => p.id === 'direct-award-c')!;
    expect(heading(page.body)).toBe('Direct award C: the current provider and the new contract');
    expect(page.fields).toEqual(['directAward.replacesExpiringContract', 'incumbent.satisfyingContract', 'incumbent.likelyToSatisfyNewContract', 'incumbent.originalLifetimeValue', 'directAward.changeAttributableToAuthority', 'directAward.materiallyDifferent']);
    for (const f of [...DA_A, ...DA_B]) expect(seen.flatMap((p) => p.fields)).not.toContain(f);
    expect(JSON.parse(hidden(body))).toMatchObject({
      incumbent: { satisfyingContract: true, likelyToSatisfyNewContract: null, originalLifetimeValue: 2_500_000 },
      directAward: { replacesExpiringContract: true, changeAttributableToAuthority: false, materiallyDifferent: false },
    });
    expect(JSON.parse(hidden(body)).directAward).not.toHaveProperty('onlyProviderCapable');
    // Check your answers says them in words.
    expect(body).toContain('£2,500,000');
    expect(body).toContain('Is the current provider likely to deliver the new contract to a good enough standard?</dt><dd class="govuk-summary-list__value">Not known');
  });

  it('asks in an officer\'s words: no plan field or regulation in a question; both are under "Why we ask"', async () => {
    const { seen } = await walk(answersFor('psr', 'direct-award-c', true, '2026-06-01'));
    const page = seen.find((p) => p.id === 'direct-award-c')!.body;
    const questions = [...page.matchAll(/<(?:legend|label) class="govuk-(?:fieldset__legend|label) govuk-(?:fieldset__legend|label)--s"[^>]*>([^<]+)</g)].map((m) => decode(m[1]!));
    expect(questions).toHaveLength(6);
    for (const q of questions) expect(q, q).not.toMatch(/regulation|\breg\b|\(\d|[a-z][A-Z]\w*\.[a-z]|\b(PSR|PCR)\b|Plan field/);
    expect(page).not.toContain('govuk-hint">Plan field');
    expect(page.match(/<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Why we ask<\/span><\/summary>/g)).toHaveLength(6);
    expect(page).toContain('PSR regulation 6(5)(d)). Plan field: <code>incumbent.satisfyingContract</code>.');
    // Every route question, whatever its route, is worded so and says why it is asked.
    const route = pages.filter((p) => p.when);
    for (const f of route.flatMap((p) => p.fields)) {
      expect(f.label, f.name).not.toMatch(/regulation|\breg\b|\(\d|[a-z][A-Z]\w*\.[a-z]|\b(PSR|PCR)\b/);
      expect(f.why, f.name).toBeDefined();
    }
  });

  it('a yes-or-no question offers Yes, No and Not known; a date, the GOV.UK day, month and year boxes', async () => {
    const { seen } = await walk(answersFor('psr', 'direct-award-c', true, '2026-06-01'));
    const page = seen.find((p) => p.id === 'direct-award-c')!.body;
    for (const label of ['Yes', 'No', 'Not known']) expect(page.match(new RegExp(`for="[^"]+">${label}</label>`, 'g')), label).toHaveLength(5);
    const notices = seen.find((p) => p.id === 'psr-notices')!.body;
    expect(notices).toMatch(/<div class="govuk-date-input" id="dates-awardNoticePublished">.*name="dates.awardNoticePublished-day".*name="dates.awardNoticePublished-month".*name="dates.awardNoticePublished-year"/);
  });
});

describe('the contract date', () => {
  it('the key dates page asks when the contract is signed, with "Not known yet", which leaves it unknown', async () => {
    const answers = answersFor('psr', 'competitive', true, '2026-06-01');
    const { seen, body } = await walk({ ...answers, dates: { ...answers.dates, 'dates.contractSigned-unknown': 'yes' } });
    const dates = seen.find((p) => p.id === 'dates')!.body;
    expect(dates).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Contract signed</legend>');
    expect(dates).toContain('name="dates.contractSigned-unknown" type="checkbox" value="yes"');
    expect(JSON.parse(hidden(body)).dates).not.toHaveProperty('contractSigned');
    expect(body).toContain('Contract signed</dt><dd class="govuk-summary-list__value">Not known yet');
    // A date and "Not known yet" together is a problem, by the box.
    const both = await post('/questions/dates', { plan: hidden(seen.find((p) => p.id === 'dates')!.body), ...answers.dates, ...date('dates.contractSigned', '2027-01-04'), 'dates.contractSigned-unknown': 'yes' });
    expect(both).toContain('Enter contract signed, or select &quot;Not known yet&quot;, not both');
    const given = await post('/questions/dates', { plan: hidden(seen.find((p) => p.id === 'dates')!.body), ...answers.dates, ...date('dates.contractSigned', '2027-01-04') });
    expect(JSON.parse(hidden(given)).dates.contractSigned).toBe('2027-01-04');
  });
});

describe('a change from Check your answers', () => {
  const changeLink = (body: string, id: string) => decode(new RegExp(`<a class="govuk-link" href="(/questions/${id}\\?[^"]+)">Change`).exec(body)![1]!);

  it('comes back to Check your answers after the changed page, not through every later page', async () => {
    const { body } = await walk(answersFor('psr', 'competitive', true, '2026-06-01'));
    const link = changeLink(body, 'value');
    expect(link).toMatch(/[?&]change=/);
    const page = (await app.inject({ url: link })).body;
    expect(heading(page)).toBe('Value');
    // The back link returns to Check your answers too.
    expect(decode(/<a href="([^"]+)" class="govuk-back-link">/.exec(page)![1]!)).toMatch(/^\/questions\/check\?plan=/);
    const after = await post('/questions/value', { ...hiddenFields(page), 'value.annual': '2000000', 'value.vatIncluded': 'no' });
    expect(heading(after)).toBe('Check your answers');
    expect(after).toContain('£2,000,000');
    expect(JSON.parse(hidden(after)).value.annual).toBe(2_000_000);
  });

  it('a changed route goes through just the pages it makes newly relevant, then back; the old route\'s answers go', async () => {
    const { body } = await walk(
      answersFor('psr', 'direct-award-c', true, '2026-06-01', { 'direct-award-c': { 'incumbent.satisfyingContract': 'no', 'directAward.materiallyDifferent': 'yes' } }),
    );
    expect(JSON.parse(hidden(body)).incumbent.satisfyingContract).toBe(false);
    const route = (await app.inject({ url: changeLink(body, 'route') })).body;
    const toMsp = await post('/questions/route', { ...hiddenFields(route), 'route.regime': 'psr', 'route.process': 'most-suitable-provider' });
    expect(heading(toMsp)).toBe('Most suitable provider process');
    const plan = JSON.parse(hidden(toMsp));
    expect(plan.incumbent).not.toHaveProperty('satisfyingContract');
    expect(plan).not.toHaveProperty('directAward');
    expect(plan.incumbent.provider).toBe('Current Provider Ltd');
    const back = await post('/questions/most-suitable-provider', { ...hiddenFields(toMsp), 'directAward.mostSuitableProviderIdentifiable': 'yes' });
    expect(heading(back)).toBe('Check your answers');
    expect(JSON.parse(hidden(back)).directAward).toEqual({ mostSuitableProviderIdentifiable: true });

    // A route with several new pages: each in turn, then back.
    const route2 = (await app.inject({ url: changeLink(back, 'route') })).body;
    let page = await post('/questions/route', { ...hiddenFields(route2), 'route.regime': 'auto', 'route.process': 'extension' });
    const visited: string[] = [];
    while (heading(page) !== 'Check your answers' && visited.length < 10) {
      visited.push(action(page)!);
      page = await post(`/questions/${action(page)}`, { ...hiddenFields(page), ...(action(page) === 'change' ? { 'change.description': 'Extend' } : {}) });
    }
    expect(visited).toEqual(['change', 'change-allowed', 'change-contract']);

    // A page already answered that the change gives new questions is asked again: here, the PSR's questions about the change.
    const route3 = (await app.inject({ url: changeLink(page, 'route') })).body;
    const toPa = await post('/questions/route', { ...hiddenFields(route3), 'route.regime': 'pa2023', 'route.process': 'extension' });
    expect(heading(toPa)).toBe('Check your answers');
    const route4 = (await app.inject({ url: changeLink(toPa, 'route') })).body;
    let toPsr = await post('/questions/route', { ...hiddenFields(route4), 'route.regime': 'psr', 'route.process': 'extension' });
    const again: string[] = [];
    while (heading(toPsr) !== 'Check your answers' && again.length < 10) {
      again.push(action(toPsr)!);
      if (action(toPsr) === 'change-allowed') expect(asked(toPsr)).toContain('change.attributableToAuthority');
      toPsr = await post(`/questions/${action(toPsr)}`, { ...hiddenFields(toPsr), ...(action(toPsr) === 'change' ? { 'change.description': 'Extend' } : {}) });
    }
    // The PSR's own page, and the change pages that gained its questions: the change page gains the day the PSR notice is
    // submitted for publication (reg 13(5)(a), issue 20.6).
    expect(again).toEqual(['psr-decision', 'change', 'change-allowed', 'change-contract']);
  });

  it('an answer with a problem stays on its page, still on the way back to Check your answers', async () => {
    const { body } = await walk(answersFor('psr', 'competitive', true, '2026-06-01'));
    const page = (await app.inject({ url: changeLink(body, 'value') })).body;
    const wrong = await post('/questions/value', { ...hiddenFields(page), 'value.annual': 'lots', 'value.vatIncluded': 'no' });
    expect(heading(wrong)).toBe('Value');
    expect(wrong).toContain('Estimated annual value must be a number');
    const right = await post('/questions/value', { ...hiddenFields(wrong), 'value.annual': '5', 'value.vatIncluded': 'no' });
    expect(heading(right)).toBe('Check your answers');
  });
});

// The questions in step with the rule set: nothing asked that no rule for the
// route reads, and every claim a route relies on asked on its journey.
describe('the route pages and the rule set', () => {
  type Cond = { all?: Cond[]; any?: Cond[]; not?: Cond; fact?: string; operator?: string; value?: unknown };
  const rules = checker.ruleSet.rules as unknown as { id: string; regime: string; appliesWhen?: Cond; conditions: Cond }[];
  const catalogue = FACT_CATALOGUE as Record<string, { planPath?: string; from?: readonly string[]; question?: string; claim?: { claimedBy?: readonly string[] } }>;
  /** The facts a condition names, as the fact tested or the one it is compared with. */
  const factsIn = (c: Cond | undefined): string[] => {
    if (!c) return [];
    const compared = typeof c.value === 'object' && c.value !== null && 'fact' in c.value ? [String((c.value as { fact: unknown }).fact)] : [];
    return [...(c.fact ? [c.fact] : []), ...compared, ...(c.all ?? []).flatMap(factsIn), ...(c.any ?? []).flatMap(factsIn), ...factsIn(c.not)];
  };
  /** Every fact a rule depends on, through the facts they are derived from. */
  const dependsOn = (r: (typeof rules)[number]) => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const g of catalogue[f]?.from ?? []) visit(g);
    };
    for (const f of [...factsIn(r.appliesWhen), ...factsIn(r.conditions)]) visit(f);
    return seen;
  };
  /** Whether a gate can hold for `process`, the other facts unknown (three values: true, false, null). */
  const gate = (c: Cond | undefined, process: string): boolean | null => {
    if (!c) return true;
    if (c.all) {
      const v = c.all.map((x) => gate(x, process));
      return v.includes(false) ? false : v.includes(null) ? null : true;
    }
    if (c.any) {
      const v = c.any.map((x) => gate(x, process));
      return v.includes(true) ? true : v.includes(null) ? null : false;
    }
    if (c.not) {
      const v = gate(c.not, process);
      return v === null ? null : !v;
    }
    if (c.fact !== 'process') return null;
    const list = [c.value].flat();
    if (c.operator === 'equal' || c.operator === 'in') return list.includes(process);
    if (c.operator === 'notEqual' || c.operator === 'notIn') return !list.includes(process);
    return null;
  };
  // A call-off follows the regime its framework was let under, whatever the plan names, so each regime's rules may judge it.
  const regimesOf = (regime: string, process: string) => (regime === 'auto' || process === 'framework-call-off' ? ['psr', 'pcr2015', 'pa2023'] : [regime]);
  const ruleAdmits = (r: (typeof rules)[number], process: string, regime: string) =>
    (!['psr', 'pcr2015', 'pa2023'].includes(r.regime) || regimesOf(regime, process).includes(r.regime)) && gate(r.appliesWhen, process) !== false;
  /** The plan format's required field of a part (an urgency, a change, a framework): asked wherever the part's other answers are read, to record the part. */
  const REQUIRED_OF_PART = ['urgency.reason', 'change.description', 'frameworkAgreement.name'];
  /** A field the plan format reads in place of another the rules read, when that one is left out. */
  const DEFAULT_FOR: Record<string, string> = { 'change.valueChange': 'change.cumulativeValueChange' };
  const partOf = (name: string) => name.split('.')[0]!;

  const ROUTES: [process: string, regime: string][] = [
    ['direct-award-a', 'psr'], ['direct-award-b', 'psr'], ['direct-award-c', 'psr'], ['most-suitable-provider', 'psr'], ['competitive', 'psr'], ['urgent-award', 'psr'],
    ['negotiated-without-prior-publication', 'pcr2015'], ['competitive-with-negotiation', 'pcr2015'], ['competitive-dialogue', 'pcr2015'], ['innovation-partnership', 'pcr2015'], ['below-threshold', 'pcr2015'],
    ['direct-award', 'pa2023'], ['framework-call-off', 'auto'], ['extension', 'auto'], ['modification', 'auto'], ['urgent-modification', 'auto'],
    ['open', 'pcr2015'], ['restricted', 'pcr2015'], ['light-touch', 'pcr2015'], ['dynamic-purchasing-system', 'pcr2015'],
    ['open', 'pa2023'], ['competitive-flexible', 'pa2023'], ['below-threshold', 'pa2023'], ['framework-call-off', 'psr'],
    ['extension', 'psr'], ['modification', 'pcr2015'], ['modification', 'pa2023'], ['urgent-modification', 'psr'], ['urgent-modification', 'pa2023'],
  ];
  const GROUNDS = ['no-suitable-tenders', 'technical-reasons', 'extreme-urgency', 'repetition'];
  /** The route pages a plan on this route is asked, under each ground where the route has them. */
  const routeFields = (process: string, regime: string) =>
    [...new Set((['direct-award', 'negotiated-without-prior-publication'].includes(process) ? GROUNDS : [''])
      .flatMap((ground) => journey(pages, { route: { regime, process }, ...(ground ? { justification: { ground } } : {}) }))
      .filter((s) => pages.find((p) => p.id === s.id)?.when)
      .flatMap((s) => s.fields.map((f) => f.name)))];

  it.each(ROUTES)('%s (%s): every question on its pages fills a plan field a rule for that route reads', (process, regime) => {
    const read = new Set(rules.filter((r) => ruleAdmits(r, process, regime)).flatMap((r) => [...dependsOn(r)]));
    const readPaths = new Set(Object.entries(catalogue).filter(([f, i]) => read.has(f) && i.planPath).map(([, i]) => i.planPath!));
    const partRead = (name: string) => [...readPaths].some((p) => p !== name && partOf(p) === partOf(name));
    const unread = routeFields(process, regime).filter(
      (name) => !readPaths.has(name) && !(REQUIRED_OF_PART.includes(name) && partRead(name)) && !(DEFAULT_FOR[name] && readPaths.has(DEFAULT_FOR[name]!)),
    );
    expect(unread).toEqual([]);
  });

  it.each(ROUTES)('%s (%s): every claim the route relies on is asked on its journey', (process, regime) => {
    const askedOnJourney = new Set([...routeFields(process, regime), ...journey(pages, {}).flatMap((s) => s.fields.map((f) => f.name))]);
    const leaves = new Set(leafFields(planJsonSchema() as Record<string, unknown>).map((f) => f.path));
    const claims = Object.values(catalogue).filter((i) => i.claim?.claimedBy?.includes(process) && i.planPath && leaves.has(i.planPath));
    expect(claims.map((i) => i.planPath).filter((p) => !askedOnJourney.has(p!))).toEqual([]);
  });

  it('every fact a rule reads only for one route, and that an officer answers, is asked on that route\'s journey', () => {
    const leaves = new Set(leafFields(planJsonSchema() as Record<string, unknown>).map((f) => f.path));
    const main = new Set(journey(pages, {}).flatMap((s) => s.fields.map((f) => f.name)));
    /** Facts asked elsewhere on purpose, with why. */
    const NOT_ON_ROUTE_PAGES: Record<string, string> = {
      'timetable.tenderPeriodDays': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.electronicTenders': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.qualifyingPriorInformationNotice': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.urgencyShortensTenderPeriod': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.documentsWithNotice': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.qualifyingPlannedProcurementNotice': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.plannedProcurementNoticeContent': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.negotiatedTenderingPeriod': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.preselectedSuppliersOnly': 'stage lengths are the timetable\'s, asked in the one-page form',
      'timetable.participationPeriodDays': 'stage lengths are the timetable\'s, asked in the one-page form',
      'route.framework': 'concluding a framework is a choice the one-page form asks',
      'authority.thresholdTier': 'derived from the type of authority',
      'contractType': 'services unless the one-page form says otherwise',
      'mixedProcurement.otherElementsSeparable': 'a contract mixing health care with other services is described in the one-page form',
    };
    const missing = ROUTES.flatMap(([process, regime]) => {
      const positive = rules.filter((r) => ruleAdmits(r, process, regime) && gate(r.appliesWhen, process) === true && JSON.stringify(r.appliesWhen ?? {}).includes('"process"'));
      const paths = new Set(positive.flatMap((r) => [...dependsOn(r)]).map((f) => catalogue[f]).filter((i) => i?.question && i.planPath && leaves.has(i.planPath)).map((i) => i!.planPath!));
      const onJourney = new Set([...main, ...routeFields(process, regime)]);
      return [...paths].filter((p) => !onJourney.has(p) && !NOT_ON_ROUTE_PAGES[p]).map((p) => `${process}: ${p}`);
    });
    expect(missing).toEqual([]);
  });
});
