// Reason text: "{{lifetimeValue|gbp}}" and "{{param:psr.considerable-change.min-increase|gbp}}"
// placeholders filled with the plan's actual values, so a lawyer reads the
// numbers the rule saw.
import { longDate } from '../calendar/civil-date.js';
import { shownAs } from '../text/untrusted.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';

export type Format = 'gbp' | 'date' | 'days' | 'months' | 'years' | 'pct' | 'text' | 'yesno' | 'route';
const FORMATS = new Set<string>(['gbp', 'date', 'days', 'months', 'years', 'pct', 'text', 'yesno', 'route']);

export interface Placeholder {
  raw: string;
  fact?: string;
  param?: string;
  format: Format;
}

const PATTERN = /\{\{\s*([^}|]+?)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;

export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PATTERN)].map((m) => {
    const name = m[1]!;
    const format = (m[2] && FORMATS.has(m[2]) ? m[2] : 'text') as Format;
    return name.startsWith('param:')
      ? { raw: m[0], param: name.slice('param:'.length), format }
      : { raw: m[0], fact: name, format };
  });
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

export function formatValue(value: unknown, format: Format): string {
  if (value === null || value === undefined) return 'unknown';
  switch (format) {
    case 'gbp':
      return typeof value === 'number' ? gbp.format(value) : shownAs(value);
    case 'date':
      return typeof value === 'string' ? longDate(value) : shownAs(value);
    case 'days':
      return typeof value === 'number' ? `${value} day${value === 1 ? '' : 's'}` : shownAs(value);
    case 'months':
      return typeof value === 'number' ? `${value} month${value === 1 ? '' : 's'}` : shownAs(value);
    case 'years':
      return typeof value === 'number' ? `${value} year${value === 1 ? '' : 's'}` : shownAs(value);
    case 'pct':
      return typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : shownAs(value);
    case 'yesno':
      return value === true ? 'yes' : value === false ? 'no' : shownAs(value);
    case 'route': {
      // A process code in the words an officer knows it by, inside a sentence ("PSR competitive process", "open procedure").
      const label = typeof value === 'string' ? (PROCESS_LABELS as Record<string, string>)[value] : undefined;
      if (!label) return shownAs(value);
      return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
    }
    case 'text':
      return shownAs(value);
  }
}

export function render(
  template: string,
  fact: (name: string) => unknown,
  param: (id: string) => unknown,
): string {
  return template.replace(PATTERN, (_raw, name: string, fmt: string | undefined) => {
    const format = (fmt && FORMATS.has(fmt) ? fmt : 'text') as Format;
    const value = name.startsWith('param:') ? param(name.slice('param:'.length)) : fact(name);
    return formatValue(value, format);
  });
}
