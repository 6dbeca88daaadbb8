import { describe, expect, it } from 'vitest';
import { toastFor } from './toast-filter';

const note = { entity: 'incident', entityId: 7, number: 'INC-000007', actorId: 2, userIds: [3] };

describe('toastFor', () => {
  it('toasts a change by someone else that names the viewer, even before the follows load', () => {
    expect(toastFor(note, { me: 3, follows: true, followed: undefined })).toBe('toast');
  });

  it('never toasts the viewer’s own change, or one to something other than an incident', () => {
    expect(toastFor({ ...note, actorId: 3 }, { me: 3, follows: true, followed: [7] })).toBe('skip');
    expect(
      toastFor(
        { ...note, entity: 'problem', userIds: [] },
        { me: 3, follows: true, followed: [7] },
      ),
    ).toBe('skip');
    expect(toastFor(note, { me: null, follows: true, followed: [7] })).toBe('skip');
  });

  it('toasts a followed incident and skips one not followed', () => {
    const other = { ...note, userIds: [] };
    expect(toastFor(other, { me: 4, follows: true, followed: [7] })).toBe('toast');
    expect(toastFor(other, { me: 4, follows: true, followed: [8] })).toBe('skip');
  });

  it('holds an event until the followed incidents have loaded, instead of dropping it', () => {
    expect(toastFor({ ...note, userIds: [] }, { me: 4, follows: true, followed: undefined })).toBe(
      'wait',
    );
  });

  it('skips an event not naming a viewer who cannot follow (a customer)', () => {
    expect(toastFor({ ...note, userIds: [] }, { me: 4, follows: false, followed: undefined })).toBe(
      'skip',
    );
  });
});
