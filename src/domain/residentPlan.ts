// The resident's own plan, for the resident and the network: on paper (the printable HTML) and as a PDF.
// Both are drawn from one list of blocks, so they always say the same. The words are B1: what the
// professionals call casusregie, procesregisseur or AVE-niveau is said in plain Dutch here. Extra actions
// from an evaluation are marked with a label and their date (and a colour on paper, never colour alone);
// agreements changed after the plan was handed out carry a note saying so.
import { formatDutchDay, toCalendarDay } from './calendar';
import { additionDay, printedChangeNote } from './followUp';
import { agreementOwnerName } from './meetingRecord';
import { summariseMeeting } from './meetingSummary';
import type { MeetingSummary, MeetingSummaryParked } from './meetingSummary';
import type { AveLevel, Plan } from './planSchema';
import { wellbeingHistory } from './planEdits';
import { cleanText, escapeHtml, htmlText } from './text';

export interface ResidentAgreementRow {
  id: string;
  who: string;
  what: string;
  due: string;
  done: boolean;
  perspectiveOnly: boolean;
  /** What "I" hear within six weeks, when only a perspective is promised. */
  perspectiveNote?: string;
  want?: string;
  /** "Aanvulling van 8 januari 2027": an extra action from an evaluation. */
  addition?: string;
  /** "Veranderd op …": changed after the plan was handed out. */
  changed?: string;
}

export type ResidentBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; label?: string; muted?: boolean }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'wants'; items: { text: string; target?: string }[] }
  | { kind: 'agreements'; caption: string; rows: ResidentAgreementRow[] };

export interface ResidentPlan {
  caseAlias: string;
  blocks: ResidentBlock[];
}

/** Words professionals use that the resident's plan must never leave unexplained (the B1 check reads them). */
export const RESIDENT_JARGON = ['procesregisseur', 'procesregie', 'casusregisseur', 'casusregie', 'AVE', 'escalatie', 'multidisciplinair', 'casus', 'cliënt'] as const;

/** The jargon words in a text (whole words, case-insensitive; "AVE" only in capitals). */
export function jargonIn(text: string): string[] {
  return RESIDENT_JARGON.filter((word) => {
    const flags = word === 'AVE' ? 'u' : 'iu';
    return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}])`, flags).test(text);
  });
}

const dayText = (day: string) => (toCalendarDay(day) === undefined ? day : formatDutchDay(day));

const LEVEL_WORDS: Readonly<Record<AveLevel, string>> = {
  1: 'het gaat om voorkomen dat het erger wordt',
  2: 'ik heb hulp nodig en we werken met een gewoon plan',
  3: 'het is ingewikkeld, of de samenwerking loopt vast, of mijn veiligheid is in het geding',
  4: 'mijn veiligheid is in gevaar en er moet nu iets gebeuren',
};

/** Casusregie, procesregie and the AVE level, said plainly. */
function helpersText(summary: MeetingSummary): string[] {
  const lines: string[] = [];
  lines.push(
    summary.caseDirector === undefined
      ? 'Wie mijn vaste contactpersoon wordt, spreken we nog af.'
      : `${cleanText(summary.caseDirector)} houdt samen met mij de regie. Dat betekent: ${cleanText(summary.caseDirector)} is mijn vaste contactpersoon en let er samen met mij op dat de afspraken gebeuren.`,
  );
  const p = summary.processDirector;
  if (!p.needed) lines.push('Er is nu niemand extra nodig om op de samenwerking tussen de hulpverleners te letten.');
  else lines.push(`Er komt iemand bij die erop let dat de hulpverleners goed blijven samenwerken. ${p.name === undefined ? 'Wie dat wordt, spreken we nog af.' : `Dat wordt ${cleanText(p.name)}. Deze persoon praat vooral met de hulpverleners, niet zo vaak met mij.`}`);
  if (p.aveLevel !== undefined) lines.push(`Hoe zwaar is mijn situatie nu? Dat zeggen we met een getal van 1 tot en met 4. Nu is het ${p.aveLevel}: ${LEVEL_WORDS[p.aveLevel]}.`);
  return lines;
}

/** A parked topic for the resident: the topic in the table's words, then what happens with it, plainly. */
function parkedLine(item: MeetingSummaryParked, residentIds: ReadonlySet<string>): string {
  const what = (() => {
    switch (item.decision) {
      case 'agreement':
        if (item.agreement === undefined) return 'Dit is een afspraak geworden.';
        return residentIds.has(item.agreement.whoId)
          ? `Dit is een afspraak geworden. Ik doe dit zelf, uiterlijk ${dayText(item.agreement.due)}.`
          : `Dit is een afspraak geworden. ${item.agreement.who} doet dit, uiterlijk ${dayText(item.agreement.due)}.`;
      case 'follow-up':
        return item.followUpDate === undefined ? 'Hier praten we verder over in een volgend gesprek. Wanneer dat is, hoor ik nog.' : `Hier praten we verder over in het volgende gesprek, op ${dayText(item.followUpDate)}.`;
      case 'dropped':
        return 'Hier doen we nu niets mee.';
      case 'open':
        return 'Wat we hiermee doen, hoor ik nog.';
    }
  })();
  return `${item.note} – ${what}`;
}

function evaluationLine(plan: Plan, summary: MeetingSummary): string {
  const done = plan.evaluations.filter((e) => e.status === 'done').sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
  const planned = summary.evaluation;
  const parts: string[] = [];
  if (done !== undefined) parts.push(`Op ${dayText(done.date)} hebben we samen teruggekeken.`);
  if (planned !== undefined) {
    const how = planned.how === 'meeting' ? 'in een gesprek' : 'per mail';
    parts.push(`We kijken op ${dayText(planned.date)} samen terug, ${how}.${planned.organiser === undefined ? '' : ` ${cleanText(planned.organiser)} regelt dat.`}`);
  }
  if (parts.length === 0) parts.push('Wanneer we samen terugkijken, spreken we nog af.');
  return parts.join(' ');
}

/**
 * The plan as the resident reads it. `meetingId` is the SO the plan was made in: its agreements, then
 * every extra action added at an evaluation (marked with its date).
 */
export function residentPlan(plan: Plan, meetingId: string): ResidentPlan {
  const summary = summariseMeeting(plan, meetingId);
  const residentIds = new Set([plan.resident.id, ...plan.participants.filter((p) => p.role === 'resident').map((p) => p.id)]);
  const wants = new Map(plan.wants.map((w) => [w.id, cleanText(w.text)]));
  const shown = plan.agreements.filter((a) => a.meetingId === meetingId || a.evaluationId !== undefined);
  const rows = shown.map((a): ResidentAgreementRow => {
    const row: ResidentAgreementRow = {
      id: a.id,
      who: residentIds.has(a.who) ? 'Ik' : agreementOwnerName(plan, a.who),
      what: cleanText(a.what),
      due: a.due,
      done: a.status === 'done',
      perspectiveOnly: a.perspectiveOnly === true,
    };
    const note = cleanText(a.perspectiveNote);
    if (row.perspectiveOnly && note !== '') row.perspectiveNote = note;
    const want = a.wantId === undefined ? undefined : wants.get(a.wantId);
    if (want !== undefined && want !== '') row.want = want;
    const added = additionDay(plan, a);
    if (added !== undefined) row.addition = `Aanvulling van ${dayText(added)}`;
    const changed = printedChangeNote(plan, a.id);
    if (changed !== undefined) row.changed = changed;
    return row;
  });
  const resident = cleanText(plan.resident.name);
  const lines = (items: readonly string[]) => items.map((i) => cleanText(i)).filter((i) => i !== '');
  const listOrEmpty = (items: readonly string[]): ResidentBlock => {
    const clean = lines(items);
    return clean.length === 0 ? { kind: 'paragraph', text: 'Nog niets ingevuld.', muted: true } : { kind: 'list', items: clean };
  };
  const wantItems = plan.wants.filter((w) => cleanText(w.text) !== '').map((w) => (cleanText(w.target) === '' ? { text: cleanText(w.text) } : { text: cleanText(w.text), target: cleanText(w.target) }));
  const intro = `${resident === '' ? '' : `Dit is het plan van ${resident}. `}Het nummer van dit plan is ${plan.caseAlias}.${summary.day === '' ? '' : ` We hebben het gemaakt in het Samenwerkoverleg van ${dayText(summary.day)}: het gesprek met mij en de mensen die mij helpen.`}`;
  const blocks: ResidentBlock[] = [
    { kind: 'title', text: 'Mijn Samenwerkplan' },
    { kind: 'paragraph', text: intro },
    { kind: 'heading', text: 'Ik wil' },
    wantItems.length === 0 ? { kind: 'paragraph', text: 'Nog niets ingevuld.', muted: true } : { kind: 'wants', items: wantItems },
    { kind: 'heading', text: 'Ik kan' },
    listOrEmpty(plan.can.own),
    { kind: 'heading', text: 'Hiervoor mogen anderen mij vragen' },
    listOrEmpty(plan.can.offer),
    { kind: 'heading', text: 'Ik heb nodig' },
    { kind: 'paragraph', text: 'Nu:', label: 'Nu' },
    listOrEmpty(plan.needs.shortTerm),
    { kind: 'paragraph', text: 'Op langere termijn:', label: 'Later' },
    listOrEmpty(plan.needs.longTerm),
    { kind: 'heading', text: 'Dit spreken we af' },
    { kind: 'agreements', caption: 'Wie doet wat, en uiterlijk wanneer', rows },
  ];
  if (rows.some((r) => r.addition !== undefined)) {
    blocks.push({ kind: 'paragraph', text: 'Afspraken met "Aanvulling" erbij hebben we later gemaakt, toen we samen terugkeken. Ze staan er met de datum van dat gesprek.', muted: true });
  }
  if (summary.parked.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Wat we even apart hebben gezet' },
      { kind: 'paragraph', text: 'Sommige dingen konden we in het gesprek niet meteen bespreken. We hebben ze opgeschreven. Aan het eind hebben we gekozen wat we ermee doen.' },
      { kind: 'list', items: summary.parked.map((p) => parkedLine(p, residentIds)) },
    );
  }
  blocks.push({ kind: 'heading', text: 'Met wie houd ik de regie' }, ...helpersText(summary).map((text): ResidentBlock => ({ kind: 'paragraph', text })));
  const scores = wellbeingHistory(plan);
  if (plan.evaluations.some((e) => e.status === 'done') && scores.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Hoe gaat het met mij' },
      { kind: 'paragraph', text: 'Ik geef een cijfer van 1 tot en met 10 voor hoe het met mij gaat.' },
      { kind: 'list', items: scores.map((w) => `${dayText(w.date)}: ${w.score}`) },
    );
  }
  blocks.push({ kind: 'heading', text: 'Wanneer kijken we terug' }, { kind: 'paragraph', text: evaluationLine(plan, summary) });
  return { caseAlias: plan.caseAlias, blocks };
}

/** What the agreement's "Wat" cell says beyond the agreement itself, in reading order. */
export function agreementRowNotes(row: ResidentAgreementRow): string[] {
  const notes: string[] = [];
  if (row.perspectiveOnly) {
    notes.push(row.perspectiveNote === undefined ? 'Binnen zes weken hoor ik in elk geval wat ik kan verwachten.' : `Binnen zes weken hoor ik in elk geval wat ik kan verwachten: ${row.perspectiveNote}`);
  }
  if (row.want !== undefined) notes.push(`Bij: ${row.want}`);
  if (row.changed !== undefined) notes.push(`${row.changed}.`);
  return notes;
}

/** All text of the plan in reading order (the B1 check and the PDF test read this). */
export function residentPlanText(doc: ResidentPlan): string {
  return doc.blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'title':
        case 'heading':
        case 'paragraph':
          return [b.text];
        case 'list':
          return b.items;
        case 'wants':
          return b.items.flatMap((w) => (w.target === undefined ? [w.text] : [w.text, `Hier werk ik naartoe: ${w.target}`]));
        case 'agreements':
          return [b.caption, ...b.rows.flatMap((r) => [r.who, ...(r.addition === undefined ? [] : [r.addition]), r.what, ...agreementRowNotes(r), dayText(r.due), r.done ? 'klaar' : 'nog niet klaar'])];
      }
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The printable HTML

const PRINT_STYLE = [
  '@page { margin: 18mm; }',
  'body { font-family: system-ui, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; max-width: 48rem; margin: 0 auto; }',
  'h1 { font-size: 18pt; margin: 0 0 0.25rem; } h2 { font-size: 13pt; margin: 1.25rem 0 0.4rem; break-after: avoid; }',
  'table { border-collapse: collapse; width: 100%; } caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }',
  'th, td { border: 1px solid #555; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; } tr { break-inside: avoid; }',
  '.target { margin: 0.15rem 0 0.6rem 1rem; } .muted { color: #333; }',
  // Additions: a label with the date says it; the colour only helps the eye (and prints).
  'tr.addition td { background: #fff4ce; -webkit-print-color-adjust: exact; print-color-adjust: exact; } tr.addition td:first-child { border-left: 4px solid #8a6100; }',
  '.label { display: inline-block; font-weight: 700; border: 1px solid #8a6100; padding: 0 0.3rem; margin-bottom: 0.2rem; }',
].join('\n');

function blockHtml(block: ResidentBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      if (block.label !== undefined) return `<p><strong>${escapeHtml(block.text)}</strong></p>`;
      return block.muted === true ? `<p class="muted">${htmlText(block.text)}</p>` : `<p>${htmlText(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`;
    case 'wants':
      return `<ol>${block.items.map((w) => `<li>${htmlText(w.text)}${w.target === undefined ? '' : `<div class="target"><strong>Hier werk ik naartoe:</strong> ${htmlText(w.target)}</div>`}</li>`).join('')}</ol>`;
    case 'agreements': {
      if (block.rows.length === 0) return '<p>Er zijn in dit overleg geen afspraken vastgelegd.</p>';
      const rows = block.rows
        .map((r) => {
          const label = r.addition === undefined ? '' : `<span class="label">${escapeHtml(r.addition)}</span><br>`;
          const notes = agreementRowNotes(r).map((n) => `<br><small>${htmlText(n)}</small>`).join('');
          return `<tr${r.addition === undefined ? '' : ' class="addition"'}><td>${htmlText(r.who)}</td><td>${label}${htmlText(r.what)}${notes}</td><td>${escapeHtml(dayText(r.due))}</td><td>${r.done ? 'ja' : 'nee'}</td></tr>`;
        })
        .join('');
      return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr><th scope="col">Wie</th><th scope="col">Wat</th><th scope="col">Uiterlijk</th><th scope="col">Klaar</th></tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/**
 * The plan as a whole HTML document to print: the resident's own words under first-person headings, then
 * what was agreed. The title holds the case alias only.
 */
export function printablePlanHtml(plan: Plan, meetingId: string): string {
  const doc = residentPlan(plan, meetingId);
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Samenwerkplan ${escapeHtml(plan.caseAlias)}</title>`,
    `<style>${PRINT_STYLE}</style>`,
    '</head>',
    `<body><main>${doc.blocks.map(blockHtml).join('\n')}</main></body>`,
    '</html>',
  ].join('\n');
}
