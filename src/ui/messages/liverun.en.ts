import type nl from './liverun.nl';

export default {
  'liverun.notShared': 'Not shared yet: the other screens see this step as soon as this device is connected again.',
} satisfies Record<keyof typeof nl, string>;
