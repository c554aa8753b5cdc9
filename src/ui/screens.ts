// The screens, loaded after the first paint: they bring the domain (and zod) with them.
export { CasesScreen } from './CasesScreen';
export { ConfigScreen } from './ConfigScreen';
export { CaseScreen } from './case/CaseScreen';
export { PersonalHome } from './participant/PersonalHome';
export { AddinOrganizerScreen } from './addin/AddinOrganizerScreen';
export { AddinAttendeeScreen } from './addin/AddinAttendeeScreen';
export { MeetingSurface } from './meeting/MeetingSurface';
