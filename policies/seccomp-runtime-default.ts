import {
  type Container,
  containerLabel,
  definePolicy,
  effectiveSeccomp,
  type EffectiveSeccomp,
  isWindowsPod,
  podSecurityContext,
  seccompAnnotationProfile,
  seccompAnnotations,
  type SuggestionDescriptor,
  type YNode,
} from '../src/api/policy.js';

/**
 * Every container runs with a seccomp profile of type `RuntimeDefault` or `Localhost` (the
 * restricted Pod Security Standard's "Seccomp" control). The profile is the effective one: the
 * container's `securityContext.seccompProfile`, else the pod-level one; the deprecated
 * `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<name>`
 * annotations count where the API server still honours them, and are reported as deprecated.
 * Containers without any profile get one fix: `seccompProfile.type: RuntimeDefault` in the
 * pod-level securityContext. Windows and HostProcess pods are skipped (no seccomp there).
 */
export default definePolicy({
  id: 'seccomp-runtime-default',
  meta: {
    description: 'Containers run with the RuntimeDefault (or a Localhost) seccomp profile.',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        'No seccomp profile is set for {{containers}}: without securityContext.seccompProfile (pod-level or per container) the container runtime runs Unconfined, with every system call allowed. Set seccompProfile.type: RuntimeDefault in the pod-level securityContext.',
      unconfined: '{{container}} sets seccompProfile type Unconfined: every system call is allowed. Use RuntimeDefault (or a Localhost profile).',
      podUnconfined:
        'The pod-level securityContext sets seccompProfile type Unconfined, inherited by {{containers}}: every system call is allowed. Use RuntimeDefault (or a Localhost profile).',
      badType:
        '{{container}} sets seccompProfile type {{type}}: only RuntimeDefault, Localhost and Unconfined exist, and the restricted Pod Security Standard allows RuntimeDefault or Localhost.',
      podBadType:
        'The pod-level securityContext sets seccompProfile type {{type}}, inherited by {{containers}}: only RuntimeDefault, Localhost and Unconfined exist, and the restricted Pod Security Standard allows RuntimeDefault or Localhost.',
      localhostWithoutProfile:
        "{{container}} sets seccompProfile type Localhost without localhostProfile: the API server rejects it. Name the profile file (relative to the kubelet's seccomp directory).",
      podLocalhostWithoutProfile:
        "The pod-level securityContext sets seccompProfile type Localhost without localhostProfile: the API server rejects it. Name the profile file (relative to the kubelet's seccomp directory).",
      deprecatedAnnotation:
        'The annotation {{key}} is deprecated (since Kubernetes 1.19; since 1.25 the API server only copies it into the field when it creates a pod): set the equivalent securityContext.seccompProfile (type {{type}}) and remove the annotation.',
      unconfinedAnnotation:
        'The deprecated annotation {{key}} sets seccomp unconfined: every system call is allowed. Remove it and set securityContext.seccompProfile.type: RuntimeDefault.',
      badAnnotation:
        'The deprecated annotation {{key}} has the value {{value}}, which is no seccomp profile (runtime/default, docker/default, localhost/<file>, unconfined). Remove it and set securityContext.seccompProfile.type: RuntimeDefault.',
      suggestRuntimeDefault: "Set seccompProfile.type: RuntimeDefault (the container runtime's default profile).",
      suggestField: 'Set securityContext.seccompProfile to what the annotation says (then remove the annotation by hand).',
      suggestReplaceAnnotation:
        'Set securityContext.seccompProfile.type: RuntimeDefault, and remove the annotation by hand: the API server rejects a field that disagrees with it.',
    },
    remediation:
      'Set securityContext.seccompProfile.type: RuntimeDefault in the pod-level securityContext (containers inherit it), or a Localhost profile where the default one is too strict; do not use the deprecated seccomp annotations.',
    peers: { checkov: 'CKV_K8S_31', trivy: 'KSV-0030, KSV-0104', 'kube-score': 'container-seccomp-profile' },
  },
  check(context) {
    const w = context.workload;
    if (!w || isWindowsPod(w) || w.containers.length === 0) return;
    const runtimeDefault = (
      target: YNode,
      messageId: 'suggestRuntimeDefault' | 'suggestReplaceAnnotation' = 'suggestRuntimeDefault',
    ): SuggestionDescriptor<typeof messageId>[] => [
      { messageId, fix: (fixer) => [fixer.set(target, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault')] },
    ];

    // The deprecated annotations: each reported once, by its own value.
    for (const a of seccompAnnotations(w)) {
      const profile = seccompAnnotationProfile(a.node.value);
      const target = a.container === undefined ? w.podSpec : w.containers.find((c) => c.name === a.container)?.node;
      const base = { node: a.node, key: true, detail: a.key };
      if (profile.type === 'Unconfined') {
        context.report({
          ...base,
          messageId: 'unconfinedAnnotation',
          data: { key: a.key },
          suggest: target ? runtimeDefault(target, 'suggestReplaceAnnotation') : undefined,
        });
      } else if (profile.type === undefined) {
        context.report({ ...base, messageId: 'badAnnotation', data: { key: a.key, value: JSON.stringify(a.node.value) } });
      } else {
        const value: Record<string, string> = { type: profile.type };
        if (profile.localhostProfile) value.localhostProfile = profile.localhostProfile;
        // The API server rejects a field that disagrees with the annotation, so only an unset field is filled.
        const fieldSet = target?.get('securityContext')?.get('seccompProfile');
        const suggest: SuggestionDescriptor<'suggestField'>[] | undefined =
          target && !fieldSet ? [{ messageId: 'suggestField', fix: (fixer) => [fixer.set(target, ['securityContext', 'seccompProfile'], value)] }] : undefined;
        context.report({ ...base, messageId: 'deprecatedAnnotation', data: { key: a.key, type: profile.type }, suggest });
      }
    }

    const missing: Container[] = [];
    const fromPod = new Map<string, { profile: EffectiveSeccomp; containers: Container[] }>();
    for (const c of w.containers) {
      const profile = effectiveSeccomp(w, c);
      if (!profile) {
        missing.push(c);
        continue;
      }
      if (profile.source === 'containerAnnotation' || profile.source === 'podAnnotation') continue; // reported above
      if (profile.type === 'RuntimeDefault' || (profile.type === 'Localhost' && profile.localhostProfile)) continue;
      if (profile.source === 'pod') {
        const at = profile.node.offsets.join(':');
        const group = fromPod.get(at) ?? { profile, containers: [] };
        group.containers.push(c);
        fromPod.set(at, group);
        continue;
      }
      const typeNode = profile.node.get('type');
      const label = containerLabel(c);
      context.report({
        messageId: profile.type === 'Unconfined' ? 'unconfined' : profile.type === 'Localhost' ? 'localhostWithoutProfile' : 'badType',
        data: { container: label, type: JSON.stringify(profile.type ?? null) },
        node: typeNode ?? profile.node,
        key: true,
        container: c,
        suggest: profile.type === 'Localhost' ? undefined : runtimeDefault(c.node),
      });
    }

    for (const { profile, containers } of fromPod.values()) {
      const names = containers.map(containerLabel).join(', ');
      context.report({
        messageId: profile.type === 'Unconfined' ? 'podUnconfined' : profile.type === 'Localhost' ? 'podLocalhostWithoutProfile' : 'podBadType',
        data: { containers: names, type: JSON.stringify(profile.type ?? null) },
        node: profile.node.get('type') ?? profile.node,
        key: true,
        suggest: profile.type === 'Localhost' ? undefined : runtimeDefault(w.podSpec),
      });
    }

    if (missing.length > 0) {
      // A pod-level securityContext that is not a map is valid-manifest's finding: no fix goes there.
      const sc = w.podSpec.get('securityContext');
      const fixable = !sc || sc.isNull || sc.kind === 'map';
      context.report({
        messageId: 'missing',
        data: { containers: missing.map(containerLabel).join(', ') },
        node: podSecurityContext(w) ?? w.podSpec,
        key: true,
        fix: fixable ? (fixer) => [fixer.set(w.podSpec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault')] : undefined,
      });
    }
  },
});
