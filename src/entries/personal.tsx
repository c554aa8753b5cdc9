import { boot } from './boot';

// The personal tab (Teams, Outlook, Microsoft 365 app) and the meeting tab's content page.
const surface = new URLSearchParams(window.location.search).get('surface') === 'meeting' ? 'meetingContent' : 'personal';
boot(surface);
