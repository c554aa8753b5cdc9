// Building OData query strings safely: user text never breaks out of a string literal or the URL.

/** A string literal for $filter: single quotes doubled, as OData requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A $search phrase: quoted; double quotes and backslashes in the user's text are dropped. */
export function searchPhrase(value: string): string {
  return `"${value.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim()}"`;
}

/** key=value pairs with every value percent-encoded (the SDK passes the query through as given). */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A path segment from an id: encoded so ids with '/' or '#' cannot change the route. */
export const seg = (id: string): string => encodeURIComponent(id);
