// The Public Contracts Regulations 2015 and Procurement Act 2023 routes
// that turn on a ground: an award without competition (the negotiated
// procedure without prior publication; a direct award under the Act), the
// ground for a competitive procedure with negotiation, a competitive
// dialogue or an innovation partnership, and whether a below-threshold
// opportunity is advertised. Which facts each ground turns on is read from
// the rule set (rules/pcr2015/, rules/pa2023/).
import type { ParamTable } from '../../law/params.js';
import { groundOf, isOneOf, mayFollow, processOf, type PlanSoFar } from '../answers-so-far.js';
import type { Option } from '../form-types.js';
import { paramText, yesNo, type QuestionPage } from './types.js';

const PCR_AWARD = 'negotiated-without-prior-publication';
const PA_AWARD = 'direct-award';
const pcr = (p: PlanSoFar) => processOf(p) === PCR_AWARD;

/** The grounds each regime allows for an award without competition, in words. */
const PCR_GROUNDS: Option[] = [
  { value: 'no-suitable-tenders', label: 'An open or restricted procedure was run and received no tenders, or none that were suitable' },
  { value: 'artistic', label: 'Only one provider can do it, for artistic reasons' },
  { value: 'technical-reasons', label: 'Only one provider can do it, for technical reasons: there is no competition' },
  { value: 'exclusive-rights', label: 'Only one provider can do it, because of exclusive rights such as a patent' },
  { value: 'extreme-urgency', label: 'Extreme urgency, from events your authority could not foresee' },
  { value: 'repetition', label: 'Repeating similar services bought from the same provider under an earlier contract' },
  { value: 'none', label: 'None of these' },
];
const PA_GROUNDS: Option[] = [
  { value: 'user-choice', label: 'The people who will use the services choose the provider' },
  { value: 'artistic', label: 'Only one provider can do it, for artistic reasons' },
  { value: 'technical-reasons', label: 'Only one provider can do it, for technical reasons: there is no competition' },
  { value: 'exclusive-rights', label: 'Only one provider can do it, because of exclusive rights such as a patent' },
  { value: 'extreme-urgency', label: 'Extreme urgency, from events your authority could not foresee' },
  { value: 'repetition', label: 'Repeating similar services bought from the same provider under an earlier contract' },
  { value: 'additional-services', label: 'More of the same services from the current provider, where a change of provider would cause problems' },
  { value: 'no-suitable-tenders', label: 'A competitive procedure was run and received no suitable tenders (switching to a direct award)' },
  { value: 'none', label: 'None of these' },
];

const PROCEDURE_GROUNDS: Option[] = [
  { value: 'adaptation-needed', label: 'What you need cannot be met without adapting solutions that are readily available' },
  { value: 'design-or-innovative-solutions', label: 'It includes design or innovative solutions' },
  { value: 'prior-negotiation-needed', label: 'The contract cannot be awarded without negotiating first, because of its nature, complexity, legal or financial make-up, or risks' },
  { value: 'specifications-not-precise', label: 'You cannot set the technical specifications precisely enough' },
  { value: 'irregular-or-unacceptable-tenders', label: 'An open or restricted procedure received only irregular or unacceptable tenders' },
  { value: 'none', label: 'None of these' },
];
const INNOVATION_GROUNDS: Option[] = [
  { value: 'innovative-need-not-on-market', label: 'You need innovative services that are not available on the market' },
  { value: 'none', label: 'None of these' },
];

/** The law behind a ground's condition, in whichever regime the process belongs to. */
const law = (pcrProvision: string, paProvision: string) => (p: PlanSoFar) => (pcr(p) ? `PCR 2015 ${pcrProvision}` : `Procurement Act 2023 ${paProvision}`);

const onGround =
  (...grounds: string[]) =>
  (p: PlanSoFar) =>
    grounds.includes(groundOf(p));

export function withoutCompetitionPages(params: ParamTable): QuestionPage[] {
  const repeatMonths = (p: PlanSoFar) =>
    paramText(params, pcr(p) ? 'pcr2015.negotiated.repetition-max-months' : 'pa2023.direct-award.repeat-max-months', 'months');
  return [
    {
      id: 'award-ground',
      title: 'Awarding without a competition: the reason',
      when: isOneOf(PCR_AWARD, PA_AWARD),
      fields: [
        {
          name: 'justification.ground',
          label: 'Why can the contract be awarded without a competition?',
          kind: 'radios',
          options: PCR_GROUNDS,
          notKnown: true,
          when: pcr,
          why: 'A contract may be awarded without a call for competition only on one of the grounds of PCR 2015 regulation 32.',
        },
        {
          name: 'justification.ground',
          label: 'Why can the contract be awarded without a competition?',
          kind: 'radios',
          options: PA_GROUNDS,
          notKnown: true,
          when: isOneOf(PA_AWARD),
          why: 'A direct award needs one of the justifications in Schedule 5 to the Procurement Act 2023 (section 41), or a switch to direct award after a failed competitive procedure (section 43).',
        },
      ],
    },
    {
      id: 'award-conditions',
      title: 'Awarding without a competition: the conditions',
      when: (p) => isOneOf(PCR_AWARD, PA_AWARD)(p) && ['no-suitable-tenders', 'technical-reasons', 'exclusive-rights', 'extreme-urgency', 'repetition'].includes(groundOf(p)),
      fields: [
        yesNo({
          name: 'justification.priorProcedureFailed',
          label: 'Did the earlier procedure receive no tenders, or no suitable tenders?',
          when: onGround('no-suitable-tenders'),
          why: law('regulation 32(2)(a): the ground needs an open or restricted procedure that drew no tenders or no suitable tenders.', 'section 43: switching to a direct award needs a competitive procedure that drew no suitable tenders.'),
        }),
        yesNo({
          name: 'justification.initialConditionsSubstantiallyAltered',
          label: 'Would the contract you award now differ substantially from the terms first advertised?',
          when: (p) => pcr(p) && onGround('no-suitable-tenders')(p),
          why: 'The ground is only available where the initial conditions of the contract are not substantially altered (PCR 2015 regulation 32(2)(a)).',
        }),
        yesNo({
          name: 'justification.noReasonableAlternative',
          label: 'Is there no reasonable alternative provider, without the requirement having been narrowed to shut out competition?',
          when: onGround('technical-reasons', 'exclusive-rights'),
          why: law('regulation 32(2)(b)(ii)-(iii): the ground needs no reasonable alternative or substitute, and competition not artificially narrowed.', 'Schedule 5 paragraphs 5-6: the justification needs no reasonable alternative or substitute, and competition not artificially narrowed.'),
        }),
        {
          name: 'urgency.reason',
          label: 'What is the urgency?',
          kind: 'text',
          hint: 'In a sentence, as you would record it.',
          missing: 'Enter what the urgency is',
          when: onGround('extreme-urgency'),
          why: law('regulation 32(2)(c): the urgency must come from events the authority could not foresee.', 'Schedule 5 paragraph 13: the urgency must come from events the authority could not foresee.'),
        },
        yesNo({
          name: 'urgency.foreseeable',
          label: 'Could your authority have seen the urgency coming?',
          when: onGround('extreme-urgency'),
          why: law('regulation 32(2)(c): urgency the authority could have foreseen does not allow an award without competition.', 'Schedule 5 paragraph 13: urgency the authority could have foreseen does not allow a direct award.'),
        }),
        yesNo({
          name: 'urgency.attributableToAuthority',
          label: 'Is the urgency your authority\'s own doing, for example through late planning?',
          when: onGround('extreme-urgency'),
          why: law('regulation 32(2)(c): urgency of the authority\'s own making does not allow an award without competition.', 'Schedule 5 paragraph 13: urgency of the authority\'s own making does not allow a direct award.'),
        }),
        yesNo({
          name: 'justification.strictlyNecessary',
          label: 'Is the contract limited to what is strictly needed to deal with the urgency?',
          when: onGround('extreme-urgency'),
          why: law('regulation 32(2)(c): only what is strictly necessary may be awarded this way.', 'Schedule 5 paragraph 13: only what is strictly necessary may be awarded this way.'),
        }),
        yesNo({
          name: 'justification.foreseenInOriginalNotice',
          label: 'Did the earlier procurement say that the services might be repeated?',
          when: onGround('repetition'),
          why: law('regulation 32(11): a repetition must have been disclosed in the original procurement.', 'Schedule 5 paragraph 8: a repeat award must have been disclosed in the original procurement.'),
        }),
        yesNo({
          name: 'justification.originalAwardedCompetitively',
          label: 'Was the earlier contract awarded after a competition?',
          when: onGround('repetition'),
          why: law('regulation 32(9): only services first awarded by a competitive procedure may be repeated this way.', 'Schedule 5 paragraph 8: only a contract first awarded by a competitive procedure may be repeated this way.'),
        }),
        {
          name: 'justification.originalContractAwarded',
          label: 'When was the earlier contract entered into?',
          kind: 'date',
          when: onGround('repetition'),
          why: (p) =>
            `The new contract must be entered into within ${repeatMonths(p)} of the earlier one (${pcr(p) ? 'PCR 2015 regulation 32(11)' : 'Procurement Act 2023 Schedule 5 paragraph 8'}); procheck counts to the contract date on the key dates page.`,
        },
      ],
    },
    {
      id: 'procedure-ground',
      title: 'The reason for the procedure',
      when: isOneOf('competitive-with-negotiation', 'competitive-dialogue', 'innovation-partnership'),
      fields: [
        {
          name: 'justification.procedureGround',
          label: 'Why does the procedure fit this contract?',
          kind: 'radios',
          options: PROCEDURE_GROUNDS,
          notKnown: true,
          when: isOneOf('competitive-with-negotiation', 'competitive-dialogue'),
          why: 'The competitive procedure with negotiation and the competitive dialogue may only be used on one of the grounds of PCR 2015 regulation 26(4).',
        },
        {
          name: 'justification.procedureGround',
          label: 'Why does the procedure fit this contract?',
          kind: 'radios',
          options: INNOVATION_GROUNDS,
          notKnown: true,
          when: isOneOf('innovation-partnership'),
          why: 'An innovation partnership is for a need for innovative services that cannot be met by those already on the market (PCR 2015 regulation 31(2)).',
        },
      ],
    },
    {
      id: 'below-threshold',
      title: 'Advertising the opportunity',
      when: (p) => processOf(p) === 'below-threshold' && mayFollow(p, 'pcr2015'),
      fields: [
        yesNo({
          name: 'route.advertised',
          label: 'Will you advertise the opportunity?',
          why: 'An advertised below-threshold opportunity must also be published on Contracts Finder (PCR 2015 regulation 110).',
        }),
      ],
    },
  ];
}
