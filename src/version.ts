export const PROCHECK_VERSION = '0.1.0';
