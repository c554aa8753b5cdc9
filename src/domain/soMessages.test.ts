import { describe, expect, it } from 'vitest';
import { checkMessage, composeEscalation, composeReminder, composeShareNote, messageHtml } from './soMessages';
import { scanSensitive } from './sensitiveData';

const escalation = () =>
  composeEscalation({
    caseAlias: 'SO-2026-014',
    goal: 'Samen zoeken naar rust en overzicht.',
    start: '2026-12-01T10:00:00+01:00',
    championName: 'Joris van Leeuwen',
    declined: { name: 'Kofi Mensah', organisation: 'Stichting Geldrust', reasons: ['expertise', 'thinkAlong'] },
    declineReason: 'Geen capaciteit deze maand',
    organiser: 'Esra Aydin',
  });

describe('the mail to the area champion after a decline', () => {
  it('names the case alias, the goal, who declined and why, and asks for help; nothing else', () => {
    const { subject, text } = escalation();
    expect(subject).toBe('Samenwerkoverleg SO-2026-014: hulp gevraagd na een afmelding');
    expect(text).toContain('Hallo Joris van Leeuwen,');
    expect(text).toContain('Kofi Mensah (Stichting Geldrust) heeft de uitnodiging voor het Samenwerkoverleg van casus SO-2026-014 op dinsdag 1 december 2026 om 10:00 uur afgeslagen.');
    expect(text).toContain('Het doel van het overleg: Samen zoeken naar rust en overzicht.');
    expect(text).toContain('Waarom we Kofi Mensah uitnodigden: kennis en kunde over deze vraag en meedenken over een oplossing.');
    expect(text).toContain('De reden die Kofi Mensah gaf: Geen capaciteit deze maand');
    expect(text.endsWith('Met vriendelijke groet,\nEsra Aydin')).toBe(true);
    expect(checkMessage({ subject, text }, 'het bericht')).toEqual([]);
  });

  it('says so when no reason was given', () => {
    const { text } = composeEscalation({ caseAlias: 'SO-2026-014', goal: 'Doel', start: 'x', championName: '', declined: { name: 'Kofi', reasons: [] }, organiser: '' });
    expect(text).toContain('Kofi gaf geen reden op.');
    expect(text.startsWith('Hallo,')).toBe(true);
  });

  it('flags identifiers the user typed: a BSN blocks, a phone number warns', () => {
    const { subject, text } = escalation();
    const problems = checkMessage({ subject, text: `${text}\nBSN 111222333, bel 06-12345678` }, 'het bericht aan de gebiedsaanjager');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['sensitive-data', 'error'], ['sensitive-data', 'warning']]);
    expect(problems[0]!.message).toContain('In het bericht aan de gebiedsaanjager staat iets wat op een BSN lijkt');
  });
});

describe('the reminder and the share note', () => {
  it('reminds of the SO and the respond-by date without personal details', () => {
    const { subject, text } = composeReminder({ caseAlias: 'SO-2026-014', start: '2026-12-01T10:00:00+01:00', respondBy: '2026-11-26', organiser: 'Esra Aydin' });
    expect(subject).toBe('Herinnering: Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect(text).toContain('uiterlijk donderdag 26 november 2026');
    expect(scanSensitive(text)).toEqual([]);
  });

  it('explains the shared plan is read-only and the resident’s', () => {
    expect(composeShareNote({ caseAlias: 'SO-2026-014', organiser: 'Esra' })).toContain('alleen lezen');
  });
});

describe('messageHtml', () => {
  it('escapes every character that means something in HTML and keeps paragraphs and line breaks', () => {
    expect(messageHtml('Hallo <b>&</b> "jij"\nregel 2\n\n<script>x</script>')).toBe(
      '<div lang="nl"><p>Hallo &lt;b&gt;&amp;&lt;/b&gt; &quot;jij&quot;<br>regel 2</p><p>&lt;script&gt;x&lt;/script&gt;</p></div>',
    );
  });
});
