// A result page's link: the plan itself, compressed into the address, so the
// link reproduces the result with nothing stored on the server. Long plans
// would make an address too long for some browsers and servers: past the
// limit there is no link, and the page says to download the plan instead.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { planDepthOk } from '../plan/parse.js';

/** The longest encoded plan put in a link: addresses past some 8,000 characters are cut by some proxies. */
export const PERMALINK_LIMIT = 6000;

/** The plan as a link parameter (base64url of its deflated JSON), or null when it would be too long. */
export function encodePlan(plan: unknown): string | null {
  const code = deflateRawSync(Buffer.from(JSON.stringify(plan), 'utf8'), { level: 9 }).toString('base64url');
  return code.length <= PERMALINK_LIMIT ? code : null;
}

/** The plan a link parameter holds, or null when it holds none (mangled, too long, not a plan-shaped object). */
export function decodePlan(code: string): Record<string, unknown> | null {
  if (code.length > PERMALINK_LIMIT || !/^[A-Za-z0-9_-]+$/.test(code)) return null;
  try {
    const value: unknown = JSON.parse(inflateRawSync(Buffer.from(code, 'base64url'), { maxOutputLength: 1024 * 1024 }).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) && planDepthOk(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
