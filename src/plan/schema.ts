// The plan format: one proposed commissioning decision.
// Field names follow Open Contracting (OCDS) / Find a Tender where one exists;
// each field's description says so, and src/plan/README.md documents the mapping.
// Every object is strict: an unknown field is an error naming its path, so a
// typo never silently drops a fact the law needs.
import { z } from 'zod';
import { IsoDate } from '../calendar/iso-date.js';

// Bounds on what a plan can mean: the law procheck knows began in the 2000s
// and a contract's dates lie within a few decades of its procurement; a value
// or term beyond these is a typing slip, not a plan. Within them every derived
// date stays a four-digit year (2199 plus 21 terms of 600 months is 3249).
/** The most pounds a figure may state: £1 trillion, more than the NHS in England spends in five years. */
const MAX_GBP = 1e12;
/** The longest term, extension or period in months: 50 years. */
const MAX_MONTHS = 600;
/** The most extension options a contract may list. */
const MAX_EXTENSIONS = 20;
/**
 * The most lots a plan may list: more than any procurement procheck has seen in its cases and notices, and few
 * enough that a check and its report stay small (each lot is judged as a contract of its own; 37,500 lots took 72 s
 * and answered 523 MB).
 */
export const MAX_LOTS = 100;
/** The longest stage a timetable may give: ten years, in days or weeks. */
const MAX_DAYS = 3650;
const MAX_WEEKS = 520;

/** Whole months, 1 to 50 years' worth. */
const Months = z.number().int().positive().max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months (50 years)`);

export { IsoDate };

/** A fact the plan may not know yet: null (or absent) means "unknown", and a rule that needs it says so. */
const unknownable = <T extends z.ZodType>(t: T) => t.nullable().optional();

const Money = z.number().finite().nonnegative().max(MAX_GBP, 'must be at most £1,000,000,000,000');
/** A change in pounds, up or down. */
const SignedMoney = z.number().finite().min(-MAX_GBP, 'must be at least -£1,000,000,000,000').max(MAX_GBP, 'must be at most £1,000,000,000,000');

export const AuthorityType = z
  .enum([
    'local-authority',
    'combined-authority',
    'icb',
    'nhs-england',
    'nhs-trust',
    'foundation-trust',
    'other-public-body',
  ])
  .meta({ description: 'Kind of commissioning body. OCDS: parties[role=buyer].details.classifications.' });

export const Regime = z.enum(['psr', 'pcr2015', 'pa2023']);
export const RegimeChoice = z
  .enum(['psr', 'pcr2015', 'pa2023', 'auto'])
  .meta({ description: '"auto" lets procheck decide which regime applies on the plan\'s facts and dates.' });

export const PsrProcess = z.enum([
  'direct-award-a',
  'direct-award-b',
  'direct-award-c',
  'most-suitable-provider',
  'competitive',
  'urgent-award',
  'framework-call-off',
]);
export const PcrProcedure = z.enum([
  'open',
  'restricted',
  'competitive-with-negotiation',
  'competitive-dialogue',
  'innovation-partnership',
  'negotiated-without-prior-publication',
  'light-touch',
  'framework-call-off',
  'dynamic-purchasing-system',
  'below-threshold',
]);
export const PaProcedure = z.enum(['open', 'competitive-flexible', 'direct-award', 'framework-call-off', 'below-threshold']);
/** Changes to an existing contract, under whichever regime it was awarded. */
export const ChangeProcess = z.enum(['extension', 'modification', 'urgent-modification']);

export const Process = z
  .enum([
    'direct-award-a',
    'direct-award-b',
    'direct-award-c',
    'most-suitable-provider',
    'competitive',
    'urgent-award',
    'framework-call-off',
    'open',
    'restricted',
    'competitive-with-negotiation',
    'competitive-dialogue',
    'innovation-partnership',
    'negotiated-without-prior-publication',
    'light-touch',
    'dynamic-purchasing-system',
    'below-threshold',
    'competitive-flexible',
    'direct-award',
    'extension',
    'modification',
    'urgent-modification',
  ])
  .meta({
    description:
      'Award process (PSR reg 6-11, 14, 18), procedure (PCR 2015 regs 26-33, 74-76; Procurement Act 2023 ss.20, 41) or a change to an existing contract. OCDS: tender.procurementMethodDetails.',
  });

export const Service = z
  .strictObject({
    description: z.string().min(1),
    cpv: z
      .array(z.string().regex(/^\d{8}(-\d)?$/, 'must be a CPV code such as 85312500 or 85312500-4'))
      .min(1)
      .meta({ description: 'CPV codes. OCDS: tender.items[].classification (scheme CPV).' }),
    healthCare: unknownable(z.boolean()).meta({
      description:
        'Is this a health care service in PSR scope: within a PSR Schedule 1 CPV code and provided for the health service or a local authority public health function (e.g. drug and alcohol treatment from the public health grant)? IT systems, training and goods are not. Left out, it follows the CPV codes: no code the Schedule 1 table names means not health care (a code it leaves out is not within it, even one under a listed code, such as 85112000 under 85110000); a code the Schedule names without a limit of extent, bought by an NHS body, means health care; anything else (one of the four rows limited in extent, a code broader than those the table lists, such as 85000000, or a council buying) stays a question. Null: not known.',
    }),
    lightTouch: unknownable(z.boolean()).meta({
      description:
        'Is this one of the light-touch services (PCR 2015 Schedule 3; Procurement Regulations 2024 Schedule 1), such as social, health, education and training services? Derived from the CPV codes when absent.',
    }),
    valueShare: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'Share (0-1) of the contract value this service accounts for. Needed only when services are mixed.' }),
  })
  .meta({ description: 'One service (or goods) element of the contract. OCDS: tender.items[].' });

export const Value = z.strictObject({
  annual: unknownable(Money).meta({
    description: 'Estimated annual value in GBP of the firm and probable provision; null when not yet known. OCDS: tender.value.amount / years.',
  }),
  vatIncluded: z.boolean().meta({ description: 'Whether the figures include VAT (thresholds from 2022 are VAT-inclusive).' }),
  possibleAnnual: Money.optional().meta({
    description: 'Optional "possible" provision per year that is advertised but not committed (e.g. Coventry\'s up to £1m a year).',
  }),
  lifetime: Money.optional().meta({
    description: 'Lifetime value over the maximum term including all options. Derived from annual, possibleAnnual and term when absent. OCDS: tender.value.amount.',
  }),
});

export const Extension = z.strictObject({
  months: Months,
  exercise: z
    .enum(['authority-option', 'mutual-agreement'])
    .meta({ description: 'How the extension is exercised: at the authority\'s option or by mutual agreement.' }),
  statedInContract: unknownable(z.boolean()).meta({
    description: 'Is the option written clearly into the contract (and, where advertised, the notice)? An option not written in is a new award.',
  }),
});

export const Term = z.strictObject({
  initialMonths: Months.meta({ description: 'Initial term in months. OCDS: contractPeriod.' }),
  extensions: z.array(Extension).max(MAX_EXTENSIONS, `must list at most ${MAX_EXTENSIONS} extension options`).default([]).meta({ description: 'Each extension option, in order.' }),
  mobilisationMonths: z
    .number()
    .nonnegative()
    .max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months (50 years)`)
    .optional()
    .meta({ description: 'Time the plan allows between entering into the contract and the service start, in months: the latest contract date is the start less this.' }),
});

/** The plan's own stage lengths, from which procheck plans back from the service start. */
export const TimetablePlan = z.strictObject({
  approvalWeeks: z
    .number()
    .nonnegative()
    .max(MAX_WEEKS, `must be at most ${MAX_WEEKS} weeks`)
    .optional()
    .meta({ description: 'Weeks the plan allows from the decision to proceed (cabinet or delegated decision) to the start of the procurement.' }),
  tenderPeriodDays: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_DAYS, `must be at most ${MAX_DAYS} days`)
    .optional()
    .meta({
      description:
        'Calendar days the plan allows from the start of the procurement (the first notice) to the deadline for tenders or responses; at least the legal minimum time limit of the procedure.',
    }),
  evaluationWeeks: z
    .number()
    .nonnegative()
    .max(MAX_WEEKS, `must be at most ${MAX_WEEKS} weeks`)
    .optional()
    .meta({ description: 'Weeks the plan allows from the tender deadline to the award decision (evaluation, moderation and approval of the award).' }),
  electronicTenders: unknownable(z.boolean()).meta({
    description: 'May tenders be submitted electronically (Procurement Act 2023 s.54(4), table entries 7-10)?',
  }),
  documentsWithNotice: unknownable(z.boolean()).meta({
    description: 'Are the tender notice and all the associated tender documents provided at the same time (Procurement Act 2023 s.54(4), table entries 7-10)?',
  }),
  qualifyingPlannedProcurementNotice: unknownable(z.boolean()).meta({
    description:
      'Was a qualifying planned procurement notice published: one setting out what the Procurement Regulations 2024 reg 16 requires, at least 40 days and not more than 12 months before the tender notice (Procurement Act 2023 ss.15(2)-(3) and 54(4), table entry 4)? Where dates.plannedProcurementNotice is given, its dates decide the timing, and this answers only for its content where timetable.plannedProcurementNoticeContent is left out.',
  }),
  plannedProcurementNoticeContent: unknownable(z.boolean()).meta({
    description:
      'Does the planned procurement notice set out everything the Procurement Regulations 2024 reg 16 requires (s.15(2)(b)): the authority, the title and identifier of the procurement, the contract subject-matter, the estimated dates of the tender notice, of the deadline for requests to participate or tenders and of the award, the procedure expected (open or competitive flexible), whether a dynamic market is used, how documents may be obtained, how and when to express an interest, and as much of the tender notice\'s information as was available? A notice without it is not a planned procurement notice, so it cannot qualify.',
  }),
  urgencyShortensTenderPeriod: unknownable(z.boolean()).meta({
    description: 'Does a state of urgency make the usual minimum periods impractical (Procurement Act 2023 s.54(3) participation period, s.54(4) table entry 5)? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  qualifyingPriorInformationNotice: unknownable(z.boolean()).meta({
    description:
      'PCR 2015: was a prior information notice (not itself the call for competition) published with all the contract notice information then available, sent 35 days to 12 months before the contract notice (regs 27(4), 28(6), 29(6))?',
  }),
  participationPeriodDays: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_DAYS, `must be at most ${MAX_DAYS} days`)
    .optional()
    .meta({ description: 'Calendar days the plan allows for requests to participate, from the notice: the competitive flexible procedure (Procurement Act 2023 s.54(3)) or the PCR 2015 restricted, competitive with negotiation, competitive dialogue and innovation partnership procedures (regs 28-31).' }),
  preselectedSuppliersOnly: unknownable(z.boolean()).meta({
    description: 'Competitive flexible procedure: may tenders be submitted only by suppliers pre-selected at a participation stage (Procurement Act 2023 s.54(4), table entry 3)?',
  }),
  negotiatedTenderingPeriod: unknownable(z.boolean()).meta({
    description: 'Is the tendering period agreed between the authority and the pre-selected suppliers or selected candidates (Procurement Act 2023 s.54(4) table entry 2; PCR 2015 regs 28(7), 29(7) for sub-central authorities)?',
  }),
});

export const Route = z.strictObject({
  regime: RegimeChoice,
  process: Process,
  framework: z
    .boolean()
    .default(false)
    .meta({ description: 'Is the award the conclusion of a framework agreement (PSR reg 16; PCR reg 33; PA s.45)?' }),
  frameworkTermMonths: Months.optional()
    .meta({ description: 'For the conclusion of a framework agreement: the framework\'s own term in months, every option included (not the term of the contracts called off under it).' }),
  frameworkTermJustified: unknownable(z.boolean()).meta({
    description:
      'For a framework longer than the maximum term (PSR reg 16(5); PCR 2015 reg 33(3)): is the exceptional justification for its length recorded? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  advertised: unknownable(z.boolean()).meta({
    description:
      'For a below-threshold procurement: will the opportunity be advertised at all (PCR 2015 reg 110: an advertised opportunity must then also go on Contracts Finder)? Procedures that are advertised by nature need not say.',
  }),
});

export const Dates = z.strictObject({
  decision: IsoDate.optional().meta({ description: 'Date of the decision to proceed (cabinet or delegated decision).' }),
  procurementStart: IsoDate.meta({
    description:
      'When the procurement starts: the first notice sent or, with no notice, the first approach to the market. Decides the regime and thresholds. OCDS: tender.tenderPeriod.startDate.',
  }),
  mspIntentionSubmitted: unknownable(IsoDate).meta({
    description:
      'Most suitable provider process: when the notice of intention to follow the process (step 1, reg 10(2)) is, or was, submitted for publication on the central digital platform; reg 10(5) counts its 14 days from this day. Left out, it is dates.procurementStart (the first notice sent). Null: not known, as for a notice read from Find a Tender, which dates only its publication: the 14 days are then counted from the procurement start, the latest it can have been submitted, and only what that settles is decided.',
  }),
  mspProvidersIdentified: IsoDate.optional().meta({
    description:
      'Most suitable provider process: when step 2 is, or was, completed: the potential providers that may be the most suitable identified, by the key criteria and the basic selection criteria (reg 10(4)). Not before the 14th day after the notice of intention to follow the process is submitted for publication (reg 10(5)), and before the notice of intention to award (steps 3-4). The authority\'s own act: left out, it is a condition with those dates.',
  }),
  plannedProcurementNotice: IsoDate.optional().meta({
    description:
      'Procurement Act 2023: when the planned procurement notice (s.15) is or was published, if there is one. With it procheck works out whether it qualifies for the 10-day tendering period (s.15(3): at least 40 days and not more than 12 months before the tender notice) instead of relying on timetable.qualifyingPlannedProcurementNotice. OCDS: the planning release date.',
  }),
  tenderNotice: IsoDate.optional().meta({
    description:
      'Procurement Act 2023: when the tender notice (s.21) is or was published, where that is not the start of the procurement (for example a planned procurement notice came first, and is the start). The tendering period (s.54(5)) runs from the day after it. Left out, the tender notice is taken to start the procurement. OCDS: tender.tenderPeriod.startDate.',
  }),
  awardDecision: IsoDate.optional().meta({
    description:
      'When the award decision is published: PSR notice of intention to award, PCR award decision notice, PA contract award notice. OCDS: awards[].date.',
  }),
  contractSigned: IsoDate.optional().meta({ description: 'When the contract is (to be) entered into. OCDS: contracts[].dateSigned.' }),
  contractStart: IsoDate.meta({ description: 'When the service under the new arrangement starts. OCDS: contracts[].period.startDate.' }),
  statedRepresentationsDeadline: IsoDate.optional().meta({
    description: 'The end of the period for representations the authority states (or intends to state) in its PSR notice of intention and, in the competitive process, in the letters to unsuccessful providers, which must give it (reg 11(8)(b), Schedule 9 para 5); checked against reg 12(3). A direct award C or most suitable provider notice need state none, and what it states cannot shorten the standstill.',
  }),
  statedRepresentationsTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day written HH:MM (24:00 for midnight at the end of the day)')
    .optional()
    .meta({ description: 'The time of day the stated representations deadline ends, HH:MM; 24:00 (or 23:59) for midnight at the end of the day, as reg 12(3) allows.' }),
  awardNoticeSubmitted: IsoDate.optional().meta({
    description:
      'When the PSR notice of award (or of an urgent award) is, or was, submitted for publication on the central digital platform: the 30 days of regs 7-11 and 14(5) run to this day, not to publication. Left out, procheck reads the publication date (dates.awardNoticePublished) as the latest it can have been: a notice published in time was submitted in time, one published later is a question. OCDS gives only the publication date.',
  }),
  awardNoticePublished: IsoDate.optional().meta({
    description: 'When the PSR notice of award (confirming the contract award, after the contract is entered into) is, or was, published. OCDS: a contract award release date.',
  }),
  modificationNoticeSubmitted: IsoDate.optional().meta({
    description:
      'When the PSR notice of a modification (reg 13) or of an urgent modification (reg 14) is, or was, submitted for publication on the central digital platform: its 30 days run to this day, not to publication. Left out, procheck reads the publication date (dates.modificationNoticePublished) as the latest it can have been. OCDS gives only the publication date. (The Procurement Act contract change notice is judged on its publication, s.75.)',
  }),
  modificationNoticePublished: IsoDate.optional().meta({
    description: 'When the notice of a change to an existing contract is, or was, published: the PSR modification notice (reg 13) or the Procurement Act contract change notice (s.75). OCDS: the release date of the contract amendment.',
  }),
}).superRefine((d, ctx) => {
  // The procurement starts with its first notice: a tender notice cannot come before it.
  if (d.tenderNotice !== undefined && d.tenderNotice < d.procurementStart)
    ctx.addIssue({ code: 'custom', path: ['tenderNotice'], message: `the tender notice cannot come before the start of the procurement (dates.procurementStart ${d.procurementStart}), which is its first notice` });
  // A notice is submitted for publication, then published: never the other way round.
  for (const [submitted, published] of [
    ['awardNoticeSubmitted', 'awardNoticePublished'],
    ['modificationNoticeSubmitted', 'modificationNoticePublished'],
  ] as const) {
    const s = d[submitted];
    const p = d[published];
    if (s !== undefined && p !== undefined && s > p)
      ctx.addIssue({ code: 'custom', path: [submitted], message: `a notice is submitted for publication on or before the day it is published (dates.${published} ${p})` });
  }
});

export const Incumbent = z.strictObject({
  provider: z.string().min(1).meta({ description: 'Current provider. OCDS: awards[].suppliers[].name of the existing contract.' }),
  contractStart: IsoDate.optional(),
  contractEnd: unknownable(IsoDate).meta({ description: 'End of the current contract term as it stands (without unexercised extensions); null when not known (a published notice may name the provider but not the end of its contract).' }),
  awardedUnder: unknownable(z.enum(['psr', 'pcr2015', 'pa2023', 'pcr2006', 'other'])).meta({
    description: 'Regime the current contract was awarded under (changes follow that regime).',
  }),
  awardedBy: unknownable(Process).meta({ description: 'Process the current contract was awarded by (e.g. direct-award-a).' }),
  satisfyingContract: unknownable(z.boolean()).meta({ description: 'Is the provider satisfying the current contract (PSR reg 9)? A claim the authority must make itself: left out, it is not relied on (except for direct-award-c, whose choice is the claim, where it stays a question); null: not known.' }),
  likelyToSatisfyNewContract: unknownable(z.boolean()).meta({
    description: 'Is it likely to satisfy the proposed contract to a sufficient standard (PSR reg 9)? A claim the authority must make itself: left out, it is not relied on (except for direct-award-c, whose choice is the claim, where it stays a question); null: not known.',
  }),
  extensionRemainingMonths: unknownable(z.number().int().nonnegative().max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months (50 years)`)).meta({
    description: 'Extension still available under the current contract\'s written options, in months.',
  }),
  originalLifetimeValue: unknownable(Money.positive()).meta({
    description:
      'Lifetime (estimated) value of the current contract when it was entered into (PSR reg 6 considerable change, reg 13 limits; PCR 2015 reg 72 caps; Procurement Act 2023 s.74).',
  }),
  indexedLifetimeValue: Money.positive().optional().meta({
    description:
      'Where the current contract has an indexation clause: its lifetime value as updated under that clause, which is the reference figure for the PCR 2015 limits on a change, the share of the original contract value each change under reg 72(1)(b)-(c) may add and the share of the initial value below which reg 72(5) allows one (reg 72(7)). Left out, the lifetime value when the contract was entered into is the reference.',
  }),
  bridgingArrangement: unknownable(z.boolean()).meta({
    description:
      'Is there a lawful arrangement to keep the service running from the end of the current contract until the new one starts (an extension written into it, or an urgent award)?',
  }),
  originalMaxTermMonths: unknownable(z.number().int().positive().max(MAX_MONTHS * (MAX_EXTENSIONS + 1), `must be at most ${MAX_MONTHS * (MAX_EXTENSIONS + 1)} months`)).meta({
    description: 'Maximum term of the current contract as awarded, every option included, in months (Procurement Act 2023 s.74(3): a term change of more than 10% is substantial).',
  }),
});

export const JustificationGround = z
  .enum([
    'no-suitable-tenders',
    'artistic',
    'technical-reasons',
    'exclusive-rights',
    'extreme-urgency',
    'repetition',
    'additional-services',
    'user-choice',
    'none',
  ])
  .meta({
    description:
      'Ground relied on to award without competition: PCR 2015 reg 32(2)(a) no (suitable) tenders, 32(2)(b)(i)-(iii) artistic, technical reasons, exclusive rights, 32(2)(c) extreme urgency, 32(9) repetition of similar services; Procurement Act 2023 Sch 5 paras 4-6, 7 (additional), 8 (repeat), 13 (urgency), 15 (user choice); "none" when the plan names no ground.',
  });

export const Justification = z.strictObject({
  ground: unknownable(JustificationGround),
  explanation: z.string().optional().meta({ description: 'The authority\'s reasons, as it would put them in the notice.' }),
  noReasonableAlternative: unknownable(z.boolean()).meta({
    description: 'Is there no reasonable alternative or substitute supplier, and is the absence of competition not the result of artificially narrowing the requirement (PCR 2015 reg 32(2)(b); Procurement Act 2023 Sch 5 paras 5-6)?',
  }),
  priorProcedureFailed: unknownable(z.boolean()).meta({
    description: 'Did an open or restricted (or competitive) procedure run first draw no tenders or no suitable tenders (PCR 2015 reg 32(2)(a); Procurement Act 2023 s.43)?',
  }),
  initialConditionsSubstantiallyAltered: unknownable(z.boolean()).meta({
    description: 'Would the award substantially alter the initial conditions of the failed procedure (PCR 2015 reg 32(2)(a))?',
  }),
  foreseenInOriginalNotice: unknownable(z.boolean()).meta({
    description: 'Was the possibility of repeating or adding to the services disclosed in the original procurement (notice or documents) (PCR 2015 reg 32(10)-(11); Procurement Act 2023 Sch 5 para 8)?',
  }),
  originalContractAwarded: IsoDate.optional().meta({
    description: 'When the original contract (the one repeated or added to) was entered into: the repeat-award periods count from that day (PCR 2015 reg 32(12): three years; Procurement Act 2023 Sch 5 para 8: five years), to the day the new contract is entered into.',
  }),
  originalAwardedCompetitively: unknownable(z.boolean()).meta({
    description: 'Was the original contract awarded by a competitive procedure (needed for repetition grounds)?',
  }),
  strictlyNecessary: unknownable(z.boolean()).meta({
    description: 'Is the award limited to what is strictly necessary to meet the urgency (PCR 2015 reg 32(2)(c); Procurement Act 2023 Sch 5 para 13)?',
  }),
  procedureGround: unknownable(
    z.enum([
      'adaptation-needed',
      'design-or-innovative-solutions',
      'prior-negotiation-needed',
      'specifications-not-precise',
      'irregular-or-unacceptable-tenders',
      'innovative-need-not-on-market',
      'none',
    ]),
  ).meta({
    description:
      'For the PCR 2015 competitive procedure with negotiation or competitive dialogue, the reg 26(4) ground relied on: (a)(i) needs cannot be met without adapting readily available solutions, (a)(ii) design or innovative solutions, (a)(iii) contract cannot be awarded without prior negotiation, (a)(iv) specifications cannot be established precisely, (b) only irregular or unacceptable tenders in an open or restricted procedure; for an innovation partnership (reg 31), a need for innovative services not available on the market; "none" when there is none.',
  }),
});

export const FrameworkAgreement = z.strictObject({
  name: z.string().min(1).meta({ description: 'The framework agreement called off (e.g. a Crown Commercial Service framework). OCDS: relatedProcesses[framework].' }),
  owner: z.string().optional().meta({ description: 'Body that let the framework.' }),
  awardedUnder: unknownable(z.enum(['psr', 'pcr2015', 'pa2023', 'pcr2006', 'other'])).meta({
    description: 'Regime the framework was let under: a call-off follows the framework\'s regime.',
  }),
  endDate: IsoDate.optional().meta({ description: 'Last day the framework can be called off.' }),
  authorityEntitled: unknownable(z.boolean()).meta({
    description: 'Is the authority named or clearly identified in the framework notice as able to call off from it (PCR 2015 reg 33(5); Procurement Act 2023 s.45)?',
  }),
  callOff: unknownable(z.enum(['direct', 'mini-competition'])).meta({
    description: 'How the call-off is awarded: directly on the framework terms, or by a further (mini-)competition.',
  }),
  singleOperator: unknownable(z.boolean()).meta({
    description:
      'Is the framework agreement with a single supplier? A single-supplier framework is called off within the limits it lays down, the supplier asked in writing to supplement its tender where needed (PCR 2015 reg 33(7)); a framework with several suppliers is called off directly only where it sets all the terms and the objective conditions for choosing among them (reg 33(8)(a)). Under the PSR, a framework concluded with a single provider may be called off without a competition, in accordance with it (PSR reg 18(3)); one with more than one, without a competition only as the framework provides (reg 18(4)). Count the parties when the call-off is made, any added during the framework\'s term included (PSR reg 17).',
  }),
  termsAllowDirectAward: unknownable(z.boolean()).meta({
    description:
      'Does the framework allow a call-off without a competition? Under the PCR 2015 and the Procurement Act: does it set out all the terms and the objective conditions for a direct call-off (PCR 2015 reg 33(8)(a); Procurement Act 2023 s.46)? Under the PSR the test is the framework\'s own terms: a framework with more than one provider allows a call-off without a competition only where the choice is made in accordance with the framework agreement (PSR reg 18(4)); one with a single provider always allows it (reg 18(3)).',
  }),
  callOffSubstantiallyModifiesTerms: unknownable(z.boolean()).meta({
    description:
      'Would the call-off contract entail substantial modifications to the terms laid down in the framework agreement (PSR reg 18(2))? The call-off\'s terms are the authority\'s own act: left out, it is a condition.',
  }),
});

export const DirectAwardFacts = z.strictObject({
  onlyProviderCapable: unknownable(z.boolean()).meta({
    description: 'Is the existing provider the only one that can realistically provide the services, because of their nature (PSR reg 7)? A claim the authority must make itself: left out, it is not relied on (except for direct-award-a, whose choice is the claim, where it stays a question); null: not known.',
  }),
  patientChoiceService: unknownable(z.boolean()).meta({
    description: 'Do patients have a choice of provider for these services (e.g. legal right to choose) (PSR reg 8)?',
  }),
  providerNumbersRestricted: unknownable(z.boolean()).meta({
    description: 'Does the authority restrict the number of providers (PSR reg 8)? A claim the authority must make itself: left out, it is not relied on (except for direct-award-b, whose choice is the claim, where it stays a question); null: not known.',
  }),
  allQualifyingProvidersOffered: unknownable(z.boolean()).meta({
    description: 'Will every provider that meets the requirements be offered a contract (PSR reg 8)? A claim the authority must make itself: left out, it is not relied on (except for direct-award-b, whose choice is the claim, where it stays a question); null: not known.',
  }),
  expressionOfInterestArrangements: unknownable(z.boolean()).meta({
    description: 'Does the authority have arrangements in place that let providers express an interest in providing the services (PSR reg 6(4)(d))? A claim the authority must make itself: left out, it is not relied on (except for direct-award-b, whose choice is the claim, where it stays a question); null: not known.',
  }),
  materiallyDifferent: unknownable(z.boolean()).meta({
    description: 'Are the proposed arrangements materially different in character from the existing contract when it was entered into (PSR reg 6 considerable change)?',
  }),
  changeAttributableToAuthority: unknownable(z.boolean()).meta({
    description: 'Are the changes from the existing contract attributable to a decision of the authority (PSR reg 6)?',
  }),
  mostSuitableProviderIdentifiable: unknownable(z.boolean()).meta({
    description: 'Can the authority identify the most suitable provider without a competition, having considered likely providers (PSR reg 10)? A claim the authority must make itself: left out, it is not relied on (except for most-suitable-provider, whose choice is the claim, where it stays a question); null: not known.',
  }),
  replacesExpiringContract: unknownable(z.boolean()).meta({
    description: 'Does the new contract replace an existing contract on its expiry (PSR reg 9)? Not stated, the dates decide it where the service starts the day after the existing contract ends.',
  }),
});

export const ChangeFacts = z.strictObject({
  description: z.string().min(1),
  effectiveDate: IsoDate.optional().meta({ description: 'The date the change takes effect.' }),
  agreedDate: IsoDate.optional().meta({
    description:
      'The date the variation is (or was) agreed, where that is not the day it takes effect (e.g. agreed with retrospective effect, or agreed ahead): the contract is modified when the variation is agreed, and the notice periods run from then (PSR reg 13(5), reg 14(5); Procurement Act s.75(1)). Left out, it is taken to be effectiveDate.',
  }),
  extensionMonths: z.number().int().nonnegative().max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months (50 years)`).optional().meta({ description: 'Added term, for an extension.' }),
  valueChange: unknownable(SignedMoney).meta({
    description: 'Change in lifetime value made by this change (GBP; may be negative).',
  }),
  cumulativeValueChange: unknownable(SignedMoney).meta({
    description: 'Total change in lifetime value since the contract was entered into, this change included (PSR reg 13(2)). Defaults to valueChange.',
  }),
  providedForInContract: unknownable(z.boolean()).meta({
    description: 'Is the change clearly and unambiguously provided for in the original contract (PSR reg 13(1)(a); PCR reg 72(1)(a))? A claim the authority must make itself: left out, it is not relied on (except for an extension, whose choice is the claim, where it stays a question); null: not known.',
  }),
  providedForInNotice: unknownable(z.boolean()).meta({
    description:
      'Was the possibility of the change also unambiguously provided for in the tender or transparency notice for the award of the contract (Procurement Act 2023 Sch 8 para 1(a)(ii): the contract alone is not enough)? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  materiallyDifferent: unknownable(z.boolean()).meta({
    description:
      'Would the change make the contract materially different in character (PSR reg 13) or alter its overall nature (PCR 2015 reg 72(1); Procurement Act 2023 Sch 8)?',
  }),
  attributableToAuthority: unknownable(z.boolean()).meta({ description: 'Is the change attributable to a decision of the authority?' }),
  externalFactors: unknownable(z.boolean()).meta({
    description: 'Is the change a response to external factors beyond the control of both parties, such as patient volumes or a contract price formula (PSR reg 13(1)(c))? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  unforeseeable: unknownable(z.boolean()).meta({
    description:
      'Was the need for the change brought about by circumstances a diligent authority could not have foreseen (PCR 2015 reg 72(1)(c); Procurement Act 2023 Sch 8 para 4)? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  additionalServices: unknownable(z.boolean()).meta({
    description: 'Is the change the addition of services (or goods or works) that have become necessary and were not in the original contract (PCR 2015 reg 72(1)(b); Procurement Act 2023 Sch 8 para 8)? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  changeOfSupplierImpracticable: unknownable(z.boolean()).meta({
    description:
      'Would a change of supplier be impossible for economic or technical reasons and cause significant inconvenience or substantial duplication of costs (PCR 2015 reg 72(1)(b)); or would a different supplier supply goods, services or works different from or incompatible with those of the contract, with disproportionate technical difficulties or other significant inconvenience and substantial duplication of costs (Procurement Act 2023 Sch 8 para 8(1)(b)-(c))?',
  }),
  substantial: unknownable(z.boolean()).meta({
    description:
      'Is the change substantial: would it have changed who could bid or who won, shift the economic balance to the supplier, or considerably extend the scope (PCR 2015 reg 72(8))? Under the Procurement Act 2023 the limbs of s.74(3) decide it (the term, scopeChanged, economicBalanceToSupplier); a no here also answers those two no where they are left out.',
  }),
  scopeChanged: unknownable(z.boolean()).meta({
    description:
      'Does the change provide for goods, services or works of a kind not already provided for in the contract, to a material extent (Procurement Act 2023 s.74(3)(b), (4)(c) and (5): a material change of scope makes a change substantial and rules out a below-threshold modification)? Left out, it follows from the change: an extension of the term provides for nothing of a new kind, a change that alters the overall nature of the contract does, and one the plan says is not substantial, and not altering the overall nature, does not materially. Null: not known.',
  }),
  economicBalanceToSupplier: unknownable(z.boolean()).meta({
    description:
      'Would the change materially change the economic balance of the contract in the supplier\'s favour, for example paying more for the same goods or services, or moving a risk from the supplier to the authority (Procurement Act 2023 s.74(3)(c): a material shift makes the change substantial)? An extension on the contract\'s existing prices and terms does not, of itself. Left out, it follows change.substantial: a change the plan says is not substantial does not. Null: not known.',
  }),
  knownRiskMaterialised: unknownable(z.boolean()).meta({
    description:
      'Does the authority rely on Procurement Act 2023 Schedule 8 para 5: a known risk has materialised through no act or omission of the authority or the supplier, so the contract cannot be performed to the authority\'s satisfaction, the change goes no further than needed to remedy that, and awarding a new contract instead would not be in the public interest? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  knownRiskInNotice: unknownable(z.boolean()).meta({
    description:
      'Was the risk identified as a known risk in the tender or transparency notice for the award of the contract, with the possibility of a modification under Schedule 8 para 5 if it materialised (Procurement Act 2023 Sch 8 para 6(b); Procurement Regulations 2024 reg 18(2)(z))?',
  }),
  providerSuccessionOnly: unknownable(z.boolean()).meta({
    description: 'Is the only change the provider\'s identity, by succession after corporate change, to a provider meeting the basic selection criteria (PSR reg 13(1)(b))? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
});

export const Urgency = z.strictObject({
  reason: z.string().min(1),
  foreseeable: unknownable(z.boolean()).meta({ description: 'Could the authority have foreseen the urgency?' }),
  attributableToAuthority: unknownable(z.boolean()).meta({ description: 'Is the urgency attributable to the authority (e.g. poor planning)?' }),
  termLimitedToUrgency: unknownable(z.boolean()).meta({
    description: 'Is the term of the urgent award or modification no longer than the urgency requires, with a regular process to follow (PSR reg 14; guidance: as short as possible)?',
  }),
  delayRisksSafety: unknownable(z.boolean()).meta({
    description: 'Would the delay of the usual process likely pose a risk to patient or public safety (PSR reg 14)?',
  }),
});

export const Staff = z.strictObject({
  assignedToService: unknownable(z.boolean()).meta({
    description: 'Is there an organised grouping of staff whose principal purpose is delivering the current service (TUPE reg 3(1)(b))?',
  }),
  activitiesFundamentallyChanged: unknownable(z.boolean()).meta({
    description: 'Will the activities be fundamentally different after the change (TUPE reg 3(2A))? A claim the authority must make itself: left out, it is not relied on; null: not known.',
  }),
  pensionSchemes: z
    .array(z.enum(['lgps', 'nhs-pension-scheme', 'other-defined-benefit', 'defined-contribution', 'unknown']))
    .optional()
    .meta({
      description:
        'Pension schemes the assigned staff belong to (LGPS, NHS Pension Scheme, ...); [] when none of them is in a pension scheme. Left out, the schemes are not known, as if it said "unknown".',
    }),
  tenderRequiresLgpsProtection: unknownable(z.boolean()).meta({
    description:
      'Will the tender and the contract require the new provider to secure pension protection for the transferring staff in the Local Government Pension Scheme: admission to the Scheme (an admission agreement with the fund) or a scheme an actuary certifies as broadly comparable, enforceable by the staff (Best Value Authorities Staff Transfers (Pensions) Direction 2007)? false where they require less, such as only a defined contribution scheme at the statutory minimum. The authority\'s own act: left out, it is a condition.',
  }),
  tenderRequiresNhsPensionAccess: unknownable(z.boolean()).meta({
    description:
      'Will the tender and the contract require the new provider to give the transferring staff in the NHS Pension Scheme continued access to it (New Fair Deal, HM Treasury 2013; NHS Pension Scheme access for a council\'s public health contract)? false where they require less, such as a broadly comparable or defined contribution scheme. The authority\'s own act: left out, it is a condition.',
  }),
  transferDate: IsoDate.optional().meta({ description: 'Date staff would transfer; defaults to dates.contractStart.' }),
  proposedRedundancies: unknownable(z.number().int().nonnegative().max(1_000_000, 'must be at most 1,000,000 people')).meta({
    description:
      'How many redundancies the incoming provider proposes at one establishment within 90 days (Trade Union and Labour Relations (Consolidation) Act 1992 s.188: 20 or more needs collective consultation); 0 when none.',
  }),
});

export const Governance = z.strictObject({
  conflictsOfInterestManaged: unknownable(z.boolean()).meta({
    description: 'Have decision-makers\' conflicts of interest been declared and managed, and recorded (PSR reg 21)?',
  }),
  recordsKept: unknownable(z.boolean()).meta({
    description: 'Will the authority keep the reg 24 record of the decision (providers, process, decision-makers, criteria, conflicts)?',
  }),
  keyCriteriaConsidered: unknownable(z.boolean()).meta({
    description: 'Have the five key criteria (PSR reg 5) been considered for the decision?',
  }),
  basicSelectionCriteriaApplied: unknownable(z.boolean()).meta({
    description: 'Are the basic selection criteria (PSR reg 19, Sch 16) and exclusions (reg 20) applied to the provider(s)?',
  }),
});

/** What the PSR notice of intention to award says (Schedules 3, 6 and 10), as drafted or published. */
export const IntentionNotice = z.strictObject({
  decisionMakersNamed: unknownable(z.boolean()).meta({ description: 'Does the notice give details of the decision-makers?' }),
  reasonsByKeyCriteria: unknownable(z.boolean()).meta({ description: 'Does it explain the decision-makers\' reasons for choosing the provider by reference to the key criteria?' }),
  conflictsDeclaredAndManaged: unknownable(z.boolean()).meta({
    description: 'Does it state any declared or potential conflicts of interest and how they were managed (or that there were none)?',
  }),
});

export const Source = z.strictObject({
  document: z.string(),
  section: z.string().optional(),
  url: z.string().optional(),
});

/**
 * The fields a lot may state for itself: the parts of a procurement that can
 * differ from lot to lot. A lot's field replaces the plan's whole field; what
 * a lot leaves out it shares with the plan.
 */
const LOT_FIELDS = [
  'services',
  'mixedProcurement',
  'value',
  'term',
  'route',
  'dates',
  'timetable',
  'incumbent',
  'directAward',
  'justification',
  'frameworkAgreement',
  'urgency',
  'staff',
  'intentionNotice',
  'governance',
] as const;

const planFields = {
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens').meta({ description: 'OCDS: ocid (local part).' }),
  title: z.string().min(1).meta({ description: 'OCDS: tender.title.' }),
  description: z.string().optional(),
  authority: z
    .strictObject({
      name: z.string().min(1).meta({ description: 'OCDS: buyer.name.' }),
      type: AuthorityType,
      thresholdTier: z
        .enum(['central', 'sub-central'])
        .optional()
        .meta({
          description:
            'Which procurement thresholds the authority meets: central government authorities (PCR 2015 Schedule 1; Procurement Act 2023 Sch 1) or sub-central. Derived from authority.type when absent (local and combined authorities: sub-central; NHS trusts, foundation trusts, ICBs and NHS England: central); needed for other public bodies.',
        }),
      overlay: z.string().optional().meta({
        description:
          'Id of the authority\'s local contract procedure rules overlay (a file under rules/local/, e.g. "coventry"): its rules are applied on top of the law. Without one only the law applies; an id with no overlay is an error listing those available.',
      }),
    })
    .meta({ description: 'The commissioning authority. OCDS: buyer.' }),
  contractType: z
    .enum(['services', 'goods', 'works'])
    .default('services')
    .meta({ description: 'Main procurement category: picks the threshold (services and goods share one). OCDS: tender.mainProcurementCategory.' }),
  services: z.array(Service).min(1),
  mixedProcurement: z
    .strictObject({
      otherElementsSeparable: unknownable(z.boolean()).meta({
        description: 'Could the non-health elements reasonably be supplied under a separate contract (PSR reg 3)?',
      }),
    })
    .optional()
    .meta({ description: 'For a contract mixing health care services with other goods or services (PSR reg 3).' }),
  value: Value.meta({ description: 'Contract value in GBP. OCDS: tender.value.' }),
  term: Term.meta({ description: 'Contract term and extension options. OCDS: tender.contractPeriod, options.' }),
  route: Route.meta({ description: 'The regime and process the plan chooses.' }),
  dates: Dates.meta({ description: 'The key dates of the plan.' }),
  timetable: TimetablePlan.optional().meta({
    description:
      'The plan\'s own stage lengths: with term.mobilisationMonths, procheck works out the latest date for each stage for the service to start on time.',
  }),
  incumbent: Incumbent.optional().meta({ description: 'The existing contract and provider, if any.' }),
  directAward: DirectAwardFacts.optional().meta({ description: 'Facts the PSR direct award and most suitable provider tests need.' }),
  justification: Justification.optional().meta({
    description: 'For an award without competition (PCR 2015 reg 32 negotiated procedure without prior publication; Procurement Act 2023 direct award, s.41 and Sch 5): the ground and its facts.',
  }),
  frameworkAgreement: FrameworkAgreement.optional().meta({ description: 'For a call-off from a framework agreement: the framework and how the call-off is made.' }),
  change: ChangeFacts.optional().meta({ description: 'For an extension or modification of the existing contract: what changes.' }),
  urgency: Urgency.optional().meta({ description: 'For an urgent award or modification (PSR reg 14), or an award without competition on grounds of extreme urgency (PCR 2015 reg 32(2)(c); Procurement Act 2023 Sch 5 para 13): the urgency.' }),
  staff: Staff.optional().meta({ description: 'Staff assigned to the current service (TUPE).' }),
  intentionNotice: IntentionNotice.optional().meta({
    description: 'For a PSR process with a notice of intention to award (direct award C, most suitable provider, competitive): what the notice, as drafted or published, contains (Schedules 3, 6, 10).',
  }),
  governance: Governance.optional().meta({ description: 'Decision-making duties: conflicts, records, criteria.' }),
  source: Source.optional().meta({ description: 'Where the plan comes from (e.g. a committee report and its section).' }),
};

export const Lot = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens').meta({ description: 'The lot\'s identifier, e.g. "lot-1". OCDS: tender.lots[].id.' }),
    title: z.string().min(1).meta({ description: 'OCDS: tender.lots[].title.' }),
    ...Object.fromEntries(LOT_FIELDS.map((k) => [k, planFields[k].optional()])) as { [K in (typeof LOT_FIELDS)[number]]: z.ZodOptional<(typeof planFields)[K]> },
  })
  .meta({
    id: 'Lot',
    description:
      'One lot of a procurement divided into lots: a contract of its own, judged with its own findings. A field it states replaces the plan\'s whole field (its services, value, term, route, dates, incumbent, ...); what it leaves out it shares with the plan. Its dates keep the plan\'s procurement start. OCDS: tender.lots[].',
  });

export const PlanSchema = z
  .strictObject({
    ...planFields,
    lots: z
      .array(Lot)
      .min(2)
      .max(MAX_LOTS, `must list at most ${MAX_LOTS} lots: give a larger procurement in parts, a plan for each`)
      .optional()
      .meta({
        description:
          `For a procurement divided into lots: each lot, at least two and at most ${MAX_LOTS}. The lots\' values are added together for the threshold (PCR 2015 reg 6(11)-(13); Procurement Act 2023 Sch 3 para 4), and each lot is judged as a contract of its own. OCDS: tender.lots.`,
      }),
  })
  .superRefine((plan, ctx) => {
    // Lots are parts of one procurement: each is named once, and starts when the procurement does.
    const seen = new Set<string>();
    plan.lots?.forEach((lot, i) => {
      if (seen.has(lot.id)) ctx.addIssue({ code: 'custom', path: ['lots', i, 'id'], message: `another lot is already called "${lot.id}"` });
      seen.add(lot.id);
      if (lot.value && lot.value.vatIncluded !== plan.value.vatIncluded)
        ctx.addIssue({
          code: 'custom',
          path: ['lots', i, 'value', 'vatIncluded'],
          message: `state every lot's value on the plan's VAT basis (value.vatIncluded ${plan.value.vatIncluded}), so the lots can be added together`,
        });
      if (lot.dates && lot.dates.procurementStart !== plan.dates.procurementStart)
        ctx.addIssue({
          code: 'custom',
          path: ['lots', i, 'dates', 'procurementStart'],
          message: `a lot is part of the plan's procurement and starts with it (dates.procurementStart ${plan.dates.procurementStart})`,
        });
    });
  })
  .meta({ id: 'Plan', title: 'procheck commissioning plan', description: 'One proposed commissioning decision for procheck to check.' });

export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type RegimeId = z.infer<typeof Regime>;
export type RegimeChoiceId = z.infer<typeof RegimeChoice>;
export type ProcessId = z.infer<typeof Process>;
