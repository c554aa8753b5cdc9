#!/usr/bin/env node
// Builds the principles hand-out that goes with every SO invitation: an A4 PDF from our own Dutch text
// (B1, informal "je"), with the municipality's name when one is given.
//
//   node scripts/make-handout.mjs [--municipality "Gemeente Maasveld"] [--out path/to/file.pdf]
//   npm run handout
//
// The municipality comes from --municipality, else from the MUNICIPALITY environment variable, else the text
// speaks of "je gemeente". Output defaults to assets/handout/samenwerkwijze-principes.pdf (committed; the
// build copies it to /assets/handout/). The PDF is deterministic: fixed dates, no random ids, so the same
// text always gives the same bytes; tests/handout/handout.test.ts rebuilds it and compares.
// The name the PDF was made for is kept in its keywords ("gemeente:<name, URI-encoded>") so that test can rebuild it.
//
// The standard Helvetica font speaks WinAnsi (Windows-1252) only: characters outside it are mapped to a
// close equivalent (winAnsi below), never dropped silently.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(root, 'assets', 'handout', 'samenwerkwijze-principes.pdf');
/** Every build carries this moment as creation and modification date, so the bytes never depend on the clock. */
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

/** The five principle headings, in order (tests check the PDF's text carries them). */
export const PRINCIPLE_HEADINGS = [
  'De inwoner staat centraal',
  'De vraag van de inwoner is het begin',
  'Vertrouwen en samen verantwoordelijk',
  'Eerst de basis op orde',
  'Wat het oplevert voor inwoner en samenleving telt',
];

// Characters Helvetica cannot encode, mapped to what reads the same.
const WIN_ANSI_MAP = {
  '\u0133': 'ij', '\u0132': 'IJ', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u2192': '->', '\u2264': '<=', '\u2265': '>=', '\u2032': "'", '\u2033': '"',
};

/** Text Helvetica (WinAnsi) can show: known look-alikes first, then accents stripped, else "?". */
export function winAnsi(text, canEncode) {
  let out = '';
  for (const ch of String(text)) {
    const mapped = WIN_ANSI_MAP[ch] ?? ch;
    if (canEncode(mapped)) { out += mapped; continue; }
    const plain = mapped.normalize('NFKD').replace(/\p{M}/gu, '');
    out += plain && canEncode(plain) ? plain : '?';
  }
  return out;
}

/** "Gemeente Maasveld" and "Maasveld" both become "Maasveld"; empty stays empty. */
export function townName(municipality) {
  return String(municipality ?? '').replace(/\s+/g, ' ').trim().replace(/^gemeente\s+/i, '');
}

/**
 * The hand-out as blocks of text; the PDF is drawn from exactly this. Our own words, B1, informal "je".
 * @param {string} [municipality]
 */
export function handoutText(municipality = '') {
  const town = townName(municipality);
  const inTown = town ? `In de gemeente ${town}` : 'In je gemeente';
  const blocks = [
    { kind: 'title', text: 'De Samenwerkwijze in vijf principes' },
    { kind: 'subtitle', text: town ? `Voor iedereen die meedoet aan een Samenwerkoverleg in de gemeente ${town}` : 'Voor iedereen die meedoet aan een Samenwerkoverleg' },

    { kind: 'heading', text: 'Wat is de Samenwerkwijze?' },
    {
      kind: 'paragraph',
      text: `${inTown} werken organisaties op een vaste manier samen met inwoners die hulp vragen: de Samenwerkwijze. ` +
        'We kijken niet eerst naar wat een organisatie biedt, maar naar wat de inwoner zelf wil. ' +
        'Samen met de inwoner brengen we de vraag in kaart. Dat staat in het Samenwerkplan van de inwoner. ' +
        'Is er meer nodig dan één organisatie kan geven? Dan zoeken we samen de beste oplossing, in één overleg: het Samenwerkoverleg.',
    },

    { kind: 'heading', text: 'De vijf principes' },
    {
      kind: 'principle', number: 1, heading: PRINCIPLE_HEADINGS[0],
      text: 'Het overleg gaat nooit over de inwoner zonder de inwoner. We praten met de inwoner, het liefst bij de inwoner thuis. ' +
        'De inwoner beslist mee wie er aan tafel komen.',
    },
    {
      kind: 'principle', number: 2, heading: PRINCIPLE_HEADINGS[1],
      text: 'We beginnen bij wat de inwoner wil, wat de inwoner zelf kan en wat de inwoner nodig heeft: ik wil, ik kan, ik heb nodig. ' +
        'Eerst denken we alsof er geen drempels zijn. In het overleg kiezen we samen de oplossing die het beste past, ook als die nieuw is.',
    },
    {
      kind: 'principle', number: 3, heading: PRINCIPLE_HEADINGS[2],
      text: 'We nemen het besluit samen, in het overleg. Alle informatie die ertoe doet, leggen we op tafel. ' +
        'Wat we afspreken, doen we binnen zes weken. Lukt dat niet, dan laten we in elk geval zien wat wel kan en wanneer.',
    },
    {
      kind: 'principle', number: 4, heading: PRINCIPLE_HEADINGS[3],
      text: 'We kijken eerst of de basis goed is: een fijne en veilige woning, rust over geld, goede contacten met anderen en iets zinvols te doen overdag. ' +
        'Staat de basis, dan lukt de rest vaak beter.',
    },
    {
      kind: 'principle', number: 5, heading: PRINCIPLE_HEADINGS[4],
      text: 'Het belangrijkste is hoe het met de inwoner gaat. De inwoner geeft daarvoor zelf een cijfer van 1 tot 10, voor en na het overleg. ' +
        'Daarna kijken we ook naar de kosten van de hulp voor de samenleving, voor en na.',
    },

    { kind: 'heading', text: 'Wat is een Samenwerkoverleg (SO)?' },
    {
      kind: 'bullets',
      items: [
        'Een SO is een overleg met de inwoner en de mensen die nodig zijn voor de vraag: professionals, en soms familie, vrienden of buren.',
        'Het SO is meestal bij de inwoner thuis. Op een andere plek kan ook, als de inwoner dat liever heeft.',
        'Het SO is binnen twee weken nadat duidelijk werd dat het nodig is. Zo hoeft de inwoner niet lang te wachten.',
        'Het SO heeft een vaste agenda. We stellen ons kort voor, we noemen het doel, de inwoner vertelt wat hij of zij wil, ' +
          'we bespreken wat de inwoner zelf kan en wat nodig is, en we maken afspraken.',
        'Elke afspraak zegt wie wat doet en wanneer. Afspraken zijn binnen zes weken klaar. Daarna kijken we samen terug.',
      ],
    },

    { kind: 'heading', text: 'Wat verwachten we van jou?' },
    {
      kind: 'bullets',
      items: [
        'Je komt voorbereid. Je leest de uitnodiging, en het plan als je dat krijgt.',
        'Je vertelt aan het begin kort wie je bent en waarom je erbij bent.',
        'Je brengt je kennis en ervaring mee, en je denkt mee over de vraag van de inwoner.',
        'Je beslist aan tafel mee. Heb je daarvoor iemand in je organisatie nodig? Regel dat vooraf.',
        'Je doet wat je hebt afgesproken binnen zes weken. Lukt iets niet, dan laat je dat op tijd weten.',
        'Wat we bespreken, blijft in het overleg. We overleggen niet vooraf of achteraf buiten de inwoner om.',
        'Past een collega beter bij deze vraag? Stuur de uitnodiging dan door en vertel waarom.',
      ],
    },
  ];
  const footer = town ? `Gemeente ${town} · De Samenwerkwijze in vijf principes` : 'De Samenwerkwijze in vijf principes · voor je gemeente';
  return { blocks, footer, town };
}

/** The text as one string (headings, paragraphs, bullets, footer), e.g. to check what the PDF says. */
export function handoutPlainText(municipality = '') {
  const { blocks, footer } = handoutText(municipality);
  const lines = blocks.map((b) => {
    switch (b.kind) {
      case 'principle': return `${b.number}. ${b.heading}\n${b.text}`;
      case 'bullets': return b.items.map((i) => `• ${i}`).join('\n');
      default: return b.text;
    }
  });
  return [...lines, footer].join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------
// Layout: A4, 2 cm margins, Helvetica 11 pt on 15.5 pt lines.

const A4 = [595.28, 841.89];
const MARGIN = 56.7;
const FOOTER_Y = 34;
const INK = rgb(0.12, 0.12, 0.12);
const ACCENT = rgb(0.05, 0.32, 0.48);
const MUTED = rgb(0.35, 0.35, 0.35);

function wrap(text, font, size, width) {
  const lines = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The hand-out as PDF bytes.
 * @param {{ municipality?: string }} [options]
 */
export async function buildHandout({ municipality = '' } = {}) {
  const { blocks, footer, town } = handoutText(municipality);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = (font) => (text) => winAnsi(text, (ch) => { try { font.encodeText(ch); return true; } catch { return false; } });
  const plain = safe(regular);
  const strong = safe(bold);

  doc.setTitle('De Samenwerkwijze in vijf principes', { showInWindowTitleBar: true });
  doc.setSubject(plain(town ? `Hand-out bij de uitnodiging voor een Samenwerkoverleg, gemeente ${town}` : 'Hand-out bij de uitnodiging voor een Samenwerkoverleg'));
  doc.setAuthor(plain(town ? `Gemeente ${town}` : 'Samenwerkoverleg'));
  doc.setKeywords(['Samenwerkwijze', 'Samenwerkoverleg', 'principes', `gemeente:${encodeURIComponent(town)}`]);
  doc.setCreator('Samenwerkoverleg (scripts/make-handout.mjs)');
  doc.setProducer('pdf-lib');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);

  const width = A4[0] - 2 * MARGIN;
  const pages = [];
  let page;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN;
  };
  const ensure = (height) => { if (!page || y - height < MARGIN + 20) newPage(); };
  const draw = (text, { x = MARGIN, font = regular, size = 11, color = INK } = {}) => {
    page.drawText(text, { x, y, font, size, color });
  };
  const paragraph = (text, { indent = 0, size = 11, font = regular, color = INK, lead = 15.5, after = 8, bullet } = {}) => {
    const lines = wrap((font === bold ? strong : plain)(text), font, size, width - indent);
    ensure(lead * Math.min(lines.length, 3));
    lines.forEach((line, i) => {
      ensure(lead);
      y -= lead;
      if (i === 0 && bullet) draw(bullet, { x: MARGIN + indent - 12, font: bold, size, color: ACCENT });
      draw(line, { x: MARGIN + indent, font, size, color });
    });
    y -= after;
  };

  newPage();
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        paragraph(block.text, { font: bold, size: 22, lead: 26, color: ACCENT, after: 4 });
        break;
      case 'subtitle':
        paragraph(block.text, { size: 12, lead: 16, color: MUTED, after: 14 });
        break;
      case 'heading':
        ensure(60);
        y -= 6;
        paragraph(block.text, { font: bold, size: 14, lead: 18, color: ACCENT, after: 4 });
        break;
      case 'paragraph':
        paragraph(block.text);
        break;
      case 'principle':
        ensure(70);
        paragraph(`${block.number}. ${block.heading}`, { font: bold, size: 11.5, lead: 16, after: 1 });
        paragraph(block.text, { indent: 14 });
        break;
      case 'bullets':
        for (const item of block.items) paragraph(item, { indent: 14, bullet: '•', after: 4 });
        y -= 4;
        break;
      default:
        throw new Error(`unknown block ${block.kind}`);
    }
  }

  pages.forEach((p, i) => {
    const number = `pagina ${i + 1} van ${pages.length}`;
    p.drawLine({ start: { x: MARGIN, y: FOOTER_Y + 14 }, end: { x: A4[0] - MARGIN, y: FOOTER_Y + 14 }, thickness: 0.5, color: MUTED });
    p.drawText(plain(footer), { x: MARGIN, y: FOOTER_Y, font: regular, size: 9, color: MUTED });
    p.drawText(number, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(number, 9), y: FOOTER_Y, font: regular, size: 9, color: MUTED });
  });

  return doc.save({ useObjectStreams: false });
}

/** The municipality a hand-out was built for, read back from its keywords ("" for the generic one). */
export function municipalityFromKeywords(keywords) {
  const entry = String(keywords ?? '').split(/\s+/).find((k) => k.startsWith('gemeente:'));
  return entry === undefined ? '' : decodeURIComponent(entry.slice('gemeente:'.length));
}

function parseArgs(argv) {
  const options = { municipality: process.env.MUNICIPALITY ?? '', out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--municipality') options.municipality = argv[++i] ?? '';
    else if (argv[i] === '--out') options.out = path.resolve(argv[++i] ?? DEFAULT_OUT);
    else throw new Error(`unknown argument ${argv[i]}; use --municipality "<name>" and/or --out <file.pdf>`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { municipality, out } = parseArgs(process.argv.slice(2));
  const bytes = await buildHandout({ municipality });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`hand-out written: ${path.relative(process.cwd(), out)} (${bytes.length} bytes${townName(municipality) ? `, gemeente ${townName(municipality)}` : ''})`);
}
