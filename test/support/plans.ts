// Plans for tests: a base plan with every fact known that no rule objects to,
// and a deep-merge to vary one fact at a time.
import type { PlanInput } from '../../src/plan/schema.js';

type Json = unknown;

export type Patch = Record<string, unknown>;

/** Rule tests over one base plan: rule id -> [a patch that fires it, a patch that does not]. */
export interface RuleSuite {
  /** Short id, and the file the suite is written in (test/rules/<id>.cases.ts). */
  id: string;
  name: string;
  /** The base plan (compliant: no finding above info) with a patch applied. */
  plan: (patch?: Patch) => PlanInput;
  cases: Record<string, [Patch, Patch]>;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge; arrays and scalars replace; `undefined` in the patch deletes the key. */
export function merge<T>(base: T, patch: Json): T {
  if (!isObject(base) || !isObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, Json> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isObject(out[k]) && isObject(v) ? merge(out[k], v) : v;
  }
  return out as T;
}

/** A PSR competitive process for a council drug and alcohol service, with every fact stated. */
export const basePsrCompetitive: PlanInput = {
  id: 'test-psr-competitive',
  title: 'Adult drug and alcohol treatment',
  authority: { name: 'Test City Council', type: 'local-authority' },
  services: [{ description: 'Drug and alcohol treatment and recovery', cpv: ['85312500'], healthCare: true }],
  value: { annual: 1_000_000, vatIncluded: false },
  term: { initialMonths: 60, extensions: [{ months: 24, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'psr', process: 'competitive' },
  dates: {
    procurementStart: '2025-05-01',
    awardDecision: '2025-11-03',
    contractSigned: '2025-12-01',
    contractStart: '2026-04-01',
  },
  incumbent: {
    provider: 'Current Provider',
    contractEnd: '2026-03-31',
    awardedUnder: 'pcr2015',
    satisfyingContract: true,
    likelyToSatisfyNewContract: true,
    extensionRemainingMonths: 0,
    originalLifetimeValue: 5_000_000,
  },
  staff: { assignedToService: false, activitiesFundamentallyChanged: false, pensionSchemes: [] },
  // Direct award A and B are mandatory where their conditions hold (PSR reg 6(3)-(4)), so a plan says they do not.
  directAward: { onlyProviderCapable: false, patientChoiceService: false },
  governance: {
    conflictsOfInterestManaged: true,
    recordsKept: true,
    keyCriteriaConsidered: true,
    basicSelectionCriteriaApplied: true,
  },
};

export function plan(patch: Json = {}): PlanInput {
  return merge(basePsrCompetitive, patch);
}

/** Direct award C to a satisfying incumbent with no considerable change. */
export const directAwardC = {
  route: { process: 'direct-award-c' },
  directAward: { materiallyDifferent: false, changeAttributableToAuthority: true, replacesExpiringContract: true, onlyProviderCapable: false, patientChoiceService: false },
  value: { annual: 1_000_000 },
  term: { initialMonths: 36, extensions: [] },
  incumbent: { originalLifetimeValue: 3_000_000 },
};

/** A PSR modification provided for in the contract. */
export const modification = {
  route: { process: 'modification' },
  incumbent: { awardedUnder: 'psr', awardedBy: 'competitive' },
  change: {
    description: 'Add a hospital liaison post',
    effectiveDate: '2025-10-01',
    valueChange: 100_000,
    providedForInContract: true,
    materiallyDifferent: false,
    attributableToAuthority: true,
    externalFactors: false,
    providerSuccessionOnly: false,
  },
};
