import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml, excerpt, htmlText, isEmailAddress, joinDutch, normaliseText } from './text';

describe('text helpers', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps line breaks as <br> and drops control characters', () => {
    expect(htmlText(' een\r\ntwee\u0000 ')).toBe('een<br>twee');
    // A tab is a space like any other (normaliseText).
    expect(cleanText('a\u0007b\tc')).toBe('ab c');
  });

  it('normalises every kind of space, invisible characters and digits of any script', () => {
    expect(normaliseText('1\u200B2\u00A03\u202F4\u20095\u30006')).toBe('12 3 4 5 6');
    expect(normaliseText('\u0661\u0662\u0663 \u06F4\u06F5 \u0967\u0968')).toBe('123 45 12');
    expect(normaliseText('\uFF11\uFF12\uFF13\uFF21')).toBe('123A');
    expect(normaliseText('a\u00ADb\u2060c\uFEFFd\u200Ce\u200Ff')).toBe('abcdef');
    expect(normaliseText('a  \t b \n c\u2028d')).toBe('a b\nc\nd');
    // Emoji stay whole: a joiner between pictographs, a variation selector after one.
    expect(normaliseText('\u{1F469}\u200D\u{1F467} \u2764\uFE0F')).toBe('\u{1F469}\u200D\u{1F467} \u2764\uFE0F');
    // … but not between digits.
    expect(normaliseText('1\u200D2\uFE0F3')).toBe('123');
    // Idempotent, so checking and sending the normalised text is the same text.
    const odd = ' \u0661\u00A0\u200B2\u3000\uFF13 \r\n x ';
    expect(normaliseText(normaliseText(odd))).toBe(normaliseText(odd));
    expect(cleanText(odd)).toBe('1 2 3\nx');
  });

  it('joins lists the Dutch way', () => {
    expect(joinDutch([])).toBe('');
    expect(joinDutch(['a'])).toBe('a');
    expect(joinDutch(['a', 'b'])).toBe('a en b');
    expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
  });

  it('shortens long text for use in a message', () => {
    expect(excerpt('kort')).toBe('kort');
    expect(excerpt('x'.repeat(60), 10)).toBe('xxxxxxxxx…');
    expect(excerpt('Zet samen met Samira alle brieven op een rij.')).toBe('Zet samen met Samira alle brieven op…');
  });

  it('recognises plausible e-mail addresses', () => {
    expect(isEmailAddress('bram.hoekstra@veldwijzer.example')).toBe(true);
    expect(isEmailAddress('bram@veldwijzer')).toBe(false);
    expect(isEmailAddress('bram hoekstra@veldwijzer.nl')).toBe(false);
    expect(isEmailAddress('<bram@veldwijzer.nl>')).toBe(false);
    expect(isEmailAddress('bram@@veldwijzer.nl')).toBe(false);
  });
});
