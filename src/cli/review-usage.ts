// The review commands' lines of the usage text (kept apart so printing usage loads none of them).
export const REVIEW_USAGE = `  procheck rules [--format text|json|md|html] [--rules <dir>] [--cases <dir>]
  procheck explain <rule-id> [<plan.json>] [--format text|md|json] [--rules <dir>] [--cases <dir>]
  procheck diff <old-rules-dir> <new-rules-dir> [--format text|md|json]`;
