import { readFileSync } from 'node:fs';
import { run, type Finding } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { planAnnotations } from '../../src/report/index.js';

const NGINX = readFileSync('examples/nginx-deployment.yaml', 'utf8');
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

function findings(nErrorsFiles: number, nWarnings: number): Finding[] {
  const files = [
    ...Array.from({ length: nErrorsFiles }, (_, i) => ({ path: `e${String(i).padStart(2, '0')}.yaml`, text: NGINX })),
    ...Array.from({ length: nWarnings }, (_, i) => ({ path: `w${String(i).padStart(2, '0')}.yaml`, text: CONFIGMAP })),
  ];
  // Warnings first in the input: the plan must sort them after the errors.
  return run(files.reverse(), seedPolicies).findings;
}

describe('planAnnotations', () => {
  it('maps findings to annotation properties (columns only for one-line ranges)', () => {
    const [f] = findings(0, 1);
    const plan = planAnnotations([f!]);
    expect(plan).toEqual({
      annotations: [
        {
          level: 'warning',
          message: f!.message,
          properties: expect.objectContaining({
            title: 'immutable-configmap-secret',
            file: 'w00.yaml',
            startLine: f!.range.start.line,
            endLine: f!.range.end.line,
          }),
        },
      ],
      dropped: 0,
      annotated: [f],
    });
    const multi = findings(1, 0)[0]!;
    expect(multi.range.start.line).not.toBe(multi.range.end.line);
    const p = planAnnotations([multi]).annotations[0]!.properties;
    expect(p.startColumn).toBeUndefined();
    expect(p.endColumn).toBeUndefined();
    if (f!.range.start.line === f!.range.end.line) expect(planAnnotations([f!]).annotations[0]!.properties.startColumn).toBe(f!.range.start.column);
  });

  it('keeps 10 per level, most severe first, and counts the dropped ones', () => {
    const all = findings(8, 12); // 16 errors, 12 warnings
    const plan = planAnnotations(all);
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(plan.annotations.slice(0, 10).every((a) => a.level === 'error')).toBe(true);
    expect(plan.annotations[0]!.properties.file).toBe('e00.yaml');
    expect(plan.dropped).toBe(8);
  });

  it('respects custom and total limits', () => {
    const plan = planAnnotations(findings(8, 12), { error: 50, warning: 50, notice: 50, total: 20 });
    expect(plan.annotations).toHaveLength(20);
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(16);
    expect(plan.dropped).toBe(8);
  });
});
