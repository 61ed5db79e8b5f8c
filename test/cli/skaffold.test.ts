import { fileURLToPath } from 'node:url';
import { cli } from './helpers.js';

/** test/fixtures/skaffold-project: a skaffold.yaml (two configs, a profile), k8s/ and legacy/ it deploys, other/ it does not. */
const PROJECT = fileURLToPath(new URL('../fixtures/skaffold-project/', import.meta.url));

describe('the CLI on a Skaffold project', () => {
  it('reports artifact images as info placeholders, every other unpinned image as before', async () => {
    const r = await cli(['scan', '.', '--policy', 'image-digest', '--format', 'json'], PROJECT);
    const found = (JSON.parse(r.stdout) as { findings: { file: string; container?: { name: string }; messageId: string; severity: string }[] }).findings.map(
      (f) => [f.file, f.container?.name, f.messageId, f.severity],
    );
    expect(found).toEqual([
      ['k8s/app.yaml', 'web', 'skaffoldArtifact', 'info'],
      ['k8s/app.yaml', 'worker', 'skaffoldArtifact', 'info'],
      ['k8s/app.yaml', 'proxy', 'mutableTag', 'error'],
      ['legacy/api.yaml', 'api', 'skaffoldArtifact', 'info'],
      // Named like an artifact, but outside the globs the project deploys.
      ['other/app.yaml', 'web', 'noTag', 'error'],
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('scanning one file from the project folder finds the skaffold.yaml above it; --verbose names the project', async () => {
    const r = await cli(['scan', 'legacy/api.yaml', '--policy', 'image-digest', '--verbose', '--format', 'compact'], PROJECT);
    expect(r.stdout).toContain('info image-digest');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Skaffold project skaffold.yaml: 3 build artifact(s) (gcr.io/acme/web, gcr.io/acme/worker, legacy-api), manifests k8s/*.yaml, legacy/*.yaml',
    );
  });
});
