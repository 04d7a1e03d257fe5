// Loading the rule set: the only I/O the core does. Every file is validated
// with zod and then checked for references (facts, parameters, steps,
// placeholders) so that a broken file fails at load with its name, the rule id
// and the path, never half-way through checking a plan.
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { packageDir } from '../package-dir.js';
import type { z } from 'zod';
import { ParamFile, ParamTable, type ParamDefinition } from '../law/params.js';
import { Operator, RuleFile, type ConditionT, type RuleDefinition, type StepDefinition } from './rule-schema.js';
import { withinDepth } from '../plan/json-depth.js';
import { isFactName } from '../plan/fact-catalogue.js';
import { placeholders } from '../report/format.js';
import { parseBankHolidayFile, type BankHolidayFile } from '../calendar/holiday-data.js';
import { OverlayFile, overlayPrefix, type Overlay } from './overlay.js';
import { inlineNamedConditions } from './named-conditions.js';
import { RuleSetError, type RuleSet } from './rule-set-model.js';
import { readSnapshot } from './rule-set-snapshot.js';

export { RuleSetError, type RuleSet } from './rule-set-model.js';

export const DEFAULT_RULES_DIR = packageDir('rules');

const HOLIDAY_FILE = join('params', 'bank-holidays.json');
const LOCAL_DIR = `local${sep}`;

/**
 * The JSON files under `dir`, in a stable order. A folder reached twice (a
 * symbolic link back up the tree) or a link that cannot be followed is
 * refused by name, rather than walked for ever or crashing.
 */
function listJsonFiles(dir: string, root = dir, seen = new Set<string>()): string[] {
  const label = (p: string) => relative(root, p) || '.';
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    throw new RuleSetError(label(dir), [`cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}${(e as NodeJS.ErrnoException).code === 'ELOOP' ? ' (a symbolic link loop)' : ''}`]);
  }
  if (seen.has(real)) throw new RuleSetError(label(dir), ['is a folder already read (a symbolic link loop in the rules folder)']);
  seen.add(real);
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new RuleSetError(label(full), [`cannot be read: ${code ?? (e as Error).message}${code === 'ELOOP' ? ' (a symbolic link loop)' : ''}`]);
      }
      if (isDir) return listJsonFiles(full, root, seen);
      return name.endsWith('.json') ? [full] : [];
    });
}

/** Deeper than any rule file needs (a rule's conditions run a few levels; 64 leaves room), and shallow enough to walk safely. */
const MAX_RULE_FILE_DEPTH = 64;

/** Which rule of a file is the too-deep one, for the message. */
function deepestRule(json: unknown): string {
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (Array.isArray(rules))
    for (const [i, r] of rules.entries())
      if (!withinDepth(r, MAX_RULE_FILE_DEPTH - 2)) return `rule ${typeof (r as { id?: unknown })?.id === 'string' ? `"${(r as { id: string }).id}" ` : ''}at rules.${i}`;
  return 'the file';
}

/** Conditions naming an operator the engine does not have, by name (zod would say only "Invalid input"). */
function unknownOperators(json: unknown): string[] {
  const known = new Set<string>(Operator.options);
  const problems: string[] = [];
  const stack: { v: unknown; path: string; rule?: string }[] = [{ v: json, path: '' }];
  while (stack.length) {
    const { v, path, rule } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const id = !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string' && /^rules\.\d+$/.test(path) ? (v as { id: string }).id : rule;
    if (!Array.isArray(v) && 'operator' in v && 'fact' in v) {
      const op = (v as { operator: unknown }).operator;
      if (typeof op === 'string' && !known.has(op))
        problems.push(`${id ? `rule "${id}" at ` : 'at '}${path}.operator: unknown operator "${op}" (the engine has ${[...known].join(', ')})`);
    }
    for (const [k, child] of Object.entries(v)) stack.push({ v: child, path: path ? `${path}.${k}` : k, rule: id });
  }
  return problems.reverse();
}

function readJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
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
    ...(rule.holds ?? []).map((h, i) => [`holds.${i}.when`, h.when] as [string, ConditionT | undefined]),
    ...(rule.readings ?? []).map((r, i) => [`readings.${i}.when`, r.when] as [string, ConditionT | undefined]),
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
  // Every text with placeholders: a name the loader does not know would print "unknown" where a figure belongs.
  const texts: [string, string | undefined][] = [
    ['reason', rule.reason],
    ['openReason', rule.openReason],
    ['asCondition', rule.asCondition],
    ...(rule.holds ?? []).map((h, i) => [`holds.${i}.text`, h.text] as [string, string]),
    ...(rule.readings ?? []).map((r, i) => [`readings.${i}.text`, r.text] as [string, string]),
  ];
  for (const [at, text] of texts)
    for (const ph of text ? placeholders(text) : []) {
      if (ph.param !== undefined && !params.has(ph.param)) problems.push(`${where(at)}: unknown parameter "${ph.param}"`);
      if (ph.fact !== undefined && !isFactName(ph.fact)) problems.push(`${where(at)}: unknown fact "${ph.fact}"`);
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

const REGIMES = ['psr', 'pcr2015', 'pa2023'] as const;

/** The steps a step's dates are taken from: the step it waits for ("{regime}" read as each regime) and its window's. */
function stepRefs(step: StepDefinition): { path: string; ids: string[] }[] {
  const refs: { path: string; ids: string[] }[] = [];
  const until = step.timing?.until?.step;
  if (until) refs.push({ path: 'timing.until.step', ids: until.includes('{regime}') ? REGIMES.map((r) => until.replace('{regime}', r)) : [until] });
  for (const side of ['earliest', 'latest'] as const)
    (step.window?.[side] ?? []).forEach((ref, i) => {
      if ('step' in ref) refs.push({ path: `window.${side}.${i}.step`, ids: [ref.step] });
    });
  return refs;
}

/**
 * Every step a step names must exist (for "{regime}", in at least one
 * regime), and no step may wait for itself through any chain of others: a
 * date that depends on itself has no value.
 */
function stepGraphProblems(steps: Map<string, StepDefinition>): { step: string; problem: string }[] {
  const problems: { step: string; problem: string }[] = [];
  const edges = new Map<string, string[]>();
  for (const step of steps.values()) {
    const out: string[] = [];
    for (const ref of stepRefs(step)) {
      const known = ref.ids.filter((id) => steps.has(id));
      if (known.length === 0)
        problems.push({ step: step.id, problem: `step "${step.id}" at ${ref.path}: unknown step "${ref.ids.length > 1 ? ref.ids.join('" or "') : ref.ids[0]}"` });
      out.push(...known);
    }
    edges.set(step.id, out);
  }
  // Depth-first search, without recursion, for a path back to a step on the current path.
  const state = new Map<string, 'open' | 'done'>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    path.push(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const out = edges.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const to = out[top.next++]!;
      if (state.get(to) === 'open') {
        const cycle = [...path.slice(path.indexOf(to)), to];
        problems.push({ step: to, problem: `steps ${cycle.map((c) => `"${c}"`).join(' -> ')} wait for each other in a cycle (timing.until or window): no date can be worked out` });
      } else if (!state.has(to)) {
        state.set(to, 'open');
        path.push(to);
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return problems;
}

/** Each rule a step's missedBy names must exist (an overlay's steps may name its own rules). */
function missedByProblems(step: StepDefinition, ruleExists: (id: string) => boolean): string[] {
  return (step.missedBy ?? []).flatMap((id, i) => (ruleExists(id) ? [] : [`step "${step.id}" at missedBy.${i}: unknown rule "${id}"`]));
}

/**
 * The rule set in `dir`, validated. Every file is read and hashed each time;
 * when the hash is that of the snapshot the build validated and wrote beside
 * the compiled code (the shipped rules, unchanged), the snapshot is used as
 * it is, which saves a cold start most of its time. Any other rule set, or
 * any change to a rule file, is validated in full.
 */
export function loadRuleSet(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const files = listJsonFiles(dir).map((file) => {
    const label = relative(dir, file);
    return { file, label, text: readFileSync(file, 'utf8') };
  });
  const hash = createHash('sha256');
  for (const { label, text } of files) hash.update(label.split(sep).join('/')).update('\0').update(text).update('\0');
  const version = `sha256:${hash.digest('hex').slice(0, 16)}`;
  return (dir === DEFAULT_RULES_DIR && readSnapshot(version)) || validateRuleSet(files, version);
}

/** Every file checked, then every reference: the rule set, or a RuleSetError naming the file and the rule. */
function validateRuleSet(files: { file: string; label: string; text: string }[], version: string): RuleSet {
  const paramDefs: ParamDefinition[] = [];
  const ruleFileData: { label: string; file: z.output<typeof RuleFile> }[] = [];
  const overlayData: { label: string; file: z.output<typeof OverlayFile> }[] = [];
  let holidays: BankHolidayFile | undefined;

  for (const { label, text } of files) {
    const json = readJson(text, label);
    // Refused before anything walks it: a file nested far deeper than a rule needs would overflow the stack.
    if (!withinDepth(json, MAX_RULE_FILE_DEPTH)) throw new RuleSetError(label, [`${deepestRule(json)}: nested more than ${MAX_RULE_FILE_DEPTH} levels deep; no rule needs so many`]);
    const operators = unknownOperators(json);
    if (operators.length) throw new RuleSetError(label, operators);
    if (label === HOLIDAY_FILE) {
      const read = parseBankHolidayFile(json);
      if ('problems' in read) throw new RuleSetError(label, read.problems);
      holidays = read.file;
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
  const stepFiles = new Map(ruleFileData.flatMap(({ label, file }) => file.steps.map((st) => [st.id, label] as const)));
  const graph = stepGraphProblems(steps);
  if (graph.length) throw new RuleSetError(stepFiles.get(graph[0]!.step) ?? 'steps', graph.map((g) => g.problem));
  for (const overlay of overlays.values()) {
    const own = stepGraphProblems(new Map([...steps, ...overlay.steps.map((st) => [st.id, st] as const)]));
    if (own.length) throw new RuleSetError(overlay.file, own.map((g) => g.problem));
  }

  return { version, rules, steps, params, holidays, ruleFiles, overlays };
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
