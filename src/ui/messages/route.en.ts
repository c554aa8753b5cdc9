import type nl from './route.nl';

export default {
  'route.caseNotFound': 'Case {alias} is not among your cases. The alias may be different, or you do not have access yet. Ask the case director for access if you need it.',
  'route.toCases': 'To my cases',
} satisfies Record<keyof typeof nl, string>;
