// Every text the app shows, in one catalogue. Dutch is the product's language; English follows
// key for key so a screen never shows a missing text. Write B1 Dutch, informal "je".
import type { ErrorCode } from '../app/errors';

const nl = {
  'app.title': 'Samenwerkoverleg',
  'app.loading': 'Samenwerkoverleg wordt geladen…',
  'app.signedInAs': 'Aangemeld als {name}',
  'app.skipToContent': 'Naar de inhoud',
  'nav.label': 'Hoofdmenu',
  'nav.cases': 'Mijn casussen',

  'demo.banner.label': 'Demo-omgeving',
  'demo.badge': 'Demo',
  'demo.banner.text': 'Je werkt in een demo met verzonnen mensen en casussen. Wat je doet, blijft in deze browser.',
  'demo.persona.label': 'Je bent nu',
  'demo.persona.option': '{role} – {name} ({organisation})',
  'demo.role.caseDirector': 'Casusregisseur',
  'demo.role.chair': 'Voorzitter',
  'demo.role.participant': 'Deelnemer',
  'demo.reset': 'Demo herstellen',
  'demo.reset.confirmTitle': 'Demo herstellen?',
  'demo.reset.confirmText': 'Alles wat je in de demo hebt gedaan, gaat weg. De voorbeeldcasussen komen terug zoals ze waren.',
  'demo.reset.confirm': 'Herstellen',
  'demo.reset.cancel': 'Annuleren',
  'demo.reset.done': 'De demo is hersteld.',
  'demo.contractViolations': 'Let op: {count} verzoek(en) aan de demo hielden zich niet aan het contract van Microsoft Graph. Details staan in de console van de browser.',

  'cases.heading': 'Mijn casussen',
  'cases.intro': 'Casussen waarvoor een Samenwerkoverleg nodig is of was. Buiten het plan staat een casus alleen onder zijn kenmerk.',
  'cases.loading': 'Casussen ophalen…',
  'cases.empty': 'Er zijn nog geen casussen. Begin een nieuwe casus om een Samenwerkplan te maken.',
  'cases.new': 'Nieuwe casus',
  'cases.creating': 'Casus wordt aangemaakt…',
  'cases.created': 'Casus {alias} is aangemaakt.',
  'cases.refresh': 'Vernieuwen',
  'cases.table.label': 'Casussen',
  'cases.col.alias': 'Kenmerk',
  'cases.col.status': 'Status',
  'cases.col.nextMeeting': 'Volgend SO',
  'cases.col.openAgreements': 'Open afspraken',
  'cases.col.lastModified': 'Laatst gewijzigd',
  'cases.noMeeting': 'Nog niet gepland',

  'status.draft': 'Concept',
  'status.preparing': 'SO in voorbereiding',
  'status.planned': 'SO gepland',
  'status.running': 'SO bezig',
  'status.evaluating': 'Evaluatie',
  'status.closed': 'Afgesloten',

  'config.heading': 'Samenwerkoverleg koppelen aan deze vergadering',
  'config.intro': 'Kies de casus waarvan je in deze vergadering het SO voorzit. De agenda en het plan van die casus verschijnen dan in het zijpaneel.',
  'config.case': 'Casus',
  'config.choose': 'Kies een casus',
  'config.outsideTeams': 'Deze pagina hoort bij Microsoft Teams. Hier in de browser kun je alleen zien hoe hij werkt; opslaan gebeurt in Teams.',
  'config.tabName': 'SO {alias}',

  'addin.outsideOutlook': 'Deze pagina hoort bij Outlook. Buiten Outlook zie je hier je casussen.',

  'error.title': 'Er ging iets mis',
  'error.retry': 'Opnieuw proberen',
  'error.code': 'Foutcode: {code}',
  'error.graph-unauthorized': 'Je bent niet (meer) aangemeld. Meld je opnieuw aan en probeer het nog eens.',
  'error.graph-forbidden': 'Je hebt geen toegang tot dit onderdeel. Vraag de casusregisseur of beheerder om toegang.',
  'error.graph-not-found': 'Dit onderdeel bestaat niet (meer). Vernieuw de lijst.',
  'error.graph-conflict': 'Iemand anders heeft dit net gewijzigd. Vernieuw en probeer het opnieuw.',
  'error.graph-precondition-failed': 'Iemand anders heeft dit net ook gewijzigd. We halen de nieuwste versie op; probeer het daarna opnieuw.',
  'error.graph-limit-reached': 'Er past niets meer bij in Microsoft 365 (een limiet is bereikt). Vraag de beheerder om hulp.',
  'error.send-ambiguous': 'We weten niet zeker of de uitnodiging is verstuurd. Probeer het opnieuw: er gaat geen tweede uitnodiging uit.',
  'error.mail-ambiguous': 'We weten niet zeker of de mail is verstuurd. Kijk eerst in je Verzonden items voordat je hem opnieuw verstuurt.',
  'error.attachment-too-large': 'De bijlage is te groot (maximaal 3 MB). Kies een kleiner bestand.',
  'error.graph-throttled': 'Microsoft 365 is even druk. We proberen het zo opnieuw.',
  'error.graph-unavailable': 'Microsoft 365 is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'error.graph-failed': 'Microsoft 365 gaf een onverwachte fout. Probeer het opnieuw.',
  'error.network-offline': 'Er is geen internetverbinding. Je werk blijft staan; probeer het opnieuw als je weer online bent.',
  'error.host-init-failed': 'De app kon niet starten in Teams of Outlook. Sluit het tabblad en open het opnieuw.',
  'error.sign-in-failed': 'Aanmelden is niet gelukt. Probeer het opnieuw.',
  'error.sign-in-needs-interaction': 'Meld je aan in het venster dat opent. Sta pop-ups toe als er niets opent.',
  'error.demo-start-failed': 'De demo kon niet starten. Vernieuw de pagina; helpt dat niet, gebruik dan een recente Chrome, Edge of Firefox.',
  'error.plan-invalid': 'Het plan kon niet worden gelezen. Neem contact op met de casusregisseur.',
  'error.unexpected': 'Er ging iets onverwachts mis. Probeer het opnieuw.',
} as const;

export type MessageKey = keyof typeof nl;
type Catalogue = Record<MessageKey, string>;

const en: Catalogue = {
  'app.title': 'Samenwerkoverleg',
  'app.loading': 'Loading Samenwerkoverleg…',
  'app.signedInAs': 'Signed in as {name}',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main menu',
  'nav.cases': 'My cases',
  'demo.banner.label': 'Demo environment',
  'demo.badge': 'Demo',
  'demo.banner.text': 'You are in a demo with made-up people and cases. What you do stays in this browser.',
  'demo.persona.label': 'You are now',
  'demo.persona.option': '{role} – {name} ({organisation})',
  'demo.role.caseDirector': 'Case director',
  'demo.role.chair': 'Chair',
  'demo.role.participant': 'Participant',
  'demo.reset': 'Reset demo',
  'demo.reset.confirmTitle': 'Reset the demo?',
  'demo.reset.confirmText': 'Everything you did in the demo is removed. The sample cases come back as they were.',
  'demo.reset.confirm': 'Reset',
  'demo.reset.cancel': 'Cancel',
  'demo.reset.done': 'The demo has been reset.',
  'demo.contractViolations': 'Note: {count} request(s) to the demo broke the Microsoft Graph contract. Details are in the browser console.',
  'cases.heading': 'My cases',
  'cases.intro': 'Cases that need or needed a Samenwerkoverleg. Outside the plan a case is known only by its alias.',
  'cases.loading': 'Loading cases…',
  'cases.empty': 'No cases yet. Start a new case to make a Samenwerkplan.',
  'cases.new': 'New case',
  'cases.creating': 'Creating the case…',
  'cases.created': 'Case {alias} was created.',
  'cases.refresh': 'Refresh',
  'cases.table.label': 'Cases',
  'cases.col.alias': 'Alias',
  'cases.col.status': 'Status',
  'cases.col.nextMeeting': 'Next SO',
  'cases.col.openAgreements': 'Open agreements',
  'cases.col.lastModified': 'Last changed',
  'cases.noMeeting': 'Not planned yet',
  'status.draft': 'Draft',
  'status.preparing': 'Preparing SO',
  'status.planned': 'SO planned',
  'status.running': 'SO in progress',
  'status.evaluating': 'Evaluation',
  'status.closed': 'Closed',
  'config.heading': 'Link a Samenwerkoverleg to this meeting',
  'config.intro': 'Choose the case whose SO you chair in this meeting. Its agenda and plan then appear in the side panel.',
  'config.case': 'Case',
  'config.choose': 'Choose a case',
  'config.outsideTeams': 'This page belongs to Microsoft Teams. In the browser you can only see how it works; saving happens in Teams.',
  'config.tabName': 'SO {alias}',
  'addin.outsideOutlook': 'This page belongs to Outlook. Outside Outlook you see your cases here.',
  'error.title': 'Something went wrong',
  'error.retry': 'Try again',
  'error.code': 'Error code: {code}',
  'error.graph-unauthorized': 'You are not signed in (any more). Sign in again and retry.',
  'error.graph-forbidden': 'You have no access to this. Ask the case director or an administrator.',
  'error.graph-not-found': 'This no longer exists. Refresh the list.',
  'error.graph-conflict': 'Someone else just changed this. Refresh and try again.',
  'error.graph-precondition-failed': 'Someone else changed this at the same time. We fetch the latest version; then try again.',
  'error.graph-limit-reached': 'Microsoft 365 cannot hold more of this (a limit is reached). Ask your administrator.',
  'error.send-ambiguous': 'We are not sure the invitation was sent. Try again: no second invitation will go out.',
  'error.mail-ambiguous': 'We are not sure the mail was sent. Check your Sent Items before you send it again.',
  'error.attachment-too-large': 'The attachment is too large (at most 3 MB). Choose a smaller file.',
  'error.graph-throttled': 'Microsoft 365 is busy. We will retry shortly.',
  'error.graph-unavailable': 'Microsoft 365 cannot be reached right now. Try again in a few minutes.',
  'error.graph-failed': 'Microsoft 365 returned an unexpected error. Try again.',
  'error.network-offline': 'There is no internet connection. Your work stays; try again when you are back online.',
  'error.host-init-failed': 'The app could not start in Teams or Outlook. Close the tab and open it again.',
  'error.sign-in-failed': 'Signing in failed. Try again.',
  'error.sign-in-needs-interaction': 'Sign in in the window that opens. Allow pop-ups if nothing opens.',
  'error.demo-start-failed': 'The demo could not start. Reload the page, or use a recent Chrome, Edge or Firefox.',
  'error.plan-invalid': 'The plan could not be read. Contact the case director.',
  'error.unexpected': 'Something unexpected went wrong. Try again.',
};

export type Locale = 'nl' | 'en';
const catalogues: Record<Locale, Catalogue> = { nl, en };
let locale: Locale = 'nl';

export function setLocale(next: Locale): void {
  locale = next;
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function errorMessage(code: ErrorCode): string {
  return t(`error.${code}`);
}

export const catalogueKeys = Object.keys(nl) as MessageKey[];
export { catalogues as _cataloguesForTests };
