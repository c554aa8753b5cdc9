import { boot } from './boot';

// The Outlook add-in task pane; ?mode=organizer|attendee comes from the manifest's runtimes.
boot(new URLSearchParams(window.location.search).get('mode') === 'attendee' ? 'addinAttendee' : 'addinOrganizer', { addinPage: true });
