// Every fact a rule may test: its name, what it means, what kind of fact it
// is in law, and, where it is read from the plan, the plan field it comes
// from. The rule loader rejects a rule that names a fact not listed here, and
// a "missing fact" finding names the plan field a user must fill in and the
// question to ask.
//
// How each fact is computed is registered beside it: a fact held in one plan
// field is read from its `planPath`; a derived fact is a small function in
// fact-formulas.ts, with the facts it `reads`; the facts the rule set's steps
// define (the standstill, the latest dates) are computed by the engine, with
// their `from` written here. A fact is either a question (it has a
// `question`: an officer is asked it), or derived from other facts (its
// sources: the function's reads, or `from`), or it can never be unknown.
// `unknownSources` follows the sources back to the questions.
import { formulaOf, type FORMULAS } from './fact-formulas.js';

export interface FactInfo {
  description: string;
  /** Plan field(s) the fact is read from; a missing-fact finding names these. */
  planPath?: string;
  /**
   * For a fact read straight from one plan field (its `planPath`): the question,
   * in plain English and ending in "?", a procurement officer answers to fill
   * that field in. It does not repeat the field's path, which a finding adds.
   * Never set together with `from`.
   */
  question?: string;
  /**
   * For a derived fact: the catalogue facts whose being unknown (null) makes
   * this one unknown. An officer is asked about those, not about this fact.
   * Written here only for a fact the rule set's steps define
   * (src/engine/timetable-facts.ts); a fact written as a function
   * (fact-formulas.ts) has what the function reads, added below. Never set
   * together with `question`. Names are checked against the catalogue.
   */
  from?: readonly string[];
  /**
   * What the fact is in law (Catala's defaults and exceptions, as data):
   *  - "world" (the default): a fact about the world; left unknown, it is a question;
   *  - "claim": an exception, justification, ground or determination the
   *    authority must itself invoke and substantiate; left out of the plan it
   *    is not relied on (`claim.notClaimed`), and the general rule decides;
   *  - "act": something the authority itself will do (enter into the contract,
   *    keep the record); left out, it is a condition: an instruction with its
   *    dates, not a doubt.
   */
  kind?: FactKind;
  claim?: ClaimInfo;
  act?: ActInfo;
}

export type FactKind = 'world' | 'claim' | 'act';

export interface ClaimInfo {
  /** The value the fact has when the plan leaves it out: the exception not relied on. A stated null stays a question. */
  notClaimed: boolean;
  /** The provision that puts it on the authority to invoke, in words, as a reason quotes it. */
  burden: string;
  /** What the plan would say to rely on it, for the reason ("state it in ..."): the claim in an officer's words. */
  claim: string;
  /** Routes (route.process) whose choice is itself the claim: for them a fact left out stays a question. */
  claimedBy?: readonly string[];
}

export interface ActInfo {
  /** The act as an instruction: "Keep a record of the decision"; for a date, the verb phrase the date completes ("Enter into the contract"). */
  instruction: string;
  /** A yes/no act: the value it has once done as the law requires. Absent for a date. */
  done?: boolean;
}

/** The catalogue as written; FACT_CATALOGUE below adds each function's reads as its `from`. */
const WRITTEN = {
  authorityType: { description: 'Kind of commissioning body', planPath: 'authority.type', question: 'What kind of body is the commissioning authority?' },
  psrRelevantAuthority: { description: 'The authority is a PSR relevant authority (NHS England, ICB, NHS trust or foundation trust, local or combined authority)' },
  servicesHealthCareKnown: { description: 'Every service\'s health care status is known: stated, or, where the plan leaves it out, settled by its CPV codes against PSR Schedule 1', planPath: 'services[].healthCare', question: 'Is each service a health care service within the Provider Selection Regime (PSR)?' },
  anyHealthCare: { description: 'At least one service is a health care service in PSR scope' },
  mixedProcurement: { description: 'The contract mixes health care services with other goods or services' },
  healthCareShare: { description: 'Share of the value that is health care services (0-1)', planPath: 'services[].valueShare' },
  otherElementsSeparable: { description: 'The non-health elements could reasonably be supplied under a separate contract', planPath: 'mixedProcurement.otherElementsSeparable', question: 'Could the services that are not health care reasonably be supplied under a separate contract?' },
  psrScope: { description: 'The contract, as one contract, is within the PSR (a relevant authority; health care services, and where mixed with other goods or services, the main subject matter by estimated lifetime value: PSR reg 3(3)(a), 3(4)(a))', planPath: 'services[].healthCare' },
  declaredRegime: { description: 'Regime the plan names', planPath: 'route.regime', question: 'Which regime does the plan follow: the PSR, the Public Contracts Regulations 2015, the Procurement Act 2023, or should procheck decide?' },
  applicableRegime: { description: 'Regime that applies on the plan\'s facts and dates (psr, pcr2015, pa2023, pcr2006)' },
  regime: { description: 'Regime the plan is judged under (the applicable one)' },
  regimeBasis: { description: 'Why that regime applies' },
  pcr2006Governs: { description: 'The procurement (or the change) falls under PCR 2006, before PCR 2015 came into force' },
  inScope: { description: 'The plan falls under a regime procheck checks (not PCR 2006)' },
  regimeMismatch: { description: 'The plan names a regime other than the one that applies (not where the law leaves open which of the two applies)' },
  process: { description: 'Award process, procedure or change', planPath: 'route.process', question: 'Which award process or procedure will be used, or which change is being made to the existing contract?' },
  processKind: { description: '"new-award" or "change" (extension or modification of an existing contract)' },
  processRegime: { description: 'Regime the named process belongs to ("any" where several share the name)' },
  framework: { description: 'The award concludes a framework agreement', planPath: 'route.framework', question: 'Will the award set up a framework agreement?' },
  advertised: { description: 'A below-threshold opportunity will be advertised', planPath: 'route.advertised', question: 'Will the below-threshold opportunity be advertised at all?' },
  frameworkTermYears: { description: 'Term of the framework agreement concluded, every option included (years)', planPath: 'route.frameworkTermMonths', question: 'How long is the framework agreement itself, in months, every option included?' },
  frameworkTermJustified: { description: 'The exceptional justification for a framework longer than the maximum term is recorded', planPath: 'route.frameworkTermJustified', question: 'Is the exceptional justification for the framework\'s length recorded?' , kind: 'claim', claim: { notClaimed: false, burden: "PSR reg 16(5) (exceptional cases where the authority is satisfied the subject-matter justifies a longer term) and PCR 2015 reg 33(3) (exceptional cases duly justified): a longer framework only on the authority's own recorded justification", claim: "an exceptional justification for the framework's length recorded" } },
  procurementStart: { description: 'Date the procurement starts', planPath: 'dates.procurementStart', question: 'On what date will the procurement start (the first notice, or the first approach to the market)?' },
  decisionDate: { description: 'Date of the decision to proceed', planPath: 'dates.decision', question: 'On what date will the decision to proceed be taken?' },
  awardDecision: { description: 'Date the award decision (PSR intention notice) is published', planPath: 'dates.awardDecision', question: 'On what date will the award decision be published?' , kind: 'act', act: { instruction: 'Publish the award decision' } },
  contractSigned: { description: 'Date the contract is entered into', planPath: 'dates.contractSigned', question: 'On what date will the contract be entered into?' , kind: 'act', act: { instruction: 'Enter into the contract' } },
  mspProvidersIdentified: { description: 'Date step 2 of the most suitable provider process is completed: the potential providers identified (PSR reg 10(4))', planPath: 'dates.mspProvidersIdentified', question: 'On what date will you complete identifying the potential providers who may be the most suitable (step 2 of the process)?' , kind: 'act', act: { instruction: 'Complete step 2 of the most suitable provider process (identifying the potential providers)' } },
  contractStart: { description: 'Date the service starts', planPath: 'dates.contractStart', question: 'On what date will the service start?' },
  statedRepresentationsDeadline: { description: 'Representations deadline the authority intends to state', planPath: 'dates.statedRepresentationsDeadline', question: 'What deadline for representations will the notice of intention to award give?' },
  statedCutOffBeforeMidnight: { description: 'The stated representations deadline ends at a time of day (dates.statedRepresentationsTime) before midnight' },
  awardNoticePublished: { description: 'Date the PSR notice of award is published', planPath: 'dates.awardNoticePublished', question: 'On what date will the notice of award be published?' },
  awardNoticeSubmitted: { description: 'Date the PSR notice of award (or of an urgent award) is submitted for publication, which the 30 days run to (regs 7-11, 14(5))', planPath: 'dates.awardNoticeSubmitted', question: 'On what date was the notice of award, or will it be, submitted for publication (sent to the central digital platform, which may publish it later)?' },
  awardNoticeSubmittedBy: { description: 'The latest day the PSR notice of award can have been submitted for publication: the day it is submitted, else the day it is published (a notice is submitted on or before it is published)' },
  modificationNoticePublished: { description: 'Date the notice of the change (PSR modification notice, or Procurement Act contract change notice) is published', planPath: 'dates.modificationNoticePublished', question: 'On what date will the notice of the change be published?' },
  modificationNoticeSubmitted: { description: 'Date the PSR notice of a modification (or of an urgent modification) is submitted for publication, which the 30 days run to (regs 13(5), 14(5))', planPath: 'dates.modificationNoticeSubmitted', question: 'On what date was the notice of the modification, or will it be, submitted for publication (sent to the central digital platform, which may publish it later)?' },
  modificationNoticeSubmittedBy: { description: 'The latest day the PSR notice of a modification can have been submitted for publication: the day it is submitted, else the day it is published' },
  statedDeadlineShortBy: { description: 'Days by which the stated representations deadline falls before the last day reg 12 allows', planPath: 'dates.statedRepresentationsDeadline', from: ['psrRepresentationsDeadline'] },
  psrAwardNoticeDue: { description: 'Last day to submit the PSR notice of award for publication: the award-notice period after the contract is entered into', planPath: 'dates.contractSigned', from: ['contractSigned'] },
  psrUrgentNoticeDue: { description: 'Last day to submit the notice of a PSR urgent award for publication: the urgent-notice period after the contract is entered into', planPath: 'dates.contractSigned', from: ['contractSigned'] },
  psrUrgentModificationNoticeDue: { description: 'Last day to submit the notice of a PSR urgent modification for publication: the urgent-notice period after the contract is modified', planPath: 'change.effectiveDate', from: ['changeMadeDate'] },
  psrModificationNoticeDue: { description: 'Last day to submit the PSR notice of a modification for publication: the modification-notice period after the contract is modified', planPath: 'change.effectiveDate', from: ['changeMadeDate'] },
  mspIntentionSubmitted: { description: 'Date the notice of intention to follow the most suitable provider process (step 1) is submitted for publication: as the plan states it, else the procurement start (the first notice sent); unknown where the plan says it is not known', planPath: 'dates.mspIntentionSubmitted', question: 'On what date was the notice of intention to follow the most suitable provider process submitted for publication (sent to the central digital platform, which may publish it later)?' },
  mspIntentionSubmittedBy: { description: 'The latest day the notice of intention to follow the most suitable provider process can have been submitted for publication: the day it was, else the procurement start (the day it was sent or, as read from a published notice, published)' },
  mspProvidersIdentifiableFrom: { description: 'First day the most suitable provider process may complete step 2, identifying the potential providers: the set number of days after the notice of intention to follow it is submitted for publication (reg 10(5)); where that day is not known, counted from the latest it can have been, so the latest the first day can be', planPath: 'dates.mspIntentionSubmitted, dates.procurementStart', from: ['mspIntentionSubmittedBy'] },
  calendarCoversDates: {
    description: 'The working-day calendar (rules/params/bank-holidays.json) covers the plan\'s dates',
    question: 'The plan\'s dates fall outside the bank holidays procheck holds (rules/params/bank-holidays.json): on which day does the period end, counted by hand?',
  },
  standstillApplies: { description: 'The process has a standstill under the regime that governs the plan (the gate of its standstill-end step in the rule set)', from: ['regime'] },
  psrRepresentationsDeadline: { description: 'Last day for representations under PSR reg 12(3): the 8th working day after the day the standstill begins (the day after the intention notice)', planPath: 'dates.awardDecision', from: ['regime', 'standstillApplies', 'awardDecision'] },
  psrEarliestContractDate: { description: 'First day the contract may be entered into if no representations are made (PSR reg 12)', planPath: 'dates.awardDecision', from: ['regime', 'standstillApplies', 'awardDecision'] },
  pcrEarliestContractDate: { description: 'First day the contract may be entered into after the PCR 2015 reg 87 standstill (10 days after the award decision notices are sent)', planPath: 'dates.awardDecision', from: ['regime', 'standstillApplies', 'awardDecision'] },
  earliestContractDate: { description: 'First day the contract may lawfully be entered into: the end of the standstill where the process has one, otherwise the award decision', planPath: 'dates.awardDecision', from: ['regime', 'standstillApplies', 'awardDecision'] },
  paEarliestContractDate: { description: 'First day the contract may be entered into after the Procurement Act 2023 s.51 standstill (8 working days beginning with the day the contract award notice is published)', planPath: 'dates.awardDecision', from: ['regime', 'standstillApplies', 'awardDecision'] },
  contractType: { description: 'Main procurement category: services, goods or works', planPath: 'contractType', question: 'Is the contract mainly for services, goods or works?' },
  thresholdTier: { description: 'Threshold tier of the authority: central or sub-central', planPath: 'authority.thresholdTier', question: 'Which procurement thresholds apply to the authority: those for central government or those for sub-central authorities?' },
  lightTouch: { description: 'The contract is wholly or mainly for light-touch services (PCR 2015 Sch 3; Procurement Regulations 2024 Sch 1)', planPath: 'services[].lightTouch' },
  serviceSharesStated: { description: 'Every service states its share of the contract value', planPath: 'services[].valueShare', question: 'What share of the contract value does each service account for, as a number from 0 to 1?' },
  lightTouchStated: { description: 'Every service states whether it is light-touch (services[].lightTouch), rather than procheck deriving it from its CPV list', planPath: 'services[].lightTouch', question: 'Is each service a light-touch service, such as a social, health, education or training service?' },
  lightTouchQualifiedCpv: { description: 'A service not stated light touch has a CPV code in a light-touch group the Procurement Regulations 2024 qualify (legal; prison, public security and rescue services: only to the extent Schedule 2 to the Act does not exempt them)', planPath: 'services[].lightTouch', question: 'Is each service a light-touch service, and for legal, prison, public security or rescue services, is the contract one the Act\'s exemptions leave in?' },
  healthCareClaimOutsideSchedule1: { description: 'A service the plan calls health care has no CPV code within PSR Schedule 1', planPath: 'services[].cpv', question: 'Which code from the Provider Selection Regime\'s list of health care services describes each health care service?' },
  healthCareDeniedWithSchedule1Code: { description: 'A service the plan says is not health care has a CPV code PSR Schedule 1 lists without a limit of extent', planPath: 'services[].healthCare', question: 'Is each service a health care service of a kind the Provider Selection Regime covers?' },
  threshold: { description: 'The procurement threshold that applies to the contract on the procurement start date (GBP)', planPath: 'services[].lightTouch' },
  thresholdParam: { description: 'Id of the dated parameter holding that threshold' },
  thresholdVatIncluded: { description: 'The threshold is compared with a value including VAT' },
  aboveThreshold: { description: 'The estimated value over the whole possible term (every lot\'s, for a lot) reaches the threshold', planPath: 'value.annual' },
  thresholdVatUncertain: { description: 'Whether the value reaches the threshold depends on whether VAT is charged', planPath: 'value.vatIncluded', question: 'The value is close to the threshold, and VAT decides which side it falls: what is the annual value with VAT included?' },
  publicationLimit: { description: 'Value from which a below-threshold opportunity and award must be published (Contracts Finder; Procurement Act notifiable contracts) (GBP)' },
  abovePublicationLimit: { description: 'The estimated value reaches the below-threshold publication limit', planPath: 'value.annual' },
  publicationVatUncertain: { description: 'Whether the value reaches the below-threshold publication limit depends on whether VAT is charged', planPath: 'value.vatIncluded', question: 'The value is close to the limit for publishing it, and VAT decides which side it falls: what is the annual value with VAT included?' },
  changeBelowThreshold: { description: 'The cumulative value change is below the procurement threshold (de minimis test)', planPath: 'change.cumulativeValueChange' },
  changeVatUncertain: { description: 'Whether the cumulative change reaches the threshold depends on whether VAT is charged', planPath: 'value.vatIncluded', question: 'The change in value is close to the threshold, and VAT decides which side it falls: what is the change in value with VAT included?' },
  annualValue: { description: 'Estimated annual value (GBP)', planPath: 'value.annual', question: 'What is the estimated annual value of the contract, in pounds?' },
  possibleAnnualValue: { description: 'Possible (uncommitted) provision per year (GBP)', planPath: 'value.possibleAnnual', question: 'How much possible provision a year, advertised but not committed, does the contract allow for, in pounds?' },
  vatIncluded: { description: 'Values include VAT', planPath: 'value.vatIncluded', question: 'Do the contract values include VAT?' },
  lifetimeValue: { description: 'Lifetime value over the maximum term with all options and possible provision (GBP)', planPath: 'value.lifetime' },
  estimatedValue: {
    description: 'Estimated value the thresholds and value tests compare (GBP): the lifetime value, or for a lot under PCR 2015 or the Procurement Act the values of the lots under the same regime added together',
    planPath: 'value.annual',
  },
  lotCount: { description: 'Number of lots the procurement is divided into (0 when it is not)' },
  smallLotLimit: { description: 'The PCR 2015 small-lot limit for the contract type in force when the procurement started (GBP; reg 6(14)), for a lot' },
  smallLot: {
    description: 'A lot let as a below-threshold award under the PCR 2015 small-lots exemption: worth less than the small-lot limit, the lots so let not more than the set share of all the lots (reg 6(14)-(15))',
    planPath: 'lots[].value.annual',
  },
  lifetimeValueStated: { description: 'The plan states the lifetime value rather than procheck deriving it' },
  initialTermMonths: { description: 'Initial term (months)', planPath: 'term.initialMonths', question: 'How many months is the initial term of the contract?' },
  extensionOptionCount: { description: 'Number of extension options', planPath: 'term.extensions', question: 'How many options to extend will the contract have?' },
  extensionMonthsTotal: { description: 'Total months of extension options', planPath: 'term.extensions[].months', question: 'How many months can each extension option add?' },
  maxTermMonths: { description: 'Maximum term with every option exercised (months)' },
  maxTermYears: { description: 'Maximum term with every option exercised (years)' },
  extensionsNotInContract: { description: 'Extension options the plan says are not written into the contract', planPath: 'term.extensions[].statedInContract', question: 'Is each extension option written clearly into the contract?' },
  extensionsContractUnknown: { description: 'Extension options for which the plan does not say whether they are written into the contract', planPath: 'term.extensions[].statedInContract', question: 'Is each extension option written clearly into the contract?' },
  contractEndIfAllOptions: { description: 'Contract end date if every option is exercised' },
  mobilisationMonths: { description: 'Mobilisation time the plan allows (months)', planPath: 'term.mobilisationMonths', question: 'How many months will there be between entering into the contract and the service start?' },
  approvalWeeks: { description: 'Weeks the plan allows from the decision to proceed to the start of the procurement', planPath: 'timetable.approvalWeeks', question: 'How many weeks will there be between the decision to proceed and the start of the procurement?' },
  tenderPeriodDays: { description: 'Days the plan allows from the start of the procurement to the tender deadline', planPath: 'timetable.tenderPeriodDays', question: 'How many days will bidders have from the start of the procurement to the deadline for tenders?' },
  electronicTenders: { description: 'Tenders may be submitted electronically', planPath: 'timetable.electronicTenders', question: 'May tenders be submitted electronically?' },
  documentsWithNotice: { description: 'The tender notice and all the associated tender documents are provided at the same time', planPath: 'timetable.documentsWithNotice', question: 'Will all the tender documents be provided at the same time as the tender notice?' },
  qualifyingPlannedProcurementNotice: { description: 'A qualifying planned procurement notice was published: one with the content the Procurement Regulations 2024 reg 16 requires, 40 days to 12 months before the tender notice (Procurement Act 2023 s.15(2)-(3))', planPath: 'timetable.qualifyingPlannedProcurementNotice', question: 'Was a planned procurement notice, setting out everything the Procurement Regulations 2024 require, published at least 40 days and not more than 12 months before the tender notice?' },
  plannedProcurementNoticeDate: { description: 'Date the planned procurement notice was or will be published', planPath: 'dates.plannedProcurementNotice', question: 'On what date was (or will) the planned procurement notice be published, if there is one?' },
  tenderNoticeDate: { description: 'Date the tender notice is published: the plan\'s dates.tenderNotice, else the start of the procurement', planPath: 'dates.tenderNotice' },
  plannedProcurementNoticeDaysBefore: { description: 'Days from the planned procurement notice to the tender notice', planPath: 'dates.plannedProcurementNotice and dates.tenderNotice' },
  plannedProcurementNoticeMonthsBefore: { description: 'Months from the planned procurement notice to the tender notice (fractional, to two places)', planPath: 'dates.plannedProcurementNotice and dates.tenderNotice' },
  plannedProcurementNoticeContent: { description: 'The planned procurement notice sets out what the Procurement Regulations 2024 reg 16 requires', planPath: 'timetable.plannedProcurementNoticeContent', question: 'Does the planned procurement notice set out everything the Procurement Regulations 2024 require (the authority, the procurement, the subject-matter, the expected dates, the procedure, how to get the documents and express an interest)?' },
  tenderingPeriodDays: { description: 'The tendering period as the Procurement Act 2023 counts it (s.54(5)): days from the day after the tender notice to the tender deadline', planPath: 'timetable.tenderPeriodDays and dates.tenderNotice' },
  urgencyShortensTenderPeriod: { description: 'A state of urgency makes the usual minimum periods impractical', planPath: 'timetable.urgencyShortensTenderPeriod', question: 'Does a state of urgency make the usual minimum periods impractical?' , kind: 'claim', claim: { notClaimed: false, burden: 'PCR 2015 regs 27(5) and 28(10) ("a state of urgency duly substantiated by the contracting authority") and Procurement Act 2023 s.54(3)-(4) (the urgency entries, where the authority considers the usual period impractical because of urgency): a shorter period only on urgency the authority invokes and substantiates', claim: 'a state of urgency that makes the usual minimum periods impractical' } },
  participationPeriodDays: { description: 'Days the plan allows for requests to participate in the competitive flexible procedure', planPath: 'timetable.participationPeriodDays', question: 'How many days will suppliers have to request to participate?' },
  qualifyingPriorInformationNotice: { description: 'A prior information notice that shortens the PCR 2015 time limits was published (regs 27(4), 28(6), 29(6))', planPath: 'timetable.qualifyingPriorInformationNotice', question: 'Was a prior information notice with all the contract notice information then available sent 35 days to 12 months before the contract notice?' },
  preselectedSuppliersOnly: { description: 'Only suppliers pre-selected at a participation stage may submit tenders', planPath: 'timetable.preselectedSuppliersOnly', question: 'Will only suppliers pre-selected at a participation stage be able to submit tenders?' },
  negotiatedTenderingPeriod: { description: 'The tendering period is agreed with the pre-selected suppliers', planPath: 'timetable.negotiatedTenderingPeriod', question: 'Will the tendering period be agreed with the pre-selected suppliers?' },
  evaluationWeeks: { description: 'Weeks the plan allows from the tender deadline to the award decision', planPath: 'timetable.evaluationWeeks', question: 'How many weeks will there be between the deadline for tenders and the award decision?' },
  latestContractSigned: { description: 'Latest date to enter into the contract and still allow the plan\'s mobilisation before the service start', planPath: 'term.mobilisationMonths', from: ['contractStart', 'mobilisationMonths'] },
  latestAwardDecision: { description: 'Latest date for the award decision notice whose standstill (under the governing regime) ends by the latest contract date', planPath: 'term.mobilisationMonths', from: ['regime', 'standstillApplies', 'latestContractSigned'] },
  latestTenderDeadline: { description: 'Latest tender deadline that leaves the plan\'s evaluation time before the latest award decision', planPath: 'timetable.evaluationWeeks', from: ['latestAwardDecision', 'evaluationWeeks'] },
  latestProcurementStart: { description: 'Latest date to start the procurement for the contract to start on time, given the plan\'s stage lengths', planPath: 'timetable.tenderPeriodDays', from: ['latestTenderDeadline', 'tenderPeriodDays'] },
  latestDecisionDate: { description: 'Latest date for the decision to proceed, given the plan\'s approval time', planPath: 'timetable.approvalWeeks', from: ['latestProcurementStart', 'approvalWeeks'] },
  awardToStartMonths: { description: 'Months from the award decision to the service start' },
  hasIncumbent: { description: 'There is an existing contract and provider', planPath: 'incumbent', question: 'Is there an existing contract and provider for these services?' },
  incumbentProvider: { description: 'Existing provider', planPath: 'incumbent.provider', question: 'Who is the existing provider?' },
  incumbentContractEnd: { description: 'End of the existing contract', planPath: 'incumbent.contractEnd', question: 'On what date does the existing contract end, without any extension not yet used?' },
  incumbentAwardedUnder: { description: 'Regime the existing contract was awarded under', planPath: 'incumbent.awardedUnder', question: 'Which regime was the existing contract awarded under?' },
  incumbentAwardedBy: { description: 'Process the existing contract was awarded by', planPath: 'incumbent.awardedBy', question: 'Which process was the existing contract awarded by?' },
  incumbentSatisfying: { description: 'The existing provider is satisfying the existing contract', planPath: 'incumbent.satisfyingContract', question: 'Is the existing provider satisfying the existing contract?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['direct-award-c'], burden: 'PSR reg 6(5)(d): direct award C needs the authority to be of the view that the existing provider is satisfying the existing contract', claim: 'that the authority is of the view the existing provider is satisfying the existing contract' } },
  incumbentLikelyToSatisfy: { description: 'The existing provider is likely to satisfy the new contract to a sufficient standard', planPath: 'incumbent.likelyToSatisfyNewContract', question: 'Is the existing provider likely to satisfy the new contract to a sufficient standard?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['direct-award-c'], burden: 'PSR reg 6(5)(d): direct award C needs the authority to be of the view that the existing provider will likely satisfy the new contract to a sufficient standard', claim: 'that the authority is of the view the existing provider will likely satisfy the new contract' } },
  incumbentExtensionRemainingMonths: { description: 'Extension still available under the existing contract (months)', planPath: 'incumbent.extensionRemainingMonths', question: 'How many months of extension are still available under the options written into the existing contract?' },
  incumbentBridging: { description: 'A lawful arrangement keeps the service running from the end of the existing contract until the new one starts', planPath: 'incumbent.bridgingArrangement', question: 'Is there a lawful arrangement to keep the service running from the end of the existing contract until the new one starts (an extension written into it, or an urgent award)?' , kind: 'act', act: { instruction: 'Keep the service running from the end of the existing contract until the new one starts by a lawful arrangement (an extension option written into the existing contract, or a lawful urgent award)', done: true } },
  originalLifetimeValue: { description: 'Lifetime value of the existing contract when entered into (GBP)', planPath: 'incumbent.originalLifetimeValue', question: 'What was the lifetime value of the existing contract when it was entered into, in pounds?' },
  lifetimeValueIncrease: { description: 'Increase in lifetime value over the existing contract (GBP)', planPath: 'incumbent.originalLifetimeValue and value.annual' },
  lifetimeValueIncreaseRatio: { description: 'Increase in lifetime value as a share of the existing contract\'s', planPath: 'incumbent.originalLifetimeValue' },
  daysFromIncumbentEndToStart: { description: 'Days from the end of the existing contract to the new start (positive = gap)' },
  incumbentLatestEnd: { description: 'End of the existing contract if every extension left under its written options is exercised', planPath: 'incumbent.extensionRemainingMonths' },
  daysFromIncumbentLatestEndToStart: { description: 'Days from the end of the existing contract, every extension left exercised, to the new start (positive = gap)', planPath: 'incumbent.extensionRemainingMonths' },
  onlyProviderCapable: { description: 'Only the existing provider can realistically provide the services, because of their nature', planPath: 'directAward.onlyProviderCapable', question: 'Is the existing provider the only one that can realistically provide the services, because of their nature?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['direct-award-a'], burden: 'PSR reg 6(3)(b): direct award A is required only where the authority is satisfied that only the existing provider can provide the services, because of their nature', claim: 'that the authority is satisfied only the existing provider can provide the services' } },
  patientChoiceService: { description: 'Patients have a choice of provider for these services', planPath: 'directAward.patientChoiceService', question: 'Do patients have a choice of provider for these services?' },
  providerNumbersRestricted: { description: 'The authority restricts the number of providers', planPath: 'directAward.providerNumbersRestricted', question: 'Does the authority restrict the number of providers?' , kind: 'claim', claim: { notClaimed: true, claimedBy: ['direct-award-b'], burden: "PSR reg 6(4)(b): direct award B turns on the authority's own arrangements, one of which is not restricting the number of providers", claim: 'that the authority does not restrict the number of providers' } },
  allQualifyingProvidersOffered: { description: 'Every provider meeting the requirements is offered a contract', planPath: 'directAward.allQualifyingProvidersOffered', question: 'Will every provider that meets the requirements be offered a contract?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['direct-award-b'], burden: "PSR reg 6(4)(c): direct award B turns on the authority's own arrangements, one of which is offering a contract to every provider that meets the requirements", claim: 'that the authority will offer a contract to every provider meeting the requirements' } },
  expressionOfInterestArrangements: { description: 'The authority has arrangements that let providers express an interest in providing the services', planPath: 'directAward.expressionOfInterestArrangements', question: 'Does the authority have arrangements in place that let providers express an interest in providing the services?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['direct-award-b'], burden: 'PSR reg 6(4)(d): direct award B turns on the authority having arrangements in place for providers to express an interest', claim: 'that the authority has arrangements for providers to express an interest' } },
  materiallyDifferent: { description: 'Proposed arrangements are materially different in character from the existing contract', planPath: 'directAward.materiallyDifferent', question: 'Are the proposed arrangements materially different in character from the existing contract?' },
  changeAttributableToAuthority: { description: 'Changes from the existing contract are attributable to the authority\'s decision', planPath: 'directAward.changeAttributableToAuthority', question: 'Are the changes from the existing contract the result of a decision by the authority?' },
  mostSuitableProviderIdentifiable: { description: 'The authority can identify the most suitable provider without a competition', planPath: 'directAward.mostSuitableProviderIdentifiable', question: 'Can the authority identify the most suitable provider without a competition?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['most-suitable-provider'], burden: 'PSR reg 6(6)(c): the most suitable provider process needs the authority to be of the view that it is likely to be able to identify the most suitable provider', claim: 'that the authority is of the view it can identify the most suitable provider' } },
  replacesExpiringContract: { description: 'The new contract replaces an existing contract on its expiry', planPath: 'directAward.replacesExpiringContract', question: 'Does the new contract replace an existing contract when it ends?' },
  hasChange: { description: 'The plan describes a change to an existing contract', planPath: 'change', question: 'Does the plan change an existing contract, by extending or modifying it?' },
  changeWhilePsrInForce: { description: 'The change to an existing contract takes effect on or after the day the PSR came into force', planPath: 'change.effectiveDate' },
  changeExtensionMonths: { description: 'Months the change extends the contract by', planPath: 'change.extensionMonths', question: 'By how many months does the change extend the contract?' },
  changeEffectiveDate: { description: 'Date the change takes effect', planPath: 'change.effectiveDate', question: 'On what date does the change take effect?' },
  changeMadeDate: {
    description: 'Date the contract is modified: the day the variation is agreed (change.agreedDate), or, when the plan gives none, the day the change takes effect',
    planPath: 'change.agreedDate',
  },
  daysFromIncumbentEndToChange: { description: 'Days from the end of the existing contract to the day the change takes effect (1 = the next day)', planPath: 'change.effectiveDate' },
  changeValue: { description: 'Change in lifetime value from this change (GBP)', planPath: 'change.valueChange', question: 'By how much does this change alter the lifetime value of the contract, in pounds?' },
  changeCumulativeValue: { description: 'Cumulative change in lifetime value since award (GBP)', planPath: 'change.cumulativeValueChange', question: 'By how much has the lifetime value of the contract changed since it was entered into, including this change, in pounds?' },
  changeCumulativeSize: { description: 'The size of the cumulative change in lifetime value since award, up or down (GBP): a reduction counts as much as a rise', planPath: 'change.cumulativeValueChange' },
  changeCumulativeRatio: { description: 'The size of the cumulative change in lifetime value since award, up or down, as a share of the original lifetime value', planPath: 'incumbent.originalLifetimeValue' },
  changeProvidedForInContract: { description: 'The change is clearly and unambiguously provided for in the original contract', planPath: 'change.providedForInContract', question: 'Is the change clearly and unambiguously provided for in the original contract?' , kind: 'claim', claim: { notClaimed: false, claimedBy: ['extension'], burden: 'PCR 2015 reg 72(1)(a), PSR reg 13(1)(a) and Procurement Act 2023 Sch 8 para 1: a change under a review clause only where the authority can point to a clear, precise and unambiguous clause in the original contract', claim: 'that the change is provided for in a clear review clause of the original contract' } },
  changeProvidedForInNotice: { description: 'The change was also provided for in the tender or transparency notice for the contract', planPath: 'change.providedForInNotice', question: 'Was the change also provided for in the tender or transparency notice for the contract?' , kind: 'claim', claim: { notClaimed: false, burden: 'Procurement Act 2023 Sch 8 para 1: the change must also have been provided for in the tender or transparency notice', claim: 'that the change was also provided for in the tender or transparency notice' } },
  changeMateriallyDifferent: { description: 'The change makes the contract materially different in character', planPath: 'change.materiallyDifferent', question: 'Would the change make the contract materially different in character?' },
  changeAttributable: { description: 'The change is attributable to a decision of the authority', planPath: 'change.attributableToAuthority', question: 'Is the change the result of a decision by the authority?' },
  changeExternalFactors: { description: 'The change responds to external factors beyond both parties\' control', planPath: 'change.externalFactors', question: 'Is the change a response to external factors beyond the control of both parties, such as patient numbers?' , kind: 'claim', claim: { notClaimed: false, burden: "PSR reg 13(1)(c): a ground the authority must rely on and show, that the change responds to external factors beyond its and the provider's control", claim: "that the change responds to external factors beyond both parties' control" } },
  changeProviderSuccessionOnly: { description: 'The only change is the provider\'s identity by corporate succession', planPath: 'change.providerSuccessionOnly', question: 'Is the only change the provider\'s identity, following a takeover, merger or other corporate change?' , kind: 'claim', claim: { notClaimed: false, burden: "PCR 2015 reg 72(1)(d)(ii), PSR reg 13(1)(b) and Procurement Act 2023 Sch 8 para 9: a ground the authority must rely on, that the only change is the provider's identity by corporate succession", claim: "that the only change is the provider's identity by corporate succession" } },
  changeExceedsRemainingExtension: { description: 'The extension is longer than the extension left under the contract\'s written options', planPath: 'incumbent.extensionRemainingMonths' },
  changeUnforeseeable: { description: 'The need for the change arose from circumstances a diligent authority could not foresee', planPath: 'change.unforeseeable', question: 'Was the need for the change caused by circumstances a careful authority could not have foreseen?' , kind: 'claim', claim: { notClaimed: false, burden: 'PCR 2015 reg 72(1)(c) and Procurement Act 2023 Sch 8 para 4: a ground the authority must rely on and show, that the need arose from circumstances a diligent authority could not have foreseen', claim: 'that the need for the change was unforeseeable' } },
  changeAdditionalServices: { description: 'The change adds services that have become necessary', planPath: 'change.additionalServices', question: 'Does the change add services that have become necessary and were not in the original contract?' , kind: 'claim', claim: { notClaimed: false, burden: 'PCR 2015 reg 72(1)(b) and Procurement Act 2023 Schedule 8 (additional goods, services or works): a ground the authority must rely on and show, that additional services have become necessary', claim: 'that the change adds services that have become necessary' } },
  changeOfSupplierImpracticable: { description: 'A change of supplier is impracticable for economic or technical reasons', planPath: 'change.changeOfSupplierImpracticable', question: 'Would changing supplier be impossible for economic or technical reasons?' },
  changeSubstantial: { description: 'The change is substantial (PCR 2015 reg 72(8); Procurement Act 2023 s.74(3))', planPath: 'change.substantial', question: 'Is the change substantial: would it have changed who could bid or who won, shift the economic balance to the supplier, or considerably extend the scope?' },
  changeScopeChange: { description: 'The change materially changes the scope of the contract: it provides for goods, services or works of a kind not already provided for (Procurement Act 2023 s.74(3)(b), (4)(c) and (5))', planPath: 'change.scopeChanged', question: 'Does the change provide for goods or services of a kind the contract does not already provide for, to a material extent?' },
  changeReferenceValue: { description: 'The original contract value PCR 2015 reg 72 measures a change against: the lifetime value as updated under an indexation clause where the plan gives it (reg 72(7)), else the lifetime value when the contract was entered into (GBP)', planPath: 'incumbent.indexedLifetimeValue' },
  changeReferenceRatio: { description: 'This change in value as a share of the original contract value as PCR 2015 reg 72(7) reads it (updated under an indexation clause)', planPath: 'change.valueChange and incumbent.indexedLifetimeValue' },
  changeCumulativeReferenceRatio: { description: 'The size of the net cumulative change in value since award, up or down, as a share of the initial contract value as PCR 2015 reg 72(7) reads it (updated under an indexation clause)', planPath: 'change.cumulativeValueChange and incumbent.indexedLifetimeValue' },
  lifetimeValueAfterChange: { description: 'Estimated value of the existing contract after the change: its value when entered into plus the cumulative change in value since, this change included (GBP)', planPath: 'incumbent.originalLifetimeValue and change.cumulativeValueChange' },
  changeEconomicBalance: { description: 'The change materially changes the economic balance of the contract in the supplier\'s favour (Procurement Act 2023 s.74(3)(c))', planPath: 'change.economicBalanceToSupplier', question: 'Would the change materially shift the economic balance of the contract in the supplier\'s favour, for example paying more for the same, or taking on a risk the supplier bore?' },
  changeKnownRisk: { description: 'The authority relies on a known risk having materialised (Procurement Act 2023 Sch 8 para 5)', planPath: 'change.knownRiskMaterialised', question: 'Is the change needed because a known risk, identified when the contract was awarded, has materialised through no fault of the authority or the supplier?' , kind: 'claim', claim: { notClaimed: false, burden: 'Procurement Act 2023 Sch 8 para 5(1)(a): a ground the authority must itself consider holds, that a known risk has materialised, the contract cannot be performed to its satisfaction, the change goes no further than needed and a new contract would not be in the public interest', claim: 'that a known risk has materialised (Schedule 8 para 5)' } },
  changeKnownRiskInNotice: { description: 'The risk was identified as a known risk, with the possibility of a para 5 modification, in the tender or transparency notice for the contract (Procurement Act 2023 Sch 8 para 6(b))', planPath: 'change.knownRiskInNotice', question: 'Did the tender or transparency notice for the contract identify this risk, and say the contract might be modified if it materialised?' },
  changeValueRatio: { description: 'This change in value as a share of the original contract value', planPath: 'change.valueChange and incumbent.originalLifetimeValue' },
  changeValueShare: { description: 'The size of this change in value, up or down, as a share of the original contract value', planPath: 'change.valueChange and incumbent.originalLifetimeValue' },
  incumbentOriginalMaxTermMonths: { description: 'Maximum term of the existing contract as awarded, options included (months)', planPath: 'incumbent.originalMaxTermMonths', question: 'What was the maximum term of the existing contract when it was awarded, including every option, in months?' },
  changeTermRatio: { description: 'The change in term as a share of the maximum term provided for on award', planPath: 'incumbent.originalMaxTermMonths' },
  hasJustification: { description: 'The plan states a ground for awarding without competition', planPath: 'justification', question: 'Does the plan rely on a ground for awarding the contract without competition?' },
  justificationGround: { description: 'Ground relied on to award without competition', planPath: 'justification.ground', question: 'What ground does the plan rely on to award the contract without competition?' },
  noReasonableAlternative: { description: 'No reasonable alternative supplier exists and competition was not artificially narrowed', planPath: 'justification.noReasonableAlternative', question: 'Is there no reasonable alternative supplier, without the requirement having been narrowed to exclude competition?' },
  priorProcedureFailed: { description: 'An open or restricted procedure drew no (suitable) tenders', planPath: 'justification.priorProcedureFailed', question: 'Did an earlier open or restricted procedure receive no tenders, or no suitable tenders?' },
  initialConditionsSubstantiallyAltered: { description: 'The award would substantially alter the initial conditions of the failed procedure', planPath: 'justification.initialConditionsSubstantiallyAltered', question: 'Would the award substantially change the original terms of the procedure that failed?' },
  foreseenInOriginalNotice: { description: 'The original procurement disclosed the possible repetition or addition', planPath: 'justification.foreseenInOriginalNotice', question: 'Did the original procurement say that the services might be repeated or added to?' },
  originalAwardedCompetitively: { description: 'The original contract was awarded competitively', planPath: 'justification.originalAwardedCompetitively', question: 'Was the original contract awarded by a competitive procedure?' },
  strictlyNecessary: { description: 'The award is limited to what is strictly necessary for the urgency', planPath: 'justification.strictlyNecessary', question: 'Is the award limited to what is strictly necessary to deal with the urgency?' },
  procedureGround: { description: 'Ground relied on for a PCR 2015 competitive procedure with negotiation, competitive dialogue (reg 26(4)) or innovation partnership (reg 31)', planPath: 'justification.procedureGround', question: 'What ground does the plan rely on for a competitive procedure with negotiation, a competitive dialogue or an innovation partnership?' },
  originalContractDate: { description: 'Day the original contract (the one repeated or added to) was entered into', planPath: 'justification.originalContractAwarded', question: 'On what date was the original contract, the one being repeated or added to, entered into?' },
  monthsSinceOriginalContract: { description: 'Months from the day the original contract was entered into to the day this one is', planPath: 'justification.originalContractAwarded' },
  hasFrameworkAgreement: { description: 'The plan names the framework agreement it calls off', planPath: 'frameworkAgreement', question: 'Which framework agreement is the contract called off from?' },
  frameworkAwardedUnder: { description: 'Regime the framework agreement was let under', planPath: 'frameworkAgreement.awardedUnder', question: 'Which regime was the framework agreement set up under?' },
  frameworkEndDate: { description: 'Last day the framework can be called off', planPath: 'frameworkAgreement.endDate', question: 'What is the last day the framework agreement can be called off?' },
  callOffAfterFrameworkEnd: { description: 'The call-off is made after the framework has ended', planPath: 'frameworkAgreement.endDate' },
  frameworkAuthorityEntitled: { description: 'The authority is identified in the framework as able to call off', planPath: 'frameworkAgreement.authorityEntitled', question: 'Is the authority named in the framework agreement as able to call off from it?' },
  frameworkCallOffMethod: { description: 'How the call-off is awarded: direct or mini-competition', planPath: 'frameworkAgreement.callOff', question: 'Will the call-off be awarded directly on the framework terms, or by a further competition (a mini-competition)?' },
  frameworkSingleOperator: { description: 'The framework agreement is with a single supplier (under the PSR, a single provider)', planPath: 'frameworkAgreement.singleOperator', question: 'Is the framework agreement with a single supplier?' },
  frameworkTermsAllowDirectAward: {
    description: 'The framework allows a call-off without a competition: under the PCR 2015 and the Procurement Act, it sets all the terms and the objective conditions for a direct call-off; under the PSR, its terms provide for one (reg 18(4))',
    planPath: 'frameworkAgreement.termsAllowDirectAward',
    question: 'Does the framework agreement allow a call-off without a competition, setting out the terms and the way of choosing the provider for one?',
  },
  callOffSubstantiallyModifiesTerms: {
    description: 'The call-off contract substantially modifies the terms laid down in the framework agreement',
    planPath: 'frameworkAgreement.callOffSubstantiallyModifiesTerms',
    question: 'Would the call-off contract substantially modify the terms laid down in the framework agreement?',
    kind: 'act',
    act: { instruction: 'Make the call-off contract on the terms laid down in the framework agreement, without substantial modifications to them (PSR regulation 18(2))', done: false },
  },
  hasUrgency: { description: 'The plan relies on urgency', planPath: 'urgency', question: 'Does the plan rely on urgency?' },
  urgencyForeseeable: { description: 'The urgency was foreseeable by the authority', planPath: 'urgency.foreseeable', question: 'Could the authority have foreseen the urgency?' },
  urgencyAttributable: { description: 'The urgency is attributable to the authority', planPath: 'urgency.attributableToAuthority', question: 'Is the urgency the authority\'s own doing, for example through poor planning?' },
  urgencyRisksSafety: { description: 'Delay would likely pose a risk to patient or public safety', planPath: 'urgency.delayRisksSafety', question: 'Would following the usual process be likely to put patients or the public at risk?' },
  urgencyTermLimited: { description: 'The urgent arrangement lasts no longer than the urgency requires', planPath: 'urgency.termLimitedToUrgency', question: 'Is the term of the urgent award no longer than the urgency requires, with a regular process to follow?' },
  staffAssigned: { description: 'An organised grouping of staff is assigned to the current service', planPath: 'staff.assignedToService', question: 'Is there an organised group of staff whose main purpose is delivering the current service?' },
  activitiesFundamentallyChanged: { description: 'The activities will be fundamentally different after the change', planPath: 'staff.activitiesFundamentallyChanged', question: 'Will the activities be fundamentally different after the change?' , kind: 'claim', claim: { notClaimed: false, burden: 'TUPE 2006 regs 3(1)(b) and 3(2A): re-letting a service to a new provider is a service provision change unless the activities afterwards are fundamentally different, which it is for the authority to establish from its own specification', claim: 'that the activities will be fundamentally different after the change' } },
  providerMayChange: { description: 'The process could result in a different provider' },
  transferDate: { description: 'Date staff would transfer', planPath: 'staff.transferDate', question: 'On what date would staff transfer to the new provider?' },
  proposedRedundancies: { description: 'Redundancies the incoming provider proposes at one establishment within 90 days', planPath: 'staff.proposedRedundancies', question: 'How many redundancies does the incoming provider propose among the transferring staff (0 if none)?' },
  daysFromAwardToTransfer: { description: 'Days from entering into the contract to the staff transfer', planPath: 'dates.contractSigned' },
  pensionLgps: { description: 'Assigned staff are in the Local Government Pension Scheme', planPath: 'staff.pensionSchemes', question: 'Which pension schemes do the staff assigned to the service belong to?' },
  pensionNhs: { description: 'Assigned staff are in the NHS Pension Scheme', planPath: 'staff.pensionSchemes', question: 'Which pension schemes do the staff assigned to the service belong to?' },
  pensionUnknown: { description: 'Pension arrangements of assigned staff are unknown', planPath: 'staff.pensionSchemes', question: 'Which pension schemes do the staff assigned to the service belong to?' },
  tenderRequiresLgpsProtection: { description: 'The tender and the contract require the new provider to secure pension protection for the transferring members of the Local Government Pension Scheme: admission to the Scheme or a broadly comparable scheme', planPath: 'staff.tenderRequiresLgpsProtection', question: 'Will the tender and contract require the new provider to offer the transferring staff in the Local Government Pension Scheme admission to it, or a scheme certified as broadly comparable?', kind: 'act', act: { instruction: 'Require in the tender and the contract that the new provider secure pension protection for each transferring member of the Local Government Pension Scheme, enforceable by them: admission to the Scheme or a scheme an actuary certifies as broadly comparable', done: true } },
  tenderRequiresNhsPensionAccess: { description: 'The tender and the contract require the new provider to give the transferring members of the NHS Pension Scheme continued access to it', planPath: 'staff.tenderRequiresNhsPensionAccess', question: 'Will the tender and contract require the new provider to give the transferring staff in the NHS Pension Scheme continued access to it?', kind: 'act', act: { instruction: 'Require in the tender and the contract that the new provider give each transferring member of the NHS Pension Scheme continued access to it, the provider applying for access to the Scheme before the transfer', done: true } },
  hasIntentionNotice: { description: 'The plan describes what its PSR notice of intention to award contains', planPath: 'intentionNotice', question: 'Does the plan describe the notice of intention to award?' },
  noticeDecisionMakersNamed: { description: 'The notice of intention gives details of the decision-makers', planPath: 'intentionNotice.decisionMakersNamed', question: 'Does the notice of intention give details of the decision-makers?' , kind: 'act', act: { instruction: 'Name the decision-makers in the notice of intention to award', done: true } },
  noticeReasonsByKeyCriteria: { description: 'The notice of intention explains the reasons by reference to the key criteria', planPath: 'intentionNotice.reasonsByKeyCriteria', question: 'Does the notice of intention explain the reasons for choosing the provider by reference to the key criteria?' , kind: 'act', act: { instruction: 'Give the reasons for the decision in the notice of intention to award by reference to the key criteria', done: true } },
  noticeConflictsStated: { description: 'The notice of intention states declared conflicts of interest and how they were managed', planPath: 'intentionNotice.conflictsDeclaredAndManaged', question: 'Does the notice of intention state any declared conflicts of interest and how they were managed?' , kind: 'act', act: { instruction: 'State in the notice of intention to award any declared conflicts of interest and how they were managed', done: true } },
  conflictsOfInterestManaged: { description: 'Conflicts of interest have been declared, managed and recorded', planPath: 'governance.conflictsOfInterestManaged', question: 'Have the decision-makers\' conflicts of interest been declared, managed and recorded?' , kind: 'act', act: { instruction: "Identify, declare and manage the decision-makers' conflicts of interest, and record them (PSR regulation 21)", done: true } },
  recordsKept: { description: 'The reg 24 record of the decision will be kept', planPath: 'governance.recordsKept', question: 'Will the authority keep a record of the decision?' , kind: 'act', act: { instruction: 'Keep the record of the decision that PSR regulation 24 requires: the provider, the process, the decision-makers, how the key and basic selection criteria were applied, and conflicts and how they were managed', done: true } },
  keyCriteriaConsidered: { description: 'The five key criteria have been considered', planPath: 'governance.keyCriteriaConsidered', question: 'Have the 5 key criteria been considered for the decision?' , kind: 'act', act: { instruction: 'Consider the five key criteria in making the decision (PSR regulation 5)', done: true } },
  basicSelectionCriteriaApplied: { description: 'Basic selection criteria and exclusions are applied', planPath: 'governance.basicSelectionCriteriaApplied', question: 'Are the basic selection criteria and exclusions applied to the providers?' , kind: 'act', act: { instruction: 'Apply the basic selection criteria and the exclusions to the provider (PSR regulations 19-20, Schedule 16)', done: true } },
} as const satisfies Record<string, FactInfo>;

/**
 * Every fact, a derived fact written as a function (fact-formulas.ts) with
 * what it reads as its `from`: its sources are written once, in the function,
 * and read here by whatever follows a fact back to the plan fields (the
 * questions, a notice's evidence, the review pack). A fact that is itself a
 * question has none: it is asked, whatever it is computed from.
 */
export const FACT_CATALOGUE: typeof WRITTEN = Object.fromEntries(
  Object.entries(WRITTEN).map(([f, info]) => {
    const reads = formulaOf(f)?.reads;
    return [f, reads !== undefined && reads.length > 0 && !('question' in info) ? { ...info, from: reads } : info];
  }),
) as typeof WRITTEN;

export type FactName = keyof typeof FACT_CATALOGUE;

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACT_CATALOGUE, name);
}

/**
 * The facts whose being unknown can make a derived fact unknown: its `from`,
 * what its function reads (src/plan/fact-formulas.ts) or, for a fact of the
 * rule set's steps, as written; none for a fact that is itself a question (it
 * is asked, whatever it is computed from) or that reads no other fact.
 */
export function sourcesOf(f: FactName): readonly string[] | undefined {
  const info = FACT_CATALOGUE[f] as FactInfo;
  return info.question !== undefined ? undefined : info.from;
}

/** Every fact written as a function, and every fact it reads, is a catalogue fact (a compile-time check). */
type FormulaName = keyof typeof FORMULAS;
type ReadName = { [K in FormulaName]: (typeof FORMULAS)[K]['reads'][number] }[FormulaName];
const formulaNamesAreFacts: [FormulaName | ReadName] extends [FactName] ? true : never = true;
void formulaNamesAreFacts;

/** Every name in a `from` list is a catalogue fact (a compile-time check). */
type FromName = { [K in FactName]: (typeof FACT_CATALOGUE)[K] extends { from: readonly (infer N)[] } ? N : never }[FactName];
const fromNamesAreFacts: [FromName] extends [FactName] ? true : never = true;
void fromNamesAreFacts;

const CATALOGUE: Readonly<Record<FactName, FactInfo>> = FACT_CATALOGUE;
const CATALOGUE_ORDER = new Map(Object.keys(FACT_CATALOGUE).map((f, i) => [f as FactName, i]));

/**
 * Facts that say whether a plan field is filled in for every service: `false`
 * means some service leaves it unknown, so they count as unknown when false.
 */
const ALL_STATED_FLAGS: ReadonlySet<FactName> = new Set<FactName>(['servicesHealthCareKnown', 'serviceSharesStated']);
/** Flags that mean "unknown" when true: the value straddles the threshold depending on VAT. */
const UNCERTAIN_FLAGS: ReadonlySet<FactName> = new Set<FactName>(['thresholdVatUncertain', 'publicationVatUncertain', 'changeVatUncertain']);

function isUnknown(fact: FactName, v: unknown): boolean {
  return v === null || v === undefined || (v === false && ALL_STATED_FLAGS.has(fact)) || (v === true && UNCERTAIN_FLAGS.has(fact));
}

/** The plan-field facts (those with a question) that make `fact` unknown, given the current fact values: the fact itself if it has a question, else the unknown sources of its `from`, recursively, in catalogue order, without repeats. */
export function unknownSources(fact: FactName, value: (f: FactName) => unknown, open?: ReadonlyMap<string, readonly string[]>): FactName[] {
  const found = new Set<FactName>();
  const visited = new Set<FactName>();
  const visit = (f: FactName): void => {
    if (visited.has(f)) return; // reached before (or a cycle): its sources are already counted
    visited.add(f);
    const via = open?.get(f);
    if (via) {
      // A fact a step's gate left open (e.g. whether a standstill applies): the facts that decide that gate.
      for (const s of via) if (isFactName(s)) visit(s);
      return;
    }
    const info = CATALOGUE[f];
    if (info.question !== undefined) {
      found.add(f);
      return;
    }
    let anyUnknownSource = false;
    // A fact written as a function: what it reads (src/plan/fact-formulas.ts); a fact of the rule set's steps, its `from`.
    for (const s of sourcesOf(f) ?? []) {
      if (!isFactName(s) || !isUnknown(s, value(s))) continue;
      anyUnknownSource = true;
      visit(s);
    }
    // Unknown with no unknown source to ask about (no `from`, or a cause no fact
    // records, such as a zero original value): name the fact itself rather than drop it.
    if (!anyUnknownSource && isUnknown(f, value(f))) found.add(f);
  };
  visit(fact);
  return [...found].sort((a, b) => CATALOGUE_ORDER.get(a)! - CATALOGUE_ORDER.get(b)!);
}
