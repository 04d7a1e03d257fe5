// An extension or modification of the existing contract: what changes, the
// facts that say whether a change is allowed without a new procurement
// under the rules the plan may follow, and the existing contract as it was
// awarded. Which facts decide it is read from the rule set
// (rules/psr/modifications.json, rules/pcr2015/modifications.json,
// rules/pa2023/modifications.json, rules/terms/); the officer's named regime
// narrows the questions, and "auto" asks those of each.
import { PROCESS_LABELS } from '../../plan/process-labels.js';
import { answerAt, isOneOf, mayFollow, processOf, type PlanSoFar } from '../answers-so-far.js';
import { yesNo, type QuestionPage } from './types.js';

const CHANGES = ['extension', 'modification', 'urgent-modification'];
const EXTEND_OR_MODIFY = ['extension', 'modification'];

/** The provisions a question rests on, under each regime the plan may follow. */
const law =
  (provisions: { psr?: string; pcr2015?: string; pa2023?: string }, what: string) =>
  (p: PlanSoFar): string => {
    const cited = [
      provisions.psr && mayFollow(p, 'psr') ? `PSR ${provisions.psr}` : '',
      provisions.pcr2015 && mayFollow(p, 'pcr2015') ? `PCR 2015 ${provisions.pcr2015}` : '',
      provisions.pa2023 && mayFollow(p, 'pa2023') ? `Procurement Act 2023 ${provisions.pa2023}` : '',
    ].filter(Boolean);
    return cited.length ? `${what} (${cited.join('; ')}).` : `${what}.`;
  };

const extendOrModify = isOneOf(...EXTEND_OR_MODIFY);
const awardProcesses = Object.entries(PROCESS_LABELS)
  .filter(([value]) => !CHANGES.includes(value))
  .map(([value, label]) => ({ value, label }));

export function changePages(): QuestionPage[] {
  return [
    {
      id: 'change',
      title: 'The change to the current contract',
      // An urgent modification's own facts are its urgency; the change's dates matter only for the PSR's notice of it.
      when: (p) => extendOrModify(p) || (processOf(p) === 'urgent-modification' && mayFollow(p, 'psr')),
      fields: [
        {
          name: 'change.description',
          label: 'What will change?',
          kind: 'text',
          hint: 'For example, "Extend for 12 months on the same terms".',
          missing: 'Enter what will change',
          why: 'The change is judged by its facts on this page and the next; the report names it by this description.',
        },
        {
          name: 'change.effectiveDate',
          label: 'When does the change take effect?',
          kind: 'date',
          when: (p) => processOf(p) === 'extension' || mayFollow(p, 'psr') || mayFollow(p, 'pa2023'),
          why: 'An extension must run on from the current term: once the contract has ended there is nothing to extend (PCR 2015 regulation 72(1)(a) and the contract\'s own options). Without an agreed date below, the time for the notice of the change runs from this date.',
        },
        {
          name: 'change.agreedDate',
          label: 'When is the change agreed, if not on the day it takes effect?',
          kind: 'date',
          when: (p) => mayFollow(p, 'psr') || mayFollow(p, 'pa2023'),
          hint: 'Leave blank if it is agreed on the day it takes effect.',
          why: law({ psr: 'regulations 13(5) and 14(5)', pa2023: 'section 75(1)' }, 'A contract is modified when the variation is agreed, and the time for publishing its notice runs from then'),
        },
        {
          name: 'change.extensionMonths',
          label: 'How many months does the change add to the contract?',
          kind: 'integer',
          width: 'govuk-input--width-5',
          suffix: 'months',
          hint: 'Leave blank if it does not change the term.',
          when: (p) => processOf(p) === 'extension' || (processOf(p) === 'modification' && mayFollow(p, 'pa2023')),
          why: law(
            { pa2023: 'section 74(3)' },
            'An extension is compared with the extension options left in the contract; under the Procurement Act a longer term is also measured against the term on award',
          ),
        },
        {
          name: 'change.valueChange',
          label: 'By how much does this change alter the contract\'s lifetime value?',
          kind: 'number',
          prefix: '£',
          width: 'govuk-input--width-10',
          hint: 'In pounds. Write a reduction with a minus sign, such as -50000.',
          when: extendOrModify,
          why: law({ psr: 'regulation 13(2)', pcr2015: 'regulation 72(1)(b)-(c) and (5)', pa2023: 'section 74 and Schedule 8' }, 'Changes are limited by how much they alter the value'),
        },
        {
          name: 'change.cumulativeValueChange',
          label: 'By how much has the lifetime value changed since the contract was signed, this change included?',
          kind: 'number',
          prefix: '£',
          width: 'govuk-input--width-10',
          hint: 'Leave blank if this is the first change.',
          when: extendOrModify,
          why: law({ psr: 'regulation 13(2) and (4)', pcr2015: 'regulation 72(5)', pa2023: 'section 74(4)' }, 'Some limits count every change since the contract was entered into'),
        },
        {
          name: 'dates.modificationNoticeSubmitted',
          label: 'When will the notice of the change be submitted for publication?',
          kind: 'date',
          hint: 'The day it is sent to the central digital platform (Find a Tender), which may publish it later. Leave blank if it is not planned yet.',
          when: (p) => mayFollow(p, 'psr'),
          why: law({ psr: 'regulations 13(5)(a) and 14(5)(a)' }, 'The notice of a change is submitted for publication within its deadline: the days run to submission, not publication'),
        },
        {
          name: 'dates.modificationNoticePublished',
          label: 'When will the notice of the change be published?',
          kind: 'date',
          hint: 'Leave blank if it is not planned yet.',
          when: (p) => mayFollow(p, 'psr') || (extendOrModify(p) && mayFollow(p, 'pa2023')),
          why: law({ psr: 'regulations 13(4)-(5) and 14(4)-(5)', pa2023: 'section 75(1)' }, 'The notice of a change has a deadline'),
        },
      ],
    },
    {
      id: 'change-allowed',
      title: 'Whether the change needs a new procurement',
      when: extendOrModify,
      fields: [
        yesNo({
          name: 'change.providedForInContract',
          label: 'Is the change clearly written into the current contract, for example as an option or a review clause?',
          why: law({ psr: 'regulation 13(1)(a)', pcr2015: 'regulation 72(1)(a)', pa2023: 'Schedule 8 paragraph 1' }, 'A change the contract clearly provides for is allowed'),
        }),
        yesNo({
          name: 'change.providedForInNotice',
          label: 'Was the possibility of the change also set out in the tender or transparency notice?',
          when: (p) => mayFollow(p, 'pa2023'),
          why: 'Under the Procurement Act the contract alone is not enough: the notice must have provided for the change too (Schedule 8 paragraph 1(a)(ii)).',
        }),
        yesNo({
          name: 'change.materiallyDifferent',
          label: 'Would the change make the contract different in kind, for example a different service?',
          why: law({ psr: 'regulation 13(1)', pcr2015: 'regulation 72(1)', pa2023: 'Schedule 8' }, 'A change that alters the contract\'s character or overall nature needs a new procurement'),
        }),
        yesNo({
          name: 'change.substantial',
          label: 'Is the change substantial: would it have changed who could bid or who won, tip the balance towards the provider, or widen the scope considerably?',
          when: (p) => mayFollow(p, 'pcr2015'),
          why: law({ pcr2015: 'regulation 72(8)' }, 'A change that is not substantial is allowed'),
        }),
        yesNo({
          name: 'change.scopeChanged',
          label: 'Does the change bring in goods or services of a kind the contract does not already cover, to a material extent?',
          when: (p) => mayFollow(p, 'pa2023') && processOf(p) !== 'extension',
          why: 'Under the Procurement Act a change of scope, goods, services or works of a kind not already provided for, makes a change substantial and rules out a below-threshold modification (section 74(3)(b), (4)(c) and (5)). Left blank, a change that alters the contract\'s nature changes its scope, and a longer term does not.',
        }),
        yesNo({
          name: 'change.economicBalanceToSupplier',
          label: 'Would the change tip the contract\'s economic balance towards the provider, for example paying more for the same, or taking on a risk the provider bore?',
          when: (p) => mayFollow(p, 'pa2023'),
          why: 'Under the Procurement Act a change that materially shifts the economic balance in the supplier\'s favour is substantial (section 74(3)(c)); an extension on the contract\'s own prices and terms does not, of itself.',
        }),
        yesNo({
          name: 'change.attributableToAuthority',
          label: 'Is the change your authority\'s own decision?',
          when: (p) => mayFollow(p, 'psr'),
          why: 'A change the authority decides on is allowed only within value limits, and above a value needs a notice (PSR regulation 13(1)(d), (2) and (4)).',
        }),
        yesNo({
          name: 'change.externalFactors',
          label: 'Is the change a response to things neither side controls, such as patient numbers or a price formula in the contract?',
          when: (p) => mayFollow(p, 'psr'),
          why: 'A change in response to external factors beyond the control of both parties is allowed (PSR regulation 13(1)(c)).',
        }),
        yesNo({
          name: 'change.providerSuccessionOnly',
          label: 'Is the only change a new provider taking over after a merger, takeover or other corporate change?',
          why: law({ psr: 'regulation 13(1)(b)', pcr2015: 'regulation 72(1)(d)(ii)', pa2023: 'Schedule 8 paragraph 9' }, 'A provider succeeding the original one after a corporate change is allowed'),
        }),
        yesNo({
          name: 'change.additionalServices',
          label: 'Does the change add services that have become necessary and were not in the original contract?',
          when: (p) => mayFollow(p, 'pcr2015') || mayFollow(p, 'pa2023'),
          why: law({ pcr2015: 'regulation 72(1)(b)', pa2023: 'Schedule 8 paragraph 8' }, 'Adding services that have become necessary is allowed on conditions'),
        }),
        yesNo({
          name: 'change.changeOfSupplierImpracticable',
          label: 'Would changing provider for those services be impossible for economic or technical reasons, or bring services that do not fit the current ones, and cause significant inconvenience or duplicated costs?',
          when: (p) => (mayFollow(p, 'pcr2015') || mayFollow(p, 'pa2023')) && answerAt(p, 'change', 'additionalServices') !== false,
          why: law(
            { pcr2015: 'regulation 72(1)(b)', pa2023: 'Schedule 8 paragraph 8(1)(b)-(c)' },
            'Additional services may only be added where another provider would bring services that differ or do not fit, with significant inconvenience or difficulty and duplicated costs',
          ),
        }),
        yesNo({
          name: 'change.unforeseeable',
          label: 'Was the need for the change caused by something a careful authority could not have foreseen?',
          when: (p) => mayFollow(p, 'pcr2015') || mayFollow(p, 'pa2023'),
          why: law({ pcr2015: 'regulation 72(1)(c)', pa2023: 'Schedule 8 paragraph 4' }, 'A change needed because of unforeseeable circumstances is allowed within a value limit'),
        }),
        yesNo({
          name: 'change.knownRiskMaterialised',
          label: 'Is the change needed because a risk you identified when awarding the contract has come about, through no fault of yours or the provider\'s?',
          when: (p) => mayFollow(p, 'pa2023'),
          why: 'A known risk that materialises may allow a change within a value limit, where a new contract would not be in the public interest (Procurement Act 2023 Schedule 8 paragraphs 5 to 7).',
        }),
        yesNo({
          name: 'change.knownRiskInNotice',
          label: 'Did the tender or transparency notice for the contract name that risk, and say the contract might be changed if it came about?',
          when: (p) => mayFollow(p, 'pa2023') && answerAt(p, 'change', 'knownRiskMaterialised') !== false,
          why: 'A known risk counts only if the notice for the contract identified it, with the possibility of a change (Procurement Act 2023 Schedule 8 paragraph 6(b)).',
        }),
      ],
    },
    {
      id: 'change-contract',
      title: 'The current contract, as it was awarded',
      when: extendOrModify,
      fields: [
        {
          name: 'incumbent.awardedBy',
          label: 'Which process was the current contract awarded by?',
          kind: 'select',
          options: [{ value: '', label: 'Not known' }, ...awardProcesses],
          when: (p) => mayFollow(p, 'psr'),
          why: 'A change to a contract awarded by direct award A or B has no value limit if it does not make the contract materially different in character (PSR regulation 13(3)).',
        },
        {
          name: 'incumbent.originalLifetimeValue',
          label: 'What was the current contract worth over its whole life, when it was signed?',
          kind: 'number',
          prefix: '£',
          width: 'govuk-input--width-10',
          hint: 'In pounds, every option included, as estimated when the contract was entered into.',
          why: law({ psr: 'regulation 13(2)', pcr2015: 'regulation 72(1)(b)-(c), (2) and (5)', pa2023: 'section 74 and Schedule 8' }, 'The limits on a change are shares of the contract\'s value when it was entered into'),
        },
        {
          name: 'incumbent.indexedLifetimeValue',
          label: 'If the contract has an indexation clause, what is its lifetime value as updated under that clause?',
          kind: 'number',
          prefix: '£',
          width: 'govuk-input--width-10',
          hint: 'In pounds. Leave blank if the contract has no indexation clause.',
          when: (p) => mayFollow(p, 'pcr2015'),
          why: 'With an indexation clause, the updated value is the one the limits on a change are shares of (PCR 2015 regulation 72(7)).',
        },
        {
          name: 'incumbent.originalMaxTermMonths',
          label: 'What was the longest the contract could run when it was awarded, every option included?',
          kind: 'integer',
          width: 'govuk-input--width-5',
          suffix: 'months',
          when: (p) => mayFollow(p, 'pa2023'),
          why: 'Under the Procurement Act a change that lengthens the term by more than a set share of the maximum term on award is substantial (section 74(3)).',
        },
        {
          name: 'incumbent.extensionRemainingMonths',
          label: 'How many months of extension options are left in the current contract?',
          kind: 'integer',
          width: 'govuk-input--width-5',
          suffix: 'months',
          hint: '0 if they have all been used.',
          when: (p) => processOf(p) === 'extension',
          why: 'Extension beyond the options left in the contract is not an option under it, and needs its own procurement unless a modification ground applies (PSR regulation 13(1)(a); PCR 2015 regulation 72(1)(a); Procurement Act 2023 Schedule 8 paragraph 1).',
        },
      ],
    },
  ];
}
