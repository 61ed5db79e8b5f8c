import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Debian package `docker-registry` (distribution 2.x) binary; .ci/run installs it. */
export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A real registry (distribution) on loopback, storing into a temporary folder. */
export interface LocalRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  /** The folder the registry stores into (`<root>/docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data` holds a blob). */
  root: string;
  stop(): Promise<void>;
}

/**
 * Start `docker-registry serve` with filesystem storage in a temporary folder on a free
 * loopback port, and wait until `GET /v2/` answers. Throws (it never skips) when the binary is
 * missing, naming the package to install.
 */
export async function startRegistry(): Promise<LocalRegistry> {
  if (!existsSync(REGISTRY_BINARY)) {
    throw new Error(
      `${REGISTRY_BINARY} is missing: the registry tests need a real registry. Install it with ` +
        '`apt-get update && apt-get install -y docker-registry` (.ci/run does this).',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-registry-'));
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited) throw new Error(`docker-registry exited at start: ${stderr.trim()}`);
    try {
      const res = await fetch(`http://${host}/v2/`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`docker-registry did not answer on ${host} within 15 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    root: join(dir, 'data'),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (exited) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** Upload a blob by the monolithic upload flow (POST then PUT ?digest=); returns its digest. */
export async function pushBlob(host: string, name: string, data: Buffer): Promise<string> {
  const digest = sha256(data);
  const start = await fetch(`http://${host}/v2/${name}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location')!, `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(data) });
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status} ${await put.text()}`);
  return digest;
}

/** Push a manifest (or index) under `reference`; returns the digest of the bytes sent. */
export async function pushManifest(host: string, name: string, reference: string, mediaType: string, manifest: object): Promise<string> {
  const body = Buffer.from(JSON.stringify(manifest, null, 2));
  const res = await fetch(`http://${host}/v2/${name}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body });
  if (res.status !== 201) throw new Error(`manifest push: HTTP ${res.status} ${await res.text()}`);
  return sha256(body);
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';

/** What {@link pushImage} writes into the config blob besides its rootfs. */
export interface ImageSpec {
  /** The config's `config` object (`{ User: '999', Volumes: { '/data': {} }, Env: ['A=1'], Labels: {…} }`). */
  config?: Record<string, unknown>;
  /** The config's `os` and `architecture` (default linux, amd64) and `variant` (none). */
  os?: string;
  architecture?: string;
  variant?: string;
  /** Bytes appended to the config JSON as white space (to make it large). */
  padding?: number;
  /** The manifest's media type and the config's (default OCI's). */
  manifestMediaType?: string;
  configMediaType?: string;
}

/**
 * Push a one-layer image (config + layer + manifest) under `name:tag` (`tag` may be a digest
 * reference… or any tag); returns the manifest digest and size, the config digest and size.
 */
export async function pushImage(
  host: string,
  name: string,
  tag: string,
  content = 'hello',
  spec: ImageSpec = {},
): Promise<{ digest: string; size: number; configDigest: string; configSize: number }> {
  const layer = Buffer.from(`layer of ${name}:${tag}: ${content}`);
  const layerDigest = await pushBlob(host, name, layer);
  const json = JSON.stringify({
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    ...(spec.variant === undefined ? {} : { variant: spec.variant }),
    ...(spec.config === undefined ? {} : { config: spec.config }),
    rootfs: { type: 'layers', diff_ids: [layerDigest] },
  });
  const config = Buffer.from(json + ' '.repeat(spec.padding ?? 0));
  const configDigest = await pushBlob(host, name, config);
  const mediaType = spec.manifestMediaType ?? OCI_MANIFEST;
  const docker = mediaType === DOCKER_MANIFEST;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: { mediaType: spec.configMediaType ?? (docker ? DOCKER_CONFIG : OCI_CONFIG), digest: configDigest, size: config.length },
    layers: [
      {
        mediaType: docker ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar',
        digest: layerDigest,
        size: layer.length,
      },
    ],
  };
  const digest = await pushManifest(host, name, tag, mediaType, manifest);
  return { digest, size: Buffer.byteLength(JSON.stringify(manifest, null, 2)), configDigest, configSize: config.length };
}

/** A request a fake server received. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  accept: string | undefined;
}

/** A small HTTP server on loopback that records every request. */
export interface FakeServer {
  host: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Start `handler` on a free loopback port, recording each request. */
export async function fakeServer(handler: (req: IncomingMessage, res: ServerResponse, host: string) => void): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  let host = '';
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, accept: req.headers.accept });
    handler(req, res, host);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    host,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
