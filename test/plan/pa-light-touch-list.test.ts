// The Procurement Act's light-touch list is Table 1 of Schedule 1 to the
// Procurement Regulations 2024, which names codes one by one: a parent listed
// does not bring in the children the table leaves out.
import { describe, expect, it } from 'vitest';
import { cpvWithin } from '../../src/plan/cpv.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';

const list = loadRuleSet().params.list('pa2023.light-touch.cpv', '2026-01-01');

describe('Procurement Regulations 2024 Schedule 1 Table 1', () => {
  it.each([
    ['85312500', 'rehabilitation services'],
    ['75131000', 'government services'],
    ['79950000', 'exhibition, fair and congress organisation'],
    ['92100000', 'motion picture and video services'],
    ['92210000', 'radio services'],
    ['64112000', 'postal services related to letters'],
    ['80420000', 'e-learning services'],
  ])('%s (%s) is light touch', (code) => expect(cpvWithin(code, list)).toBe(true));

  it.each([
    ['75131100', 'general personnel services for the government'],
    ['79957000', 'auction organisation services'],
    ['92216000', 'Family Radio Services'],
    ['92217000', 'GMRS/FRS'],
    ['64121000', 'courier services'],
    ['64200000', 'telecommunications services'],
    ['98300000', 'miscellaneous services'],
    ['98511000', 'personnel supply services (Table 2, defence and security only)'],
  ])('%s (%s) is not', (code) => expect(cpvWithin(code, list)).toBe(false));
});
