import { describe, expect, it } from 'vitest';
import { isCaseDirectorOf, planRights } from './planRights';

describe('planRights', () => {
  it('edits when the drive grants write (own, group or inherited), in any case', () => {
    expect(planRights({ roles: ['write'], isCaseDirector: false })).toBe('edit');
    expect(planRights({ roles: ['read', 'Write'], isCaseDirector: false })).toBe('edit');
    expect(planRights({ roles: ['owner'], isCaseDirector: false })).toBe('edit');
    expect(planRights({ roles: ['sp.full control'], isCaseDirector: false })).toBe('edit');
  });

  it('reads when the drive reports only reading roles', () => {
    expect(planRights({ roles: ['read'], isCaseDirector: false })).toBe('read');
    expect(planRights({ roles: ['read'], isCaseDirector: false, lastKnown: 'edit' })).toBe('read');
  });

  it('the drive wins over being the case director: a write it refuses would never sync', () => {
    expect(planRights({ roles: ['read'], isCaseDirector: true })).toBe('read');
  });

  it('when the drive cannot be asked: what it said last, else the case director edits and others read', () => {
    expect(planRights({ roles: undefined, isCaseDirector: false, lastKnown: 'edit' })).toBe('edit');
    expect(planRights({ roles: undefined, isCaseDirector: true, lastKnown: 'read' })).toBe('read');
    expect(planRights({ roles: undefined, isCaseDirector: true })).toBe('edit');
    expect(planRights({ roles: undefined, isCaseDirector: false })).toBe('read');
  });

  it('an empty list (nothing on the item names the user) counts as not known', () => {
    expect(planRights({ roles: [], isCaseDirector: true })).toBe('edit');
    expect(planRights({ roles: [], isCaseDirector: false })).toBe('read');
    expect(planRights({ roles: [], isCaseDirector: false, lastKnown: 'edit' })).toBe('edit');
  });

  it('knows the case director by user id', () => {
    expect(isCaseDirectorOf({ caseDirectorUserId: 'u-1' }, 'u-1')).toBe(true);
    expect(isCaseDirectorOf({ caseDirectorUserId: 'u-1' }, 'u-2')).toBe(false);
    expect(isCaseDirectorOf({ caseDirectorUserId: 'u-1' }, undefined)).toBe(false);
  });
});
