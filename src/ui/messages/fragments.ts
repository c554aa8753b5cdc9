// Message fragments per screen area, merged into the one catalogue in ../messages.ts. A new screen area
// puts its texts in `<area>.nl.ts` (a default-exported object `as const`) and `<area>.en.ts` (the same keys,
// `satisfies Record<keyof typeof nl, string>`), and adds one spread to each object below. Keys are
// prefixed with the area (`followUp.…`), so fragments never collide with each other or the base catalogue.
import afterEn from './after.en';
import afterNl from './after.nl';

export const nlFragments = {
  ...afterNl,
} as const;

export const enFragments: Record<keyof typeof nlFragments, string> = {
  ...afterEn,
};
