import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { addAgreement, closeMeeting, editAgreement, planEvaluation, setCaseDirection, setMeetingNote } from './meetingRecord';
import { composeSummaryMail, summariseMeeting } from './meetingSummary';
import { printablePlanHtml } from './residentPlan';
import type { Plan } from './planSchema';
import { scanSensitive } from './sensitiveData';
import { samplePlan } from './testing/samplePlan';

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

/** Every element and attribute name, and all text, as a browser would see the HTML. */
function inspect(root: Node): { tags: string[]; attributes: string[]; text: string } {
  const tags: string[] = [];
  const attributes: string[] = [];
  let text = '';
  walk(root, (n) => {
    if (n.tagName !== undefined) tags.push(n.tagName);
    for (const a of n.attrs ?? []) attributes.push(a.name);
    if (n.nodeName === '#text') text += n.value ?? '';
  });
  return { tags, attributes, text };
}

const at = (clock: string) => ({ at: `2026-12-01T${clock}:00+01:00`, byUserId: 'u-esra' });
const HOSTILE = '<img src=x onerror="alert(1)"><script>steal()</script> & "quotes"';

function heldPlan(what = 'Belt de huisarts over slapen'): Plan {
  let plan = samplePlan();
  plan = addAgreement(plan, { id: 'a-1', who: 'p-bram', what, due: '2027-01-12', meetingId: 'm-1', wantId: 'w-1' }, at('10:20'));
  plan = addAgreement(plan, { id: 'a-2', who: 'p-resident', what: 'Ik zet de post in een map', due: '2027-03-01', meetingId: 'm-1', perspectiveOnly: true }, at('10:25'));
  plan = addAgreement(plan, { id: 'a-old', who: 'p-esra', what: 'Uit een eerder overleg', due: '2026-12-20' }, at('10:26'));
  plan = editAgreement(plan, 'a-2', { status: 'done' }, at('10:50'));
  plan = setCaseDirection(plan, { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, aveLevel: 3, processDirectorParticipantId: 'p-wouter' });
  plan = planEvaluation(plan, { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how: 'meeting', meetingId: 'm-1' }, at('11:00').at);
  plan = setMeetingNote(plan, { meetingId: 'm-1', itemKey: 'closingRound', text: 'Iedereen vond het prettig.' }, at('11:20').at);
  return closeMeeting(plan, 'm-1', at('11:30'));
}

describe('summariseMeeting', () => {
  it('gathers the agreements of this SO, casusregie, procesregie, evaluation, closing notes and who was there', () => {
    const summary = summariseMeeting(heldPlan(), 'm-1');
    expect(summary).toMatchObject({
      caseAlias: 'SO-2026-014',
      meetingId: 'm-1',
      day: '2026-12-01',
      agreements: [
        { id: 'a-1', who: 'Bram Hoekstra', what: 'Belt de huisarts over slapen', due: '2027-01-12', perspectiveOnly: false, status: 'open', want: 'Ik wil weer rustig slapen.' },
        { id: 'a-2', who: 'Samira Benali', what: 'Ik zet de post in een map', due: '2027-03-01', perspectiveOnly: true, status: 'done' },
      ],
      caseDirector: 'Esra Aydin',
      processDirector: { needed: true, aveLevel: 3, name: 'Wouter Dijkman' },
      evaluation: { date: '2027-01-12', organiser: 'Esra Aydin', how: 'meeting' },
      closingNotes: 'Iedereen vond het prettig.',
    });
    expect(summary.agreements[1]).not.toHaveProperty('want');
    expect(summary.present.map((p) => p.participantId)).toEqual(['p-esra', 'p-sister', 'p-resident', 'p-bram', 'p-wouter']);
    expect(summary.present[0]).toEqual({ participantId: 'p-esra', name: 'Esra Aydin', role: 'professional', email: 'esra.aydin@buurtkracht.example', userId: 'u-esra' });
  });

  it('leaves out what was not decided', () => {
    const summary = summariseMeeting(samplePlan(), 'm-1');
    expect(summary.agreements).toEqual([]);
    expect(summary.processDirector).toEqual({ needed: false });
    for (const key of ['caseDirector', 'evaluation', 'closingNotes'] as const) expect(summary).not.toHaveProperty(key);
  });
});

describe('composeSummaryMail', () => {
  it('has a subject with the case alias and the day only, and no identifiers', () => {
    const plan = heldPlan('Belt 06-12345678 over BSN 111222333');
    const mail = composeSummaryMail(summariseMeeting(plan, 'm-1'), 'Bram Hoekstra');
    expect(mail.subject).toBe('Samenwerkoverleg SO-2026-014 van dinsdag 1 december 2026: de afspraken');
    expect(scanSensitive(mail.subject)).toEqual([]);
    for (const name of ['Samira', 'Benali', 'Bram']) expect(mail.subject).not.toContain(name);
  });

  it('leaves identifiers typed into an agreement or its "Ik wil" point out of the body (they stay in the plan)', () => {
    let plan = heldPlan('Belt Samira op 06-12345678 over BSN 111222333 en IBAN NL91 ABNA 0417 1643 00');
    plan = { ...plan, wants: plan.wants.map((w) => (w.id === 'w-1' ? { ...w, text: 'Ik wil rust, geboren op 14-02-1979, mail samira@example.nl' } : w)) };
    const { html } = composeSummaryMail(summariseMeeting(plan, 'm-1'), 'Bram Hoekstra');
    const { text } = inspect(parseFragment(html) as unknown as Node);
    for (const value of ['06-12345678', '111222333', 'NL91 ABNA', '14-02-1979', 'samira@example.nl']) expect(html).not.toContain(value);
    // (The due date after "geboren op …" in the next cell reads as a birth date to the scanner; nothing else may.)
    expect(scanSensitive(text).filter((m) => m.value !== '12 januari 2027')).toEqual([]);
    expect(text).toContain('Belt Samira op … over BSN … en IBAN …');
    expect(text).toContain('Bij: Ik wil rust, geboren op …, mail …');
    // The printable plan is the resident's own: it keeps what they said.
    expect(printablePlanHtml(plan, 'm-1')).toContain('06-12345678');
  });

  it('shows the agreements, casusregie, procesregie and evaluation, in Dutch', () => {
    const { html } = composeSummaryMail(summariseMeeting(heldPlan(), 'm-1'), 'Bram Hoekstra');
    const { text, tags } = inspect(parseFragment(html) as unknown as Node);
    expect(text).toContain('Hallo Bram Hoekstra,');
    expect(text).toContain('Belt de huisarts over slapen');
    expect(text).toContain('dinsdag 12 januari 2027');
    expect(text).toContain('Esra Aydin houdt samen met de inwoner de regie.');
    expect(text).toContain('Er is een procesregisseur nodig. Dat wordt Wouter Dijkman. De casus zit op AVE-niveau 3.');
    expect(text).toContain('in een overleg');
    expect(tags.filter((t) => t === 'tr')).toHaveLength(3);
    // The closing round stays in the plan; the mail may be forwarded.
    expect(text).not.toContain('Iedereen vond het prettig.');
  });

  it('says which perspective an agreement promises, in the mail and in the resident’s print, as text', () => {
    const plan = editAgreement(heldPlan(), 'a-2', { perspectiveNote: `Voor 1 februari is er een map ${HOSTILE}` }, at('10:55'));
    const summary = summariseMeeting(plan, 'm-1');
    expect(summary.agreements.find((a) => a.id === 'a-2')).toMatchObject({ perspectiveOnly: true, perspectiveNote: `Voor 1 februari is er een map ${HOSTILE}` });
    const mail = inspect(parseFragment(composeSummaryMail(summary, 'Bram').html) as unknown as Node);
    expect(mail.text).toContain(`(binnen zes weken perspectief: Voor 1 februari is er een map ${HOSTILE})`);
    expect(mail.tags.filter((t) => ['img', 'script'].includes(t))).toEqual([]);
    const print = inspect(parse(printablePlanHtml(plan, 'm-1')) as unknown as Node);
    expect(print.text).toContain(`Binnen zes weken hoor ik in elk geval wat ik kan verwachten: Voor 1 februari is er een map ${HOSTILE}`);
    expect(print.tags.filter((t) => ['img', 'script'].includes(t))).toEqual([]);
  });

  it('turns markup in anything a person typed into text', () => {
    let plan = heldPlan(HOSTILE);
    plan = { ...plan, participants: plan.participants.map((p) => (p.id === 'p-esra' ? { ...p, name: `<b>Esra</b>${HOSTILE}` } : p)) };
    const { html } = composeSummaryMail(summariseMeeting(plan, 'm-1'), '<i>Bram</i>');
    const { tags, attributes, text } = inspect(parseFragment(html) as unknown as Node);
    expect(tags.filter((t) => ['img', 'script', 'b', 'i'].includes(t))).toEqual([]);
    expect(attributes.filter((a) => a !== 'lang' && a !== 'scope')).toEqual([]);
    expect(text).toContain(HOSTILE);
    expect(text).toContain('<b>Esra</b>');
    expect(text).toContain('Hallo <i>Bram</i>,');
  });
});

describe('printablePlanHtml', () => {
  it('is a whole Dutch document with a title that holds the case alias only', () => {
    const html = printablePlanHtml(heldPlan(), 'm-1');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const doc = parse(html) as unknown as Node;
    const htmlElement = doc.childNodes!.find((n) => n.tagName === 'html')!;
    expect(htmlElement.attrs).toEqual([{ name: 'lang', value: 'nl' }]);
    let title = '';
    let style = '';
    walk(doc, (n) => {
      if (n.tagName === 'title') title = n.childNodes?.[0]?.value ?? '';
      if (n.tagName === 'style') style = n.childNodes?.[0]?.value ?? '';
    });
    expect(title).toBe('Samenwerkplan SO-2026-014');
    expect(style).toContain('@page');
  });

  it('keeps the resident’s plan in the first person', () => {
    const doc = parse(printablePlanHtml(heldPlan(), 'm-1')) as unknown as Node;
    const headings: string[] = [];
    walk(doc, (n) => {
      if (n.tagName === 'h1' || n.tagName === 'h2') headings.push(inspect(n).text);
    });
    expect(headings).toEqual(['Mijn Samenwerkplan', 'Ik wil', 'Ik kan', 'Hiervoor mogen anderen mij vragen', 'Ik heb nodig', 'Dit spreken we af', 'Met wie houd ik de regie', 'Wanneer kijken we terug']);
    const { text } = inspect(doc);
    expect(text).toContain('Hier werk ik naartoe: Ik slaap vijf nachten per week door.');
    expect(text).toContain('Dit is het plan van Samira Benali.');
    expect(text).toContain('Esra Aydin houdt samen met mij de regie.');
    expect(text).toContain('Ik wandel elke ochtend.');
    expect(text).not.toContain('Uit een eerder overleg');
    // What the resident takes on is "Ik"; the rest is named.
    let rows: string[] = [];
    walk(doc, (n) => {
      if (n.tagName === 'tbody') rows = (n.childNodes ?? []).map((tr) => inspect(tr.childNodes![0]!).text);
    });
    expect(rows).toEqual(['Bram Hoekstra', 'Ik']);
  });

  it('escapes every piece of user text', () => {
    let plan = heldPlan(HOSTILE);
    plan = { ...plan, resident: { ...plan.resident, name: HOSTILE }, wants: [{ ...plan.wants[0]!, text: HOSTILE, target: HOSTILE }], can: { own: [HOSTILE], offer: [] } };
    const { tags, attributes, text } = inspect(parse(printablePlanHtml(plan, 'm-1')) as unknown as Node);
    expect(tags.filter((t) => ['img', 'script'].includes(t))).toEqual([]);
    expect(attributes.filter((a) => !['lang', 'charset', 'scope', 'class'].includes(a))).toEqual([]);
    expect(text.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(4);
  });
});
