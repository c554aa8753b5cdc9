// Texts for starting a new case: the dialog that asks for the area first.
export default {
  'newCase.title': 'Nieuwe casus',
  'newCase.intro': 'In welk gebied woont de inwoner? Dan weet de app wie de gebiedsaanjager is als iemand niet kan of wil komen. Je kunt het later in het plan nog veranderen.',
  'newCase.area': 'Gebied',
  'newCase.noAreas': 'Er zijn geen gebieden ingesteld. Je kunt het gebied later in het plan kiezen.',
  'newCase.areaMissing': 'Kies een gebied.',
  'newCase.create': 'Casus aanmaken',
  'newCase.cancel': 'Annuleren',
} as const;
