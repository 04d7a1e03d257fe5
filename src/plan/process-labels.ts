// Each award process, procedure and change, in the words an officer knows it by.
import type { Process } from './schema.js';

export const PROCESS_LABELS: Record<(typeof Process.options)[number], string> = {
  'direct-award-a': 'PSR direct award process A',
  'direct-award-b': 'PSR direct award process B',
  'direct-award-c': 'PSR direct award process C',
  'most-suitable-provider': 'PSR most suitable provider process',
  competitive: 'PSR competitive process',
  'urgent-award': 'PSR urgent award',
  'framework-call-off': 'Call-off from a framework agreement',
  open: 'Open procedure',
  restricted: 'Restricted procedure (PCR 2015)',
  'competitive-with-negotiation': 'Competitive procedure with negotiation (PCR 2015)',
  'competitive-dialogue': 'Competitive dialogue (PCR 2015)',
  'innovation-partnership': 'Innovation partnership (PCR 2015)',
  'negotiated-without-prior-publication': 'Negotiated procedure without prior publication (PCR 2015)',
  'light-touch': 'Light-touch regime procedure (PCR 2015)',
  'dynamic-purchasing-system': 'Dynamic purchasing system (PCR 2015)',
  'below-threshold': 'Below-threshold procurement',
  'competitive-flexible': 'Competitive flexible procedure (Procurement Act 2023)',
  'direct-award': 'Direct award (Procurement Act 2023)',
  extension: 'Extend the existing contract',
  modification: 'Modify the existing contract',
  'urgent-modification': 'Urgent modification of the existing contract (PSR)',
};
