// Every rule suite: the unit tests of the rule set, and the source of the
// rule tests the review pack shows (cases/rule-tests/rule-tests.json, `npm run docs`).
import { PSR_SUITE } from './psr.cases.js';
import { PCR2015_SUITE } from './pcr2015.cases.js';
import { PA2023_SUITE } from './pa2023.cases.js';

export const SUITES = [PSR_SUITE, PCR2015_SUITE, PA2023_SUITE];
