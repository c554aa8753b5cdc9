// GET /me/people: people relevant to me, as microsoft.graph.person. Relevance in the demo: people I share
// meetings with, then colleagues in my area, then my organisation, then everyone else; alphabetical within a
// rank. $search matches the start of any word of the name or mail address (the service is fuzzier).
import type { DemoTenantState, DemoUser } from '../tenantState';
import { mailboxOf, sameAddress } from './directory';
import { applySelect, graphError, json, page } from './http';
import type { Route } from './http';

function relevance(state: DemoTenantState, me: DemoUser, other: DemoUser): number {
  let score = 0;
  const met = mailboxOf(state, me.id).events.some((e) => e.attendees.some((a) => sameAddress(a.emailAddress.address, other.mail))
    || sameAddress(e.organizer.emailAddress.address, other.mail));
  if (met) score += 8;
  if (other.areaId === me.areaId) score += 4;
  if (other.organisationId === me.organisationId) score += 2;
  return score;
}

export function toGraphPerson(user: DemoUser, score: number): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    birthday: '',
    personNotes: '',
    isFavorite: false,
    jobTitle: user.jobTitle,
    companyName: user.companyName,
    yomiCompany: '',
    department: user.department,
    officeLocation: user.officeLocation,
    profession: '',
    userPrincipalName: user.userPrincipalName,
    imAddress: `sip:${user.userPrincipalName}`,
    scoredEmailAddresses: [{ address: user.mail, relevanceScore: score, selectionLikelihood: 'notSpecified' }],
    phones: [],
    postalAddresses: [],
    websites: [],
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  };
}

const words = (text: string) => text.toLowerCase().split(/[\s.@_\-–,()]+/).filter(Boolean);

export const peopleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me\/people$/,
    response: 'Collection(person)',
    handle: (ctx) => {
      const params = ctx.request.url.searchParams;
      const search = (params.get('$search') ?? '').trim().replace(/^"(.*)"$/, '$1');
      if (/^\w+:/.test(search) && !/^topic:/i.test(search)) {
        return graphError(400, 'ErrorInvalidUrlQuery', 'The $search query on people supports free text and topic: only.', ctx.requestId, ctx.now);
      }
      const tokens = words(search);
      const ranked = ctx.state.users
        .filter((u) => u.id !== ctx.me.id)
        .filter((u) => {
          if (tokens.length === 0) return true;
          const have = [...words(u.displayName), ...words(u.mail)];
          return tokens.every((t) => have.some((w) => w.startsWith(t)));
        })
        .map((u) => ({ u, score: relevance(ctx.state, ctx.me, u) }))
        .sort((a, b) => b.score - a.score || a.u.displayName.localeCompare(b.u.displayName));
      const top = ranked.length;
      const shaped = ranked.map(({ u, score }, i) => applySelect(toGraphPerson(u, 20 + score - i / (top + 1)), params.get('$select')));
      return json(200, page(ctx.request, shaped, 10));
    },
  },
];
