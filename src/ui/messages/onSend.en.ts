import type nl from './onSend.nl';

export default {
  'onSend.blocked.identifier': 'Samenwerkoverleg is holding this invitation back: {fields} contains something that looks like a BSN, a bank account number, a phone number or a date of birth. Take it out and send the invitation again.',
  'onSend.blocked.name': 'Samenwerkoverleg is holding this invitation back: {fields} contains the name of the resident or of someone in their network. Write "the resident" or "his or her sister" instead of the name and send again.',
  'onSend.unreadable': 'Samenwerkoverleg could not check this invitation for personal data, so it has not been sent. Please try again in a moment.',
  'onSend.field.subject': 'the subject',
  'onSend.field.location': 'the location',
  'onSend.field.body': 'the text',
  'onSend.and': 'and',
} satisfies Record<keyof typeof nl, string>;
