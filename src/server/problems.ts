// The kinds of problem the API reports (RFC 9457 `type` /problems/<code>),
// each with its title: what app.ts answers and openapi.ts documents.
export const PROBLEM_TITLES = {
  'invalid-plan': 'The plan is not valid',
  'invalid-notice': 'The notices are not OCDS procheck can read',
  'bad-request': 'The request is not one procheck can read',
  'not-found': 'No such route',
  'method-not-allowed': 'The route does not take this method',
  'unsupported-media-type': 'The request body is not JSON',
  'not-acceptable': 'The route cannot answer in a format the Accept header takes',
  'payload-too-large': 'The request body is too large',
  'over-limit': 'The request asks for more than procheck does in one request',
  'uri-too-long': 'The address is too long',
  busy: 'procheck is busy',
  'over-budget': 'The request needs more work than procheck does for one request',
  internal: 'procheck failed',
} as const;

export type ProblemCode = keyof typeof PROBLEM_TITLES;
