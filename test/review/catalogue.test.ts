// `procheck rules --format md|html`: the catalogue a legal team reviews.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { catalogue, overlayCatalogue, renderCatalogueText } from '../../src/review/render-catalogue.js';
import { rulesCommand } from '../../src/cli/review-commands.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { loadWorkedCases, loadRuleTests, casesForRule } from '../../src/review/rule-cases.js';
import { main } from '../../src/cli/main.js';
import { copyRules, edit } from '../support/rule-dirs.js';
import { CASE_LISTS, mdText } from '../../src/review/catalogue-markdown.js';
import { buildCatalogue } from '../../src/review/catalogue-sections.js';
import { ruleViews } from '../../src/review/rule-view.js';
import { factsOfRule } from '../../src/engine/compile.js';
import { FACT_CATALOGUE, isFactName, type FactInfo } from '../../src/plan/fact-catalogue.js';
import { PROCESS_LABELS } from '../../src/plan/process-labels.js';
import { escapeHtml as e } from '../../src/report/html.js';

const CASES = join(import.meta.dirname, '..', '..', 'cases');

function rules(...args: string[]) {
  let out = '';
  let err = '';
  const code = rulesCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const ruleSet = loadRuleSet();
const allRules = [...ruleSet.rules, ...[...ruleSet.overlays.values()].flatMap((o) => o.rules)];
const md = rules('--format', 'md').out;
const html = rules('--format', 'html').out;

/** One rule's part of a catalogue page, md or html: from its anchor to the next rule's. */
function ruleSection(page: string, id: string): string {
  const md = page.indexOf(`<a id="${id}"></a>`);
  const start = md >= 0 ? md : page.indexOf(`<article class="rule" id="${id}"`);
  const rest = page.slice(start + 1);
  const next = rest.search(/<a id="[^"]+"><\/a>\n\n#|<article class="rule"|<section id="claims-and-acts"|<a id="claims-and-acts"><\/a>/);
  return page.slice(start, next >= 0 ? start + 1 + next : undefined);
}

describe('text and json keep their output', () => {
  it('text is the existing catalogue, byte for byte, as main prints it', async () => {
    expect(rules().out).toBe(renderCatalogueText(ruleSet));
    let viaMain = '';
    await main(['rules'], { out: (t) => (viaMain += t), err: () => {} });
    expect(rules().out).toBe(viaMain);
  });

  it('json is the existing catalogue', () => {
    expect(JSON.parse(rules('--format', 'json').out)).toEqual(
      JSON.parse(JSON.stringify({ version: ruleSet.version, rules: catalogue(ruleSet), overlays: overlayCatalogue(ruleSet) })),
    );
  });

  it('an unknown format is a usage error', () => {
    expect(() => rules('--format', 'pdf')).toThrow(UsageError);
  });
});

describe('the worked cases behind each rule', () => {
  const cases = loadWorkedCases(CASES);
  it('reads every expected outcome, with the plan title: findings, silences, reasons it holds, route and conditions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const coventry = cases.find((c) => c.id === 'coventry-2024-competitive')!;
    expect(coventry.findings).toContain('tupe.service-provision-change');
    expect(coventry.absentFindings).toContain('scope.regime-mismatch');
    expect(coventry.route).toContain('psr.competitive.process');
    expect(coventry.holds).toContain('terms.options-in-value');
    expect(coventry.conditions).toEqual(expect.arrayContaining(['tupe.pensions-unknown', 'contractSigned']));
    expect(coventry.title).toMatch(/Coventry/);
    const lots = cases.find((c) => c.id === 'example-pcr2015-2023-lots-small-lot')!;
    expect(lots.lots['young-people']!.route).toContain('pcr2015.light-touch.process');
  });
  it('a rule fires in the cases that list it, and is silent in those that rule it out', () => {
    const r = casesForRule(cases, 'scope.regime-mismatch');
    expect(r.silent.map((c) => c.id)).toContain('coventry-2024-competitive');
    expect(casesForRule(cases, 'tupe.service-provision-change').fires.map((c) => c.id)).toContain('coventry-2024-competitive');
  });
  it('a rule the route holds on, that describes the route or that is a condition is exercised by the case too', () => {
    const competitive = casesForRule(cases, 'psr.competitive.process');
    expect(competitive.route.map((c) => c.id)).toContain('coventry-2024-competitive');
    expect(competitive.fires.map((c) => c.id)).not.toContain('coventry-2024-competitive');
    expect(casesForRule(cases, 'terms.options-in-value').holds.map((c) => c.id)).toContain('coventry-2024-competitive');
    expect(casesForRule(cases, 'psr.direct-award-c.considerable-change-value').holds.map((c) => c.id)).toContain(
      'example-psr-2026-direct-award-c-only-provider-unknown',
    );
    expect(casesForRule(cases, 'tupe.pensions-unknown').conditions.map((c) => c.id)).toEqual(
      expect.arrayContaining(['coventry-2024-competitive', 'norfolk-2019-reprocure']),
    );
  });
  it('a lot’s route, findings and silences count, saying which lot', () => {
    const lightTouch = casesForRule(cases, 'pcr2015.light-touch.process');
    const route = lightTouch.route.find((c) => c.id === 'example-pcr2015-2023-lots-small-lot')!;
    expect(route.inLots).toEqual(['young-people']);
    expect(lightTouch.silent.find((c) => c.id === 'example-pcr2015-2023-lots-small-lot')!.inLots).toEqual(['peer-mentoring']);
    const above = casesForRule(cases, 'pcr2015.threshold.above').fires.find((c) => c.id === 'example-pcr2015-2023-lots-small-lot')!;
    expect(above.inLots).toEqual(['young-people']);
    // Named for the plan as a whole: no lot.
    expect(casesForRule(cases, 'pcr2015.procedure.small-lot').fires.find((c) => c.id === 'example-pcr2015-2023-lots-small-lot')!.inLots).toBeNull();
  });
  it('every rule any worked case names is shown as exercised by it in the catalogue', () => {
    const named = new Set(cases.flatMap((c) => [...c.findings, ...c.absentFindings, ...c.holds, ...c.route, ...c.conditions, ...Object.values(c.lots).flatMap((l) => [...l.findings, ...l.absentFindings, ...l.route])]));
    for (const r of allRules.filter((x) => named.has(x.id))) {
      const own = ruleSection(md, r.id);
      expect(own, r.id).not.toContain('No worked case in cases/ names this rule.');
    }
  });
  it('a missing directory means no cases, not a crash', () => {
    expect(loadWorkedCases(join(CASES, 'no-such-dir'))).toEqual([]);
  });
});

describe.each([
  ['md', md],
  ['html', html],
])('the %s catalogue', (format, out) => {
  it('lists every rule, law and overlays, with its citation link', () => {
    for (const r of allRules) {
      expect(out, r.id).toContain(format === 'md' ? `<a id="${r.id}"></a>` : `id="${r.id}"`);
      const href = format === 'md' ? `](${r.citation.url})` : `href="${r.citation.url.replace(/&/g, '&amp;')}"`;
      expect(out, r.id).toContain(href);
    }
  });

  it('links the table of contents to every rule', () => {
    for (const r of allRules) expect(out, r.id).toContain(format === 'md' ? `](#${r.id})` : `href="#${r.id}"`);
  });

  it('shows a dated parameter with each value, its period and its source', () => {
    const param = ruleSet.params.get('pcr2015.threshold.services-sub-central');
    expect(param.values.length).toBeGreaterThan(1);
    expect(out).toContain('pcr2015.threshold.services-sub-central');
    for (const v of param.values) {
      const amount = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(v.value as number);
      expect(out).toContain(amount);
      if (v.source) expect(out).toContain(format === 'html' ? v.source.url.replace(/&/g, '&amp;') : v.source.url);
    }
    expect(out).toContain(param.source.url);
  });

  it('names the worked cases in which a rule fires, the route holds on it, it describes the route, or is a condition', () => {
    const lead = (key: string) => CASE_LISTS.find(([k]) => k === key)![1];
    const within = (ruleId: string, key: string, caseId: string) => {
      const own = ruleSection(out, ruleId);
      const at = own.indexOf(format === 'md' ? lead(key) : e(lead(key)));
      expect(at, `${ruleId}: ${key}`).toBeGreaterThan(-1);
      expect(own.slice(at, at + 3000), ruleId).toContain(caseId);
    };
    // cases/coventry-2024-competitive.expected.json lists tupe.service-provision-change among its findings,
    // psr.competitive.process as its route, terms.options-in-value among the reasons it holds, tupe.pensions-unknown as a condition.
    within('tupe.service-provision-change', 'fires', 'coventry-2024-competitive');
    within('psr.competitive.process', 'route', 'coventry-2024-competitive');
    within('terms.options-in-value', 'holds', 'coventry-2024-competitive');
    within('tupe.pensions-unknown', 'conditions', 'coventry-2024-competitive');
    within('psr.direct-award-c.considerable-change-value', 'holds', 'example-psr-2026-direct-award-c-only-provider-unknown');
    // A lot's route, saying which lot.
    within('pcr2015.light-touch.process', 'route', 'young-people');
  });

  it('shows every rule its own rule test: the changes to the base plan that fire it and that do not', () => {
    const tests = loadRuleTests(CASES);
    expect(tests.size).toBe(ruleSet.rules.length);
    const section = out.slice(out.indexOf(format === 'md' ? '<a id="psr.direct-award-c.materially-different">' : 'id="psr.direct-award-c.materially-different"'));
    const own = section.slice(0, section.indexOf('Cases that exercise it') + 1500);
    expect(own).toContain('test/rules/psr.cases.ts');
    expect(own).toMatch(/fires when [^\n]*directAward\.materiallyDifferent is yes/);
    expect(own).toMatch(/does not fire when [^\n]*directAward\.materiallyDifferent is no/);
    expect(out.match(/does not fire when/g)?.length).toBe(tests.size);
    expect(own).toMatch(/the difference: directAward\.materiallyDifferent: yes when it fires, no when it does not/);
  });

  it('says which overlays are examples', () => {
    expect(out).toMatch(/Local rules: Coventry City Council \(overlay coventry, an example\)/);
  });
});

/** Void elements close themselves; every other tag must close in order. */
function unbalancedTags(page: string): string[] {
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = page.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, name] = m;
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> at ${m.index}`);
  }
  return [...problems, ...stack.map((t) => `<${t}> never closed`)];
}

describe('the html page', () => {
  it('is one self-contained page: doctype, language, inline style, no scripts or external files', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link |src=/i);
    expect(html).toContain('@media print');
  });

  it('is well-formed: every tag closes, in order, and ids are unique', () => {
    expect(unbalancedTags(html)).toEqual([]);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('has real headings per regime, table headers and link text that says where it goes', () => {
    expect(html).toMatch(/<h1>procheck rule catalogue<\/h1>/);
    expect(html).toMatch(/<h2 id="regime-psr-title">Provider Selection Regime/);
    expect(html).toMatch(/<h2 id="regime-pa2023-title">Procurement Act 2023<\/h2>/);
    expect(html).toContain('<th scope="col">In force</th>');
    expect(html).not.toMatch(/>\s*(here|link|click)\s*<\/a>/i);
    expect(html).toMatch(/<a href="https:\/\/www\.legislation\.gov\.uk\/[^"]+">[^<]+ \(on www\.legislation\.gov\.uk\)<\/a>/);
  });

  it('escapes rule text: a title with a script tag is shown, not run', () => {
    const dir = copyRules();
    edit(dir, 'psr/governance.json', (json) => {
      json.rules[0].title = '<script>alert("x")</script> & more';
    });
    let out = '';
    rulesCommand(['--format', 'html', '--rules', dir], { out: (t) => (out += t), err: () => {} });
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(unbalancedTags(out)).toEqual([]);
    let mdOut = '';
    rulesCommand(['--format', 'md', '--rules', dir], { out: (t) => (mdOut += t), err: () => {} });
    expect(mdOut).not.toContain('<script>');
  });
});

describe('who reviewed a rule, and when', () => {
  it('a rule file may record it (reviewed), and the catalogue shows it in both formats', async () => {
    const dir = copyRules();
    edit(dir, 'psr/processes.json', (j) => {
      j.rules[0].reviewed = { by: 'A. Solicitor', role: 'Legal Services', on: '2026-11-20', note: 'Read against reg 6(3).' };
    });
    for (const format of ['html', 'md']) {
      let out = '';
      expect(await main(['rules', '--format', format, '--rules', dir], { out: (t) => (out += t), err: () => {} })).toBe(0);
      expect(out).toContain('A. Solicitor');
      expect(out).toContain('20 November 2026');
    }
    edit(dir, 'psr/processes.json', (j) => {
      j.rules[0].reviewed = { by: 'A. Solicitor', on: '2026-02-30' };
    });
    let err = '';
    expect(await main(['rules', '--rules', dir], { out: () => {}, err: (t) => (err += t) })).toBe(22);
    expect(err).toContain('reviewed.on');
  });
});

/** A string as each format writes it: markdown escapes its specials, html its entities. */
const written = (format: string, text: string) => (format === 'md' ? mdText(text) : e(text));

describe.each([
  ['md', md],
  ['html', html],
])('the %s catalogue says what the plan leaving a rule open means (issue 19)', (format, out) => {
  const section = (id: string) => ruleSection(out, id);
  const law = (id: string) => allRules.find((r) => r.id === id)!;

  it('every rule that can be left open gives the question it then asks: its own, or procheck’s general wording, said to be so', () => {
    for (const r of allRules.filter((x) => x.severity !== 'info' && x.severity !== 'condition')) {
      const own = section(r.id);
      if (r.openTitle) expect(own, r.id).toContain(written(format, `If the plan leaves it open, it asks: ${r.openTitle}`));
      else expect(own, r.id).toContain(written(format, 'procheck’s general wording'));
    }
    expect(section('psr.standstill.contract-too-early')).toContain(
      written(format, 'If the plan leaves it open, it asks: Will the contract be entered into only after the standstill that follows the notice of intention to award has ended?'),
    );
    // An info rule left open stays information; a condition stays a condition.
    expect(section('psr.competitive.process')).toContain(written(format, 'If the plan leaves it open, it stays information'));
    expect(section('tupe.pensions-unknown')).toContain(written(format, 'If the plan leaves it open, it is still a condition'));
  });

  it('a rule’s condition on the authority’s act: a whole instruction, or the clause that completes the act’s, with its placeholders in words', () => {
    for (const r of allRules.filter((x) => x.asCondition)) expect(section(r.id), r.id).toContain(written(format, 'As a condition on the authority\'s act: '));
    expect(section('psr.standstill.contract-too-early')).toContain(
      written(format, 'As a condition on the authority\'s act: Enter into the contract or publish the award decision on a date so that the standstill after the notice of intention to award has ended before the contract is entered into'),
    );
    expect(section('psr.governance.records-not-kept')).toContain(written(format, `As a condition on the authority's act: ${law('psr.governance.records-not-kept').asCondition}`));
    expect(section('tupe.pensions-unknown')).toContain(
      written(format, 'As a condition on the authority\'s act: Find out from the existing provider which pension schemes the staff assigned to the service belong to, before the procurement starts ([date the procurement starts])'),
    );
    expect(section('psr.competitive.process')).not.toContain('As a condition on the authority');
  });

  it('why the route holds: every reason of every rule, in words, with the condition that chooses it', () => {
    const r = law('psr.direct-award-c.considerable-change-value');
    const own = section(r.id);
    expect(own).toContain('Why the route holds');
    expect(own).toContain(written(format, 'When: Changes from the existing contract are attributable to the authority\'s decision: no'));
    expect(own).toContain(written(format, 'When: All of these:'));
    // The reasons are quotations: “…” in markdown, <q> in html.
    const quote = format === 'md' ? '“' : '<q>';
    expect(own).toContain(quote + written(format, 'The considerable change test is not met: the lifetime value rises by [increase in lifetime value over the existing contract (GBP)]'));
    for (const rule of allRules.filter((x) => x.holds)) expect(section(rule.id), rule.id).toContain('Why the route holds');
    // The reason with no condition of its own is the one given otherwise.
    expect(section('psr.standstill.contract-too-early')).toContain(`Otherwise: ${quote}${written(format, 'The contract date, [date the contract is entered into], is on or after')}`);
    expect(section('psr.competitive.process')).not.toContain('Why the route holds');
  });

  it('every placeholder of every text is said in words', () => {
    expect(out).not.toContain('{{');
  });

  it('how a firing rule is shown, and a condition rule’s severity in words', () => {
    expect(section('psr.competitive.process')).toContain(written(format, 'how the route runs: when it fires, its reason heads the required steps'));
    expect(section('terms.options-in-value')).toContain(written(format, 'a reason the route holds: when it fires'));
    expect(section('psr.standstill.contract-too-early')).toContain(written(format, 'a finding: when it fires, the report has a finding at its severity'));
    expect(section('tupe.pensions-unknown')).toContain(written(format, 'a condition: what the authority must do'));
    expect(section('tupe.pensions-unknown')).not.toMatch(/Severity(:\*\*|<\/dt><dd[^>]*>) condition\b/);
  });

  it('each claim a rule reads: not relied on when left out, with its default and burden, and the routes whose choice is the claim', () => {
    const own = section('psr.direct-award-c.provider-not-satisfying');
    expect(own).toContain(
      written(format, 'Left out of a plan, this claim is not relied on (“The existing provider is satisfying the existing contract” is taken as no): PSR reg 6(5)(d)'),
    );
    expect(own).toContain(written(format, 'Except where the plan\'s route is the PSR direct award process C, whose choice is itself the claim: there it stays a question.'));
    expect(section('psr.direct-award-b.mandatory')).toContain(written(format, '(“The authority restricts the number of providers” is taken as yes)'));
    // Every claim any rule reads, from the fact catalogue: its burden is in the rule's section.
    for (const r of allRules)
      for (const f of factsOfRule(r).filter(isFactName)) {
        const claim = (FACT_CATALOGUE[f] as FactInfo).claim;
        if ((FACT_CATALOGUE[f] as FactInfo).kind === 'claim') expect(section(r.id), `${r.id} ${f}`).toContain(written(format, claim!.burden));
      }
  });

  it('each act a rule reads, itself or through a fact worked out from it: left open, a condition, with its instruction', () => {
    expect(section('psr.governance.records-not-kept')).toContain(written(format, 'An act of the authority: left open, it is a condition (Keep the record of the decision'));
    const standstill = section('psr.standstill.service-starts-too-early');
    expect(standstill).toContain(written(format, 'Read through “First day the contract may be entered into if no representations are made (PSR reg 12)”.'));
    expect(standstill).toContain(written(format, 'An act of the authority: left open, it is a condition (Publish the award decision, on a date every rule allows).'));
    for (const r of allRules)
      for (const f of factsOfRule(r).filter(isFactName)) {
        const act = (FACT_CATALOGUE[f] as FactInfo).act;
        if ((FACT_CATALOGUE[f] as FactInfo).kind === 'act') expect(section(r.id), `${r.id} ${f}`).toContain(written(format, act!.instruction));
      }
  });

  it('a section lists every claim (its default, burden and the routes that claim it) and every act (its instruction), from the fact catalogue', () => {
    const start = out.indexOf(format === 'md' ? '<a id="claims-and-acts"></a>' : '<section id="claims-and-acts"');
    const end = out.indexOf(format === 'md' ? '<a id="parameters"></a>' : '<section id="parameters"');
    expect(start).toBeGreaterThan(-1);
    const part = out.slice(start, end);
    expect(out).toContain(format === 'md' ? '](#claims-and-acts)' : 'href="#claims-and-acts"');
    const entries = Object.entries(FACT_CATALOGUE as Record<string, FactInfo>);
    const claims = entries.filter(([, i]) => i.kind === 'claim');
    const acts = entries.filter(([, i]) => i.kind === 'act');
    expect(claims.length).toBeGreaterThan(5);
    expect(acts.length).toBeGreaterThan(3);
    expect(part).toContain(`Claims (${claims.length})`);
    expect(part).toContain(`Acts of the authority (${acts.length})`);
    for (const [fact, i] of claims) {
      expect(part, fact).toContain(format === 'md' ? `<a id="fact-${fact}"></a>` : `id="fact-${fact}"`);
      expect(part, fact).toContain(written(format, i.claim!.burden));
      expect(part, fact).toContain(written(format, `the fact is taken as ${i.claim!.notClaimed ? 'yes' : 'no'}`));
      for (const p of i.claim!.claimedBy ?? []) expect(part, fact).toContain(written(format, PROCESS_LABELS[p as keyof typeof PROCESS_LABELS]));
    }
    for (const [fact, i] of acts) {
      expect(part, fact).toContain(format === 'md' ? `<a id="fact-${fact}"></a>` : `id="fact-${fact}"`);
      expect(part, fact).toContain(written(format, i.act!.instruction));
    }
    // Facts about the world are not listed.
    expect(part).not.toContain('fact-process"');
    // Each links to the rules that read it.
    expect(part).toContain(format === 'md' ? '[`psr.direct-award-c.provider-not-satisfying`](#psr.direct-award-c.provider-not-satisfying)' : 'href="#psr.direct-award-c.provider-not-satisfying"');
  });
});

describe('the claims and acts, as data', () => {
  it('the catalogue carries them, each with the rules that read it', () => {
    const cat = buildCatalogue(ruleSet);
    const contract = cat.facts.acts.find((a) => a.fact === 'contractSigned')!;
    expect(contract).toMatchObject({ planPath: 'dates.contractSigned', instruction: 'Enter into the contract', done: null });
    // Read directly, and through the facts worked out from it (the PSR notice of award's deadline).
    expect(contract.readBy).toEqual(expect.arrayContaining(['psr.standstill.contract-too-early', 'psr.notices.award-notice-late']));
    const restricted = cat.facts.claims.find((c) => c.fact === 'providerNumbersRestricted')!;
    expect(restricted).toMatchObject({ notClaimed: true, notClaimedText: 'yes', claimedBy: [{ process: 'direct-award-b', label: 'PSR direct award process B' }] });
  });

  it('a rule view names the claims and acts it turns on, and what it is read through', () => {
    const views = ruleViews(ruleSet);
    const notice = views.find((v) => v.id === 'psr.notices.award-notice-late')!;
    expect(notice.acts.map((a) => [a.fact, a.via?.fact])).toEqual([['contractSigned', 'psrAwardNoticeDue']]);
    expect(notice.requires.find((r) => r.fact === 'psrAwardNoticeDue')!.kind).toBe('world');
    const satisfying = views.find((v) => v.id === 'psr.direct-award-c.provider-not-satisfying')!;
    expect(satisfying.claims.map((c) => [c.fact, c.notClaimed, c.claimedBy])).toEqual([
      ['incumbentSatisfying', false, ['direct-award-c']],
      ['incumbentLikelyToSatisfy', false, ['direct-award-c']],
    ]);
    expect(satisfying.requires.find((r) => r.fact === 'incumbentSatisfying')!.kind).toBe('claim');
  });
});
