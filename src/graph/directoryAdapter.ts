import type { DirectoryPort, Person } from '../app/ports';
import type { GraphRequester } from './graphClient';
import { odataString, query, searchPhrase } from './odata';

interface GraphUser {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
}

interface GraphPerson {
  id: string;
  displayName?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
  userPrincipalName?: string | null;
  scoredEmailAddresses?: { address?: string | null }[] | null;
}

export const PEOPLE_TOP = 10;
export const USERS_TOP = 10;
/** User.ReadBasic.All gives the basic profile only: ask for nothing more. */
const USER_SELECT = 'id,displayName,mail,userPrincipalName';

export function toPerson(user: GraphUser): Person {
  const person: Person = { id: user.id, displayName: user.displayName };
  if (user.mail) person.mail = user.mail;
  if (user.jobTitle) person.jobTitle = user.jobTitle;
  if (user.companyName) person.organisation = user.companyName;
  return person;
}

export function personFromPeople(p: GraphPerson): Person {
  const person: Person = { id: p.id, displayName: p.displayName ?? '' };
  const mail = p.scoredEmailAddresses?.find((a) => a.address)?.address ?? p.userPrincipalName;
  if (mail) person.mail = mail;
  if (p.jobTitle) person.jobTitle = p.jobTitle;
  if (p.companyName) person.organisation = p.companyName;
  return person;
}

export function createDirectoryAdapter(graph: GraphRequester): DirectoryPort {
  let me: Promise<Person> | undefined;
  return {
    me() {
      me ??= graph.get<GraphUser>('/me?$select=id,displayName,mail,jobTitle,companyName').then(toPerson);
      // A failed lookup must not be cached: the next call tries again.
      me.catch(() => { me = undefined; });
      return me;
    },

    async searchPeople(text) {
      const phrase = searchPhrase(text);
      if (phrase === '""') return [];
      // One page is the answer: people are ranked by relevance, the first ten are what we show.
      const page = await graph.get<{ value?: GraphPerson[] }>(`/me/people${query({ $search: phrase, $top: PEOPLE_TOP })}`);
      return (page.value ?? []).map(personFromPeople);
    },

    async searchUsers(text, top = USERS_TOP) {
      const prefix = text.trim();
      if (!prefix) return [];
      const literal = odataString(prefix);
      const filter = `startswith(displayName,${literal}) or startswith(mail,${literal})`;
      const page = await graph.get<{ value?: GraphUser[] }>(`/users${query({ $filter: filter, $select: USER_SELECT, $top: top })}`);
      return (page.value ?? []).map((u) => toPerson({ ...u, mail: u.mail ?? u.userPrincipalName }));
    },
  };
}
