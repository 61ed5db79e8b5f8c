import { join } from 'node:path';
import { run } from '../../src/engine/index.js';
import { collectFiles } from '../../src/files.js';
import policy from '../../policies/no-runtime-mutation.js';
import { CORPUS } from '../corpus-path.js';

/** The real-world manifests of the test corpus (518 files, no verdicts). */
const real = join(CORPUS, 'real');

describe('no-runtime-mutation on real manifests', () => {
  it('reports exactly the justified hits', () => {
    const { files, errors } = collectFiles(['.'], { cwd: real, exclude: [] });
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
    const hits = run(files, [policy]).findings.map((f) => `${f.file}:${f.range.start.line} ${f.messageId}`);
    expect(hits).toEqual([
      // `cd /home && git clone ... && cd demo/EmployeeDB/ && npm install && ... && node app.js`: the container
      // fetches and installs the application's dependencies on every start into /home (no volume there) —
      // the running container is not the image (a true positive).
      'kubernetes+examples/_archived/nodesjs-mongodb/web-controller-demo.yaml:19 packageInstall',
    ]);
  });
});
