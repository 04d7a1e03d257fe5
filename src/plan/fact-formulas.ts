// Derived facts written as small functions of other facts, each with the
// facts it reads: the first of the facts held as formulas (OpenFisca's
// variables, json-rules-engine's almanac facts). deriveFacts computes them
// from here, and the engine recomputes just these when it tries one of the
// authority's acts (a contract date) on a plan, rather than deriving the
// whole plan again.
import { daysBetween, monthsBetween } from './dates.js';

export type FactValue = string | number | boolean | null;
/** A fact's value by name (the catalogue's names: this module stays below the catalogue, which reads the formulas' `reads`). */
export type FactGetter = (f: string) => unknown;

export interface Formula {
  reads: readonly string[];
  compute: (get: FactGetter) => FactValue;
}

const date = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const FORMULAS = {
  /** Days between entering into the contract and the staff transfer; unknown until the plan gives the contract date. */
  daysFromAwardToTransfer: {
    reads: ['contractSigned', 'transferDate'],
    compute: (get) => {
      const signed = date(get('contractSigned'));
      const transfer = date(get('transferDate'));
      return signed && transfer ? daysBetween(signed, transfer) : null;
    },
  },
  monthsSinceOriginalContract: {
    reads: ['originalContractDate', 'contractSigned'],
    compute: (get) => {
      const original = date(get('originalContractDate'));
      const signed = date(get('contractSigned'));
      return original && signed ? monthsBetween(original, signed) : null;
    },
  },
  awardToStartMonths: {
    reads: ['awardDecision', 'contractStart'],
    compute: (get) => {
      const award = date(get('awardDecision'));
      const start = date(get('contractStart'));
      return award && start ? monthsBetween(award, start) : null;
    },
  },
  /**
   * Is the call-off (the contract entered into) made after the framework ends?
   * Known from the contract date; without it, already known to be after when
   * the procurement or the award decision, which come first, is; else unknown.
   */
  callOffAfterFrameworkEnd: {
    reads: ['frameworkEndDate', 'contractSigned', 'awardDecision', 'procurementStart'],
    compute: (get) => {
      const end = date(get('frameworkEndDate'));
      if (end === null) return null;
      const signed = date(get('contractSigned'));
      if (signed) return signed > end;
      const award = date(get('awardDecision'));
      const start = date(get('procurementStart'));
      return (start !== null && start > end) || (award !== null && award > end) ? true : null;
    },
  },
} as const satisfies Record<string, Formula>;

export type FormulaFact = keyof typeof FORMULAS;

export function formulaOf(fact: string): Formula | undefined {
  return Object.hasOwn(FORMULAS, fact) ? (FORMULAS as Record<string, Formula>)[fact] : undefined;
}
