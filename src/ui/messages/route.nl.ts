// Texts for navigation by address (src/ui/route.ts): a link to a case that is not there.
export default {
  'route.caseNotFound': 'Casus {alias} staat niet in jouw casussen. Misschien is het kenmerk anders, of heb je nog geen toegang. Vraag de casusregisseur om toegang als je hem wel nodig hebt.',
  'route.toCases': 'Naar mijn casussen',
} as const;
