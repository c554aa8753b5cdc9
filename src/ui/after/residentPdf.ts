// The resident's plan as a real PDF (A4), drawn with pdf-lib from the same blocks as the printed plan, so the
// two always say the same. Loaded in a chunk of its own when someone asks for the PDF. The standard Helvetica
// font covers Dutch (é, ë, €, quotes); a character it cannot draw is replaced, never dropped silently.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { agreementRowNotes, formatDutchDay } from '../../domain';
import type { ResidentPlan } from '../../domain';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = { title: 20, heading: 14, body: 11 };
const LINE = 1.4;

/** Helvetica (WinAnsi) cannot draw every character: keep what it can, turn the rest into something close. */
function drawable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += plain !== ch && plain !== '' ? drawable(font, plain) : ch === '\u2192' ? '->' : '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function residentPlanPdf(doc: ResidentPlan): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Samenwerkplan ${doc.caseAlias}`);
  pdf.setLanguage('nl-NL');
  pdf.setCreator('Samenwerkoverleg');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  const write = (text: string, options: { font?: PDFFont; size?: number; indent?: number; gapBefore?: number; band?: boolean } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? SIZE.body;
    const indent = options.indent ?? 0;
    const lines = wrap(font, size, drawable(font, text), width - indent);
    y -= options.gapBefore ?? 0;
    for (const line of lines) {
      if (y - size * LINE < MARGIN) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      y -= size * LINE;
      // An addition: a light band behind its lines and a bar in the margin (its label says it in words).
      if (options.band === true) {
        page.drawRectangle({ x: MARGIN + indent - 6, y: y - 3, width: width - indent + 6, height: size * LINE, color: rgb(1, 0.96, 0.81) });
        page.drawRectangle({ x: MARGIN + indent - 6, y: y - 3, width: 3, height: size * LINE, color: rgb(0.54, 0.38, 0) });
      }
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: rgb(0, 0, 0) });
    }
  };

  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'title':
        write(block.text, { font: bold, size: SIZE.title });
        break;
      case 'heading':
        write(block.text, { font: bold, size: SIZE.heading, gapBefore: 10 });
        break;
      case 'paragraph':
        write(block.text, { font: block.label === undefined ? regular : bold, gapBefore: 2 });
        break;
      case 'list':
        for (const item of block.items) write(`- ${item}`, { indent: 8 });
        break;
      case 'wants':
        block.items.forEach((w, i) => {
          write(`${i + 1}. ${w.text}`, { indent: 8 });
          if (w.target !== undefined) write(`Hier werk ik naartoe: ${w.target}`, { indent: 22 });
        });
        break;
      case 'agreements':
        write(block.caption, { font: bold, gapBefore: 2 });
        if (block.rows.length === 0) write('Er zijn in dit overleg geen afspraken vastgelegd.');
        for (const row of block.rows) {
          const band = row.addition !== undefined;
          y -= 4;
          if (band) write(row.addition!, { font: bold, indent: 8, band });
          write(`${row.who}: ${row.what}`, { indent: 8, band });
          for (const note of agreementRowNotes(row)) write(note, { indent: 20, band });
          write(`Uiterlijk ${formatDutchDay(row.due)}. ${row.done ? 'Klaar.' : 'Nog niet klaar.'}`, { indent: 20, band });
        }
        break;
    }
  }
  return pdf.save();
}
