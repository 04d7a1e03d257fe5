// What several sections say of the plan itself: its services, and what a
// sentence about its route traces to.
import type { Plan } from '../plan/schema.js';
import type { DraftTrace } from './schema.js';
import { list } from './words.js';
import { trace, type DecisionContext } from './context.js';

/** A service's description inside a sentence: its first letter lower-case unless it starts a name or an abbreviation ("NHS"). */
export function inSentence(s: string): string {
  const t = s.trim();
  return /^([A-Z][a-z]|A )/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

export function serviceWords(plan: Plan): string {
  return list(plan.services.map((s) => inSentence(s.description)));
}

/** The route's own rules (how it runs) where the check gives them, else the plan's route. */
export function routeTraces(d: DecisionContext): DraftTrace[] {
  const own = d.report.route.filter((r) => !r.ruleId.startsWith('timetable.'));
  return own.length ? own.map((r) => trace(d, 'route', r.ruleId, r.lot)) : [trace(d, 'plan', 'route.process')];
}
