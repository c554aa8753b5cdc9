// Both catalogues at once, for tests and tools only (it pulls English in statically; the app never
// imports this file, see the lint rule in eslint.config.mjs and ../messages.ts for the lazy path).
import { _cataloguesForTests, type Catalogue, type Locale } from '../messages';
import { enCatalogue } from './en';

export const allCatalogues: Readonly<Record<Locale, Catalogue>> = { nl: _cataloguesForTests.nl!, en: enCatalogue };
