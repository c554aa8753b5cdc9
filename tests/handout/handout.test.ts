// The principles hand-out: built by scripts/make-handout.mjs from our own text, committed under assets/handout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  buildHandout, DEFAULT_OUT, FIXED_DATE, handoutPlainText, handoutText, municipalityFromKeywords, PRINCIPLE_HEADINGS, townName, winAnsi,
} from '../../scripts/make-handout.mjs';
import { DEFAULT_HANDOUT_URL } from '../../src/hosts/handoutFile';

const script = path.resolve(__dirname, '../../scripts/make-handout.mjs');

describe('the principles hand-out', () => {
  it('is a valid A4 PDF with a title, Dutch language and fixed dates, written by the script', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handout-'));
    const out = path.join(dir, 'principes.pdf');
    execFileSync(process.execPath, [script, '--municipality', 'Gemeente Maasveld', '--out', out], { env: { ...process.env, MUNICIPALITY: '' } });
    const pdf = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pdf.getTitle()).toBe('De Samenwerkwijze in vijf principes');
    expect(pdf.getCreationDate()?.toISOString()).toBe(FIXED_DATE.toISOString());
    expect(pdf.getModificationDate()?.toISOString()).toBe(FIXED_DATE.toISOString());
    expect(municipalityFromKeywords(pdf.getKeywords())).toBe('Maasveld');
    expect(pdf.catalog.toString()).toContain('/Lang (nl-NL)');
  });

  it('tells the five principles, what an SO is and what is expected, with the municipality\'s name', () => {
    const text = handoutPlainText('Gemeente Maasveld');
    PRINCIPLE_HEADINGS.forEach((heading, i) => expect(text).toContain(`${i + 1}. ${heading}`));
    expect(PRINCIPLE_HEADINGS).toHaveLength(5);
    for (const part of ['Wat is de Samenwerkwijze?', 'Wat is een Samenwerkoverleg (SO)?', 'Wat verwachten we van jou?', 'binnen twee weken', 'binnen zes weken', 'bij de inwoner thuis', 'vaste agenda']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('In de gemeente Maasveld');
    expect(handoutText('Gemeente Maasveld').footer).toBe('Gemeente Maasveld · De Samenwerkwijze in vijf principes');
  });

  it('reads well without a municipality', () => {
    const text = handoutPlainText('');
    expect(text).toContain('In je gemeente');
    expect(text).not.toMatch(/de gemeente\s*[·.,]/);
    expect(handoutText('').footer).toBe('De Samenwerkwijze in vijf principes · voor je gemeente');
    expect(text).not.toContain('undefined');
    expect(townName('  gemeente   Oss ')).toBe('Oss');
  });

  it('uses only characters Helvetica (WinAnsi) can draw, and maps the others', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const canEncode = (ch: string) => { try { font.encodeText(ch); return true; } catch { return false; } };
    for (const ch of handoutPlainText('Gemeente Súdwest-Fryslân').replace(/\n/g, '')) expect(canEncode(ch), JSON.stringify(ch)).toBe(true);
    expect(winAnsi('IJsselĳ → ≤ Ş', canEncode)).toBe('IJsselij -> <= S');
    // A name full of characters outside WinAnsi still builds.
    await expect(buildHandout({ municipality: 'Gemeente ĳsselstein – Ωmega 東京' })).resolves.toBeInstanceOf(Uint8Array);
  });

  it('is committed as built: the file under assets/ equals a fresh build byte for byte', async () => {
    const committed = readFileSync(DEFAULT_OUT);
    const { getKeywords } = await PDFDocument.load(committed).then((pdf) => ({ getKeywords: () => pdf.getKeywords() }));
    const fresh = await buildHandout({ municipality: municipalityFromKeywords(getKeywords()) });
    expect(Buffer.from(fresh).equals(committed), 'run `npm run handout` and commit assets/handout/samenwerkwijze-principes.pdf').toBe(true);
    // And the app fetches it from where the build puts it.
    expect(DEFAULT_HANDOUT_URL).toBe(`/assets/handout/${path.basename(DEFAULT_OUT)}`);
  });

  it('is deterministic: two builds give the same bytes', async () => {
    const [a, b] = await Promise.all([buildHandout({ municipality: 'Maasveld' }), buildHandout({ municipality: 'Maasveld' })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
