import { type Container, containerLabel, definePolicy, forEachContainer, mountCovers, volumeMounts, type YNode } from '../src/api/policy.js';
import { analyseArgv, type CommandContext, type Mutation } from './lib/runtime-mutation.js';

/** Where a container's commands are: the entrypoint, lifecycle hooks and exec probes. */
const HOOKS = ['postStart', 'preStop'] as const;
const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;

/** Seq items of a node, with their values as strings. */
function argvOf(node: YNode | undefined): { nodes: YNode[]; argv: string[] } | undefined {
  if (!node || node.kind !== 'seq') return undefined;
  const nodes = node.items();
  return { nodes, argv: nodes.map((n) => (n.value === null || typeof n.value === 'object' ? '' : String(n.value as string | number | boolean | bigint))) };
}

const shorten = (s: string) => {
  // Only the start is shown: a 100 KB command is not rewritten whole for each of its findings.
  const one = s.slice(0, 400).replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
};

/**
 * Container commands (`command`/`args`, lifecycle `exec` hooks, `exec` probes) do not change the
 * container at runtime: no package installs, no downloaded scripts piped to a shell, no deleting,
 * editing or writing files under system paths (`/bin`, `/sbin`, `/usr`, `/lib*`, `/etc`, `/boot`).
 * Commands are read, never executed; shell text (`sh -c '...'`) is tokenised.
 */
export default definePolicy({
  id: 'no-runtime-mutation',
  meta: {
    description: 'Container commands, lifecycle hooks and probes do not install packages or change system files at runtime.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      packageInstall:
        '{{where}} installs packages at runtime ({{command}}): the running container is no longer the image that was built and tested, and each restart may install something different. Install them in the Dockerfile, build a new image and redeploy it.',
      pipeToShell:
        '{{where}} downloads a script and runs it ({{command}}): code that is in no image, unreviewed and possibly different on every start changes the container. Put what it installs in the image at build time.',
      systemPath:
        '{{where}} {{action}} {{path}} at runtime ({{command}}): the container drifts from its image (and the command fails under readOnlyRootFilesystem). Make the change in the image and redeploy; mount a ConfigMap or an emptyDir where the app needs different files.',
      deleteBinary:
        '{{where}} deletes {{path}} at runtime ({{command}}) as a stand-in for immutability, and that is fragile: a removed shell or tool can be copied back (kubectl cp) or rebuilt with the binaries that remain, every other binary still works, and the rest of the filesystem stays writable. Build a minimal (distroless) image without the tools instead, and set securityContext.readOnlyRootFilesystem: true.',
    },
    remediation:
      'Build everything the container runs into its image (packages, scripts, configuration files), and deploy a new image to change it. Remove shells and tools by building a minimal or distroless image, not by deleting them at start, and set securityContext.readOnlyRootFilesystem: true.',
  },
  check(context) {
    forEachContainer(context, (c) => {
      const mounts = volumeMounts(c);
      const ctx: CommandContext = {
        inVolume: (p) => mounts.some((m) => mountCovers(m.mountPath, p)),
        workingDir: typeof c.data.workingDir === 'string' && c.data.workingDir.startsWith('/') ? c.data.workingDir : undefined,
      };
      const label = containerLabel(c);
      const report = (where: string, source: string, fallback: YNode, nodes: YNode[], found: Mutation[]) => {
        const seen = new Set<string>();
        for (const f of found) {
          const node = (f.word !== undefined && f.word >= 0 ? nodes[f.word] : undefined) ?? fallback;
          const key = `${node.path.join('.')}:${f.kind}:${f.path ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          context.report({
            messageId: f.kind,
            data: { where, command: shorten(f.command), path: f.path ?? '', action: f.action ?? '' },
            node,
            container: c,
            detail: `${source}:${key}`,
          });
        }
      };
      checkEntrypoint(c, label, ctx, report);
      const lifecycle = c.node.get('lifecycle');
      for (const hook of HOOKS) {
        const cmd = lifecycle?.get(hook)?.get('exec')?.get('command');
        const a = argvOf(cmd);
        if (a && cmd) report(`the ${hook} hook of ${label}`, hook, cmd, a.nodes, analyseArgv(a.argv, ctx, true));
      }
      for (const probe of PROBES) {
        const cmd = c.node.get(probe)?.get('exec')?.get('command');
        const a = argvOf(cmd);
        if (a && cmd) report(`the ${probe} of ${label}`, probe, cmd, a.nodes, analyseArgv(a.argv, ctx, true));
      }
    });
  },
});

type Reporter = (where: string, source: string, fallback: YNode, nodes: YNode[], found: Mutation[]) => void;

/** `command` + `args` form one argv; with `args` alone the image's entrypoint is unknown. */
function checkEntrypoint(c: Container, label: string, ctx: CommandContext, report: Reporter): void {
  const commandNode = c.node.get('command');
  const argsNode = c.node.get('args');
  const command = argvOf(commandNode);
  const args = argvOf(argsNode);
  if (!command && !args) return;
  const nodes = [...(command?.nodes ?? []), ...(args?.nodes ?? [])];
  const argv = [...(command?.argv ?? []), ...(args?.argv ?? [])];
  const found = analyseArgv(argv, ctx, Boolean(command));
  report(`the command of ${label}`, 'command', (commandNode ?? argsNode)!, nodes, found);
}
