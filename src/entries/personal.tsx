import { pageSurface } from '../ui/meeting/meetingChoice';
import { boot } from './boot';

// The personal tab (Teams, Outlook, Microsoft 365 app) and the meeting tab's content page; in a plain browser
// `?surface=meeting&case=…` opens the SO runner and `?surface=stage&case=…` the stage view.
boot(pageSurface(window.location.search));
