// The limits of one request: each input that drives work or output has one,
// documented here, in the OpenAPI document and in src/server/README.md, and
// refused past it with a problem naming the field.

/** Largest request body for a plan or options (a plan is a few kilobytes). */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/** A file of notices may be a week of releases: larger than any plan. */
export const NOTICE_BODY_LIMIT = 32 * 1_048_576;

/**
 * The most releases one request of notices may hold: a week or two of a buyer's notices. A year of them is for
 * `procheck notice` on the command line, which has no such limit.
 */
export const NOTICE_RELEASES_LIMIT = 1000;
