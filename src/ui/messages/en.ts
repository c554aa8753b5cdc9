// The whole English catalogue: loaded only by loadLocale('en') in ../messages.ts, as the
// "messages-en" chunk, so Dutch users never download it.
import type { Catalogue } from '../messages';
import { enBase } from './base.en';
import { enFragments } from './fragments.en';

export const enCatalogue: Catalogue = { ...enBase, ...enFragments };
