// @vitest-environment happy-dom
// The XSS corpus against the UI itself: the recording panel (agreements list, casusregie, evaluation, closing
// with its summary) renders a plan with every payload in every free-text field. The rendered DOM must have the
// same elements and attributes as with harmless text, and show each payload as text. The UI never sets HTML
// from strings (no dangerouslySetInnerHTML; the printable plan goes into a sandboxed iframe that cannot run
// script — its HTML is checked in xss.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgreement, planEvaluation, setCaseDirection, setMeetingNote } from '../../src/domain';
import type { Plan } from '../../src/domain';
import { seedPlan014 } from '../../src/ui/case/prepare/fakeServices';
import { renderRecordPanel } from '../../src/ui/meeting/record/recordTesting';
import { HARMLESS } from './htmlSkeleton';
import { XSS_PAYLOADS } from './xssCorpus';

afterEach(cleanup);

const ALL = XSS_PAYLOADS.join(' ¶ ');

function planWith(text: string): Plan {
  let plan = seedPlan014();
  plan = {
    ...plan,
    wants: plan.wants.map((w) => ({ ...w, text, target: text })),
    participants: plan.participants.map((p) => ({ ...p, name: `${p.name} ${text}`, organisation: text, expectation: text })),
    meetings: plan.meetings.map((m) => ({ ...m, goal: text })),
  };
  const stamp = { at: '2026-12-01T10:20:00+01:00', byUserId: 'u-esra' };
  const meetingId = plan.meetings[0]!.id;
  const professional = plan.participants.find((p) => p.role === 'professional')!;
  plan = addAgreement(plan, { id: 'a-1', who: professional.id, what: text, due: '2027-01-12', meetingId, wantId: plan.wants[0]?.id }, stamp);
  plan = addAgreement(plan, { id: 'a-2', who: 'p-sister', what: text, due: '2027-01-12', meetingId, perspectiveOnly: true }, stamp);
  plan = setCaseDirection(plan, { caseDirectorParticipantId: professional.id, processDirectorNeeded: true, aveLevel: 3 });
  plan = planEvaluation(plan, { id: 'e-1', date: '2027-01-12', organiserParticipantId: professional.id, how: 'meeting', meetingId }, stamp.at);
  plan = setMeetingNote(plan, { meetingId, itemKey: 'closingRound', text }, stamp.at);
  return plan;
}

/** Element names and attribute names in document order (values vary with generated ids). */
function domSkeleton(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((el) => `${el.tagName.toLowerCase()}[${[...el.attributes].map((a) => a.name).sort().join(',')}]`);
}

/** Elements and attributes that run code or load something (Fluent's own icons are SVG: the skeleton covers those). */
function hostileTraces(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('script, iframe, object, embed, img, math, style, link, meta, base, marquee, details, video, audio, template, xss, isindex')) {
    found.push(el.tagName.toLowerCase());
  }
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || /^\s*(javascript|data):/i.test(attr.value)) found.push(`${el.tagName.toLowerCase()} ${attr.name}`);
    }
  }
  return found;
}

describe('XSS corpus in the UI', () => {
  it.each(['want-1', 'caseDirection', 'evaluation', 'closingRound'])('the recording panel at step %s', async (stepKey) => {
    renderRecordPanel({ plan: planWith(HARMLESS), stepKey });
    await screen.findByRole('list', { name: 'Afspraken van dit overleg' });
    const baseline = domSkeleton(document.body);
    cleanup();

    renderRecordPanel({ plan: planWith(ALL), stepKey });
    await screen.findByRole('list', { name: 'Afspraken van dit overleg' });
    expect(hostileTraces(document.body)).toEqual([]);
    expect(domSkeleton(document.body)).toEqual(baseline);
    // The payloads are there, as text.
    const listText = screen.getByRole('list', { name: 'Afspraken van dit overleg' }).textContent ?? '';
    for (const payload of XSS_PAYLOADS) expect(listText).toContain(payload);
  });

  it('no screen sets HTML from a string', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(file);
      }
    };
    walk(path.resolve('src/ui'));
    const offenders = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
    const frames = files.filter((file) => /<iframe/.test(readFileSync(file, 'utf8')));
    for (const file of frames) expect(readFileSync(file, 'utf8'), file).toMatch(/<iframe[^>]*sandbox="(?![^"]*allow-scripts)[^"]*"/);
  });
});
