import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createRedactor } from '../../src/log/redactor.js';

describe('redactor', () => {
  const r = createRedactor(['s3cr3t-auth-value-0123456789abcdef', 'p@ss"word']);

  it.each([
    [
      'a configured secret anywhere',
      'AUTH_SECRET is s3cr3t-auth-value-0123456789abcdef!',
      'AUTH_SECRET is [redacted]!',
    ],
    ['the JSON-escaped form of a secret', JSON.stringify({ v: 'p@ss"word' }), '{"v":"[redacted]"}'],
    [
      'credentials inside any URI',
      'connect postgres://ctx:other-pw@db:5432/ctx failed',
      'connect postgres://ctx:[redacted]@db:5432/ctx failed',
    ],
    ['Slack bot tokens', 'token xoxb-test-fake-abcdefgh', 'token [redacted]'],
    ['Slack app tokens', 'xapp-test-A0-fake-abcdef', '[redacted]'],
    [
      'a GitHub token as the bare user of a clone URL',
      'clone https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/acme/api failed',
      'clone https://[redacted]@github.com/acme/api failed',
    ],
    ['JWTs', 'Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'Bearer [redacted]'],
    ['password= pairs', 'password=hunter22&user=x', 'password=[redacted]&user=x'],
    ['nothing secret stays as it is', 'all 12 checks healthy', 'all 12 checks healthy'],
    [
      "Basic auth, but not the name of Slack's settings page",
      'Basic dXNlcjpwYXNz at Basic Information',
      'Basic [redacted] at Basic Information',
    ],
  ])('masks %s', (_n, input, expected) => expect(r.scrub(input)).toBe(expected));

  it('masks a well-known default password inside URIs but not wherever the word appears', () => {
    const weak = createRedactor(['postgres']);
    expect(weak.scrub('postgres check: postgres://postgres:postgres@db/ctx refused')).toBe(
      'postgres check: postgres://postgres:[redacted]@db/ctx refused',
    );
  });

  it('scrubs every string in a nested payload', () => {
    const out = r.scrubDeep({ blocks: [{ text: { text: 'key s3cr3t-auth-value-0123456789abcdef' } }], n: 3 });
    expect(out).toEqual({ blocks: [{ text: { text: 'key [redacted]' } }], n: 3 });
  });

  it('keeps secrets out of log lines, also inside error messages', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', redactor: r, destination: { write: (s: string) => void lines.push(s) } });
    log.error(
      { err: new Error('login as postgres://u:s3cr3t-auth-value-0123456789abcdef@h/db failed'), token: 'abc' },
      'failed',
    );
    const out = lines.join('');
    expect(out).not.toContain('s3cr3t-auth-value');
    expect(out).toContain('"token":"[redacted]"');
  });
});
