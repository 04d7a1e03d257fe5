// A small client of the HTTP API, typed only by the types openapi-typescript
// generates from /openapi.json (written to ./generated/api.d.ts by the test):
// if the document's references did not resolve, these would be `any` or fail.
import type { paths } from './generated/api.js';

type CheckRequest = paths['/v1/check']['post']['requestBody']['content']['application/json'];
type CheckResponse = paths['/v1/check']['post']['responses']['200']['content']['application/json'];
type Problem = paths['/v1/check']['post']['responses']['400']['content']['application/problem+json'];
type OptionsResponse = paths['/v1/options']['post']['responses']['200']['content']['application/json'];

export const plan: CheckRequest = {
  id: 'client-example',
  title: 'Drug and alcohol treatment',
  authority: { name: 'Example Council', type: 'local-authority' },
  services: [{ description: 'Treatment and recovery', cpv: ['85312500'], healthCare: true }],
  value: { annual: 1_000_000, vatIncluded: false },
  term: { initialMonths: 60 },
  route: { regime: 'psr', process: 'competitive' },
  dates: { procurementStart: '2026-01-05', contractStart: '2026-10-01' },
  lots: undefined,
};

export async function check(base: string): Promise<CheckResponse['verdict'] | Problem['issues']> {
  const res = await fetch(`${base}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
  if (!res.ok) return ((await res.json()) as Problem).issues;
  const report = (await res.json()) as CheckResponse;
  const firstLot: string | undefined = report.lots?.[0]?.id;
  void firstLot;
  return report.verdict;
}

export const firstOption = (r: OptionsResponse): string => r.options[0]!.standing;

// @ts-expect-error a verdict the API never returns
export const wrongVerdict: CheckResponse['verdict'] = 'maybe';
// @ts-expect-error a plan must say which authority
export const noAuthority: CheckRequest = { id: 'x', title: 'x', services: [], value: { vatIncluded: true }, term: { initialMonths: 1 }, route: { regime: 'psr', process: 'competitive' }, dates: { procurementStart: '2026-01-05', contractStart: '2026-10-01' } };
