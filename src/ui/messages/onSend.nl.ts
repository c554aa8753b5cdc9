// Outlook's send-time check (src/hosts/appointmentSendHandler.ts): the text in Outlook's own Smart Alerts
// dialog. Outlook shows at most 500 characters; these stay far below that, and never quote what was found.
export default {
  'onSend.blocked.identifier': 'Samenwerkoverleg houdt deze uitnodiging tegen: in {fields} staat iets wat op een BSN, rekeningnummer, telefoonnummer of geboortedatum lijkt. Haal het weg en verstuur de uitnodiging opnieuw.',
  'onSend.blocked.name': 'Samenwerkoverleg houdt deze uitnodiging tegen: in {fields} staat de naam van de inwoner of van iemand uit het netwerk. Schrijf "de inwoner" of "zijn of haar zus" in plaats van de naam en verstuur opnieuw.',
  'onSend.unreadable': 'Samenwerkoverleg kon deze uitnodiging niet controleren op persoonsgegevens, dus die is nog niet verstuurd. Probeer het over een moment opnieuw.',
  'onSend.field.subject': 'het onderwerp',
  'onSend.field.location': 'de plek',
  'onSend.field.body': 'de tekst',
  'onSend.and': 'en',
} as const;
