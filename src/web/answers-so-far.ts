// The officer's own answers so far, read to choose the next questions: which
// process, under which rules, on which ground. Only what the officer chose
// is read here; what the law makes of it is the rule set's business.

/** A plan as the question pages build it: partial, and not yet validated. */
export type PlanSoFar = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const part = (plan: PlanSoFar, key: string): Record<string, unknown> => (isObject(plan[key]) ? plan[key] : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The process, procedure or change chosen ('' before the route page is answered). */
export const processOf = (plan: PlanSoFar): string => text(part(plan, 'route').process);

/** The rules the officer says the plan follows: psr, pcr2015, pa2023, auto, or '' not yet said. */
export const regimeOf = (plan: PlanSoFar): string => text(part(plan, 'route').regime);

/**
 * Whether the plan may follow `regime` on the officer's answers: they named
 * it, or left the choice to procheck ("auto") or have not said, so every
 * regime's questions still apply.
 */
export const mayFollow = (plan: PlanSoFar, regime: 'psr' | 'pcr2015' | 'pa2023'): boolean => ['', 'auto', regime].includes(regimeOf(plan));

/** The ground chosen for an award without competition ('' when none is chosen, or it is not known). */
export const groundOf = (plan: PlanSoFar): string => text(part(plan, 'justification').ground);

/** How the call-off from a framework is made ('' when not said). */
export const callOffOf = (plan: PlanSoFar): string => text(part(plan, 'frameworkAgreement').callOff);

/** A yes-no answer: true, false, or undefined when not given or not known. */
export const answerAt = (plan: PlanSoFar, group: string, field: string): boolean | undefined => {
  const v = part(plan, group)[field];
  return typeof v === 'boolean' ? v : undefined;
};

export const isOneOf =
  (...processes: string[]) =>
  (plan: PlanSoFar): boolean =>
    processes.includes(processOf(plan));
