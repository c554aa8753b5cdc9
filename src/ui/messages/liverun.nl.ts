// The live run shared across devices (issue 13): what the chair sees when a step is not shared yet.
export default {
  'liverun.notShared': 'Nog niet gedeeld: de andere schermen zien deze stap zodra dit apparaat weer verbinding heeft.',
} as const;
