/** A command used wrongly: main prints the message and the usage, and exits 21. */
export class UsageError extends Error {}
