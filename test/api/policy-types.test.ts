/**
 * The compile-time checks of definePolicy: `npm run typecheck` (tsc over test/) fails when a
 * `@ts-expect-error` line below is NOT an error, so each proves that the misuse it shows does not
 * compile. Jest only checks that the definitions are policies at run time.
 */
import { definePolicy, type AnyPolicy, type PolicyContext } from '../../src/api/policy.js';

const meta = {
  description: 'd',
  category: 'hardening' as const,
  defaultSeverity: 'warning' as const,
  fixable: true,
  messages: { missing: '{{container}} has no limit', suggestLimit: 'Set a limit' },
  remediation: 'r',
};

/** Message ids are inferred from meta.messages: both report and suggestions are checked. */
const typed = definePolicy({
  id: 'typed-policy',
  meta,
  check(context) {
    context.report({ messageId: 'missing', suggest: [{ messageId: 'suggestLimit', fix: () => [] }] });
    // @ts-expect-error: 'mising' is not a key of meta.messages
    context.report({ messageId: 'mising' });
    // @ts-expect-error: a suggestion's message id is checked too
    context.report({ messageId: 'missing', suggest: [{ messageId: 'suggest', fix: () => [] }] });
  },
});

/** Options are inferred from meta.defaultOptions (Partial) ... */
const withDefaults = definePolicy({
  id: 'with-defaults',
  meta: { ...meta, defaultOptions: { limit: 3 } },
  check(context) {
    const n: number = context.options.limit;
    // @ts-expect-error: limit is a number
    const s: string = context.options.limit;
    JSON.stringify([n, s]);
    // @ts-expect-error: message ids stay checked with options
    context.report({ messageId: 'nope' });
  },
});

interface LimitOptions {
  limit: number;
  names: string[];
}

/** ... or from the annotation of check's parameter (whose message ids, `string` unless given, then apply). */
const annotated = definePolicy({
  id: 'annotated',
  meta: { ...meta, defaultOptions: { limit: 1 } },
  check(context: PolicyContext<LimitOptions>) {
    const names: string[] = context.options.names;
    JSON.stringify(names);
    // The annotation's own message ids (string by default) are what `report` takes here.
    context.report({ messageId: 'missing' });
  },
});

/** Both given explicitly. */
const explicit = definePolicy<LimitOptions, 'missing' | 'suggestLimit'>({
  id: 'explicit',
  // @ts-expect-error: defaultOptions must fit the options type
  meta: { ...meta, defaultOptions: { limit: 'three' } },
  check(context) {
    // @ts-expect-error: not one of the given message ids
    context.report({ messageId: 'other' });
  },
});

describe('definePolicy types', () => {
  it('typed policies are policies the engine lists hold (AnyPolicy)', () => {
    const all: AnyPolicy[] = [typed, withDefaults, annotated, explicit];
    expect(all.map((p) => p.id)).toEqual(['typed-policy', 'with-defaults', 'annotated', 'explicit']);
  });
});
