// NDJSON (JSON Lines): one plan per line. A line that is not JSON spoils only
// itself, so the rest of the register can still be checked.
import type { RegisterRow } from './rows.js';

const BOM = '\uFEFF';

export function parseNdjson(text: string): RegisterRow[] {
  const src = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const rows: RegisterRow[] = [];
  src.split('\n').forEach((raw, index) => {
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (body.trim() === '') return;
    const line = index + 1;
    try {
      rows.push({ line, plan: JSON.parse(body) });
    } catch (e) {
      rows.push({ line, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] });
    }
  });
  return rows;
}
