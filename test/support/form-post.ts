/** A form posted the way a browser posts it (application/x-www-form-urlencoded), for Fastify's inject; a list is the field repeated. */
export const form = (values: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) body.append(k, x);
  return { method: 'POST' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() };
};
