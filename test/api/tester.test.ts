/** The policy tester's checks fail when they should (run directly, not as registered jest tests). */
import { AssertionError } from 'node:assert';
import { checkInvalidCase, checkValidCase, PolicyTester } from '../../src/api/testing.js';
import privileged from '../../policies/no-privileged-container.js';
import imageDigest from '../../policies/image-digest.js';
import seccomp from '../../policies/seccomp-runtime-default.js';

const pod = (sc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx@sha256:${'a'.repeat(64)}\n    securityContext:\n      ${sc}\n`;
const BAD = pod('privileged: true');
const FIXED = pod('privileged: false');

describe('the policy tester', () => {
  it('passes a correct table', () => {
    expect(() => checkValidCase(privileged, FIXED)).not.toThrow();
    expect(() =>
      checkInvalidCase(privileged, {
        code: BAD,
        errors: [{ messageId: 'privileged', line: 10, column: 7, endLine: 10, endColumn: 17, data: { container: 'container "c"' } }],
        applyFixes: { behaviour: ['no-privileged-container'] },
        output: FIXED,
      }),
    ).not.toThrow();
    // By default privileged: false is a behaviour change: a suggestion of that kind, no fix.
    expect(() =>
      checkInvalidCase(privileged, {
        code: BAD,
        errors: [{ messageId: 'privileged', line: 10, suggestions: [{ messageId: 'suggestUnprivileged', kind: 'behaviour', output: FIXED }] }],
        output: null,
      }),
    ).not.toThrow();
  });

  it.each([
    ['a finding in a valid case', () => checkValidCase(privileged, BAD)],
    ['a wrong message id', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'other', line: 10 }] })],
    ['a wrong line', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 9 }] })],
    ['a missing error', () => checkInvalidCase(privileged, { code: BAD, errors: [] })],
    ['a wrong column', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10, column: 8 }] })],
    ['a wrong endLine', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10, endLine: 11 }] })],
    ['a wrong endColumn', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10, endColumn: 3 }] })],
    ['wrong data', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10, data: { container: 'container "d"' } }] })],
    ['a wrong output', () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10 }], output: BAD })],
    [
      'a fix where none is expected',
      () => checkInvalidCase(privileged, { code: BAD, applyFixes: { behaviour: 'all' }, errors: [{ messageId: 'privileged', line: 10 }], output: null }),
    ],
    [
      'a wrong suggestion kind',
      () => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10, suggestions: [{ kind: 'guess' }] }] }),
    ],
    [
      'suggestions where none are expected',
      () => checkInvalidCase(seccomp, { code: pod('privileged: false'), errors: [{ messageId: 'missing', line: 7, suggestions: [] }] }),
    ],
  ])('throws an AssertionError for %s', (_, check) => {
    expect(check).toThrow(AssertionError);
  });

  it('checks suggestions by message id and output', () => {
    const code = pod('seccompProfile: {type: Unconfined}');
    const run = (suggestions: { messageId?: string; output?: string }[]) => () =>
      checkInvalidCase(seccomp, { code, errors: [{ messageId: 'unconfined', line: 10, suggestions }] });
    const output = code.replace('type: Unconfined', 'type: RuntimeDefault');
    expect(run([{ messageId: 'suggestRuntimeDefault', output }])).not.toThrow();
    expect(run([{ messageId: 'suggestField' }])).toThrow(AssertionError);
    expect(run([{ output: code }])).toThrow(AssertionError);
    expect(run([])).toThrow(AssertionError);
  });

  it("refuses a case whose options the policy's schema rejects, naming it", () => {
    const table = { valid: [{ name: 'bad option', code: FIXED, options: { tagWithoutDigest: 'sometimes' } }], invalid: [] };
    expect(() => new PolicyTester().run(imageDigest, table)).toThrow(
      /PolicyTester\(image-digest\): case "bad option" has invalid options:\n {2}options\.tagWithoutDigest: /,
    );
    expect(() => checkValidCase(imageDigest, table.valid[0]!)).toThrow(TypeError);
    expect(() => new PolicyTester({ options: { nope: 1 } }).run(privileged, { valid: [FIXED], invalid: [] })).toThrow(/has invalid options/);
  });

  it("hands a case's image facts to the policy as context.images, each map over the settings' one", () => {
    const D = 'sha256:' + 'd'.repeat(64);
    const E = 'sha256:' + 'e'.repeat(64);
    const code = pod('privileged: false').replace(`nginx@sha256:${'a'.repeat(64)}`, 'nginx:1.27');
    const pinned = (digest: string) => code.replace('nginx:1.27', `nginx:1.27@${digest}`);
    const errors = [{ messageId: 'tagWithoutDigest', line: 8 }];
    const settings = { engine: { images: { digests: new Map([['nginx:1.27', D]]) } } };
    expect(() => checkInvalidCase(imageDigest, { code, errors, output: pinned(D) }, settings)).not.toThrow();
    expect(() => checkInvalidCase(imageDigest, { code, errors, output: pinned(E), images: { digests: new Map([['nginx:1.27', E]]) } }, settings)).not.toThrow();
    expect(() =>
      checkInvalidCase(imageDigest, { code, errors, output: pinned(D), images: { digestErrors: new Map([['redis', 'x']]) } }, settings),
    ).not.toThrow();
    expect(() => checkInvalidCase(imageDigest, { code, errors, output: null })).not.toThrow();
    // The same code with the same image facts is a duplicate case (refused before any test is registered).
    const twice = { code, errors, output: pinned(D), images: { digests: new Map([['nginx:1.27', D]]) } };
    expect(() => new PolicyTester().run(imageDigest, { valid: [], invalid: [twice, { ...twice }] })).toThrow(/duplicate case/);
  });

  // Cases that differ only in their image facts are not duplicates (registers their tests here).
  new PolicyTester().run(imageDigest, {
    valid: [],
    invalid: [
      {
        name: 'no facts',
        code: pod('privileged: false').replace(`nginx@sha256:${'a'.repeat(64)}`, 'nginx:1.27'),
        errors: [{ messageId: 'tagWithoutDigest', line: 8 }],
        output: null,
      },
      {
        name: 'a digest',
        code: pod('privileged: false').replace(`nginx@sha256:${'a'.repeat(64)}`, 'nginx:1.27'),
        images: { digests: new Map([['nginx:1.27', 'sha256:' + 'd'.repeat(64)]]) },
        errors: [{ messageId: 'tagWithoutDigest', line: 8 }],
        output: pod('privileged: false').replace(`nginx@sha256:${'a'.repeat(64)}`, `nginx:1.27@sha256:${'d'.repeat(64)}`),
      },
    ],
  });

  it('keeps each tester’s settings its own', () => {
    const today = { engine: { today: '2020-01-01' } };
    expect(() => checkValidCase(privileged, FIXED, today)).not.toThrow();
    expect(() => checkInvalidCase(privileged, { code: BAD, errors: [{ messageId: 'privileged', line: 10 }] }, today)).not.toThrow();
  });
});
