import { describe, expect, it } from 'vitest';
import { scopesForRequest } from './requiredScopes';

describe('scopesForRequest', () => {
  it('asks only what the feature needs', () => {
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me?$select=id', undefined)).toEqual(['User.Read']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me/events', undefined)).toEqual(['Calendars.ReadWrite']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me/findMeetingTimes', undefined)).toEqual(['Calendars.ReadWrite', 'Calendars.Read.Shared']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me/sendMail', undefined)).toEqual(['Mail.Send']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/drives/b!x/items/1/content', undefined)).toEqual(['Files.ReadWrite.All']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/planner/tasks', undefined)).toEqual(['Tasks.ReadWrite']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/planner/buckets/b1/tasks', undefined)).toEqual(['Tasks.ReadWrite']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me/planner/tasks', undefined)).toEqual(['Tasks.ReadWrite']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/me/people?$search=x', undefined)).toEqual(['People.Read']);
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/users?$filter=x', undefined)).toEqual(['User.ReadBasic.All']);
  });

  it('takes the union of the sub-requests of a batch', () => {
    const body = JSON.stringify({ requests: [
      { id: '1', method: 'POST', url: '/me/events/1/attachments' },
      { id: '2', method: 'POST', url: '/planner/tasks' },
      { id: '3', method: 'PATCH', url: 'me/events/1' },
    ] });
    expect(scopesForRequest('https://graph.microsoft.com/v1.0/$batch', body)).toEqual(['Calendars.ReadWrite', 'Tasks.ReadWrite']);
  });
});
