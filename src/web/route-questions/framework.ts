// A call-off from a framework agreement: which framework, whether the
// authority may use it and how the call-off is made. Which facts decide it
// is read from the rule set (the call-off rules of rules/pcr2015/frameworks.json,
// rules/pa2023/frameworks.json and, for health care services, rules/psr/processes.json).
import { callOffOf, isOneOf, mayFollow, regimeOf, type PlanSoFar } from '../answers-so-far.js';
import { yesNo, type QuestionPage } from './types.js';

/** The provisions of the regime the officer names; of both where the framework's own rules decide. */
const law = (pcr: string, pa: string) => (p: PlanSoFar) =>
  regimeOf(p) === 'pcr2015' ? `PCR 2015 ${pcr}` : regimeOf(p) === 'pa2023' ? `Procurement Act 2023 ${pa}` : `PCR 2015 ${pcr}; Procurement Act 2023 ${pa}`;
/** As `law`, with the PSR's provision first where the plan may follow the PSR (a call-off for health care services). */
const lawWithPsr = (psr: string, pcr: string, pa: string) => (p: PlanSoFar) =>
  regimeOf(p) === 'psr' ? `PSR ${psr}` : mayFollow(p, 'psr') ? `PSR ${psr}; ${law(pcr, pa)(p)}` : law(pcr, pa)(p);

export function frameworkPages(): QuestionPage[] {
  return [
    {
      id: 'framework',
      title: 'The framework agreement',
      when: isOneOf('framework-call-off'),
      fields: [
        {
          name: 'frameworkAgreement.name',
          label: 'Which framework agreement will you call off from?',
          kind: 'text',
          hint: 'Its name and reference, for example a Crown Commercial Service framework.',
          missing: 'Enter the name of the framework agreement',
          why: 'A call-off is judged by the framework it is made under.',
        },
        {
          name: 'frameworkAgreement.awardedUnder',
          label: 'Which rules was the framework set up under?',
          kind: 'select',
          options: [
            { value: '', label: 'Not known' },
            { value: 'psr', label: 'Provider Selection Regime 2023' },
            { value: 'pcr2015', label: 'Public Contracts Regulations 2015' },
            { value: 'pa2023', label: 'Procurement Act 2023' },
            { value: 'pcr2006', label: 'Public Contracts Regulations 2006' },
            { value: 'other', label: 'Other' },
          ],
          why: 'A call-off follows the rules the framework was let under, whenever the call-off is made (Procurement Act 2023 section 45 and its commencement regulations).',
        },
        {
          name: 'frameworkAgreement.endDate',
          label: 'What is the last day the framework can be used?',
          kind: 'date',
          why: (p) => `A call-off after the framework has ended is not a call-off at all (${law('regulation 33(2)-(3)', 'sections 45(5) and 47')(p)}).`,
        },
        yesNo({
          name: 'frameworkAgreement.authorityEntitled',
          label: 'Is your authority named in the framework, or clearly identified, as able to use it?',
          why: (p) => `Only an authority identified in the framework may call off from it (${law('regulation 33(5)', 'section 45(5)(f)')(p)}).`,
        }),
        {
          name: 'frameworkAgreement.callOff',
          label: 'How will you award the call-off?',
          kind: 'radios',
          notKnown: true,
          options: [
            { value: 'direct', label: 'Directly, on the framework\'s terms' },
            { value: 'mini-competition', label: 'By a further competition among the framework\'s suppliers (a mini-competition)' },
          ],
          why: (p) => `A framework sets how its contracts are awarded (${law('regulation 33(7)-(8)', 'sections 45-46')(p)}).`,
        },
        yesNo({
          name: 'frameworkAgreement.singleOperator',
          label: 'Is the framework agreement with a single supplier?',
          hint: 'Count the suppliers party to it now, including any added since it was set up.',
          when: (p) => callOffOf(p) !== 'mini-competition',
          why: (p) =>
            `A framework with one supplier is called off within its limits; one with several only directly where it sets how the supplier is chosen (${lawWithPsr('regulation 18(3)-(4)', 'regulation 33(7)-(8)', 'sections 45-46')(p)}).`,
        }),
        yesNo({
          name: 'frameworkAgreement.termsAllowDirectAward',
          label: 'Does the framework allow a call-off without a competition, setting out the terms and the way of choosing the provider for one?',
          when: (p) => callOffOf(p) !== 'mini-competition',
          why: (p) =>
            `A direct call-off is only allowed as the framework provides: under the Provider Selection Regime, where its terms provide for one or it has a single provider; otherwise where it sets all the terms and the objective conditions for choosing (${lawWithPsr('regulation 18(3)-(4)', 'regulation 33(8)(a)', 'sections 45(3)-(4) and 46')(p)}).`,
        }),
        yesNo({
          name: 'frameworkAgreement.callOffSubstantiallyModifiesTerms',
          label: 'Will the call-off contract change the terms the framework sets out in a substantial way?',
          when: (p) => mayFollow(p, 'psr'),
          why: 'A contract based on a framework must not substantially modify the terms laid down in it (PSR regulation 18(2)). The call-off\'s terms are yours to set: if you leave this open, keeping to the framework\'s terms becomes a condition.',
        }),
      ],
    },
  ];
}
