import { boot } from './boot';

// The meeting tab's settings page (pages.config).
boot('tabSettings');
