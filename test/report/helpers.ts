import { seedPolicies } from '../seed-policies.js';
import seccompRuntimeDefault from '../../policies/seccomp-runtime-default.js';
import dropAllCapabilities from '../../policies/drop-all-capabilities.js';
import noPrivilegeEscalation from '../../policies/no-privilege-escalation.js';
import readOnlyRootFilesystem from '../../policies/read-only-root-filesystem.js';
import { definePolicy, run, type EngineOptions, type RunResult, type SourceFile, type AnyPolicy } from '../../src/engine/index.js';

/**
 * A privileged nginx Pod: two errors, both cleared by one verified fix (privileged: false) —
 * no-privileged-container (line 12 col 7, the fix's finding) and valid-manifest `apiRule` (line 11
 * col 7: the API server rejects allowPrivilegeEscalation: false next to privileged: true; not
 * fixable itself, it is gone once the fix applies). It cannot be made valid without another
 * finding: a privileged container without allowPrivilegeEscalation: false is no-privilege-escalation's.
 */
export const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '    securityContext:',
  '      readOnlyRootFilesystem: true',
  '      allowPrivilegeEscalation: false',
  '      privileged: true',
  '    volumeMounts:',
  '    - name: cache',
  '      mountPath: /var/cache/nginx',
  '    - name: run',
  '      mountPath: /var/run',
  '  volumes:',
  '  - name: cache',
  '    emptyDir: {}',
  '  - name: run',
  '    emptyDir: {}',
  '',
].join('\n');

/** A mutable ConfigMap: one warning (immutable-configmap-secret) with a suggestion (immutable: true), no fix. */
export const CONFIGMAP = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cfg', 'data:', '  a: "1"', ''].join('\n');

/** A Pod whose container misses both securityContext fields: two findings, one fix group. */
export const BARE_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: bare',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: ghcr.io/example/app:1.0',
  '    securityContext:',
  '      runAsNonRoot: true',
  '',
].join('\n');

/**
 * A bare nginx Pod (a known image): with {@link GROUP_POLICIES} (or the built-in policies), one
 * fix group fixes a warning first in the findings' order (seccomp-runtime-default, line 5) and,
 * after drop-all-capabilities' warning, two errors (no-privilege-escalation,
 * read-only-root-filesystem, line 9); with the built-in policies image-digest's warning (line 8)
 * has no fix without --resolve-digests.
 */
export const NGINX_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '    securityContext:',
  '      runAsNonRoot: true',
  '',
].join('\n');

/** Four policies whose fixes of one container make one fix group, warnings before errors (see {@link NGINX_POD}). */
export const GROUP_POLICIES: readonly AnyPolicy[] = [seccompRuntimeDefault, dropAllCapabilities, noPrivilegeEscalation, readOnlyRootFilesystem];

/**
 * Run the built-in policies (or `policies`) over in-memory files, applying every fix — guesses
 * and behaviour changes too (the fixtures above rely on them: privileged: false, the /tmp guess),
 * since these tests are about how reports show fixes; `opts` replaces that (e.g. `{}` for the
 * default, safe fixes only).
 */
export function scan(files: SourceFile[], policies: readonly AnyPolicy[] = seedPolicies, opts: EngineOptions = APPLY_ALL): RunResult {
  return run(files, policies, opts);
}

/** Engine options applying every fix, guesses and behaviour changes of every policy included. */
export const APPLY_ALL: EngineOptions = { applyFixes: { guesses: true, behaviour: 'all' } };

/**
 * Test policy `test-suggest` (warning): reports every container without runAsUser, with two
 * suggestions (runAsUser: 10001, runAsGroup: 10001) and no fix.
 */
export const suggestPolicy = definePolicy({
  id: 'test-suggest',
  meta: {
    description: 'Test policy with suggestions.',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: false,
    messages: { noUser: '{{name}} has no runAsUser', user: 'set runAsUser: 10001', group: 'set runAsGroup: 10001' },
    remediation: 'Set runAsUser.',
    docsUrl: 'https://example.test/test-suggest',
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      if (c.securityContext?.get('runAsUser')) continue;
      ctx.report({
        messageId: 'noUser',
        data: { name: c.name },
        node: c.node,
        container: c,
        suggest: [
          { messageId: 'user', fix: (f) => [f.set(c.node, ['securityContext', 'runAsUser'], 10001)] },
          { messageId: 'group', fix: (f) => [f.set(c.node, ['securityContext', 'runAsGroup'], 10001)] },
        ],
      });
    }
  },
});

/** Test policy `test-stubborn` (info): always reports every container with a fix that cannot remove the finding. */
export const stubbornPolicy = definePolicy({
  id: 'test-stubborn',
  meta: {
    description: 'Test policy whose fix never verifies.',
    category: 'hardening',
    defaultSeverity: 'info',
    fixable: true,
    messages: { always: 'always reported' },
    remediation: 'None.',
    docsUrl: 'https://example.test/test-stubborn',
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      ctx.report({ messageId: 'always', node: c.node, container: c, fix: (f) => [f.set(c.node, ['stdin'], true)] });
    }
  },
});

/** Test policy `test-throws`: throws on every object (becomes a `policy-error` finding). */
export const throwingPolicy = definePolicy({
  id: 'test-throws',
  meta: {
    description: 'Test policy that throws.',
    category: 'validity',
    defaultSeverity: 'error',
    fixable: false,
    messages: { never: 'never' },
    remediation: 'None.',
    docsUrl: 'https://example.test/test-throws',
  },
  check() {
    throw new Error('boom');
  },
});

/** A Pod whose names carry an ESC sequence (terminal title + clear screen), a newline that forges a workflow command, and bidi/zero-width characters. */
export const HOSTILE_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: "web\\e]0;pwned\\a\\e[2J"',
  'spec:',
  '  containers:',
  '    - name: "app\\n::error file=x::forged\\r\\u202Egpj.exe\\u200B\\u0085"',
  '      image: "nginx:1.27\\e[8m"',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

/** Every character a terminal or the runner could act on (the text reports must show none of them raw). */
export const DANGEROUS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/;
