import {
  type Container,
  containerLabel,
  definePolicy,
  effectiveSecurityField,
  type EffectiveValue,
  imageUser,
  type InspectedImageConfig,
  isWindowsPod,
  podSecurityContext,
  type ReportDescriptor,
  type SuggestionDescriptor,
  type YNode,
} from '../src/api/policy.js';

export interface RunAsNonRootOptions {
  /** The UID the `runAsUser` suggestion proposes. */
  suggestedUser: number;
}

/** The defaults (their type is the policy's options type, as definePolicy infers it). */
const DEFAULT_OPTIONS: RunAsNonRootOptions = { suggestedUser: 10001 };

type Verdict = { messageId: 'rootUser' | 'rootUserRefused' | 'rootAllowed' | 'missing'; decider: EffectiveValue | undefined; container: Container };

/**
 * Every container runs as a non-root user, judged by its effective values (the container's
 * `runAsUser`/`runAsNonRoot` win over the pod-level ones, field by field): effective
 * `runAsUser` > 0 passes; effective `runAsUser: 0` fails (root; with `runAsNonRoot: true` too,
 * the kubelet refuses to start the container); otherwise effective `runAsNonRoot: true` passes,
 * explicit `false` or unset fails. Windows and HostProcess pods are skipped (they use
 * `windowsOptions.runAsUserName`; the API server rejects these fields on Windows pods).
 * Several remedies exist and each changes who the process runs as, so findings carry
 * behaviour-change suggestions; the one automatic fix is `runAsNonRoot: true` for an unset user
 * whose image config (read with --inspect-images) runs it as a numeric non-root uid, which keeps
 * that user and only lets the kubelet verify it.
 */
export default definePolicy({
  id: 'run-as-non-root',
  meta: {
    description: 'Containers run as a non-root user (runAsNonRoot: true or a non-zero runAsUser).',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        '{{container}} sets neither runAsNonRoot: true nor a non-zero runAsUser (nor does the pod): it runs as whatever user the image declares, often root, and root can change every file of the container.{{imageUser}}',
      missingAll:
        'Neither the pod-level securityContext nor {{containers}} sets runAsNonRoot: true or a non-zero runAsUser: the user the image declares applies, often root, and root can change every file of the container. Set it once in the pod-level securityContext.{{imageUser}}',
      rootUser: '{{container}} runs as root (runAsUser: 0): root can change every file of the container.',
      rootUserRefused:
        '{{container}} sets runAsUser: 0 while runAsNonRoot is true: the kubelet refuses to start it (CreateContainerConfigError). Use a non-zero runAsUser.',
      podRootUser:
        'The pod-level securityContext sets runAsUser: 0, inherited by {{containers}}: root can change every file of the container (where runAsNonRoot is true as well, the kubelet refuses to start the container instead).',
      rootAllowed: '{{container}} sets runAsNonRoot: false and no non-zero runAsUser: it may run as root.',
      podRootAllowed:
        'The pod-level securityContext sets runAsNonRoot: false, inherited by {{containers}} (no non-zero runAsUser): the user the image declares applies, often root.',
      suggestNonRoot:
        'Set runAsNonRoot: true: the kubelet then refuses to start a container whose image runs as root (the image must declare a numeric non-root USER).',
      suggestUser: 'Set runAsUser: {{uid}}: run as that non-root UID whatever the image declares (the files the process needs must be readable by it).',
    },
    remediation:
      'Set securityContext.runAsNonRoot: true (in the pod-level securityContext to cover every container) and build images with a numeric non-root USER, or set a non-zero runAsUser.',
    optionsSchema: {
      type: 'object',
      properties: { suggestedUser: { type: 'integer', minimum: 1, maximum: 2147483647 } },
      additionalProperties: false,
    },
    defaultOptions: DEFAULT_OPTIONS,
    peers: { 'kube-linter': 'run-as-non-root', polaris: 'runAsRootAllowed', checkov: 'CKV_K8S_23', trivy: 'KSV-0012, KSV-0105' },
  },
  check(context) {
    const w = context.workload;
    if (!w || isWindowsPod(w) || w.containers.length === 0) return;
    const uid = context.options.suggestedUser ?? 10001;
    const failing: Verdict[] = [];
    for (const c of w.containers) {
      const user = effectiveSecurityField(w, c, 'runAsUser');
      const nonRoot = effectiveSecurityField(w, c, 'runAsNonRoot');
      const id = typeof user?.value === 'number' && Number.isInteger(user.value) && user.value >= 0 ? user.value : undefined;
      if (id === 0) failing.push({ messageId: nonRoot?.value === true ? 'rootUserRefused' : 'rootUser', decider: user, container: c });
      else if (id !== undefined) continue;
      else if (nonRoot?.value === true) continue;
      else if (nonRoot?.value === false) failing.push({ messageId: 'rootAllowed', decider: nonRoot, container: c });
      else failing.push({ messageId: 'missing', decider: undefined, container: c });
    }
    if (failing.length === 0) return;

    const names = (vs: readonly Verdict[]) => vs.map((v) => containerLabel(v.container)).join(', ');
    const suggestions = (target: YNode, nonRoot: boolean): SuggestionDescriptor<'suggestNonRoot' | 'suggestUser'>[] => {
      const out: SuggestionDescriptor<'suggestNonRoot' | 'suggestUser'>[] = [];
      // Both change who the process runs as (or whether it starts at all): behaviour changes.
      if (nonRoot) out.push({ messageId: 'suggestNonRoot', kind: 'behaviour', fix: (fixer) => [fixer.set(target, ['securityContext', 'runAsNonRoot'], true)] });
      out.push({ messageId: 'suggestUser', kind: 'behaviour', data: { uid }, fix: (fixer) => [fixer.set(target, ['securityContext', 'runAsUser'], uid)] });
      return out;
    };

    const configOf = (c: Container) => (c.image === undefined ? undefined : context.images.configs.get(c.image));

    // Unset everywhere, for every container: one finding and one remedy, in the pod-level securityContext.
    const missing = failing.filter((v) => v.messageId === 'missing');
    if (missing.length === w.containers.length) {
      const sc = podSecurityContext(w);
      const users = imageUsers(w.containers.map(configOf));
      context.report({
        messageId: 'missingAll',
        data: { containers: names(missing), imageUser: users.sentence },
        node: sc ?? w.podSpec,
        key: true,
        ...nonRootFix(w.podSpec, users.numericNonRoot),
        suggest: suggestions(w.podSpec, !users.numericNonRoot),
      });
      return;
    }

    // Values inherited from the pod level: one finding at the pod-level field, naming the containers.
    const fromPod = new Map<string, Verdict[]>();
    for (const v of failing) {
      if (v.decider?.level !== 'pod') continue;
      const at = v.decider.node.offsets.join(':');
      fromPod.set(at, [...(fromPod.get(at) ?? []), v]);
    }
    for (const vs of fromPod.values()) {
      const node = vs[0]!.decider!.node;
      const rootUser = vs[0]!.messageId !== 'rootAllowed';
      context.report({
        messageId: rootUser ? 'podRootUser' : 'podRootAllowed',
        data: { containers: names(vs) },
        node,
        key: true,
        // runAsUser: 0 cannot be remedied by runAsNonRoot: true (the kubelet would refuse the pod).
        suggest: suggestions(w.podSpec, !rootUser),
      });
    }

    // The container's own value (or nothing at all, while other containers are fine).
    for (const v of failing) {
      if (v.decider?.level === 'pod') continue;
      const c = v.container;
      const sc = c.securityContext;
      // Only an unset user is decided by the image; an explicit runAsNonRoot: false or runAsUser: 0 stays the author's call.
      const users = v.messageId === 'missing' ? imageUsers([configOf(c)]) : { sentence: '', numericNonRoot: false };
      context.report({
        messageId: v.messageId,
        data: { container: containerLabel(c), imageUser: users.sentence },
        node: v.decider?.node ?? sc ?? c.node,
        key: Boolean(v.decider ?? sc),
        container: c,
        ...nonRootFix(c.node, users.numericNonRoot),
        suggest: suggestions(c.node, (v.messageId === 'missing' || v.messageId === 'rootAllowed') && !users.numericNonRoot),
      });
    }
  },
});

/** A registry-given value as a message quotes it: at most 100 characters. */
const clip = (v: string) => (v.length > 100 ? `${v.slice(0, 100)}…` : v);

/**
 * `runAsNonRoot: true` at `target` as a safe fix, when every image concerned runs as a numeric
 * non-root uid by its config: the process keeps its user, and the kubelet can verify it.
 */
function nonRootFix(target: YNode, numericNonRoot: boolean): Pick<ReportDescriptor, 'fix' | 'fixKind'> {
  if (!numericNonRoot) return {};
  return { fix: (fixer) => [fixer.set(target, ['securityContext', 'runAsNonRoot'], true)], fixKind: 'safe' };
}

/**
 * What the inspected configs (`--inspect-images`) of the containers' images say about their user:
 * a sentence for the message (empty when no config was read) and whether every one is a
 * numeric non-root uid (so `runAsNonRoot: true` changes nothing but is verified by the kubelet).
 */
function imageUsers(configs: readonly (InspectedImageConfig | undefined)[]): { sentence: string; numericNonRoot: boolean } {
  if (configs.length === 0 || configs.some((c) => c === undefined)) return { sentence: '', numericNonRoot: false };
  const users = configs.map((c) => imageUser(c!.user));
  const one = users.length === 1;
  if (users.every((u) => u.kind === 'non-root' && u.uid !== undefined)) {
    const uids = [...new Set(users.map((u) => u.uid))].join(', ');
    return {
      sentence: ` ${one ? 'Its image config runs it' : 'Their image configs run them'} as uid ${uids}: runAsNonRoot: true keeps that user and lets the kubelet verify it, so the fix changes nothing else.`,
      numericNonRoot: true,
    };
  }
  const named = users.find((u) => u.name !== undefined && u.kind === 'non-root');
  if (users.some((u) => u.kind === 'root')) {
    return {
      sentence: ` ${one ? 'Its image config runs it' : 'An image config runs its container'} as root (User unset or 0): runAsNonRoot: true alone would stop it from starting; set runAsUser to a uid the image works with, and check the files it needs are readable by it.`,
      numericNonRoot: false,
    };
  }
  return {
    sentence: ` The image config names the user "${clip(named!.name!)}", not a uid: the kubelet cannot verify a name, so runAsNonRoot: true alone would stop the container from starting; set runAsUser to that user's uid as well.`,
    numericNonRoot: false,
  };
}
