import type nl from './newCase.nl';

export default {
  'newCase.title': 'New case',
  'newCase.intro': 'Which area does the resident live in? Then the app knows who the area champion is when someone cannot or will not come. You can change it in the plan later.',
  'newCase.area': 'Area',
  'newCase.noAreas': 'No areas are set up. You can choose the area in the plan later.',
  'newCase.areaMissing': 'Choose an area.',
  'newCase.create': 'Create case',
  'newCase.cancel': 'Cancel',
} satisfies Record<keyof typeof nl, string>;
