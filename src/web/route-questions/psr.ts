// The Provider Selection Regime's question pages: the facts each process
// turns on, in an officer's words, with the regulation behind each in "why
// we ask". Which facts a process turns on is read from the rule set
// (rules/psr/); test/route-questions.test.ts holds the two in step.
import type { ParamTable } from '../../law/params.js';
import { isOneOf, mayFollow, processOf, type PlanSoFar } from '../answers-so-far.js';
import { ordinal, paramText, yesNo, type QuestionPage } from './types.js';

const NEW_AWARDS = ['direct-award-a', 'direct-award-b', 'direct-award-c', 'most-suitable-provider', 'competitive', 'urgent-award'];
const CHANGES = ['extension', 'modification', 'urgent-modification'];
/** The processes with a notice of intention to award and a standstill. */
const WITH_INTENTION_NOTICE = ['direct-award-c', 'most-suitable-provider', 'competitive'];

/** A call-off from a framework the PSR may govern (reg 29(3)(b): one begun from 1 January 2024 for health care services). */
const psrCallOff = (p: PlanSoFar) => processOf(p) === 'framework-call-off' && mayFollow(p, 'psr');
/** A PSR process, or a change or call-off the PSR may govern. */
const underPsr = (p: PlanSoFar) => NEW_AWARDS.includes(processOf(p)) || (CHANGES.includes(processOf(p)) && mayFollow(p, 'psr')) || psrCallOff(p);

export function psrPages(params: ParamTable): QuestionPage[] {
  const gbp = (id: string) => paramText(params, id, 'gbp');
  const pct = (id: string) => paramText(params, id, 'pct');
  return [
    {
      id: 'direct-award-a',
      title: 'Direct award A: the current provider',
      when: isOneOf('direct-award-a'),
      fields: [
        yesNo({
          name: 'directAward.onlyProviderCapable',
          label: 'Is the current provider the only one that could realistically provide these services, because of what the services are?',
          hint: 'For example, a service that cannot be separated from another that only they provide. Other providers do not count if they are not a realistic choice for what you need.',
          why: 'Direct award A must be used, and can only be used, where the authority is satisfied that only the existing provider can provide the services, because of their nature (PSR regulation 6(3)(b)).',
        }),
      ],
    },
    {
      id: 'direct-award-b',
      title: 'Direct award B: patients choose their provider',
      when: isOneOf('direct-award-b'),
      fields: [
        yesNo({
          name: 'directAward.patientChoiceService',
          label: 'Do patients choose which provider they go to for these services?',
          hint: 'For example, under the legal right to choose.',
          why: 'Direct award B is for services where patients have a choice of provider (PSR regulation 6(4)(a)).',
        }),
        yesNo({
          name: 'directAward.providerNumbersRestricted',
          label: 'Does your authority limit how many providers can provide these services?',
          why: 'Direct award B is only for services where the authority does not restrict the number of providers (PSR regulation 6(4)(b)).',
        }),
        yesNo({
          name: 'directAward.allQualifyingProvidersOffered',
          label: 'Will every provider that meets your requirements be offered a contract?',
          why: 'Under direct award B, every provider that meets the requirements is offered a contract (PSR regulation 6(4)(c)).',
        }),
        yesNo({
          name: 'directAward.expressionOfInterestArrangements',
          label: 'Do you have a way for providers to tell you they are interested in providing these services?',
          why: 'Direct award B needs arrangements that let providers express an interest in providing the services (PSR regulation 6(4)(d)).',
        }),
      ],
    },
    {
      id: 'direct-award-c',
      title: 'Direct award C: the current provider and the new contract',
      hint: 'Answer about the current contract and its provider, as given on the page about the existing contract.',
      when: isOneOf('direct-award-c'),
      fields: [
        yesNo({
          name: 'directAward.replacesExpiringContract',
          label: 'Will the new contract replace the current one when it ends?',
          why: 'Direct award C is for a new contract that replaces an existing contract at the end of its term (PSR regulations 6(5) and 9(1)).',
        }),
        yesNo({
          name: 'incumbent.satisfyingContract',
          label: 'Is the current provider delivering the current contract to a satisfactory standard?',
          hint: 'Judged against what the contract asks of them, such as its performance measures.',
          why: 'Direct award C is only available where the authority is of the view that the existing provider is satisfying the existing contract (PSR regulation 6(5)(d)).',
        }),
        yesNo({
          name: 'incumbent.likelyToSatisfyNewContract',
          label: 'Is the current provider likely to deliver the new contract to a good enough standard?',
          why: 'Direct award C is only available where the authority is of the view that the existing provider will likely satisfy the new contract to a sufficient standard (PSR regulation 6(5)(d)).',
        }),
        {
          name: 'incumbent.originalLifetimeValue',
          label: 'What was the current contract worth over its whole life, when it was signed?',
          kind: 'number',
          prefix: '£',
          width: 'govuk-input--width-10',
          hint: 'In pounds, every option included, as estimated when the contract was entered into. The new contract\'s value comes from the value and term you gave earlier.',
          why: `A new contract worth at least ${gbp('psr.considerable-change.min-increase-gbp')} and ${pct('psr.considerable-change.min-increase-ratio')} more over its life than the existing one, where the changes are the authority's decision, is a considerable change, and direct award C cannot then be used (PSR regulation 6(10)-(11)).`,
        },
        yesNo({
          name: 'directAward.changeAttributableToAuthority',
          label: 'Are the differences between the new contract and the current one your authority\'s own decision?',
          hint: 'Rather than, for example, a rise in the number of patients.',
          why: 'A rise in value only counts towards a considerable change where the changes are attributable to a decision of the authority (PSR regulation 6(10)-(11)).',
        }),
        yesNo({
          name: 'directAward.materiallyDifferent',
          label: 'Will the new arrangements be different in kind from the current contract, not just in size or price?',
          hint: 'For example, a different service model or different people served.',
          why: 'Arrangements materially different in character from the existing contract are a considerable change, and direct award C cannot then be used (PSR regulation 6(10)-(11)).',
        }),
      ],
    },
    {
      id: 'most-suitable-provider',
      title: 'Most suitable provider process',
      when: isOneOf('most-suitable-provider'),
      fields: [
        yesNo({
          name: 'directAward.mostSuitableProviderIdentifiable',
          label: 'Can you identify the most suitable provider without running a competition?',
          hint: 'Having considered the providers likely to be able to provide the services, against the key criteria.',
          why: `The most suitable provider process is only available where the authority is of the view that it can identify the most suitable provider without a competition (PSR regulations 6(6)(c) and 10(1)).`,
        }),
        {
          name: 'dates.mspIntentionSubmitted',
          label: 'When was, or will, the notice of intention to follow the process be submitted for publication?',
          kind: 'date',
          notKnown: true,
          hint: 'The day it is sent to the central digital platform (Find a Tender). Leave blank if it is the procurement start you gave; select "Not known yet" if you know only when it was published.',
          why: `Step 2, identifying the potential providers, may not be completed before the day ${paramText(params, 'psr.msp.identify-after-days')} days after this notice is submitted for publication (PSR regulation 10(5)).`,
        },
        {
          name: 'dates.mspProvidersIdentified',
          label: 'When will you complete identifying the potential providers who may be the most suitable?',
          kind: 'date',
          hint: 'Step 2 of the process, by the key criteria and the basic selection criteria. Leave blank if it is not planned yet.',
          why: `Step 2 may not be completed before the day ${paramText(params, 'psr.msp.identify-after-days')} days after the notice of intention to follow the process is submitted, and comes before the notice of intention to award (PSR regulation 10(4)-(7)).`,
        },
      ],
    },
    {
      id: 'urgency',
      title: 'Urgency',
      when: (p) => processOf(p) === 'urgent-award' || (processOf(p) === 'urgent-modification' && (mayFollow(p, 'psr') || mayFollow(p, 'pa2023'))),
      fields: [
        {
          name: 'urgency.reason',
          label: 'Why is it urgent?',
          kind: 'text',
          hint: 'In a sentence, as you would record it.',
          missing: 'Enter why it is urgent',
          why: urgencyLaw('The reasons for the urgency are recorded and published in the notice'),
        },
        yesNo({
          name: 'urgency.foreseeable',
          label: 'Could your authority have seen the urgency coming?',
          why: urgencyLaw('Urgency the authority could have foreseen does not allow an urgent award or change'),
        }),
        yesNo({
          name: 'urgency.attributableToAuthority',
          label: 'Is the urgency your authority\'s own doing, for example through late planning?',
          why: urgencyLaw('Urgency of the authority\'s own making does not allow an urgent award or change'),
        }),
        yesNo({
          name: 'urgency.delayRisksSafety',
          label: 'Would following the usual process be likely to put patients or the public at risk?',
          when: (p) => mayFollow(p, 'psr'),
          why: 'An urgent award or modification is only for where the delay of the usual process would likely put patient or public safety at risk (PSR regulation 14).',
        }),
        yesNo({
          name: 'urgency.termLimitedToUrgency',
          label: 'Will the urgent arrangement last no longer than the urgency needs, with a regular process to follow?',
          when: (p) => mayFollow(p, 'psr'),
          why: 'An urgent award or modification should be as short as the urgency allows (PSR regulation 14 and the statutory guidance).',
        }),
      ],
    },
    {
      id: 'psr-notices',
      title: 'Notices',
      hint: 'Answer for the notices as drafted or decided. Leave a question blank if it is not decided yet.',
      when: (p) => isOneOf(...NEW_AWARDS)(p) || psrCallOff(p),
      fields: [
        yesNo({
          name: 'intentionNotice.decisionMakersNamed',
          label: 'Does the notice of intention to award say who made the decision?',
          when: isOneOf(...WITH_INTENTION_NOTICE),
          why: 'The notice of intention to award gives details of the decision-makers (PSR Schedules 3, 6 and 10).',
        }),
        yesNo({
          name: 'intentionNotice.reasonsByKeyCriteria',
          label: 'Does it explain why the provider was chosen, by the key criteria?',
          when: isOneOf(...WITH_INTENTION_NOTICE),
          why: 'The notice of intention to award explains the decision-makers\' reasons by reference to the key criteria (PSR Schedules 3, 6 and 10).',
        }),
        yesNo({
          name: 'intentionNotice.conflictsDeclaredAndManaged',
          label: 'Does it state any conflicts of interest and how they were managed, or that there were none?',
          when: isOneOf(...WITH_INTENTION_NOTICE),
          why: 'The notice of intention to award states any declared conflicts of interest and how they were managed (PSR Schedules 3, 6 and 10).',
        }),
        {
          name: 'dates.statedRepresentationsDeadline',
          label: 'What deadline for providers\' representations will the notice give?',
          kind: 'date',
          when: isOneOf(...WITH_INTENTION_NOTICE),
          hint: 'Leave blank if it is not set yet.',
          why: `Providers may make representations until midnight at the end of the ${ordinal(Number(params.latest('psr.standstill.working-days')))} working day after the day the standstill begins; a notice must not give an earlier deadline (PSR regulation 12(3)).`,
        },
        {
          name: 'dates.awardNoticeSubmitted',
          label: 'When will the notice of award be submitted for publication?',
          kind: 'date',
          hint: 'The day it is sent to the central digital platform (Find a Tender), which may publish it later. Leave blank if it is not planned yet.',
          why: `The notice of award is submitted for publication within ${paramText(params, 'psr.award-notice.days')} days of entering into the contract: the days run to submission, not publication (PSR regulations 7 to 11, 14 and 18).`,
        },
        {
          name: 'dates.awardNoticePublished',
          label: 'When will the notice of award be published?',
          kind: 'date',
          hint: 'The notice that confirms the contract, after it is entered into. Leave blank if it is not planned yet.',
          why: `Without the day it is submitted, a notice published within ${paramText(params, 'psr.award-notice.days')} days of entering into the contract was submitted within them (PSR regulations 7 to 11, 14 and 18).`,
        },
      ],
    },
    {
      id: 'psr-decision',
      title: 'How the decision is made',
      when: underPsr,
      fields: [
        yesNo({
          name: 'governance.conflictsOfInterestManaged',
          label: 'Have the people making the decision declared any conflicts of interest, and have those been managed and recorded?',
          why: 'Conflicts of interest of those making the decision must be declared, managed and recorded (PSR regulation 21).',
        }),
        yesNo({
          name: 'governance.recordsKept',
          label: 'Will you keep a written record of how the decision was made?',
          hint: 'Who decided, the process, the criteria and any conflicts of interest.',
          why: 'The authority keeps a record of its decision-making (PSR regulation 24).',
        }),
        yesNo({
          name: 'governance.keyCriteriaConsidered',
          label: 'Have you weighed the five key criteria, such as quality and value, in the decision?',
          when: isOneOf(...WITH_INTENTION_NOTICE),
          why: 'Direct award C, the most suitable provider process and the competitive process turn on the key criteria (PSR regulation 5).',
        }),
        yesNo({
          name: 'governance.basicSelectionCriteriaApplied',
          label: 'Will you check the provider against the basic selection criteria and the grounds for excluding providers?',
          when: isOneOf('direct-award-c', 'most-suitable-provider', 'competitive', 'urgent-award'),
          why: 'Providers must meet the basic selection criteria and not be excluded (PSR regulations 19 and 20 and Schedule 16).',
        }),
      ],
    },
  ];
}

/** The law behind an urgency question, by the rules the plan may follow. */
function urgencyLaw(what: string): (p: PlanSoFar) => string {
  return (p) => {
    const law = [
      processOf(p) === 'urgent-award' || mayFollow(p, 'psr') ? 'PSR regulation 14' : '',
      processOf(p) === 'urgent-modification' && mayFollow(p, 'pa2023') ? 'Procurement Act 2023 Schedule 8 paragraphs 2-3' : '',
    ].filter(Boolean);
    return `${what} (${law.join('; ')}).`;
  };
}
