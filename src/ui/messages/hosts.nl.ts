// Texts about where the app runs: what a host cannot do, the language switch, the Outlook add-in's
// write-back and send-time check.
export default {
  'addin.organizer.recorded': 'Het SO staat nu ook in het plan van de casus; de reacties volg je op het tabblad Reacties.',
  'language.switch.title': 'Taal van de app',
  'error.host-lacks-meeting': 'Dit werkt alleen in een Teams-vergadering. Open het SO in de vergadering in Teams; daar kan het wel.',
  'error.host-lacks-stage-share': 'Delen op het podium kan hier niet. Dat lukt alleen in een Teams-vergadering op de computer of in de browser, als organisator of presentator. Je kunt het scherm ook gewoon delen.',
  'error.stage-share-failed': 'Teams kon de agenda niet op het scherm van de vergadering zetten. Probeer het nog eens, of deel je scherm via Teams zelf.',
  'error.outlook-save-failed': 'Outlook kon de afspraak niet opslaan, dus het SO staat nog niet in het plan. Probeer het opnieuw; lukt het niet, verstuur dan vanuit de app.',
} as const;
