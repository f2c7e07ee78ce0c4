import { describe, expect, it } from 'vitest';
import { nextAfterSignIn } from './next.js';

describe('nextAfterSignIn', () => {
  it('keeps a page of the backoffice as a route', () => {
    expect(nextAfterSignIn('/dossiers?due=overdue')).toEqual({ route: '/dossiers?due=overdue' });
  });
  it('sends the analytics app back by a page load', () => {
    expect(nextAfterSignIn('/analytics/')).toEqual({ href: '/analytics/' });
    expect(nextAfterSignIn('/analytics/ranking?period=month')).toEqual({ href: '/analytics/ranking?period=month' });
  });
  it('never leaves the origin', () => {
    for (const bad of ['//evil.example/analytics/', 'https://evil.example/', '/\\evil.example', undefined, ['/x']]) expect(nextAfterSignIn(bad)).toEqual({ route: '/' });
  });
});
