import type { DirectoryPort, Person } from '../app/ports';
import type { GraphRequester } from './graphClient';

interface GraphUser {
  id: string;
  displayName: string;
  mail?: string | null;
  jobTitle?: string | null;
  companyName?: string | null;
}

export function toPerson(user: GraphUser): Person {
  const person: Person = { id: user.id, displayName: user.displayName };
  if (user.mail) person.mail = user.mail;
  if (user.jobTitle) person.jobTitle = user.jobTitle;
  if (user.companyName) person.organisation = user.companyName;
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
  };
}
