import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../src/config/env-file.js';

describe('env files are read strictly', () => {
  it.each([
    ['KEY=value', { KEY: 'value' }],
    ['export KEY=value', { KEY: 'value' }],
    ['KEY = value', { KEY: 'value' }],
    ['KEY=', { KEY: '' }],
    ['KEY=a=b=c', { KEY: 'a=b=c' }],
    ['KEY=value # a comment', { KEY: 'value' }],
    ['KEY=value#not-a-comment', { KEY: 'value#not-a-comment' }],
    ['KEY="with spaces # and a hash"', { KEY: 'with spaces # and a hash' }],
    ["KEY='$literal \\n'", { KEY: '$literal \\n' }],
    ['KEY="line\\nnext \\"q\\""', { KEY: 'line\nnext "q"' }],
    ['KEY=`backticks`', { KEY: 'backticks' }],
    ['KEY="quoted" # comment', { KEY: 'quoted' }],
    ['# only a comment\n\n   \nKEY=1', { KEY: '1' }],
    ['\uFEFFKEY=bom', { KEY: 'bom' }],
    ['A=1\r\nB=2\r\n', { A: '1', B: '2' }],
    [
      'KEY="-----BEGIN KEY-----\nAbC+/dEf\nAAAAB3NzaC1yc2E=\n-----END KEY-----"\nNEXT=1',
      { KEY: '-----BEGIN KEY-----\nAbC+/dEf\nAAAAB3NzaC1yc2E=\n-----END KEY-----', NEXT: '1' },
    ],
  ])('reads %j', (text, vars) => {
    const out = parseEnvFile(text);
    expect(out.issues).toEqual([]);
    expect(out.vars).toEqual(vars);
  });

  it.each([
    [
      'SLACK_BOT_TOKEN xoxb-test-2\nNEXT=1',
      1,
      /^not KEY=value \(`SLACK_BOT_TOKEN` has no `=`\); the line was skipped$/,
    ],
    ['just some words\nNEXT=1', 1, /^not KEY=value; the line was skipped$/],
    ['export NEXT_ONE\nNEXT=1', 1, /`export` without an assignment/],
    ['1ABC=x\nNEXT=1', 1, /not a variable name/],
    [
      'AUTH_SECRET="never closed\nNEXT=1',
      1,
      /^AUTH_SECRET: the double quote opened here is never closed; the value was skipped$/,
    ],
    ["AUTH_SECRET='never closed\nNEXT=1", 1, /single quote opened here is never closed/],
    ['A=1\nAUTH_SECRET="closed" then junk\nNEXT=1', 2, /^AUTH_SECRET: text after the closing double quote/],
  ])('reports %j at its line and still reads the next variable', (text, line, message) => {
    const out = parseEnvFile(text, { knownNames: new Set(['SLACK_BOT_TOKEN']) });
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ line, message: expect.stringMatching(message) });
    expect(out.vars.NEXT).toBe('1');
    expect(out.lines.NEXT).toBe(text.split('\n').length);
  });

  it('never quotes the offending line (it may hold a secret)', () => {
    const secret = 'pa55word-that-must-not-show';
    const out = parseEnvFile(`${secret}\nPASS="${secret}\nX="${secret}" trailing`);
    expect(JSON.stringify(out.issues)).not.toContain(secret);
    expect(out.issues.map((i) => i.line)).toEqual([1, 2, 3]);
  });
});
