// Loading the rule set: the only I/O the core does. Every file is validated
// with zod and then checked for references (facts, parameters, steps,
// placeholders) so that a broken file fails at load with its name, the rule id
// and the path, never half-way through checking a plan.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { packageDir } from '../package-dir.js';
import type { z } from 'zod';
import { ParamFile, ParamTable, type ParamDefinition } from './params.js';
import { RuleFile, type ConditionT, type RuleDefinition, type StepDefinition } from './rule-schema.js';
import { isFactName } from '../plan/fact-catalogue.js';
import { placeholders } from './template.js';
import { parseBankHolidayFile, type BankHolidayFile } from '../calendar/holiday-data.js';
import { OverlayFile, overlayPrefix, type Overlay } from './overlay.js';
import { inlineNamedConditions } from './named-conditions.js';

export interface RuleSet {
  /** Content hash of every file in the rule set: two reports with the same version were judged by the same law. */
  version: string;
  rules: RuleDefinition[];
  steps: Map<string, StepDefinition>;
  params: ParamTable;
  holidays: BankHolidayFile;
  /** Which file each rule came from, relative to the rule set root. */
  ruleFiles: Map<string, string>;
  /** Local contract procedure rules (rules/local/), by overlay id: applied only to plans that name one (authority.overlay). */
  overlays: Map<string, Overlay>;
}

export class RuleSetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Rule set error in ${file}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RuleSetError';
  }
}

export const DEFAULT_RULES_DIR = packageDir('rules');

const HOLIDAY_FILE = join('params', 'bank-holidays.json');
const LOCAL_DIR = `local${sep}`;

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return listJsonFiles(full);
      return name.endsWith('.json') ? [full] : [];
    });
}

function readJson(file: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RuleSetError(label, [`not valid JSON: ${(e as Error).message}`]);
  }
}

function zodProblems(error: z.ZodError, describe: (path: PropertyKey[]) => string): string[] {
  return error.issues.map((i) => `${describe(i.path)}: ${i.message}`);
}

/** Names the rule (by id) a zod path points into, so an author can find it. */
function describeRulePath(json: unknown, path: PropertyKey[]): string {
  const [list, index] = path;
  const items = (json as Record<string, unknown> | null)?.[String(list)];
  const id = Array.isArray(items) && typeof index === 'number' ? (items[index] as { id?: unknown } | undefined)?.id : undefined;
  const where = path.map(String).join('.');
  return typeof id === 'string' ? `${String(list).replace(/s$/, '')} "${id}" at ${where}` : `at ${where || '(root)'}`;
}

function* conditionFacts(c: ConditionT, path: string): Generator<{ fact: string; param?: string; valueFact?: string; path: string }> {
  if ('all' in c) for (const [i, x] of c.all.entries()) yield* conditionFacts(x, `${path}.all.${i}`);
  else if ('any' in c) for (const [i, x] of c.any.entries()) yield* conditionFacts(x, `${path}.any.${i}`);
  else if ('not' in c) yield* conditionFacts(c.not, `${path}.not`);
  else {
    const v = c.value;
    const ref = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    yield {
      fact: c.fact,
      path,
      ...(ref && 'param' in ref ? { param: ref.param } : {}),
      ...(ref && 'fact' in ref ? { valueFact: ref.fact } : {}),
    };
  }
}

function checkReferences(
  rule: RuleDefinition,
  params: ParamTable,
  steps: Map<string, StepDefinition>,
): string[] {
  const problems: string[] = [];
  const where = (p: string) => `rule "${rule.id}" at ${p}`;
  const conds: [string, ConditionT | undefined][] = [
    ['appliesWhen', rule.appliesWhen],
    ['conditions', rule.conditions],
  ];
  for (const [name, cond] of conds) {
    if (!cond) continue;
    for (const ref of conditionFacts(cond, name)) {
      if (!isFactName(ref.fact)) problems.push(`${where(ref.path)}: unknown fact "${ref.fact}"`);
      if (ref.valueFact && !isFactName(ref.valueFact)) problems.push(`${where(ref.path)}: unknown fact "${ref.valueFact}"`);
      if (ref.param && !params.has(ref.param)) problems.push(`${where(ref.path)}: unknown parameter "${ref.param}"`);
    }
  }
  for (const [i, s] of rule.steps.entries())
    if (!steps.has(s)) problems.push(`${where(`steps.${i}`)}: unknown step "${s}"`);
  for (const [i, s] of (rule.instead?.steps ?? []).entries())
    if (!steps.has(s)) problems.push(`${where(`instead.steps.${i}`)}: unknown step "${s}"`);
  for (const ph of placeholders(rule.reason)) {
    if (ph.param !== undefined && !params.has(ph.param)) problems.push(`${where('reason')}: unknown parameter "${ph.param}"`);
    if (ph.fact !== undefined && !isFactName(ph.fact)) problems.push(`${where('reason')}: unknown fact "${ph.fact}"`);
  }
  return problems;
}

function checkStep(step: StepDefinition, params: ParamTable): string[] {
  const t = step.timing;
  if (!t) return [];
  const problems: string[] = [];
  if (!isFactName(t.anchor)) problems.push(`step "${step.id}" at timing.anchor: unknown fact "${t.anchor}"`);
  if (t.amount && !params.has(t.amount.param)) problems.push(`step "${step.id}" at timing.amount: unknown parameter "${t.amount.param}"`);
  return problems;
}

/** Each rule a step's missedBy names must exist (an overlay's steps may name its own rules). */
function missedByProblems(step: StepDefinition, ruleExists: (id: string) => boolean): string[] {
  return (step.missedBy ?? []).flatMap((id, i) => (ruleExists(id) ? [] : [`step "${step.id}" at missedBy.${i}: unknown rule "${id}"`]));
}

export function loadRuleSet(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const files = listJsonFiles(dir);
  const hash = createHash('sha256');
  const paramDefs: ParamDefinition[] = [];
  const ruleFileData: { label: string; file: z.output<typeof RuleFile> }[] = [];
  const overlayData: { label: string; file: z.output<typeof OverlayFile> }[] = [];
  let holidays: BankHolidayFile | undefined;

  for (const file of files) {
    const label = relative(dir, file);
    const text = readFileSync(file, 'utf8');
    hash.update(label.split(sep).join('/')).update('\0').update(text).update('\0');
    const json = readJson(file, label);
    if (label === HOLIDAY_FILE) {
      holidays = parseBankHolidayFile(json, label);
    } else if (label.startsWith(`params${sep}`)) {
      const parsed = ParamFile.safeParse(json);
      if (!parsed.success) throw new RuleSetError(label, zodProblems(parsed.error, (p) => describeRulePath(json, p)));
      paramDefs.push(...parsed.data.params);
    } else if (label.startsWith(LOCAL_DIR)) {
      const parsed = OverlayFile.safeParse(json);
      if (!parsed.success) throw new RuleSetError(label, zodProblems(parsed.error, (p) => describeRulePath(json, p)));
      overlayData.push({ label, file: parsed.data });
    } else {
      const inlined = inlineNamedConditions(json);
      if (inlined.problems.length) throw new RuleSetError(label, inlined.problems);
      const parsed = RuleFile.safeParse(inlined.file);
      if (!parsed.success) throw new RuleSetError(label, zodProblems(parsed.error, (p) => describeRulePath(inlined.file, p)));
      ruleFileData.push({ label, file: parsed.data });
    }
  }
  if (!holidays) throw new RuleSetError(HOLIDAY_FILE, ['missing: the working-day calendar needs it']);

  const seenParams = new Set<string>();
  for (const p of paramDefs) {
    if (seenParams.has(p.id)) throw new RuleSetError('params', [`parameter "${p.id}" is defined twice`]);
    seenParams.add(p.id);
  }
  const params = new ParamTable(paramDefs);

  const steps = new Map<string, StepDefinition>();
  for (const { label, file } of ruleFileData) {
    const problems = file.steps.flatMap((s) => (steps.has(s.id) ? [`step "${s.id}" is defined twice`] : checkStep(s, params)));
    if (problems.length) throw new RuleSetError(label, problems);
    for (const s of file.steps) steps.set(s.id, s);
  }

  // Every problem in a file is reported at once, so an author fixes them in one pass.
  const rules: RuleDefinition[] = [];
  const ruleFiles = new Map<string, string>();
  for (const { label, file } of ruleFileData) {
    const problems: string[] = [];
    for (const r of file.rules) {
      if (ruleFiles.has(r.id)) problems.push(`rule "${r.id}" is also defined in ${ruleFiles.get(r.id)}`);
      if (r.regime === 'local') problems.push(`rule "${r.id}" at regime: "local" is only for the overlays under rules/local/`);
      problems.push(...checkReferences(r, params, steps));
      ruleFiles.set(r.id, label);
      rules.push(r);
    }
    if (problems.length) throw new RuleSetError(label, problems);
  }

  const overlays = new Map<string, Overlay>();
  for (const { label, file } of overlayData) {
    const overlay = loadOverlay(label, file, params, steps, ruleFiles);
    if (overlays.has(overlay.id)) throw new RuleSetError(label, [`overlay "${overlay.id}" is also defined in ${overlays.get(overlay.id)!.file}`]);
    overlays.set(overlay.id, overlay);
  }
  for (const { label, file } of ruleFileData) {
    const problems = file.steps.flatMap((s) => missedByProblems(s, (id) => ruleFiles.has(id)));
    if (problems.length) throw new RuleSetError(label, problems);
  }

  return { version: `sha256:${hash.digest('hex').slice(0, 16)}`, rules, steps, params, holidays, ruleFiles, overlays };
}

/**
 * An overlay is checked against the law's facts, parameters and steps plus its
 * own: its ids carry its prefix, so no other file can reference them, and its
 * rules are regime "local" (they run only for plans that name it).
 */
function loadOverlay(
  label: string,
  file: z.output<typeof OverlayFile>,
  lawParams: ParamTable,
  lawSteps: Map<string, StepDefinition>,
  lawRuleFiles: Map<string, string>,
): Overlay {
  const problems: string[] = [];
  const prefix = overlayPrefix(file.id);
  const name = label.split(sep).pop()!.replace(/\.json$/, '');
  if (file.id !== name) problems.push(`at id: overlay id "${file.id}" must be the file name ("${name}")`);
  const prefixed = (kind: string, list: { id: string }[], path: string) =>
    list.forEach((x, i) => {
      if (!x.id.startsWith(prefix)) problems.push(`${kind} "${x.id}" at ${path}.${i}.id: must start with "${prefix}"`);
    });
  prefixed('param', file.params, 'params');
  prefixed('step', file.steps, 'steps');
  prefixed('rule', file.rules, 'rules');

  const ownParams = new Set<string>();
  for (const p of file.params) {
    if (ownParams.has(p.id) || lawParams.has(p.id)) problems.push(`param "${p.id}" is defined twice`);
    ownParams.add(p.id);
  }
  const params = new ParamTable([...lawParams.all(), ...file.params]);
  const steps = new Map(lawSteps);
  for (const s of file.steps) {
    if (steps.has(s.id)) problems.push(`step "${s.id}" is defined twice`);
    else problems.push(...checkStep(s, params));
    steps.set(s.id, s);
  }
  const ids = new Set<string>();
  for (const [i, r] of file.rules.entries()) {
    if (ids.has(r.id) || lawRuleFiles.has(r.id)) problems.push(`rule "${r.id}" is defined twice`);
    ids.add(r.id);
    if (r.regime !== 'local') problems.push(`rule "${r.id}" at rules.${i}.regime: an overlay's rules are regime "local", not "${r.regime}"`);
    if (r.scope !== 'in-scope') problems.push(`rule "${r.id}" at rules.${i}.scope: an overlay's rules run only for plans in scope ("in-scope")`);
    problems.push(...checkReferences(r, params, steps));
  }
  const own = new Set(file.rules.map((r) => r.id));
  for (const s of file.steps) problems.push(...missedByProblems(s, (id) => own.has(id) || lawRuleFiles.has(id)));
  if (problems.length) throw new RuleSetError(label, problems);
  return {
    id: file.id,
    authority: file.authority,
    example: file.example,
    description: file.description,
    source: file.source,
    file: label,
    params: file.params,
    rules: file.rules,
    steps: file.steps,
  };
}
