// The demo tenant honours Prefer: outlook.body-content-type="text" on event reads, as Graph does, and $select
// on an event's attachments (so a list of names does not carry the files).
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestTenant, people } from '../testHarness';
import { htmlToText, preferredBodyType } from './events';

const { esra, bram } = people;
const PDF = Buffer.from('%PDF-1.4 de vijf principes').toString('base64');

interface GraphEvent {
  id: string;
  iCalUId: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
}

async function sentMeeting() {
  const t = createTestTenant();
  const html = '<div lang="nl">\n<p>Hallo,</p>\n<h2>Wie er aan tafel zitten, en waarom</h2>\n<ul><li><strong>Bram Hoekstra, Veldwijzer GGZ</strong><br>Waarom: een kritische blik.<br>Wat we verwachten: kennis &amp; kunde</li></ul>\n</div>';
  const created = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', {
    body: {
      subject: 'Samenwerkoverleg SO-2026-014',
      body: { contentType: 'html', content: html },
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' },
    },
  }));
  const id = encodeURIComponent(created.id);
  await t.call(esra, 'POST', `/me/events/${id}/attachments`, {
    body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'principes.pdf', contentType: 'application/pdf', contentBytes: PDF },
  });
  await t.call(esra, 'PATCH', `/me/events/${id}`, { body: { attendees: [{ type: 'required', emailAddress: { address: bram.mail, name: bram.displayName } }] } });
  const state = await t.tenant.snapshot();
  const copy = state.mailboxes[bram.id]!.events.find((e) => e.iCalUId === created.iCalUId)!;
  return { t, html, copyId: encodeURIComponent(copy.id) };
}

describe('event bodies as text on request', () => {
  it('converts the HTML body to text with Prefer: outlook.body-content-type="text" and says it applied it', async () => {
    const { t, copyId } = await sentMeeting();
    const response = await t.call(bram, 'GET', `/me/events/${copyId}?$select=subject,body`, { headers: { Prefer: 'outlook.timezone="UTC", outlook.body-content-type="text"' } });
    expect(response.status).toBe(200);
    expect(response.headers?.['Preference-Applied']).toBe('outlook.timezone="UTC", outlook.body-content-type="text"');
    const event = bodyOf<GraphEvent>(response);
    expect(event.body.contentType).toBe('text');
    expect(event.body.content).toBe('Hallo,\r\n\r\nWie er aan tafel zitten, en waarom\r\n\r\n  *   Bram Hoekstra, Veldwijzer GGZ\r\nWaarom: een kritische blik.\r\nWat we verwachten: kennis & kunde');
  });

  it('keeps HTML without the preference, or with outlook.body-content-type="html"', async () => {
    const { t, html, copyId } = await sentMeeting();
    for (const headers of [{}, { Prefer: 'outlook.body-content-type="html"' }] as Record<string, string>[]) {
      const event = bodyOf<GraphEvent>(await t.call(bram, 'GET', `/me/events/${copyId}`, { headers }));
      expect(event.body).toEqual({ contentType: 'html', content: html });
    }
  });

  it('applies it to calendarView too', async () => {
    const { t } = await sentMeeting();
    const view = bodyOf<{ value: GraphEvent[] }>(await t.call(bram, 'GET', '/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z&$select=subject,body', {
      headers: { Prefer: 'outlook.body-content-type="text"' },
    }));
    const so = view.value.find((e) => e.body.content.includes('Wie er aan tafel'));
    expect(so?.body.contentType).toBe('text');
  });

  it('lists attachments with only the selected properties', async () => {
    const { t, copyId } = await sentMeeting();
    const list = bodyOf<{ value: Record<string, unknown>[] }>(await t.call(bram, 'GET', `/me/events/${copyId}/attachments?$select=name,contentType,size`));
    expect(list.value).toEqual([{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'principes.pdf', contentType: 'application/pdf', size: 26 }]);
  });

  it('reads the preference and converts entities and blocks', () => {
    expect(preferredBodyType('outlook.body-content-type="text"')).toBe('text');
    expect(preferredBodyType('outlook.timezone="UTC",outlook.body-content-type=html')).toBe('html');
    expect(preferredBodyType(null)).toBeUndefined();
    expect(htmlToText('<p>a&nbsp;&#233;&#x20AC;</p><script>x()</script><p>b<br/>c</p>')).toBe('a\u00a0é€\r\n\r\nb\r\nc');
  });
});
