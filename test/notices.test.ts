// Published notices audited: the real Find a Tender and Contracts Finder
// releases in cases/notices/ give their expected findings, a notice's verdict
// is a promise however the facts it leaves out turn out, and no file of any
// shape crashes the reader.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditNdjsonFile } from '../src/notice/stream.js';
import { summaryCsv } from '../src/notice/csv.js';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/engine/checker.js';
import { auditNoticeFiles, auditNotices } from '../src/notice/audit.js';
import { parseJsonPrefix } from '../src/notice/json-prefix.js';
import { mergeByOcid } from '../src/notice/merge.js';
import { noticeToPlan, wordsDate } from '../src/notice/to-plan.js';
import { OcdsReadError, readOcds } from '../src/notice/read-ocds.js';
import { NoticeAuditSchema } from '../src/notice/schema.js';
import { renderNotices, NOTICE_FORMATS } from '../src/notice/render.js';
import { MAPPING, READERS, WORD_PATTERNS, notShownBy } from '../src/notice/mapping.js';
import { planJsonSchema } from '../src/plan/json-schema.js';
import { leafFields } from '../src/plan/schema-walk.js';
import type { Checker } from '../src/engine/checker.js';
import { addDays } from '../src/plan/dates.js';
import { buildServer } from '../src/server/app.js';
import { main } from '../src/cli/main.js';

const DIR = join(import.meta.dirname, '..', 'cases', 'notices');
const checker = createChecker();
const slugs = readdirSync(DIR)
  .filter((f) => f.endsWith('.ocds.json'))
  .map((f) => f.replace(/\.ocds\.json$/, ''))
  .sort();

interface Expected {
  files: string[];
  ocid: string;
  verdict: string;
  checked: boolean;
  missing: string[];
  judgedWithout: string[];
  findings: Record<string, string>;
  findingsReview: string[];
  absentFindings: string[];
  why: string;
}

const read = (name: string) => ({ name, text: readFileSync(join(DIR, name), 'utf8') });
const expectedOf = (slug: string) => JSON.parse(readFileSync(join(DIR, `${slug}.expected.json`), 'utf8')) as Expected;
const auditOf = (slug: string) => auditNoticeFiles(expectedOf(slug).files.map(read), checker);

/** A release as Find a Tender publishes a PSR direct award C intention notice, with its contract release. */
const INTENTION = {
  ocid: 'ocds-h6vhtk-0aaaa1',
  id: '010000-2025',
  date: '2025-06-02T10:00:00+01:00',
  tag: ['award'],
  description:
    'The relevant authority intends to award a contract under Direct Award Process C under the Provider Selection Regime. Representations by providers must be made to the relevant authority by 11/06/2025. Details of group making decisions: Public Health SLT. No conflicts of interest were identified. The new contract runs from 01/10/2025 to 30/09/2032.',
  parties: [
    { id: 'GB-PPON-X', name: 'Exampleshire County Council', roles: ['buyer'], details: { classifications: [{ scheme: 'UK_CA_TYPE', id: 'publicAuthoritySubCentralGovernment' }] } },
    { id: 'GB-COH-1', name: 'Provider Ltd', roles: ['supplier'] },
  ],
  tender: { id: 'T1', title: 'Adult drug and alcohol treatment', legalBasis: { scheme: 'CELEX', id: '32014L0024' }, classification: { scheme: 'CPV', id: '85312500' }, mainProcurementCategory: 'services' },
  awards: [
    {
      id: '1',
      date: '2025-06-02T10:00:00+01:00',
      value: { amount: 30000000, currency: 'GBP' },
      suppliers: [{ id: 'GB-COH-1', name: 'Provider Ltd' }],
      contractPeriod: { startDate: '2025-10-01T00:00:00+01:00', endDate: '2032-09-30T23:59:59+01:00' },
    },
  ],
};
const CONTRACT = {
  ocid: 'ocds-h6vhtk-0aaaa1',
  id: '012000-2025',
  date: '2025-07-20T10:00:00+01:00',
  tag: ['contract'],
  contracts: [{ id: '1', awardID: '1', dateSigned: '2025-06-11T00:00:00+01:00', period: { startDate: '2025-10-01T00:00:00+01:00', endDate: '2032-09-30T23:59:59+01:00' } }],
};

describe('real notices (cases/notices/)', () => {
  it('there are at least 15, each with its source, whether it is cut short, and its expected outcome with why', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(15);
    for (const slug of slugs) {
      const source = JSON.parse(readFileSync(join(DIR, `${slug}.source.json`), 'utf8')) as { ocid: string; url: string; cutShort: boolean };
      expect(source.ocid, slug).toMatch(/^ocds-(h6vhtk|b5fd17)-/);
      if (!(source as { constructed?: string }).constructed) expect(source.url, slug).toMatch(/^https:\/\//);
      expect(typeof source.cutShort, slug).toBe('boolean');
      const e = expectedOf(slug);
      expect(e.ocid, slug).toBe(source.ocid);
      expect(e.why.length, slug).toBeGreaterThan(40);
    }
  });

  it('cover the kinds of notice the issue names', () => {
    const kinds = new Set(slugs.map((s) => (JSON.parse(readFileSync(join(DIR, `${s}.source.json`), 'utf8')) as { kind: string }).kind));
    for (const k of ['psr-direct-award-a', 'psr-direct-award-c', 'psr-most-suitable-provider', 'psr-competitive', 'psr-framework', 'psr-modification', 'psr-urgent', 'pcr2015-award', 'contracts-finder'])
      expect(kinds, k).toContain(k);
    expect([...kinds].some((k) => k.startsWith('pa2023'))).toBe(true);
  });

  it.each(slugs)('%s gives its expected outcome', async (slug) => {
    const e = expectedOf(slug);
    const audit = await auditOf(slug);
    NoticeAuditSchema.parse(audit);
    const n = audit.notices.find((x) => x.ocid === e.ocid)!;
    expect(n, `${slug}: ${e.ocid}`).toBeDefined();
    expect({ verdict: n.verdict, checked: n.checked }).toEqual({ verdict: e.verdict, checked: e.checked });
    expect(n.missing.map((m) => m.planPath).sort()).toEqual([...e.missing].sort());
    expect([...n.judgedWithout].sort()).toEqual([...e.judgedWithout].sort());
    for (const [rule, severity] of Object.entries(e.findings)) expect(n.findings.find((f) => f.ruleId === rule)?.severity, `${slug}: ${rule}`).toBe(severity);
    for (const rule of e.findingsReview) expect(n.findings.find((f) => f.ruleId === rule)?.severity, `${slug}: ${rule}`).toBe('review');
    for (const rule of e.absentFindings) expect(n.findings.map((f) => f.ruleId), `${slug}: ${rule}`).not.toContain(rule);
    // Nothing else fires as a breach than the expected ones.
    expect(n.findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId).sort()).toEqual(Object.keys(e.findings).filter((r) => e.findings[r] === 'non-compliant').sort());
    // A finding that decides the verdict quotes the notice.
    for (const f of n.findings.filter((x) => x.severity === 'non-compliant')) expect(f.evidence.length, `${slug}: ${f.ruleId}`).toBeGreaterThan(0);
    for (const format of NOTICE_FORMATS) expect(renderNotices(audit, format).length).toBeGreaterThan(100);
    // A notice judged every way its open facts allow runs some thousands of checks: a budget, not a timing (the bench holds speed).
  }, 30_000);

  it('a notice checked in part shows no value put in for what it lacks: the term, the dates and the regime\'s basis are unknown', async () => {
    const n = (await auditOf('shropshire-2026-psr-direct-award-c-public-health-nursing')).notices[0]!;
    expect(n.judgedWithout).toEqual(expect.arrayContaining(['term.initialMonths', 'dates.contractStart']));
    expect(n.report!.facts).toMatchObject({ initialTermMonths: null, maxTermMonths: null, contractEndIfAllOptions: null });
    expect(n.report!.timetable).toEqual([]);
    expect(n.report!.steps.every((s) => s.due === null)).toBe(true);
    expect(n.report!.regime.basis).not.toMatch(/local-authority|icb/);
  });

  it('a representations deadline short of reg 12 is quoted in the notice\'s own words: in a direct award C notice, a misstatement to correct', async () => {
    const n = (await auditOf('mersey-west-lancs-2025-psr-direct-award-c-consultancy')).notices[0]!;
    const f = n.findings.find((x) => x.ruleId === 'psr.standstill.stated-deadline-misstated')!;
    expect(f.severity).toBe('review');
    expect(f.evidence.map((q) => q.quote).join(' ')).toContain('25/09/25');
    expect(f.reason).toContain('30 September 2025');
  });
});

describe('a notice\'s verdict is a promise', () => {
  // Whatever the facts the notice lacks turn out to be (the service start, the term, the procurement's start no later
  // than its first dated notice, the buyer's kind), a breach the audit decides is a breach of the plan so completed.
  const decided = slugs.filter((s) => expectedOf(s).verdict === 'non-compliant');
  it.each(decided)('%s: every decided breach stands for random values of what it lacks', async (slug) => {
    const n = (await auditOf(slug)).notices[0]!;
    const breaches = n.findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId);
    const plan = n.plan as { dates: Record<string, string>; term?: Record<string, unknown> };
    const anchor = plan.dates.awardDecision ?? plan.dates.procurementStart!;
    const kinds = n.readings.find((r) => r.field === 'authority.type')?.values ?? [String((n.plan as { authority: { type: string } }).authority.type)];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -600, max: 2500 }), fc.integer({ min: 1, max: 240 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom(...kinds), async (startOffset, months, before, kind) => {
        const dates = { ...plan.dates };
        if (n.judgedWithout.includes('dates.contractStart')) dates.contractStart = addDays(anchor, startOffset);
        if (n.judgedWithout.includes('dates.procurementStart')) dates.procurementStart = addDays(n.missing.find((m) => m.planPath === 'dates.procurementStart')!.why.match(/no later than (\d{4}-\d{2}-\d{2})/)![1]!, -before);
        const term = n.judgedWithout.includes('term.initialMonths') ? { initialMonths: months, extensions: [] } : plan.term;
        const filled = { ...n.plan, authority: { ...(n.plan.authority as object), type: kind }, dates, term };
        const report = await checker.check(filled, { untrusted: true });
        for (const rule of breaches) expect(report.findings.find((f) => f.ruleId === rule)?.severity, rule).toBe('non-compliant');
      }),
      { numRuns: 40, seed: 15 },
    );
  }, 30_000);
});

describe('reading OCDS', () => {
  it('keeps what was read whole of a file cut short, and says where', () => {
    const r = parseJsonPrefix('{"a": 1, "b": {"c": "two", "d": "thr');
    expect(r).toEqual({ ok: true, value: { a: 1, b: { c: 'two' } }, cut: { at: { line: 1, column: 37 }, path: 'b.d', partial: 'thr' } });
  });

  it('refuses a file broken in the middle, naming the line and column', () => {
    const r = parseJsonPrefix('{\n  "a": 1,\n  "b" 2\n}');
    expect(r).toMatchObject({ ok: false, at: { line: 3, column: 7 } });
  });

  it('any prefix of a document is read without throwing, keeping only values read whole', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (value, share) => {
        const text = JSON.stringify(value, null, 1);
        const r = parseJsonPrefix(text.slice(0, Math.floor(text.length * share)));
        if (r.ok && r.cut === null) expect(r.value).toEqual(JSON.parse(text.slice(0, Math.floor(text.length * share))));
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('reads a release, a release package, a record, a record package and NDJSON', () => {
    const kinds = [
      INTENTION,
      { uri: 'x', releases: [INTENTION, CONTRACT] },
      { ocid: INTENTION.ocid, releases: [INTENTION, CONTRACT] },
      { records: [{ ocid: INTENTION.ocid, releases: [{ url: 'https://x', date: '2025-06-02T09:00:00Z', tag: ['award'] }], compiledRelease: { ...INTENTION, tag: ['compiled'] } }] },
    ];
    for (const k of kinds) expect(readOcds(JSON.stringify(k)).releases[0]!.release.ocid).toBe(INTENTION.ocid);
    const nd = readOcds(`${JSON.stringify(INTENTION)}\nnot json\n${JSON.stringify(CONTRACT)}\n`);
    expect(nd.releases).toHaveLength(2);
    expect(nd.unread).toEqual([{ where: 'line 2', why: expect.stringContaining('not JSON') }]);
  });

  it('reads a Procurement Act transparency notice as a direct award, and a light-touch special regime; ignores a byte order mark', () => {
    const ua = { ...INTENTION, description: undefined, tender: { ...INTENTION.tender, legalBasis: { scheme: 'UKPGA', id: '2023/54' }, specialRegime: ['lightTouch'], documents: [{ id: 'd', documentType: 'awardNotice', noticeType: 'UK5' }] } };
    const [p] = mergeByOcid(readOcds(`\uFEFF${JSON.stringify(ua)}`).releases);
    const plan = noticeToPlan(p!).plan as { route: unknown; services: { lightTouch?: boolean }[] };
    expect(plan.route).toMatchObject({ regime: 'pa2023', process: 'direct-award' });
    expect(plan.services[0]!.lightTouch).toBe(true);
  });

  it('refuses a document nested far deeper than any OCDS, rather than walk it off the stack', async () => {
    const deep = `${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const text = `{"ocid":"ocds-h6vhtk-0aaaa1","tender":{"deep":${deep}}}\n${JSON.stringify(INTENTION)}`;
    const file = readOcds(text);
    expect(file.unread).toEqual([{ where: 'line 1', why: expect.stringContaining('nested deeper than 64 levels') }]);
    expect(file.releases).toHaveLength(1);
    const app = await buildServer({ web: false });
    const r = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/json' }, payload: `{"ocid":"ocds-h6vhtk-0aaaa1","tender":{"deep":${deep}}}` });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ type: '/problems/invalid-notice' });
    await app.close();
  });

  it('refuses a file that holds no release, saying why', () => {
    expect(() => readOcds('{"hello": "world"}')).toThrow(OcdsReadError);
    expect(() => readOcds('')).toThrow(/empty/);
    expect(() => readOcds('{"a": [1, 2}')).toThrow(/line 1, column 12/);
  });

  it('merges an ocid\'s releases in date order, whatever the order in the file', () => {
    const [p] = mergeByOcid(readOcds(`${JSON.stringify(CONTRACT)}\n${JSON.stringify(INTENTION)}`).releases);
    expect(p!.releases.map((r) => r.id)).toEqual(['010000-2025', '012000-2025']);
    expect(p!.compiled.awards).toBeDefined();
    expect(p!.compiled.contracts).toBeDefined();
  });

  it('every reader the code has is in the mapping, and every pattern compiles', () => {
    expect(new Set(MAPPING.fields.map((f) => f.reader))).toEqual(new Set(READERS));
  });

  it('never reads a value from words the file ends in the middle of (25/04/20 may be 25/04/2025)', async () => {
    const text = JSON.stringify({ ...INTENTION, description: 'This is a Provider Selection Regime (PSR) intention to award notice under Direct Award Process C. Representations by providers must be made by 25/06/2025.' });
    const cut = text.slice(0, text.indexOf('25/06/2025') + 8);
    const n = (await auditNotices(cut, checker)).notices[0]!;
    expect(n.sources.find((s) => s.planPath === 'route.process')?.quote).toContain('Direct Award Process C');
    expect((n.plan as { dates?: { statedRepresentationsDeadline?: string } }).dates?.statedRepresentationsDeadline).toBeUndefined();
  });

  it('reads dates as notices write them', () => {
    expect(['25/04/2025', '1st October 2025', '01 April 2026', '3rd April 2026', '31 April 2026'].map(wordsDate)).toEqual(['2025-04-25', '2025-10-01', '2026-04-01', '2026-04-03', null]);
  });
});

describe('a notice read as a plan', () => {
  it('claims no day of submission for publication: a most suitable provider notice\'s step 1 submission is not known, and the 14 days of reg 10(5) are counted from its publication as the latest it can be (issue 20.8)', async () => {
    const a = await auditOf('middlesbrough-2025-psr-most-suitable-provider-health-checks');
    const n = a.notices[0]!;
    expect(n.plan).toMatchObject({ route: { process: 'most-suitable-provider' }, dates: { procurementStart: '2025-05-15', mspIntentionSubmitted: null } });
    expect(n.sources.find((s) => s.planPath === 'dates.mspIntentionSubmitted')?.quote).toMatch(/published, not the day it was submitted/);
    // The intention of 30 May comes after 29 May, 14 days from the latest the notice can have been submitted: no finding.
    expect(n.findings.map((f) => f.ruleId)).not.toContain('psr.most-suitable-provider.identified-too-early');
  });

  it('takes each fact from the notice with its words, and leaves out what it does not say', () => {
    const [p] = mergeByOcid(readOcds(`${JSON.stringify(INTENTION)}\n${JSON.stringify(CONTRACT)}`).releases);
    const r = noticeToPlan(p!);
    expect(r.plan).toMatchObject({
      authority: { name: 'Exampleshire County Council', type: 'local-authority', thresholdTier: 'sub-central' },
      route: { regime: 'psr', process: 'direct-award-c' },
      dates: { awardDecision: '2025-06-02', statedRepresentationsDeadline: '2025-06-11', contractSigned: '2025-06-11', contractStart: '2025-10-01', awardNoticePublished: '2025-07-20' },
      term: { initialMonths: 84 },
      value: { lifetime: 30000000, vatIncluded: false },
    });
    expect(r.plan).not.toHaveProperty('staff');
    expect(r.sources.find((s) => s.planPath === 'dates.statedRepresentationsDeadline')!.quote).toContain('11/06/2025');
    expect(r.readings.map((x) => x.field)).toEqual(['incumbent']);
  });

  it('audits it: the breaches the notice shows, with its words', async () => {
    const a = await auditNotices(`${JSON.stringify(INTENTION)}\n${JSON.stringify(CONTRACT)}`, checker);
    const n = a.notices[0]!;
    expect(n.verdict).toBe('non-compliant');
    const breaches = n.findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId);
    // The direct award C notice's early deadline is acted on: the contract is entered into on it, before the standstill ends (reg 12(1)).
    expect(breaches).toEqual(expect.arrayContaining(['psr.standstill.acted-on-misstated-deadline']));
    // The notice of award appears on 20 July, after the 30 days from 11 June; they run to its submission for publication
    // (reg 9(11)(b)), which OCDS does not date: a question, not a breach (issue 20.6).
    const award = n.findings.find((f) => f.ruleId === 'psr.notices.award-notice-late')!;
    expect(award.severity).toBe('review');
    expect(award.missingFacts.map((m) => m.planPath)).toEqual(['dates.awardNoticeSubmitted']);
    expect(award.reason).toContain('gives only the day the notice of award is published, 20 July 2025');
    expect(breaches).not.toContain('psr.standstill.contract-too-early');
    expect(n.findings.find((f) => f.ruleId === 'psr.standstill.stated-deadline-misstated')?.severity).toBe('review');
    // A large direct award C: considerable change is a question, stating the value and term.
    expect(n.findings.find((f) => f.ruleId === 'psr.direct-award-c.considerable-change-value')?.severity).toBe('review');
    expect(a.summary.byDefect[0]).toMatchObject({ severity: 'non-compliant' });
  });

  it('a whole intention notice that names no decision-makers and says nothing of conflicts breaks the Schedules; a cut one is only asked', async () => {
    const bare = { ...INTENTION, description: 'This is a Provider Selection Regime (PSR) intention to award notice under Direct Award Process C. Representations by providers must be made by 11/06/2025.' };
    const whole = (await auditNotices(JSON.stringify(bare), checker)).notices[0]!;
    expect(whole.plan).toMatchObject({ intentionNotice: { decisionMakersNamed: false, conflictsDeclaredAndManaged: false } });
    expect(whole.findings.find((f) => f.ruleId === 'psr.notices.intention-contents')?.severity).toBe('non-compliant');
    const cut = JSON.stringify(bare, null, 1);
    const partial = (await auditNotices(cut.slice(0, cut.indexOf('"tender"') + 30), checker)).notices[0]!;
    expect(partial.plan).not.toHaveProperty('intentionNotice.decisionMakersNamed');
  });

  it('a PSR framework longer than four years is over the cap unless the exceptional justification is recorded, which the notice does not say: a question', async () => {
    const framework = {
      ...INTENTION,
      description: 'This is a Provider Selection Regime (PSR) intention to award notice: a framework agreement concluded under the competitive process. Representations by providers must be made by 17/06/2025.',
      tender: { ...INTENTION.tender, techniques: { hasFrameworkAgreement: true } },
      awards: [{ ...INTENTION.awards[0]!, contractPeriod: { startDate: '2025-10-01T00:00:00+01:00', endDate: '2034-09-30T23:59:59+01:00' } }],
    };
    const n = (await auditNotices(JSON.stringify(framework), checker)).notices[0]!;
    expect(n.plan).toMatchObject({ route: { process: 'competitive', framework: true, frameworkTermMonths: 108 } });
    const cap = n.findings.find((f) => f.ruleId === 'psr.framework.max-term')!;
    expect(cap.severity).toBe('review');
    expect(cap.missingFacts.map((m) => m.planPath)).toEqual(['route.frameworkTermJustified']);
  });

  it('a notice whose procurement could have begun before PCR 2015 (out of scope) is not decided', async () => {
    const award = {
      ocid: 'ocds-b5fd17-0ddd01',
      id: 'r1',
      date: '2015-03-10T10:00:00Z',
      tag: ['award', 'contract'],
      parties: [{ id: 'B', name: 'Exampleshire County Council', roles: ['buyer'] }],
      tender: { title: 'IT support', legalBasis: { scheme: 'CELEX', id: '32014L0024' }, procurementMethodDetails: 'Open procedure', classification: { scheme: 'CPV', id: '72000000' }, mainProcurementCategory: 'services' },
      awards: [{ id: '1', date: '2015-03-10T10:00:00Z', value: { amount: 900000, currency: 'GBP' } }],
      contracts: [{ id: '1', dateSigned: '2015-03-01T00:00:00Z', period: { startDate: '2015-04-01T00:00:00Z', endDate: '2018-03-31T00:00:00Z' } }],
    };
    const n = (await auditNotices(JSON.stringify(award), checker)).notices[0]!;
    expect(n.judgedWithout).toContain('dates.procurementStart');
    expect(n.verdict).toBe('review');
  });

  it('a field the mapping does not read is listed, not dropped', async () => {
    const a = await auditNotices(JSON.stringify({ ...INTENTION, novelty: { x: 1 }, tender: { ...INTENTION.tender, gizmo: true } }), checker);
    expect([...a.notices[0]!.notUnderstood].sort()).toEqual(['novelty', 'tender.gizmo']);
  });

  it('a notice without the facts a plan needs is read, not checked, each named', async () => {
    const a = await auditNotices(JSON.stringify({ ocid: 'ocds-h6vhtk-0bbbb1', tag: ['compiled'], date: '2025-01-01T00:00:00Z', tender: { title: 'Something' } }), checker);
    expect(a.notices[0]).toMatchObject({ checked: false, verdict: 'not-checked' });
    expect(a.notices[0]!.missing.map((m) => m.planPath)).toEqual(expect.arrayContaining(['services[0].cpv', 'route.process', 'dates.contractStart']));
  });
});

/** A PSR modification notice (reg 13) of the contract above, published after the change took effect. */
const MODIFICATION = {
  ocid: 'ocds-h6vhtk-0aaaa1',
  id: '020000-2026',
  date: '2026-05-20T10:00:00+01:00',
  tag: ['contractAmendment'],
  description: 'Modification of the contract under regulation 13 of the Provider Selection Regime: additional funding for outreach.',
  contracts: [{ id: '1', amendments: [{ id: 'a1', date: '2026-04-01T00:00:00+01:00', description: 'Additional grant-funded outreach, £600,000.' }] }],
};

describe('many notices', () => {
  it('a file of notices gives a line a procurement and a summary by authority and by kind of defect, and names what it could not read', async () => {
    const other = { ...INTENTION, ocid: 'ocds-h6vhtk-0ccc01', parties: [{ ...INTENTION.parties[0]!, name: 'Otherton City Council' }, INTENTION.parties[1]] };
    const text = [INTENTION, CONTRACT, other].map((r) => JSON.stringify(r)).join('\n') + '\n{"broken": \n' + JSON.stringify({ hello: 1 }) + '\n';
    const a = await auditNotices(text, checker, 'month.ndjson');
    expect(a.notices.map((n) => n.ocid)).toEqual(['ocds-h6vhtk-0aaaa1', 'ocds-h6vhtk-0ccc01']);
    expect(a.summary.byAuthority.map((b) => b.authority)).toEqual(['Exampleshire County Council', 'Otherton City Council']);
    expect(a.summary.byDefect.find((d) => d.ruleId === 'psr.standstill.stated-deadline-misstated')).toMatchObject({ notices: 2, severity: 'review' });
    expect(a.summary.unread.map((u) => u.where.split(':')[0])).toEqual(['line 4', 'line 5']);
    const lines = renderNotices(a, 'text').split('\n');
    expect(lines.filter((l) => /^(NON-COMPLIANT|REVIEW|COMPLIANT|NOT CHECKED)/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('UNREAD'))).toHaveLength(2);
  });

  it('a later modification is judged against the award it modifies, whatever the order of the file', async () => {
    const a = await auditNotices([MODIFICATION, CONTRACT, INTENTION].map((r) => JSON.stringify(r)).join('\n'), checker);
    const n = a.notices[0]!;
    expect(n.releases.map((r) => r.id)).toEqual(['010000-2025', '012000-2025', '020000-2026']);
    expect(n.plan).toMatchObject({
      route: { regime: 'psr', process: 'modification' },
      incumbent: { provider: 'Provider Ltd', contractEnd: '2032-09-30', awardedUnder: 'psr' },
      change: { effectiveDate: '2026-04-01' },
      dates: { modificationNoticePublished: '2026-05-20' },
    });
    // Published 49 days after the change took effect, past reg 13's 30 days; whether a notice was due turns on what the
    // notice does not say (attributable to the authority? by how much?), so it is a question, naming them.
    const late = n.findings.find((f) => f.ruleId === 'psr.notices.modification-notice-late')!;
    expect(late.severity).toBe('review');
    expect(late.missingFacts.map((m) => m.planPath)).toEqual(expect.arrayContaining(['change.attributableToAuthority', 'change.cumulativeValueChange']));
  });

  it('nothing lost: any file, cut anywhere or mangled, gives an audit that passes its schema or an error naming where', async () => {
    const texts = slugs.slice(0, 12).map((s) => readFileSync(join(DIR, `${s}.ocds.json`), 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 8 }), async (text, share, junk) => {
        const at = Math.floor(text.length * share);
        for (const mangled of [text.slice(0, at), text.slice(0, at) + junk + text.slice(at)]) {
          try {
            NoticeAuditSchema.parse(await auditNotices(mangled, checker));
          } catch (e) {
            expect(e).toBeInstanceOf(OcdsReadError);
            expect((e as Error).message.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe('interfaces', () => {
  it('POST /v1/notices/check takes JSON, NDJSON or a file\'s text, and says what is wrong with anything else', async () => {
    const app = await buildServer({ web: false });
    const json = await app.inject({ method: 'POST', url: '/v1/notices/check', payload: { releases: [INTENTION, CONTRACT] } });
    expect(json.statusCode).toBe(200);
    expect(NoticeAuditSchema.parse(json.json()).notices[0]!.verdict).toBe('non-compliant');
    const nd = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-ndjson' }, payload: `${JSON.stringify(INTENTION)}\n${JSON.stringify(CONTRACT)}\n` });
    expect(nd.json().notices[0].verdict).toBe('non-compliant');
    const cut = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'text/plain' }, payload: read('mersey-west-lancs-2025-psr-direct-award-c-consultancy.ocds.json').text });
    expect(cut.json().notices[0].cutShort).toHaveLength(1);
    const bad = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'text/plain' }, payload: '{"a": [1, 2}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json()).toMatchObject({ type: '/problems/invalid-notice', detail: expect.stringContaining('line 1') });
    const form = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(form.statusCode).toBe(415);
    await app.close();
  });

  it('procheck notice reads several files as one and exits with the worst notice\'s code', async () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false };
    const slug = 'gateshead-2026-psr-competitive-health-checks';
    const code = await main(['notice', join(DIR, `${slug}.history.json`), join(DIR, `${slug}.ocds.json`)], io);
    expect(code).toBe(11);
    expect(out).toContain('NON-COMPLIANT');
    expect(out).toContain('ocds-h6vhtk-06732c');
    expect(await main(['notice', join(DIR, '..', 'coventry-2024-competitive.json')], io)).toBe(20);
    expect(err).toMatch(/no OCDS release/);
    expect(existsSync(join(DIR, `${slug}.history.json`))).toBe(true);
  });

  it('on a terminal a progress bar counts the notices and is erased; piped, nothing but the report', async () => {
    let bar = '';
    const slug = 'gateshead-2026-psr-competitive-health-checks';
    const files = [join(DIR, `${slug}.history.json`), join(DIR, `${slug}.ocds.json`)];
    await main(['notice', ...files], { out: () => {}, err: () => {}, progress: (t) => (bar += t), isTTY: true });
    expect(bar).toContain('1/1 notices');
    expect(bar.endsWith('\r')).toBe(true);
    bar = '';
    await main(['notice', ...files], { out: () => {}, err: () => {}, progress: (t) => (bar += t), isTTY: false });
    expect(bar).toBe('');
  });
});

/** A checker that counts the checks an audit runs. */
function counting(): { checker: Checker; checks: () => number } {
  let n = 0;
  const counted: Checker = {
    ruleSet: checker.ruleSet,
    check: ((p: unknown, o?: never) => (n++, checker.check(p as never, o))) as Checker['check'],
    checkParsed: (p, o) => (n++, checker.checkParsed(p, o)),
  };
  return { checker: counted, checks: () => n };
}

/** Issue 21's example notice, as one release: a PSR intention to award under direct award C, all said in its words. */
const WORDS_ONLY = {
  ocid: 'ocds-h6vhtk-0e2122',
  id: 'r1',
  date: '2024-09-03T10:00:00+01:00',
  tag: ['award'],
  description:
    'This is a Provider Selection Regime (PSR) intention to award notice. The relevant authority is intending to utilise direct award process C. The contract duration is from 1st April 2024 to 31st March 2025 and the expected value of the activity for the lifetime of the contract is £14,357. The provider is an existing provider. Representations by providers must be made to the relevant authority by 5pm on 13th September 2024. The decision makers were the Director of Public Health and the Head of Commissioning. No conflicts of interest were declared.',
  parties: [{ id: 'B', name: 'Exampleshire County Council', roles: ['buyer'] }],
  tender: { id: 'T', title: 'Community health service', classification: { scheme: 'CPV', id: '85100000' }, mainProcurementCategory: 'services' },
};

describe("a notice's words (issue 21)", () => {
  it('are read for the contract period, the value, the existing provider, the process, the representations deadline and its time, and the decision-makers, each quoted with where and marked as read from words', async () => {
    const n = (await auditNotices(JSON.stringify(WORDS_ONLY), checker)).notices[0]!;
    expect(n.checked).toBe(true);
    expect(n.missing).toEqual([]);
    expect(n.plan).toMatchObject({
      route: { regime: 'psr', process: 'direct-award-c' },
      dates: { contractStart: '2024-04-01', procurementStart: '2024-09-03', awardDecision: '2024-09-03', statedRepresentationsDeadline: '2024-09-13', statedRepresentationsTime: '17:00' },
      term: { initialMonths: 12 },
      value: { lifetime: 14357, vatIncluded: false },
      incumbent: { provider: expect.any(String) },
      intentionNotice: { decisionMakersNamed: true, conflictsDeclaredAndManaged: true },
    });
    // Said in words, so not judged both with and without an existing contract.
    expect(n.readings.map((r) => r.field)).not.toContain('incumbent');
    for (const path of ['dates.contractStart', 'term.initialMonths', 'value.lifetime', 'incumbent', 'route.process', 'dates.statedRepresentationsDeadline', 'dates.statedRepresentationsTime', 'intentionNotice.decisionMakersNamed']) {
      const source = n.sources.find((q) => q.planPath === path);
      expect(source, path).toMatchObject({ ocds: 'description', fromWords: true });
      expect(WORDS_ONLY.description, path).toContain(source!.quote);
    }
    // The release's own date is the notice's: a service that began five months before it, and a deadline short of reg 12(3).
    expect(n.findings.find((f) => f.ruleId === 'psr.standstill.service-starts-too-early')?.severity).toBe('non-compliant');
    expect(n.findings.find((f) => f.ruleId === 'psr.standstill.stated-deadline-misstated')?.severity).toBe('review');
    expect(renderNotices({ ...(await auditNotices(JSON.stringify(WORDS_ONLY), checker)) }, 'text')).toContain('read from its words');
  });

  it('read a value a year with its VAT, an option to extend by length, and a length from a start date', async () => {
    const words = (d: string) => auditNotices(JSON.stringify({ ...WORDS_ONLY, description: `This is a Provider Selection Regime (PSR) intention to award notice under direct award process C. ${d}` }), checker);
    const a = (await words('The contract will run for a period of 3 years from 1 April 2025, with the option to extend for up to a further 2 years, at a value of approximately £180,000.00 per year (including VAT).')).notices[0]!;
    expect(a.plan).toMatchObject({ dates: { contractStart: '2025-04-01' }, term: { initialMonths: 36, extensions: [{ months: 24, exercise: 'authority-option' }] }, value: { annual: 180000, vatIncluded: true } });
    const b = (await words('Contract Start Date: 01 April 2025 Contract End Date: 31 March 2026. The total estimated lifetime value of the contract is PS1.2 million excluding VAT.')).notices[0]!;
    expect(b.plan).toMatchObject({ dates: { contractStart: '2025-04-01' }, term: { initialMonths: 12 }, value: { lifetime: 1200000, vatIncluded: false } });
  });

  it('judge a date in figures that reads two ways (01/04/2024) both ways, unless another date in figures tells the order', async () => {
    const notice = (d: string) => JSON.stringify({ ...WORDS_ONLY, description: `This is a Provider Selection Regime (PSR) intention to award notice under direct award process C with the existing provider. ${d}` });
    const both = (await auditNotices(notice('The contract runs from 01/04/2025 to 31/03/2026. Representations must be made by 10/09/2024.'), checker)).notices[0]!;
    // 31/03/2026 reads only day first: so does every date in figures in the notice.
    expect(both.readings.map((r) => r.field)).toEqual([]);
    expect(both.plan).toMatchObject({ dates: { contractStart: '2025-04-01', statedRepresentationsDeadline: '2024-09-10' } });
    const open = (await auditNotices(notice('Representations must be made by 10/09/2024.'), checker)).notices[0]!;
    const reading = open.readings.find((r) => r.field === 'dates.statedRepresentationsDeadline')!;
    expect(reading.values).toEqual([expect.stringContaining('2024-09-10'), expect.stringContaining('2024-10-09')]);
    // Day first, the deadline is short of reg 12(3) (16 September 2024); month first it is not: a review, saying so.
    const misstated = open.findings.find((f) => f.ruleId === 'psr.standstill.stated-deadline-misstated')!;
    expect(misstated.severity).toBe('review');
    expect(misstated.reason).toMatch(/holds in 1 of the 2 readings/);
  });

  it('date a single release by its own date; a compiled release\'s date, when the record was last updated, only bounds the first notice', async () => {
    const single = (await auditNotices(JSON.stringify(WORDS_ONLY), checker)).notices[0]!;
    expect(single.plan).toMatchObject({ dates: { procurementStart: '2024-09-03' } });
    const compiled = (await auditNotices(JSON.stringify({ ...WORDS_ONLY, tag: ['compiled'], date: '2025-01-10T00:00:00Z' }), checker)).notices[0]!;
    expect(compiled.plan).not.toHaveProperty('dates.procurementStart');
    expect(compiled.judgedWithout).toContain('dates.procurementStart');
    expect(compiled.missing.find((m) => m.planPath === 'dates.procurementStart')!.why).toContain('no later than 2024-04-01');
  });

  it('never read from words cut short, nor a date that is none (31 April)', async () => {
    const text = JSON.stringify({ ...WORDS_ONLY, description: 'This is a Provider Selection Regime (PSR) intention to award notice under direct award process C. Representations by 31 April 2026. The contract duration is from 1st April 2024 to 31st March 20' });
    const n = (await auditNotices(text.slice(0, text.indexOf('31st March 20') + 13), checker)).notices[0]!;
    expect(n.plan).not.toHaveProperty('dates.statedRepresentationsDeadline');
    expect(n.plan).not.toHaveProperty('term.initialMonths');
  });

  it('each word pattern in the mapping finds its own example and fills a field the plan has', () => {
    const fields = new Set(leafFields(planJsonSchema()).map((f) => f.path.replace(/\.\d+\./g, '.')));
    for (const w of WORD_PATTERNS) {
      expect(new RegExp(w.pattern, 'iu').test(w.example), w.example).toBe(true);
      const field = w.fills === 'term.period' ? 'term.initialMonths' : w.fills === 'dates.contractEnd' ? 'dates.contractStart' : w.fills;
      expect([...fields].some((f) => f === field || f.startsWith(`${field}.`)), w.fills).toBe(true);
    }
  });
});

describe('what a notice cannot show (issue 21)', () => {
  it('is declared once, by plan field, and each field is one the plan has', () => {
    const fields = leafFields(planJsonSchema()).map((f) => f.path.replace(/\.\d+\./g, '.'));
    for (const e of MAPPING.notShown.facts) for (const f of e.fields) expect(fields.some((p) => p === f || p.startsWith(`${f}.`)), f).toBe(true);
    expect(notShownBy('staff.activitiesFundamentallyChanged')?.what).toBe('the staff and TUPE');
    expect(notShownBy('dates.contractStart')).toBeUndefined();
  });

  it.each(slugs)('%s: is listed as not judged from a notice, never as a finding, and never makes the verdict a review on its own', async (slug) => {
    const n = (await auditOf(slug)).notices.find((x) => x.ocid === expectedOf(slug).ocid)!;
    for (const f of n.findings) {
      if (f.severity !== 'review' || !f.missingFacts.length) continue;
      expect(f.missingFacts.every((m) => m.planPath && notShownBy(m.planPath)), `${slug}: ${f.ruleId}`).toBe(false);
    }
    const judged = new Set(n.findings.map((f) => f.ruleId));
    for (const x of n.notJudged) for (const r of x.rules) expect(judged.has(r.ruleId), r.ruleId).toBe(false);
    // A review needs a reason the notice gives: a finding to review, a fact it lacks, or something it says the plan cannot hold.
    if (n.verdict === 'review') expect(n.findings.some((f) => f.severity === 'review') || n.judgedWithout.length > 0 || n.cautions.length > 0, slug).toBe(true);
    expect(n.report?.questions.every((q) => !(q.planPath && notShownBy(q.planPath))) ?? true).toBe(true);
  });

  it('a notice whose only open points are the staff and TUPE is not a review (Nottingham 2023: compliant if the authority does its own acts)', async () => {
    const n = (await auditOf('nottingham-2023-pcr2015-light-touch-drug-alcohol')).notices[0]!;
    expect(n.verdict).toBe('compliant-if');
    expect(n.notJudged.map((x) => x.what)).toEqual(['the staff and TUPE']);
    expect(n.findings.some((f) => f.ruleId.startsWith('tupe.') && f.severity === 'review')).toBe(false);
    for (const format of ['text', 'markdown', 'json'] as const) expect(renderNotices(await auditOf('nottingham-2023-pcr2015-light-touch-drug-alcohol'), format)).toMatch(/Not judged from a notice|notJudged/);
  });
});

describe('an audit judged every way shares its work (issue 21)', () => {
  it('runs a few checks a notice, not thousands: at most 20 for any shipped notice and 6 on average', async () => {
    const counts: number[] = [];
    for (const slug of slugs) {
      const c = counting();
      await auditNoticeFiles(expectedOf(slug).files.map(read), c.checker);
      counts.push(c.checks());
      expect(c.checks(), slug).toBeLessThanOrEqual(20);
    }
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThanOrEqual(6);
  }, 60_000);

  // Readings the rule set cannot tell apart share a check, and a variant that runs the same rules with the same
  // parameters is not checked again: the outcome is that of checking every reading with every combination of values.
  const small = ['cpft-2026-psr-direct-award-c-occupational-therapy', 'nhse-2024-contracts-finder-ukphr-fees', 'norfolk-waveney-icb-2025-psr-urgent-hollies-surgery', 'durham-2025-psr-modification-0-25-family-health-dec', 'issue21-2024-psr-direct-award-c-retrospective'];
  it.each(small)('%s: gives what checking every reading and every combination gives', async (slug) => {
    const brief = (n: (typeof a.notices)[number]) => ({ verdict: n.verdict, findings: n.findings.map((f) => `${f.ruleId} ${f.severity}`).sort(), notJudged: n.notJudged, facts: n.report?.facts });
    const a = await auditOf(slug);
    const b = await auditNoticeFiles(expectedOf(slug).files.map(read), checker, undefined, undefined, { work: 'every-reading' });
    expect(brief(a.notices[0]!)).toEqual(brief(b.notices[0]!));
  }, 60_000);
});

/** A month of notices from two councils and an ICB, one line a release, a procurement's releases apart in the file. */
function month(): string {
  const other = { ...INTENTION, ocid: 'ocds-h6vhtk-0ccc01', id: '010500-2025', parties: [{ ...INTENTION.parties[0]!, name: '=Otherton, City Council' }, INTENTION.parties[1]] };
  const icb = { ...WORDS_ONLY, parties: [{ id: 'I', name: 'NHS Example Integrated Care Board', roles: ['buyer'] }] };
  return [INTENTION, other, icb, CONTRACT].map((r) => JSON.stringify(r)).join('\n') + '\n{"broken": \n';
}

describe("an auditor's view (issue 21.5)", () => {
  it('the summary by authority and by kind of defect is also CSV: a row an authority, a column a kind of defect, a row for all; a buyer is never read as a formula', async () => {
    const a = await auditNotices(month(), checker, 'month.ndjson');
    const csv = renderNotices(a, 'csv');
    expect(csv).toBe(summaryCsv(a.summary));
    const rows = parseCsv(csv) as string[][];
    const [header, ...body] = rows;
    expect(header!.slice(0, 10)).toEqual(['Authority', 'Procurements', 'Non-compliant', 'Review', 'Compliant if', 'Compliant', 'Not checked', 'Out of scope', 'Breaches found', 'Points to review']);
    // A row an authority, the buyer's name as text even where it would be a formula; then a row for all of them.
    expect(body.map((r) => r[0])).toEqual([...a.summary.byAuthority.map((b) => (b.authority.startsWith('=') ? `'${b.authority}` : b.authority)), 'All authorities']);
    expect(csv).toContain(`"'=Otherton, City Council"`);
    // A column a kind of defect: each authority's procurements that show it, and the last row adds them up.
    for (const d of a.summary.byDefect) {
      const col = header!.findIndex((h) => h.includes(`(${d.ruleId},`));
      expect(col, d.ruleId).toBeGreaterThan(9);
      a.summary.byAuthority.forEach((b, i) => expect(Number(body[i]![col])).toBe(b.defects[d.ruleId] ?? 0));
      expect(Number(body.at(-1)![col])).toBe(d.notices);
    }
    expect(a.summary.byAuthority.reduce((n, b) => n + b.breaches, 0)).toBe(a.notices.reduce((n, x) => n + new Set(x.findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId)).size, 0));
  });

  it('each procurement links its latest notice on Find a Tender (a release id is its notice id) or, from the documents, Contracts Finder; no other address', async () => {
    const a = await auditNotices(`${JSON.stringify(INTENTION)}\n${JSON.stringify(CONTRACT)}`, checker);
    expect(a.notices[0]!.url).toBe('https://www.find-tender.service.gov.uk/Notice/012000-2025');
    const cf = {
      ...INTENTION,
      ocid: 'ocds-b5fd17-0abc-1',
      id: 'ocds-b5fd17-0abc-1-2025-06-02T10:00:00Z',
      tag: ['compiled'],
      planning: { documents: [{ id: '1', url: 'https://www.contractsfinder.service.gov.uk/Notice/94ba7359-5ade-4d08-b01c-9ccc60262363', datePublished: '2025-05-01T00:00:00Z' }, { id: '2', url: 'https://evil.example/Notice/1', datePublished: '2025-06-01T00:00:00Z' }] },
    };
    expect((await auditNotices(JSON.stringify(cf), checker)).notices[0]!.url).toBe('https://www.contractsfinder.service.gov.uk/Notice/94ba7359-5ade-4d08-b01c-9ccc60262363');
    // Without a link in its documents, a Contracts Finder procurement's first notice is its ocid's last part.
    const { planning: _, ...bare } = cf;
    expect((await auditNotices(JSON.stringify(bare), checker)).notices[0]!.url).toBe('https://www.contractsfinder.service.gov.uk/Notice/0abc-1');
    // A Find a Tender procurement whose releases carry no notice id, and whose documents link none, gets no guessed address.
    const unnumbered = { ...INTENTION, id: 'release-1' };
    expect((await auditNotices(JSON.stringify(unnumbered), checker)).notices[0]!.url).toBeNull();
  });

  it('on the web page: a chart of defects by authority (an image with a title and a description in words), its numbers in the table, a CSV to download, and each row linking its notice', async () => {
    const app = await buildServer({ checker });
    const res = await app.inject({ method: 'POST', url: '/notices', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ noticeText: month() }).toString() });
    await app.close();
    expect(res.statusCode).toBe(200);
    const a = await auditNotices(month(), checker, 'month.ndjson');
    const svg = /<svg[^>]*role="img"[^>]*aria-labelledby="defects-chart-title defects-chart-desc"[\s\S]*?<\/svg>/.exec(res.body)?.[0];
    expect(svg).toBeDefined();
    expect(svg).toContain('<title id="defects-chart-title">Defects found by authority</title>');
    const desc = /<desc id="defects-chart-desc">([\s\S]*?)<\/desc>/.exec(svg!)![1]!;
    const table = /<table class="govuk-table" id="by-authority">[\s\S]*?<\/table>/.exec(res.body)![0];
    for (const b of a.summary.byAuthority.filter((x) => x.breaches + x.reviews > 0)) {
      // The same numbers in the chart's words and in the table's row.
      expect(desc).toContain(`${b.breaches} breach`);
      const row = new RegExp(`<th scope="row" class="govuk-table__header">${b.authority.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;')}</th><td class="govuk-table__cell govuk-table__cell--numeric">${b.notices}</td><td class="govuk-table__cell govuk-table__cell--numeric">${b.breaches}</td><td class="govuk-table__cell govuk-table__cell--numeric">${b.reviews}</td>`);
      expect(table).toMatch(row);
    }
    expect(res.body).toMatch(/<a class="govuk-link" download="notices-summary.csv" href="data:text\/csv;charset=utf-8,Authority%2CProcurements/);
    // Each procurement's row links its notice where the notice says one.
    for (const n of a.notices.filter((x) => x.url)) expect(res.body).toContain(`href="${n.url}"`);
  });
});

describe('a year of notices, streamed (issue 21.3)', () => {
  it('a file of a release a line is read twice and never whole: the same notices and summary as reading it whole, each handed on as it is audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'procheck-stream-'));
    try {
      const file = join(dir, 'month.ndjson');
      writeFileSync(file, month());
      const whole = await auditNotices(month(), checker, 'month.ndjson');
      const seen: string[] = [];
      const streamed = await auditNdjsonFile(file, checker, (n) => void seen.push(`${n.ocid} ${n.verdict}`));
      expect(seen).toEqual(whole.notices.map((n) => `${n.ocid} ${n.verdict}`));
      expect({ ...streamed.summary, unread: [] }).toEqual({ ...whole.summary, unread: [] });
      expect(streamed.summary.unread.map((u) => u.where)).toEqual(['line 5']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('procheck notice on one .ndjson file writes each notice as it goes: its JSON is one NoticeAudit, its text a line a notice, its CSV the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'procheck-stream-'));
    try {
      const file = join(dir, 'month.ndjson');
      writeFileSync(file, month());
      const run = async (format: string) => {
        let out = '';
        const code = await main(['notice', file, '--format', format], { out: (t) => (out += t), err: () => {}, isTTY: false });
        return { out, code };
      };
      const whole = await auditNotices(month(), checker, file);
      const json = await run('json');
      expect(json.code).toBe(11);
      const parsed = NoticeAuditSchema.parse(JSON.parse(json.out));
      expect(parsed.notices.map((n) => n.verdict)).toEqual(whole.notices.map((n) => n.verdict));
      expect({ ...parsed.summary, unread: [] }).toEqual({ ...whole.summary, unread: [] });
      const text = await run('text');
      expect(text.out.split('\n').filter((l) => /^(NON-COMPLIANT|REVIEW|COMPLIANT|NOT CHECKED)/.test(l))).toHaveLength(whole.notices.length);
      expect(text.out).toContain('By kind of defect:');
      expect((await run('csv')).out).toBe(summaryCsv({ ...whole.summary, unread: (JSON.parse(json.out) as { summary: { unread: never } }).summary.unread }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
