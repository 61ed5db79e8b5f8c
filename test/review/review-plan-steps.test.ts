/**
 * The steps of planReview (src/review/review-plan.ts), each a pure function, as tables: inputs →
 * expected outputs. planReview itself is tested whole in review-plan.test.ts.
 */
import type { Finding, FindingSuggestion, FixGroup, Severity } from '../../src/engine/index.js';
import { fingerprintMarker } from '../../src/report/index.js';
import { hunksBetween, type ExistingComment, type Hunk } from '../../src/review/index.js';
import {
  collectUnits,
  findingInScope,
  heldChangeOf,
  liveInlineComments,
  ourComments,
  pickInlineComments,
  placeUnit,
  staleComments,
  type OurComment,
  type Unit,
} from '../../src/review/review-plan.js';

/** A finding of `file` on 1-based lines `start`..`end` (only what the planning reads). */
function finding(fp: string, file: string, start: number, end = start, extra: Partial<Finding> = {}): Finding {
  return {
    policyId: 'p',
    severity: 'warning' as Severity,
    messageId: 'm',
    message: 'msg',
    file,
    range: { start: { line: start, column: 1, offset: 0 }, end: { line: end, column: 1, offset: 0 } },
    fingerprint: fp,
    fixId: undefined,
    fixProblem: undefined,
    object: undefined,
    container: undefined,
    suggestions: [],
    ...extra,
  } as Finding;
}

function group(id: string, verified: boolean, edits: FixGroup['edits']): FixGroup {
  return { id, file: 'a.yaml', docIndex: 0, object: 'Pod/default/x', container: 'c', containers: ['c'], findings: [], edits, verified } as unknown as FixGroup;
}

const LINES = ['a: 1', 'b: 2', 'c: 3', 'd: 4', 'e: 5', 'f: 6', 'g: 7', 'h: 8', 'i: 9', 'j: 10', 'k: 11', 'l: 12'];
const BASE = LINES.join('\n') + '\n';
// Line 3 changed, line 13 added: hunks hold lines 1-6 (3 of context) and 10-13; 7-9 are outside the diff.
const HEAD = [...LINES.slice(0, 2), 'c: 30', ...LINES.slice(3), 'm: 13'].join('\n') + '\n';
const hunks: Hunk[] = hunksBetween(BASE, HEAD);
const files = new Map([['a.yaml', { headText: HEAD, hunks }]]);

describe('findingInScope', () => {
  it.each([
    ['nofilter: a file not in the pull request', finding('1', 'other.yaml', 3), 'nofilter', true],
    ['file: a file not in the pull request', finding('1', 'other.yaml', 3), 'file', false],
    ['file: any line of a changed file', finding('1', 'a.yaml', 1), 'file', true],
    ['added: the changed line', finding('1', 'a.yaml', 3), 'added', true],
    ['added: a context line', finding('1', 'a.yaml', 2), 'added', false],
    ['diff_context: a context line', finding('1', 'a.yaml', 2), 'diff_context', true],
    ['added: a range reaching an added line', finding('1', 'a.yaml', 1, 3), 'added', true],
    ['added: a range of unchanged lines only', finding('1', 'a.yaml', 4, 5), 'added', false],
    ['diff_context: a range outside the diff', finding('1', 'a.yaml', 7, 9), 'diff_context', false],
    ['diff_context: a range reaching a context line', finding('1', 'a.yaml', 7, 10), 'diff_context', true],
    ['diff_context: a file not in the pull request', finding('1', 'gone.yaml', 3), 'diff_context', false],
    // A rendered finding moved to values.yaml (not in the pull request): its template line decides.
    [
      'added: moved to a file not in the pull request, from an added template line',
      finding('1', 'values.yaml', 9, 9, {
        origin: { file: 'a.yaml', range: { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 9, offset: 8 } } },
      }),
      'added',
      true,
    ],
    [
      'added: moved, from a template line not added',
      finding('1', 'values.yaml', 9, 9, {
        origin: {
          file: 'a.yaml',
          range: {
            ...{ start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 9, offset: 8 } },
            start: { line: 2, column: 1, offset: 0 },
            end: { line: 2, column: 1, offset: 0 },
          },
        },
      }),
      'added',
      false,
    ],
  ] as const)('%s', (_name, f, mode, expected) => {
    expect(findingInScope(f, files, mode)).toBe(expected);
  });
});

describe('collectUnits', () => {
  const g1 = group('g1', true, [{ range: [0, 0], text: 'x' }]);
  const unverified = group('g2', false, []);
  const noEdits = group('g3', true, []);
  const cases: Array<[string, Finding[], Array<{ path: string; fps: string[]; group?: string }>, string[]]> = [
    [
      'a fix group collects its findings into one unit',
      [finding('1', 'a.yaml', 3, 3, { fixId: 'g1' }), finding('2', 'a.yaml', 5, 5, { fixId: 'g1' })],
      [{ path: 'a.yaml', fps: ['1', '2'], group: 'g1' }],
      [],
    ],
    [
      'unfixed findings: one unit per file and start line',
      [finding('1', 'a.yaml', 3), finding('2', 'a.yaml', 3, 4), finding('3', 'a.yaml', 4), finding('4', 'b.yaml', 3)],
      [
        { path: 'a.yaml', fps: ['1', '2'] },
        { path: 'a.yaml', fps: ['3'] },
        { path: 'b.yaml', fps: ['4'] },
      ],
      [],
    ],
    [
      'an unverified group or one without edits is no group',
      [finding('1', 'a.yaml', 3, 3, { fixId: 'g2' }), finding('2', 'a.yaml', 3, 3, { fixId: 'g3' })],
      [{ path: 'a.yaml', fps: ['1', '2'] }],
      [],
    ],
    ['a finding of an unknown group is unfixed', [finding('1', 'a.yaml', 3, 3, { fixId: 'nope' })], [{ path: 'a.yaml', fps: ['1'] }], []],
    [
      "a unit's findings are most severe first, in the findings' order among equals",
      [
        finding('w', 'a.yaml', 3, 3, { fixId: 'g1' }),
        finding('e1', 'a.yaml', 5, 5, { fixId: 'g1', severity: 'error' }),
        finding('i', 'a.yaml', 4, 4, { fixId: 'g1', severity: 'info' }),
        finding('e2', 'a.yaml', 6, 6, { fixId: 'g1', severity: 'error' }),
        finding('lw', 'a.yaml', 9),
        finding('le', 'a.yaml', 9, 9, { severity: 'error' }),
      ],
      [
        { path: 'a.yaml', fps: ['e1', 'e2', 'w', 'i'], group: 'g1' },
        { path: 'a.yaml', fps: ['le', 'lw'] },
      ],
      [],
    ],
    [
      'suppressed findings are left out, out of scope ones set apart',
      [finding('1', 'a.yaml', 3, 3, { suppressed: { by: 'config' } as never }), finding('2', 'out.yaml', 1)],
      [],
      ['2'],
    ],
  ];
  it.each(cases)('%s', (_name, findings, expected, outOfScope) => {
    const r = collectUnits({ findings, fixes: [g1, unverified, noEdits] }, (f) => f.file !== 'out.yaml');
    expect(r.units.map((u) => u.held)).toEqual(r.units.map(() => undefined));
    expect(r.units.map((u) => ({ path: u.path, fps: u.findings.map((f) => f.fingerprint), ...(u.group ? { group: u.group.id } : {}) }))).toEqual(expected);
    expect(r.outOfScope.map((f) => f.fingerprint)).toEqual(outOfScope);
  });
});

describe('collectUnits: the held change of a unit without a fix group (heldChangeOf)', () => {
  const edits = [{ range: [0, 0] as [number, number], text: 'x: 0\n' }];
  const held = (kind: 'guess' | 'behaviour', reason?: string, e = edits): FindingSuggestion => ({
    message: `${kind} fix`,
    edits: e,
    kind,
    ...(reason ? { reason } : {}),
  });
  const plain: FindingSuggestion = { message: 'plain', edits };
  const cases: Array<[string, Finding[], [string, string] | undefined]> = [
    ['a policy fix held back as a guess', [finding('1', 'a.yaml', 3, 3, { suggestions: [held('guess', 'a guess; ...')] })], ['1', 'guess fix']],
    ['a behaviour change', [finding('1', 'a.yaml', 3, 3, { suggestions: [held('behaviour', 'a behaviour change; ...')] })], ['1', 'behaviour fix']],
    [
      'the held fix is preferred to an alternative listed before it',
      [finding('1', 'a.yaml', 3, 3, { suggestions: [plain, held('behaviour'), held('guess', 'a guess; ...')] })],
      ['1', 'guess fix'],
    ],
    [
      'several findings on the line: the first with a held fix',
      [
        finding('1', 'a.yaml', 3, 3, { suggestions: [plain] }),
        finding('2', 'a.yaml', 3, 3, { suggestions: [held('behaviour', 'b')] }),
        finding('3', 'a.yaml', 3, 3, { suggestions: [held('guess', 'g')] }),
      ],
      ['2', 'behaviour fix'],
    ],
    ['a labelled alternative (never verified) is not offered', [finding('1', 'a.yaml', 3, 3, { suggestions: [held('behaviour'), plain] })], undefined],
    ['a held fix without edits is not offered', [finding('1', 'a.yaml', 3, 3, { suggestions: [held('guess', 'g', [])] })], undefined],
    ['a unit with a fix group offers none', [finding('1', 'a.yaml', 3, 3, { fixId: 'g1', suggestions: [held('guess', 'g')] })], undefined],
  ];
  it.each(cases)('%s', (_name, findings, expected) => {
    const g1 = group('g1', true, edits);
    const { units } = collectUnits({ findings, fixes: [g1] }, () => true);
    expect(units).toHaveLength(1);
    const h = units[0]!.held;
    expect(h && [h.finding.fingerprint, h.suggestion.message]).toEqual(expected);
    if (h) {
      expect(h.kind).toBe(h.suggestion.kind);
      expect(h.id).toMatch(/^[0-9a-f]{16}$/);
      expect(heldChangeOf(findings)).toEqual(h);
    }
  });
});

describe('placeUnit', () => {
  // Line 3 (`c: 30`) is the changed line; its offset in HEAD:
  const c30 = HEAD.indexOf('c: 30');
  const fix = group('g', true, [{ range: [c30, c30 + 'c: 30'.length], text: 'c: 300' }]);
  const onContext = group('g', true, [{ range: [0, 4], text: 'a: 10' }]);
  it.each([
    [
      'a deleted or unlisted file',
      { findings: [finding('1', 'gone.yaml', 3)], group: undefined },
      undefined,
      'added',
      { reason: 'the file is not part of this pull request' },
    ],
    [
      'an unfixed finding on an added line',
      { findings: [finding('1', 'a.yaml', 3)], group: undefined },
      files.get('a.yaml'),
      'added',
      { anchor: { startLine: 3, line: 3 } },
    ],
    [
      'an unfixed finding on a context line, added mode',
      { findings: [finding('1', 'a.yaml', 2)], group: undefined },
      files.get('a.yaml'),
      'added',
      { reason: 'its line is not an added line' },
    ],
    [
      'an unfixed finding on a context line, diff_context mode',
      { findings: [finding('1', 'a.yaml', 2)], group: undefined },
      files.get('a.yaml'),
      'diff_context',
      { anchor: { startLine: 2, line: 2 } },
    ],
    [
      'an unfixed finding outside the diff',
      { findings: [finding('1', 'a.yaml', 8)], group: undefined },
      files.get('a.yaml'),
      'diff_context',
      { reason: 'its line is not in the diff' },
    ],
    [
      'a fix on an added line: a suggestion',
      { findings: [finding('1', 'a.yaml', 3)], group: fix },
      files.get('a.yaml'),
      'added',
      { anchor: { startLine: 3, line: 3, suggestion: 'c: 300' } },
    ],
  ] as const)('%s', (_name, u, file, mode, expected) => {
    expect(placeUnit(u as unknown as Pick<Unit, 'findings' | 'group'>, file, mode)).toEqual(expected);
  });
  it('a held change (a guess) on an added line: a suggestion, as a fix group gets; outside the diff: why not', () => {
    const s: FindingSuggestion = { message: 'm', edits: fix.edits, kind: 'guess', reason: 'r' };
    const f = finding('1', 'a.yaml', 3, 3, { suggestions: [s] });
    const held = { finding: f, suggestion: s, kind: 'guess' as const, id: 'h' };
    expect(placeUnit({ findings: [f], group: undefined, held }, files.get('a.yaml'), 'added')).toEqual({
      anchor: { startLine: 3, line: 3, suggestion: 'c: 300' },
    });
    const off = { ...held, suggestion: { ...s, edits: onContext.edits } };
    expect(placeUnit({ findings: [f], group: undefined, held: off }, files.get('a.yaml'), 'added')).toEqual({
      reason: 'the suggestion cannot be placed: its line is not an added line',
    });
  });
  it('a fix outside the diff: no suggestion, and why', () => {
    const r = placeUnit({ findings: [finding('1', 'a.yaml', 1)], group: onContext }, files.get('a.yaml'), 'added');
    expect(r).toEqual({ reason: expect.stringMatching(/^the suggestion cannot be placed: /) });
  });
});

/** An existing comment of ours (or someone's) carrying `fps` in our marker. */
function existing(id: number, path: string, line: number | null, fps: string[], extra: Partial<ExistingComment> = {}): ExistingComment {
  return { id, path, line, body: `text\n${fingerprintMarker({ fingerprint: fps })}`, hasReplies: false, mine: true, ...extra };
}

describe('ourComments', () => {
  it('keeps ours with a marker, with its fingerprints', () => {
    const list = [
      existing(1, 'a.yaml', 3, ['x', 'y']),
      existing(2, 'a.yaml', 3, ['z'], { mine: false }),
      { ...existing(3, 'a.yaml', 4, []), body: 'no marker' },
      existing(4, '', null, ['w']),
    ];
    expect(ourComments(list).map((o) => [o.c.id, o.fingerprints])).toEqual([
      [1, ['x', 'y']],
      [4, ['w']],
    ]);
  });
});

describe('liveInlineComments', () => {
  it('counts our top-level comments on a head line holding a finding of the run; not replies, bodies, outdated or fixed ones', () => {
    const list = ourComments([
      existing(1, 'a.yaml', 3, ['x', 'gone']),
      existing(2, 'a.yaml', 4, ['gone']),
      existing(3, 'a.yaml', null, ['x']),
      existing(4, 'a.yaml', 5, ['x'], { inReplyTo: 1 }),
      existing(5, '', null, ['x']),
      existing(6, 'b.yaml', 9, ['y'], { hasReplies: true }),
      existing(7, 'b.yaml', 9, ['y'], { mine: false }),
    ]);
    expect(liveInlineComments(list, new Set(['x', 'y']))).toBe(2);
    expect(liveInlineComments(list, new Set())).toBe(0);
  });
});

describe('pickInlineComments', () => {
  const meta = new Map();
  /** A unit anchored on `line`; `kind` makes its suggestion a safe fix group's or a held change's. */
  const unit = (
    fp: string,
    line: number,
    opts: { startLine?: number; suggestion?: string; severity?: Severity; path?: string; kind?: 'safe' | 'guess' | 'behaviour' } = {},
  ): Unit => {
    const kind = opts.kind;
    const s: FindingSuggestion | undefined =
      kind === 'guess' || kind === 'behaviour' ? { message: `${kind} ${fp}`, edits: [{ range: [0, 0], text: 'x' }], kind, reason: 'r' } : undefined;
    const f = finding(fp, opts.path ?? 'a.yaml', line, line, { severity: opts.severity ?? 'warning', suggestions: s ? [s] : [] });
    return {
      path: opts.path ?? 'a.yaml',
      findings: [f],
      group: kind === 'safe' ? group(`g${fp}`, true, [{ range: [0, 0], text: 'x' }]) : undefined,
      ...(s && (kind === 'guess' || kind === 'behaviour') ? { held: { finding: f, suggestion: s, kind, id: `h${fp}` } } : {}),
      anchor: { startLine: opts.startLine ?? line, line, ...(opts.suggestion !== undefined ? { suggestion: opts.suggestion } : {}) },
    };
  };
  const ours = (list: ExistingComment[]): OurComment[] => ourComments(list);
  const cases: Array<
    [string, Unit[], OurComment[], number, { comments: string[]; alreadyPosted: string[]; toBody: Array<[string, string]>; overLimit: number }]
  > = [
    [
      'most severe first, then by line',
      [unit('w', 2), unit('e', 9, { severity: 'error' }), unit('i', 1, { severity: 'info' })],
      [],
      10,
      { comments: ['e', 'w', 'i'], alreadyPosted: [], toBody: [], overLimit: 0 },
    ],
    [
      'max-comments exhausted: the rest go to the body',
      [unit('1', 1), unit('2', 2), unit('3', 3)],
      [],
      1,
      {
        comments: ['1'],
        alreadyPosted: [],
        toBody: [
          ['2', 'the review already has 1 inline comment (max-comments)'],
          ['3', 'the review already has 1 inline comment (max-comments)'],
        ],
        overLimit: 2,
      },
    ],
    [
      'max-comments 0: nothing inline',
      [unit('1', 1)],
      [],
      0,
      { comments: [], alreadyPosted: [], toBody: [['1', 'the review already has 0 inline comments (max-comments)']], overLimit: 1 },
    ],
    [
      'overlapping suggestions: the second goes to the body',
      [unit('1', 3, { startLine: 2, suggestion: 'x' }), unit('2', 4, { startLine: 3, suggestion: 'y' }), unit('3', 3)],
      [],
      10,
      {
        comments: ['1', '3'],
        alreadyPosted: [],
        toBody: [['2', 'its suggestion overlaps the lines of another (only one suggestion per line can be applied)']],
        overLimit: 0,
      },
    ],
    [
      'already posted on the same line: not again, and its suggestion lines stay taken',
      [unit('1', 3, { suggestion: 'x' }), unit('2', 3, { suggestion: 'y' })],
      ours([existing(7, 'a.yaml', 3, ['1'])]),
      10,
      {
        comments: [],
        alreadyPosted: ['1'],
        toBody: [['2', 'its suggestion overlaps the lines of another (only one suggestion per line can be applied)']],
        overLimit: 0,
      },
    ],
    [
      'a guess never takes the lines of a safe fix, even one less severe or later in order',
      [
        unit('g', 3, { startLine: 2, suggestion: 'x', severity: 'error', kind: 'guess' }),
        unit('s', 4, { startLine: 3, suggestion: 'y', kind: 'safe' }),
        unit('b', 9, { suggestion: 'z', kind: 'behaviour' }),
      ],
      [],
      10,
      {
        comments: ['s', 'b'],
        alreadyPosted: [],
        toBody: [['g', 'its suggestion overlaps the lines of another (only one suggestion per line can be applied)']],
        overLimit: 0,
      },
    ],
    [
      'two held changes on shared lines: the first (most severe) keeps them',
      [unit('b', 3, { suggestion: 'x', kind: 'behaviour' }), unit('g', 3, { suggestion: 'y', severity: 'error', kind: 'guess' })],
      [],
      10,
      {
        comments: ['g'],
        alreadyPosted: [],
        toBody: [['b', 'its suggestion overlaps the lines of another (only one suggestion per line can be applied)']],
        overLimit: 0,
      },
    ],
    [
      'a re-run on the same head: the comments posted count against max-comments, the rest stay in the body',
      [unit('1', 1), unit('2', 2), unit('3', 3), unit('4', 4)],
      ours([existing(7, 'a.yaml', 1, ['1']), existing(8, 'a.yaml', 2, ['2'])]),
      2,
      {
        comments: [],
        alreadyPosted: ['1', '2'],
        toBody: [
          ['3', 'the pull request already has 2 inline comments from kube-immutable (max-comments 2), 2 of them from earlier runs'],
          ['4', 'the pull request already has 2 inline comments from kube-immutable (max-comments 2), 2 of them from earlier runs'],
        ],
        overLimit: 2,
      },
    ],
    [
      'a comment whose findings are all fixed, or that is outdated, frees its slot',
      [unit('2', 2), unit('3', 3), unit('4', 4)],
      ours([existing(7, 'a.yaml', 1, ['1']), existing(8, 'a.yaml', 2, ['2']), existing(9, 'a.yaml', null, ['3'])]),
      2,
      {
        comments: ['3'],
        alreadyPosted: ['2'],
        toBody: [['4', 'the pull request already has 2 inline comments from kube-immutable (max-comments 2), 1 of them from earlier runs']],
        overLimit: 1,
      },
    ],
    [
      'a live comment elsewhere counts too (its finding moved to another anchor): the cap is never passed',
      [unit('1', 5), unit('2', 6)],
      ours([existing(7, 'a.yaml', 1, ['1'])]),
      2,
      {
        comments: ['1'],
        alreadyPosted: [],
        toBody: [['2', 'the pull request already has 2 inline comments from kube-immutable (max-comments 2), 1 of them from earlier runs']],
        overLimit: 1,
      },
    ],
    [
      'posted on another line, in a reply or in a body: posted again',
      [unit('1', 3)],
      ours([existing(7, 'a.yaml', 4, ['1']), existing(8, 'a.yaml', 3, ['1'], { inReplyTo: 5 }), existing(9, '', null, ['1'])]),
      10,
      { comments: ['1'], alreadyPosted: [], toBody: [], overLimit: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, units, existingOurs, max, expected) => {
    // The run's findings are the units' ones.
    const alive = new Set(units.flatMap((u) => u.findings.map((f) => f.fingerprint)));
    const r = pickInlineComments(units, existingOurs, max, meta, alive);
    expect({
      comments: r.comments.map((c) => c.fingerprints.join()),
      alreadyPosted: r.alreadyPosted,
      toBody: r.toBody.map((u) => [u.findings[0]!.fingerprint, u.reason]),
      overLimit: r.overLimit,
    }).toEqual(expected);
    for (const u of r.toBody) expect(u.anchor).toBeUndefined();
  });
  it("a comment says what kind its suggestion is; a held change labels the lead line and its id is the marker's fix", () => {
    const r = pickInlineComments(
      [
        unit('g', 3, { suggestion: 'x', kind: 'guess' }),
        unit('s', 5, { suggestion: 'y', kind: 'safe' }),
        unit('p', 7),
        unit('b', 9, { suggestion: 'z', kind: 'behaviour' }),
      ],
      [],
      10,
      meta,
      new Set(),
    );
    expect(r.comments.map((c) => [c.fingerprints[0], c.suggestion])).toEqual([
      ['g', 'guess'],
      ['s', 'safe'],
      ['p', undefined],
      ['b', 'behaviour'],
    ]);
    const [g, s, p, b] = r.comments.map((c) => c.body);
    expect(g!.split('\n')[0]).toBe('**Warning** · 1 warning: ` p ` · suggested change below (a guess: check it before committing)');
    expect(b!.split('\n')[0]).toBe('**Warning** · 1 warning: ` p ` · suggested change below (a behaviour change: review it before committing)');
    expect(s!.split('\n')[0]).toBe('**Warning** · container "c" of Pod/default/x · 1 warning: ` p ` · one-click fix below (known fact)');
    expect(p!.split('\n')[0]).toBe('**Warning** · 1 warning: ` p ` · no suggested change');
    expect(g).toContain('  - The suggested change above (a guess, not applied by kube-immutable fix): guess g\n');
    expect(b).toContain('  - The suggested change above (a behaviour change, not applied by kube-immutable fix): behaviour b\n');
    // The suggestion block follows the lead line at once.
    for (const body of [g!, s!, b!]) expect(body.split('\n\n')[1]).toMatch(/^```suggestion\n/);
    expect(g).not.toContain('Alternative');
    expect(g).toContain(fingerprintMarker({ fingerprint: ['g'], fixId: 'hg', line: 3 }));
    expect(s).toContain(fingerprintMarker({ fingerprint: ['s'], fixId: 'gs', line: 5 }));
  });
  it.each([
    ['info', ['e', 'w', 'ws', 'i', 'ig'], []],
    ['warning', ['e', 'w', 'ws', 'ig'], ['i']],
    ['error', ['e', 'ws', 'ig'], ['w', 'i']],
    ['none', ['ws', 'ig'], ['e', 'w', 'i']],
  ] as const)('comment-level %s: findings below it without a suggested change go to the body; a suggested change is always eligible', (level, inline, body) => {
    const units = [
      unit('e', 3, { severity: 'error' }),
      unit('w', 5, { severity: 'warning' }),
      unit('i', 7, { severity: 'info' }),
      unit('ws', 9, { severity: 'warning', suggestion: 'x', kind: 'safe' }),
      unit('ig', 11, { severity: 'info', suggestion: 'y', kind: 'guess' }),
    ];
    const r = pickInlineComments(units, [], 10, meta, new Set(), level);
    expect(r.comments.map((c) => c.fingerprints[0])).toEqual(inline);
    expect(r.toBody.map((u) => u.findings[0]!.fingerprint)).toEqual(body);
    const reason =
      level === 'none'
        ? 'it has no suggested change (comment-level none: only suggested changes are posted inline)'
        : `it has no suggested change and is below comment-level (${level})`;
    for (const u of r.toBody) expect(u.reason).toBe(reason);
    // Left out for the level, not for max-comments.
    expect(r.overLimit).toBe(0);
  });
  it('comment-level and max-comments: the slots go to what the level lets inline', () => {
    const units = [unit('w1', 3), unit('e1', 5, { severity: 'error' }), unit('w2', 7, { suggestion: 'x', kind: 'safe' }), unit('e2', 9, { severity: 'error' })];
    const r = pickInlineComments(units, [], 2, meta, new Set(), 'error');
    expect(r.comments.map((c) => c.fingerprints[0])).toEqual(['e1', 'e2']);
    expect(r.toBody.map((u) => [u.findings[0]!.fingerprint, u.reason])).toEqual([
      ['w1', 'it has no suggested change and is below comment-level (error)'],
      ['w2', 'the review already has 2 inline comments (max-comments)'],
    ]);
  });
  it('a comment with a suggestion has one lead line and then the suggestion block: nothing else before it', () => {
    const r = pickInlineComments(
      [unit('s', 5, { suggestion: 'a: 1\nb: 2', kind: 'safe' }), unit('g', 9, { suggestion: 'c: 3', kind: 'guess' })],
      [],
      10,
      meta,
      new Set(),
    );
    for (const c of r.comments) {
      const lines = c.body.split('\n');
      expect(lines[1]).toBe('');
      expect(lines[2]).toBe('```suggestion');
      expect(lines[0]).toMatch(/^\*\*Warning\*\* · .* · (one-click fix|suggested change) below \(/);
      // The explanations follow, folded.
      expect(c.body.indexOf('<details><summary>')).toBeGreaterThan(c.body.indexOf('```suggestion'));
      expect(c.body).toMatch(/<\/details>\n\n<!-- kube-immutable:/);
    }
  });
  it('a multi-line comment has startLine and startSide', () => {
    const [c] = pickInlineComments([unit('1', 4, { startLine: 2, suggestion: 'x' })], [], 10, meta, new Set()).comments;
    expect(c).toMatchObject({ path: 'a.yaml', line: 4, startLine: 2, startSide: 'RIGHT', side: 'RIGHT' });
    expect(pickInlineComments([unit('1', 4)], [], 10, meta, new Set()).comments[0]).not.toHaveProperty('startLine');
  });
});

describe('staleComments', () => {
  const planned = [{ path: 'a.yaml', line: 3, side: 'RIGHT' as const, body: '', fingerprints: ['re'] }];
  const alive = [finding('alive', 'a.yaml', 1), finding('re', 'a.yaml', 3), finding('exempt', 'a.yaml', 5, 5, { suppressed: { by: 'config' } as never })];
  it.each([
    ['every fingerprint gone', existing(1, 'a.yaml', 3, ['gone']), [1]],
    ['gone or re-posted now', existing(1, 'a.yaml', 3, ['gone', 're']), [1]],
    ['a finding still alive and not re-posted', existing(1, 'a.yaml', 3, ['alive', 'gone']), []],
    ['a suppressed finding counts as gone', existing(1, 'a.yaml', 3, ['exempt']), [1]],
    ['with replies', existing(1, 'a.yaml', 3, ['gone'], { hasReplies: true }), []],
    ['a reply', existing(1, 'a.yaml', 3, ['gone'], { inReplyTo: 9 }), []],
    ['a review body (no path)', existing(1, '', null, ['gone']), []],
    ['outdated (line null) but ours: stale', existing(1, 'a.yaml', null, ['gone']), [1]],
  ] as const)('%s', (_name, c, expected) => {
    expect(staleComments(ourComments([c]), alive, planned)).toEqual(expected);
  });
});
