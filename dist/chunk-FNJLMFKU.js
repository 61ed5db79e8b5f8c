import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  allocateVolumeName,
  annotationExemptions,
  apiGroup,
  containerLabel,
  definePolicy,
  formatMessage,
  isPathWritable,
  isWritableMount,
  mountCovers,
  normalisePath,
  parseImageReference,
  volumeMounts,
  volumeSources,
  writablePathsFor
} from "./chunk-L44IV7TJ.js";
import {
  require_ajv
} from "./chunk-22JQICQG.js";
import {
  isLikelyTypo
} from "./chunk-XGP3YI6V.js";
import {
  __toESM
} from "./chunk-EAZCXRIZ.js";

// src/k8s/security-context.ts
var INHERITED_SECURITY_FIELDS = ["runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "windowsOptions"];
function podSecurityContext(w) {
  const sc = w.podSpec.get("securityContext");
  return sc?.kind === "map" ? sc : void 0;
}
function containerSecurityContext(c) {
  return c.securityContext?.kind === "map" ? c.securityContext : void 0;
}
function setField(sc, field) {
  const node = sc?.get(field);
  return node && !node.isNull ? node : void 0;
}
function effectiveSecurityField(w, c, field) {
  if (!INHERITED_SECURITY_FIELDS.includes(field)) {
    throw new TypeError(`effectiveSecurityField: ${JSON.stringify(field)} is not inherited from the pod-level securityContext (inherited: ${INHERITED_SECURITY_FIELDS.join(", ")})`);
  }
  const own = setField(containerSecurityContext(c), field);
  if (own) return { value: own.value, node: own, level: "container" };
  const pod = setField(podSecurityContext(w), field);
  if (pod) return { value: pod.value, node: pod, level: "pod" };
  return void 0;
}
function isHostProcessPod(w) {
  const hp = (sc) => sc?.get("windowsOptions")?.get("hostProcess")?.value === true;
  return hp(podSecurityContext(w)) || w.containers.some((c) => hp(containerSecurityContext(c)));
}
function isWindowsPod(w) {
  return w.isWindows || isHostProcessPod(w);
}
var SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
var SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
function seccompAnnotationProfile(value) {
  if (value === "runtime/default" || value === "docker/default") return { type: "RuntimeDefault", localhostProfile: void 0 };
  if (value === "unconfined") return { type: "Unconfined", localhostProfile: void 0 };
  if (typeof value === "string" && value.startsWith("localhost/")) return { type: "Localhost", localhostProfile: value.slice("localhost/".length) || void 0 };
  return { type: void 0, localhostProfile: void 0 };
}
function podAnnotations(w) {
  const a = w.podMetadata?.get("annotations");
  return a?.kind === "map" ? a : void 0;
}
function seccompAnnotations(w) {
  const a = podAnnotations(w);
  if (!a) return [];
  const out = [];
  for (const [key, node] of a.entries()) {
    if (key === SECCOMP_POD_ANNOTATION) out.push({ key, container: void 0, node });
    else if (key.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX)) out.push({ key, container: key.slice(SECCOMP_CONTAINER_ANNOTATION_PREFIX.length), node });
  }
  return out;
}
function fieldProfile(node) {
  const type = node.get("type")?.value;
  const lp = node.get("localhostProfile")?.value;
  return { type: typeof type === "string" ? type : void 0, localhostProfile: typeof lp === "string" && lp !== "" ? lp : void 0 };
}
function effectiveSeccomp(w, c) {
  const own = setField(containerSecurityContext(c), "seccompProfile");
  if (own) return { ...fieldProfile(own), source: "container", node: own };
  const annotations = podAnnotations(w);
  const ca = c.name ? annotations?.get(SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name) : void 0;
  if (ca && !ca.isNull) return { ...seccompAnnotationProfile(ca.value), source: "containerAnnotation", node: ca };
  const pod = setField(podSecurityContext(w), "seccompProfile");
  if (pod) return { ...fieldProfile(pod), source: "pod", node: pod };
  const pa = annotations?.get(SECCOMP_POD_ANNOTATION);
  if (pa && !pa.isNull) return { ...seccompAnnotationProfile(pa.value), source: "podAnnotation", node: pa };
  return void 0;
}

// policies/drop-all-capabilities.ts
var ALLOWED_ADD = "NET_BIND_SERVICE";
var spelledOtherwise = (value, canonical) => value !== canonical && value.toUpperCase().replace(/^CAP_/, "") === canonical;
var shaped = (node, kind) => !node || node.isNull || node.kind === kind;
var drop_all_capabilities_default = definePolicy({
  id: "drop-all-capabilities",
  meta: {
    description: "Containers drop ALL Linux capabilities and add back at most NET_BIND_SERVICE.",
    category: "hardening",
    defaultSeverity: "warning",
    fixable: true,
    messages: {
      missing: "{{container}} does not drop ALL capabilities (securityContext.capabilities.drop): it keeps the runtime's default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, ...), which lets a root process change files it does not own.",
      misspelled: "{{container}} drops {{value}}, which the restricted Pod Security Standard does not accept as ALL: write ALL (uppercase, no CAP_ prefix).",
      added: "{{container}} adds the capability {{capability}}: the restricted Pod Security Standard allows adding only NET_BIND_SERVICE.",
      suggestDropAll: "Drop ALL capabilities. Check first that the image does not start as root and switch user (that needs CHOWN, SETUID and SETGID), or run it as non-root.",
      addedMisspelled: "{{container}} adds {{capability}}: the restricted Pod Security Standard accepts only the exact spelling NET_BIND_SERVICE (uppercase, no CAP_ prefix)."
    },
    remediation: "Add ALL to securityContext.capabilities.drop of every container; add back only NET_BIND_SERVICE when the process binds a port below 1024 (or better, listen on a port above 1024).",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/drop-all-capabilities.md",
    peers: { checkov: "CKV_K8S_37, CKV_K8S_25", trivy: "KSV-0003, KSV-0106, KSV-0022" }
  },
  check(context) {
    const w = context.workload;
    if (!w || isWindowsPod(w)) return;
    for (const c of w.containers) {
      const sc = containerSecurityContext(c);
      const caps = sc?.get("capabilities");
      const drop = caps?.get("drop");
      const label = containerLabel(c);
      const dropItems = drop?.kind === "seq" ? drop.items() : [];
      const fixable = shaped(c.securityContext, "map") && shaped(caps, "map") && shaped(drop, "seq");
      if (!dropItems.some((i) => i.value === "ALL")) {
        const near = dropItems.find((i) => typeof i.value === "string" && spelledOtherwise(i.value, "ALL"));
        const dropAll = (fixer) => [fixer.append(c.node, ["securityContext", "capabilities", "drop"], "ALL")];
        const safe = runsAsNonRoot(w, c);
        context.report({
          messageId: near ? "misspelled" : "missing",
          data: { container: label, value: near ? String(near.value) : "" },
          node: near ?? drop ?? caps ?? sc ?? c.node,
          key: !near && Boolean(drop ?? caps ?? sc),
          container: c,
          fix: fixable && safe ? dropAll : void 0,
          suggest: fixable && !safe ? [{ messageId: "suggestDropAll", fix: dropAll }] : void 0
        });
      }
      const add = caps?.get("add");
      for (const item of add?.kind === "seq" ? add.items() : []) {
        if (item.value === ALLOWED_ADD) continue;
        const capability = typeof item.value === "string" ? item.value : JSON.stringify(item.value);
        context.report({
          messageId: typeof item.value === "string" && spelledOtherwise(item.value, ALLOWED_ADD) ? "addedMisspelled" : "added",
          data: { container: label, capability },
          node: item,
          container: c,
          detail: capability
        });
      }
    }
  }
});
function runsAsNonRoot(w, c) {
  const user = effectiveSecurityField(w, c, "runAsUser")?.value;
  if (typeof user === "number") return user > 0;
  return effectiveSecurityField(w, c, "runAsNonRoot")?.value === true;
}

// policies/exemption.ts
var exemption_default = definePolicy({
  id: "exemption",
  meta: {
    description: "Exemption annotations name a policy, parse, and give a reason; expired exemptions are announced.",
    category: "validity",
    defaultSeverity: "warning",
    fixable: false,
    messages: {
      missingReason: "{{message}}",
      unparsable: "{{message}}",
      unknownPolicy: "{{message}}",
      expired: "The exemption {{source}} expired on {{expires}}: the findings it covered are reported again."
    },
    remediation: 'Write exemptions as ignore.kube-immutable.io/<policy-id>: "<reason>", or "containers=<name>[,<name>]; <reason>" for some containers, optionally with "expires=YYYY-MM-DD; " before the reason.',
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/exemption.md"
  },
  check(context) {
    const { problems } = annotationExemptions(context.manifest, context.workload, context.policyIds);
    for (const p of problems) {
      context.report({ messageId: p.messageId, data: { message: p.message }, node: p.node, key: true, detail: p.message });
    }
  }
});

// policies/image-digest.ts
var MESSAGES = {
  noTag: '{{container}} uses image "{{image}}" without a tag or digest: the node pulls whatever "latest" points to at that moment, so the same manifest can run different code. Pin it by digest ({{example}}). {{hint}}',
  mutableTag: '{{container}} uses image "{{image}}" with the mutable tag "latest": the same manifest can run different code after every push. Pin it by digest ({{example}}). {{hint}}',
  tagWithoutDigest: '{{container}} uses image "{{image}}" by tag only: a tag can be moved to other content, so the same manifest can run different code. Pin it by digest ({{example}}). {{hint}}',
  invalidReference: '{{container}} has an invalid image reference "{{image}}": {{problem}}.',
  hintFix: "The fix pins it to {{digest}}, the digest the registry gives for it now.",
  hintResolve: "To get a fix that pins the current digest, run kube-immutable scan/fix with --resolve-digests (in the action: resolve-digests: true).",
  hintFailed: "Resolving its digest failed: {{error}}"
};
var SHA256 = /^sha256:[a-f0-9]{64}$/;
function pinnedImage(ref, digest) {
  const name = ref.tag === void 0 ? ref.raw : ref.raw.slice(0, ref.raw.length - ref.tag.length - 1);
  return ref.tag === void 0 || ref.tag === "latest" ? `${name}@${digest}` : `${name}:${ref.tag}@${digest}`;
}
var image_digest_default = definePolicy({
  id: "image-digest",
  meta: {
    description: "Container images are pinned by digest (@sha256:\u2026), never by :latest or a bare tag.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: MESSAGES,
    remediation: "Reference every image by digest, e.g. nginx:1.27@sha256:<64 hex>; run with --resolve-digests (action input resolve-digests) to have the fix look the digests up.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/image-digest.md",
    optionsSchema: {
      type: "object",
      properties: {
        tagWithoutDigest: { enum: ["warning", "error", "off"] },
        resolvedDigests: { type: "object", additionalProperties: { type: "string", pattern: "^sha256:[a-f0-9]{64}$" } },
        resolutionErrors: { type: "object", additionalProperties: { type: "string" } }
      },
      additionalProperties: false
    },
    defaultOptions: { tagWithoutDigest: "warning" },
    peers: { checkov: "CKV_K8S_43", "kube-linter": "latest-tag", polaris: "tagNotSpecified", trivy: "KSV-0013", "kube-score": "container-image-tag" }
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const opts = context.options;
    for (const c of w.containers) {
      if (c.image === void 0) continue;
      const ref = parseImageReference(c.image);
      if (ref.pinned && !ref.problem) continue;
      const node = c.node.get("image");
      const base = { container: containerLabel(c), image: c.image };
      if (ref.problem) {
        context.report({ messageId: "invalidReference", data: { ...base, problem: ref.problem }, node, container: c });
        continue;
      }
      const messageId = ref.tag === void 0 ? "noTag" : ref.tag === "latest" ? "mutableTag" : "tagWithoutDigest";
      if (messageId === "tagWithoutDigest" && opts.tagWithoutDigest === "off") continue;
      const resolved = opts.resolvedDigests?.[c.image];
      const digest = resolved !== void 0 && SHA256.test(resolved) ? resolved : void 0;
      const failed = opts.resolutionErrors?.[c.image];
      const hint = digest ? formatMessage(MESSAGES.hintFix, { digest }) : failed !== void 0 ? formatMessage(MESSAGES.hintFailed, { error: failed }) : MESSAGES.hintResolve;
      const descriptor = {
        messageId,
        data: { ...base, example: pinnedImage(ref, "sha256:\u2026"), hint },
        node,
        container: c,
        fix: digest ? (fixer) => [fixer.set(c.node, ["image"], pinnedImage(ref, digest))] : void 0
      };
      if (messageId === "tagWithoutDigest") descriptor.severity = opts.tagWithoutDigest;
      context.report(descriptor);
    }
  }
});

// policies/immutable-configmap-secret.ts
var CONTROLLER_FILLED_SECRET_TYPES = /* @__PURE__ */ new Set(["kubernetes.io/service-account-token"]);
var immutable_configmap_secret_default = definePolicy({
  id: "immutable-configmap-secret",
  meta: {
    description: "ConfigMaps and Secrets set immutable: true.",
    category: "immutability",
    defaultSeverity: "warning",
    fixable: true,
    messages: {
      missing: `{{kind}} "{{name}}" is not immutable: editing it in place changes running pods' configuration without a rollout (configuration drift). Set immutable: true and ship a change as a new {{kind}} (e.g. a name with a content hash, as kustomize's {{generator}} makes) with a new rollout.`,
      disabled: `{{kind}} "{{name}}" sets immutable: false: editing it in place changes running pods' configuration without a rollout (configuration drift).`
    },
    remediation: "Set immutable: true. To change the configuration, create a new ConfigMap or Secret (kustomize configMapGenerator/secretGenerator add a content hash to the name) and roll the workload that uses it.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/immutable-configmap-secret.md"
  },
  check(context) {
    const m = context.manifest;
    if (apiGroup(m.apiVersion) !== "" || m.kind !== "ConfigMap" && m.kind !== "Secret") return;
    if (m.kind === "Secret" && CONTROLLER_FILLED_SECRET_TYPES.has(String(m.data.type))) return;
    const field = m.node.get("immutable");
    if (field?.value === true) return;
    context.report({
      messageId: field ? "disabled" : "missing",
      data: { kind: m.kind, name: m.name || "(unnamed)", generator: m.kind === "ConfigMap" ? "configMapGenerator" : "secretGenerator" },
      node: field ?? m.node.get("kind") ?? m.node,
      key: true,
      fix: (fixer) => [fixer.set(m.node, ["immutable"], true)]
    });
  }
});

// policies/no-exec-access.ts
var SUBRESOURCES = [
  { resource: "pods/exec", sub: "exec", verbs: ["create", "get"] },
  { resource: "pods/attach", sub: "attach", verbs: ["create", "get"] },
  { resource: "pods/ephemeralcontainers", sub: "ephemeralcontainers", verbs: ["update", "patch"] },
  // The kubelet API (its /exec, /run and /attach endpoints) through the API server's node proxy.
  // `get` is left out on purpose: metrics scrapers need it (see the doc page).
  { resource: "nodes/proxy", sub: "proxy", verbs: ["create"] }
];
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function resourceMatches(entry, resource, sub) {
  return entry === "*" || entry === resource || entry === `*/${sub}`;
}
var no_exec_access_default = definePolicy({
  id: "no-exec-access",
  meta: {
    description: "Roles and ClusterRoles do not grant pods/exec, pods/attach, pods/ephemeralcontainers or create on nodes/proxy.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: false,
    messages: {
      grant: "{{role}} lets its subjects change running containers: this rule grants {{grants}}. A shell in a running container (kubectl exec, attach, debug, or the kubelet exec endpoint through nodes/proxy) can change files, install packages and restore removed binaries \u2014 the runtime changes immutable containers rule out. Remove these permissions; keep them only in a break-glass role that is bound when needed."
    },
    remediation: "Remove pods/exec, pods/attach, pods/ephemeralcontainers and create on nodes/proxy (and the wildcards `*` that include them) from the rules. To change a container, build a new image and redeploy it; for emergencies, keep a separate break-glass role bound only while it is needed.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-exec-access.md",
    peers: { polaris: "clusterrolePodExecAttach, rolePodExecAttach", checkov: "CKV2_K8S_2", trivy: "KSV-0053, KSV-0054" }
  },
  check(context) {
    const m = context.manifest;
    if (apiGroup(m.apiVersion) !== "rbac.authorization.k8s.io" || m.kind !== "Role" && m.kind !== "ClusterRole") return;
    const rules = m.node.get("rules");
    if (!rules || rules.kind !== "seq") return;
    const role = `${m.kind} "${m.name || "(unnamed)"}"`;
    rules.items().forEach((rule, index) => {
      if (rule.kind !== "map") return;
      const groups = strings(rule.get("apiGroups")?.value);
      if (!groups.includes("") && !groups.includes("*")) return;
      const verbs = strings(rule.get("verbs")?.value);
      const resourceItems = rule.get("resources")?.items() ?? [];
      const grants = [];
      let at;
      for (const s of SUBRESOURCES) {
        const granted = verbs.includes("*") ? s.verbs : s.verbs.filter((v) => verbs.includes(v));
        if (granted.length === 0) continue;
        const item = resourceItems.find((r) => typeof r.value === "string" && resourceMatches(r.value, s.resource, s.sub));
        if (!item) continue;
        const via = item.value === s.resource ? "" : ` via "${String(item.value)}"`;
        grants.push(`${granted.join("/")} on ${s.resource}${via}`);
        at ??= item;
      }
      if (grants.length === 0) return;
      context.report({ messageId: "grant", data: { role, grants: grants.join(", ") }, node: at ?? rule, detail: `rule ${index}` });
    });
  }
});

// policies/no-host-namespaces.ts
var FIELDS = ["hostPID", "hostIPC", "hostNetwork"];
var no_host_namespaces_default = definePolicy({
  id: "no-host-namespaces",
  meta: {
    description: "Pods do not share the node's PID, IPC or network namespace (hostPID, hostIPC, hostNetwork).",
    category: "hardening",
    defaultSeverity: "warning",
    fixable: true,
    messages: {
      hostPID: "The pod sets hostPID: true: its containers see every process of the node and can signal them, read their environment, and reach their files through /proc/<pid>/root.",
      hostIPC: "The pod sets hostIPC: true: its containers share the node's System V IPC and POSIX shared memory, so they can read and change other processes' shared memory.",
      hostNetwork: "The pod sets hostNetwork: true: its containers use the node's network stack, can bind any node port and reach services listening on the node's localhost."
    },
    remediation: "Remove hostPID, hostIPC and hostNetwork (or set them to false); use a Service, a hostPort-free design, or a node agent built for the purpose instead.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-host-namespaces.md",
    peers: {
      polaris: "hostPIDSet, hostIPCSet, hostNetworkSet",
      "kube-linter": "host-pid, host-ipc, host-network",
      checkov: "CKV_K8S_17, CKV_K8S_18, CKV_K8S_19",
      trivy: "KSV-0010, KSV-0008, KSV-0009"
    }
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const hostProcess = isHostProcessPod(w);
    for (const field of FIELDS) {
      const node = w.podSpec.get(field);
      if (node?.value !== true) continue;
      if (field === "hostNetwork" && hostProcess) continue;
      context.report({
        messageId: field,
        node,
        key: true,
        fix: (fixer) => [fixer.set(w.podSpec, [field], false)]
      });
    }
  }
});

// policies/no-privilege-escalation.ts
var no_privilege_escalation_default = definePolicy({
  id: "no-privilege-escalation",
  meta: {
    description: "Containers set allowPrivilegeEscalation: false.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: {
      missing: "{{container}} does not set securityContext.allowPrivilegeEscalation: false; unset means a process can gain more privileges than its parent (setuid binaries), and with them change the container.",
      allowed: "{{container}} sets allowPrivilegeEscalation: true: a process can gain more privileges than its parent (setuid binaries).",
      sysAdmin: "{{container}} adds CAP_SYS_ADMIN, which always allows privilege escalation: the API server rejects allowPrivilegeEscalation: false with it. Drop SYS_ADMIN, then set allowPrivilegeEscalation: false."
    },
    remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-privilege-escalation.md",
    peers: { "kube-linter": "privilege-escalation-container", polaris: "privilegeEscalationAllowed", checkov: "CKV_K8S_20", trivy: "KSV-0001" }
  },
  check(context) {
    const w = context.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const sc = c.securityContext;
      const field = sc?.get("allowPrivilegeEscalation");
      if (field?.value === false) continue;
      const label = containerLabel(c);
      const add = sc?.get("capabilities")?.get("add")?.value;
      const sysAdmin = Array.isArray(add) && add.some((x) => typeof x === "string" && /^(CAP_)?SYS_ADMIN$/i.test(x));
      if (sysAdmin) {
        context.report({ messageId: "sysAdmin", data: { container: label }, node: field ?? sc ?? c.node, key: Boolean(field ?? sc), container: c });
        continue;
      }
      const privileged = sc?.get("privileged")?.value === true;
      context.report({
        messageId: field ? "allowed" : "missing",
        data: { container: label },
        node: field ?? sc ?? c.node,
        key: Boolean(field ?? sc),
        container: c,
        // The API server rejects allowPrivilegeEscalation: false together with privileged: true,
        // so the one safe remedy clears both.
        fix: (fixer) => [
          ...privileged ? [fixer.set(c.node, ["securityContext", "privileged"], false)] : [],
          fixer.set(c.node, ["securityContext", "allowPrivilegeEscalation"], false)
        ]
      });
    }
  }
});

// policies/no-privileged-container.ts
var no_privileged_container_default = definePolicy({
  id: "no-privileged-container",
  meta: {
    description: "Containers do not run privileged.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: {
      privileged: "{{container}} runs privileged: even with a read-only root filesystem /proc/sys stays writable, so it can change host kernel settings such as vm.swappiness. Grant only the capabilities it needs (securityContext.capabilities.add) instead."
    },
    remediation: "Set privileged: false (or remove it) and add only the Linux capabilities the application needs.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-privileged-container.md",
    peers: { "kube-linter": "privileged-container", polaris: "runAsPrivileged", checkov: "CKV_K8S_16", trivy: "KSV-0017", "kube-score": "container-security-context-privileged" }
  },
  check(context) {
    const w = context.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const field = c.securityContext?.get("privileged");
      if (field?.value !== true) continue;
      context.report({
        messageId: "privileged",
        data: { container: containerLabel(c) },
        node: field,
        key: true,
        container: c,
        fix: (fixer) => [fixer.set(c.node, ["securityContext", "privileged"], false)]
      });
    }
  }
});

// policies/lib/command-words.ts
function cleanPath(p) {
  const parts = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return "/" + parts.join("/");
}
var basename = (w) => w.slice(w.lastIndexOf("/") + 1);
var isFlag = (w) => w.startsWith("-") && w !== "-";
function optionValue(words, names) {
  for (let i = 0; i < words.length; i++) {
    const t = words[i].text;
    for (const n of names) {
      if (t === n) return words[i + 1]?.text;
      if (n.startsWith("--") && t.startsWith(n + "=")) return t.slice(n.length + 1);
    }
  }
  return void 0;
}

// policies/lib/package-installs.ts
var INSTALLERS = {
  "apt-get": ["install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall", "remove", "purge", "autoremove", "build-dep"],
  apt: ["install", "upgrade", "full-upgrade", "reinstall", "remove", "purge", "autoremove"],
  aptitude: ["install", "upgrade", "safe-upgrade", "full-upgrade", "reinstall", "remove", "purge"],
  apk: ["add", "upgrade", "del", "fix"],
  yum: ["install", "update", "upgrade", "reinstall", "remove", "erase", "groupinstall", "localinstall"],
  dnf: ["install", "in", "update", "upgrade", "up", "reinstall", "remove", "rm", "erase", "groupinstall", "localinstall", "distro-sync"],
  microdnf: ["install", "update", "upgrade", "reinstall", "remove"],
  tdnf: ["install", "update", "upgrade", "reinstall", "remove", "erase"],
  zypper: ["install", "in", "update", "up", "dist-upgrade", "dup", "remove", "rm"],
  npm: ["install", "i", "in", "isntall", "add", "ci", "update", "up", "upgrade"],
  pnpm: ["install", "i", "add", "update", "up"],
  yarn: ["add", "install"],
  gem: ["install", "update"],
  go: ["install", "get"],
  cargo: ["install"],
  conda: ["install", "update"],
  mamba: ["install", "update"],
  micromamba: ["install", "update"],
  composer: ["install", "require", "update"],
  bundle: ["install", "update"],
  brew: ["install", "upgrade"],
  snap: ["install"],
  pipx: ["install"],
  luarocks: ["install"],
  pecl: ["install"],
  pear: ["install"]
};
function installTarget(program, args, assignments, cwd) {
  if (/^pip/.test(program) || program === "pip") return optionValue(args, ["--target", "-t", "--prefix", "--root"]);
  if (program === "npm" || program === "pnpm" || program === "yarn") {
    const prefix = optionValue(args, ["--prefix", "--modules-folder", "--dir"]);
    if (prefix) return prefix;
    const global = args.some((a) => a.text === "-g" || a.text === "--global" || a.text === "global");
    return global ? void 0 : cwd;
  }
  if (program === "gem") return optionValue(args, ["--install-dir", "-i"]);
  if (program === "go") return assignments.get("GOBIN") ?? assignments.get("GOPATH");
  if (program === "apk") return optionValue(args, ["--root", "-p"]);
  if (program === "dnf" || program === "yum" || program === "microdnf") return optionValue(args, ["--installroot"]);
  if (program === "bundle" || program === "composer") return optionValue(args, ["--path", "--working-dir", "-d"]) ?? cwd;
  return void 0;
}
function isPackageInstall(program, args, assignments, inVolume, cwd) {
  const sub = args.find((a) => !isFlag(a.text))?.text;
  let installs = false;
  let prog = program;
  if (/^pip[0-9.]*$/.test(program)) installs = sub === "install" || sub === "uninstall";
  else if (/^python[0-9.]*$/.test(program)) {
    const m = args.findIndex((a) => a.text === "-m");
    installs = m !== -1 && /^pip[0-9.]*$/.test(args[m + 1]?.text ?? "") && args[m + 2]?.text === "install";
    prog = "pip";
  } else if (program === "uv") installs = (sub === "pip" || sub === "tool") && args.some((a) => a.text === "install");
  else if (program === "rpm") installs = /^(-[iUFe]|--(install|upgrade|freshen|erase))/.test(args[0]?.text ?? "");
  else if (program === "dpkg") installs = args.some((a) => /^(-[irP]|--(install|remove|purge|unpack))$/.test(a.text));
  else if (program === "pacman") installs = /^-[SUR]/.test(args[0]?.text ?? "");
  else if (program === "nix-env") installs = args.some((a) => a.text === "-i" || a.text === "--install");
  else if (program === "cpan" || program === "cpanm") installs = args.some((a) => !isFlag(a.text));
  else if (INSTALLERS[program]) installs = sub !== void 0 && INSTALLERS[program].includes(sub);
  if (!installs) return false;
  const target = installTarget(prog, args, assignments, cwd);
  if (target && target.startsWith("/") && inVolume(cleanPath(target))) return false;
  return true;
}

// policies/lib/shell.ts
var WRITE_REDIRECTS = /* @__PURE__ */ new Set([">", ">>", ">|", "&>", "&>>", "<>"]);
function skipBalanced(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "\\") {
      j++;
      continue;
    }
    if (ch === "'") {
      const end = s.indexOf("'", j + 1);
      j = end === -1 ? s.length : end;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return j + 1;
  }
  return s.length;
}
function parseShell(text) {
  const pipelines = [];
  let pipeline = [];
  let words = [];
  let redirects = [];
  let word = null;
  let pendingRedirect = null;
  let heredocs = [];
  let start = 0;
  const endWord = () => {
    if (word === null) return;
    if (pendingRedirect !== null) {
      if (pendingRedirect.startsWith("<<") && pendingRedirect !== "<<<") heredocs.push(word);
      else redirects.push({ op: pendingRedirect, target: word });
      pendingRedirect = null;
    } else {
      words.push(word);
    }
    word = null;
  };
  const endCommand = (end) => {
    endWord();
    if (words.length > 0 || redirects.length > 0) pipeline.push({ words, redirects, text: text.slice(start, end).trim() });
    words = [];
    redirects = [];
    pendingRedirect = null;
  };
  const endPipeline = (end) => {
    endCommand(end);
    if (pipeline.length > 0) pipelines.push(pipeline);
    pipeline = [];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "\\") {
      if (next === "\n") {
        i += 2;
        continue;
      }
      word = (word ?? "") + (next ?? "");
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? "") + text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let out = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) {
          if (text[j + 1] !== "\n") out += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === "$" && text[j + 1] === "(") {
          const end = skipBalanced(text, j + 1);
          out += text.slice(j, end);
          j = end;
          continue;
        }
        out += text[j];
        j++;
      }
      word = (word ?? "") + out;
      i = j + 1;
      continue;
    }
    if ((ch === "$" || ch === "<" || ch === ">") && next === "(" && (ch === "$" || word === null)) {
      const end = skipBalanced(text, i + 1);
      word = (word ?? "") + text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      word = (word ?? "") + text.slice(i, end === -1 ? text.length : end + 1);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (ch === "#" && word === null) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (ch === " " || ch === "	" || ch === "\r") {
      endWord();
      i++;
      continue;
    }
    if (ch === "\n") {
      endPipeline(i);
      i++;
      for (const delim of heredocs) {
        const clean = delim.replace(/^-/, "");
        while (i < text.length) {
          const end = text.indexOf("\n", i);
          const line = text.slice(i, end === -1 ? text.length : end);
          i = end === -1 ? text.length : end + 1;
          if (line.trim() === clean) break;
        }
      }
      heredocs = [];
      start = i;
      continue;
    }
    if (ch === "|") {
      const op = next === "|" ? "||" : "|";
      if (op === "|") endCommand(i);
      else endPipeline(i);
      i += op.length + (op === "|" && next === "&" ? 1 : 0);
      start = i;
      continue;
    }
    if (ch === "&" && next !== ">") {
      endPipeline(i);
      i += next === "&" ? 2 : 1;
      start = i;
      continue;
    }
    if (ch === ";" || ch === "(" || ch === ")") {
      endPipeline(i);
      i += ch === ";" && next === ";" ? 2 : 1;
      start = i;
      continue;
    }
    if (ch === ">" || ch === "<" || ch === "&" && next === ">") {
      if (word !== null && /^\d+$/.test(word)) word = null;
      endWord();
      const m = /^(&>>|&>|>>|>\||>&|>|<<<|<<-|<<|<>|<&|<)/.exec(text.slice(i));
      i += m[0].length;
      if (m[0] === ">&" || m[0] === "<&") {
        const dup = /^\s*(\d+|-)/.exec(text.slice(i));
        if (dup) {
          i += dup[0].length;
          continue;
        }
        pendingRedirect = m[0] === ">&" ? "&>" : "<";
        continue;
      }
      pendingRedirect = m[0];
      continue;
    }
    word = (word ?? "") + ch;
    i++;
  }
  endPipeline(text.length);
  return pipelines;
}

// policies/lib/runtime-mutation.ts
var SYSTEM_DIRS = ["/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/boot"];
var BINARY_DIRS = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);
var INTERPRETERS = /^(sh|bash|ash|dash|zsh|ksh|mksh|python[0-9.]*|perl|ruby|node|php)$/;
var DOWNLOADERS = /* @__PURE__ */ new Set(["curl", "wget"]);
var under = (p, dirs) => dirs.some((d) => p === d || p.startsWith(d + "/"));
function systemPath(word, ctx) {
  if (!word.startsWith("/")) return void 0;
  const p = cleanPath(word);
  if (!under(p, SYSTEM_DIRS) || ctx.inVolume(p)) return void 0;
  return p;
}
function unwrap(words) {
  const assignments = /* @__PURE__ */ new Map();
  let w = words;
  for (let guard = 0; guard < 10 && w.length > 0; guard++) {
    const first = w[0].text;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(first);
    if (m) {
      assignments.set(m[1], m[2]);
      w = w.slice(1);
      continue;
    }
    const name = basename(first);
    if (["exec", "nohup", "time", "command", "builtin", "busybox", "stdbuf", "{", "!", "then", "do", "else"].includes(name) || name === "if" || name === "while" || name === "until") {
      w = w.slice(1);
      while (w.length > 0 && isFlag(w[0].text) && name !== "busybox") w = w.slice(1);
      continue;
    }
    if (name === "sudo" || name === "env" || name === "nice" || name === "timeout" || name === "su-exec" || name === "gosu") {
      w = w.slice(1);
      while (w.length > 0 && isFlag(w[0].text)) w = w.slice(/^-[ugnCDhpr]$/.test(w[0].text) ? 2 : 1);
      if ((name === "timeout" || name === "su-exec" || name === "gosu") && w.length > 0) w = w.slice(1);
      continue;
    }
    break;
  }
  return { words: w, assignments };
}
function operands(args) {
  const out = [];
  let done = false;
  for (const a of args) {
    if (!done && a.text === "--") {
      done = true;
      continue;
    }
    if (!done && isFlag(a.text)) continue;
    out.push(a);
  }
  return out;
}
function pathChanges(program, args) {
  const ops = operands(args);
  const all = (action) => ops.map((word) => ({ word, action }));
  switch (program) {
    case "rm":
    case "unlink":
    case "rmdir":
    case "shred":
      return all("deletes");
    case "chmod":
    case "chown":
    case "chgrp": {
      const reference = args.some((a) => a.text.startsWith("--reference"));
      const action = program === "chmod" ? "changes the permissions of" : "changes the owner of";
      const rest = args.filter((a) => !/^--/.test(a.text) && !/^-[RfvcHLP]+$/.test(a.text));
      return (reference ? rest : rest.slice(1)).map((word) => ({ word, action }));
    }
    case "sed": {
      const inPlace = args.some((a) => /^--in-place/.test(a.text) || /^-[nErsuz]*i/.test(a.text));
      if (!inPlace) return [];
      const explicitScript = args.some((a) => /^(-[nErsuz]*[ef]|--expression|--file)/.test(a.text));
      const isScript = (o) => /^(-[nErsuz]*[ef]|--expression|--file)$/.test(args[args.indexOf(o) - 1]?.text ?? "");
      const files = explicitScript ? ops.filter((o) => !isScript(o)) : ops.slice(1);
      return files.map((word) => ({ word, action: "edits" }));
    }
    case "mv":
      return all("moves");
    case "cp":
    case "install":
    case "ln":
    case "rsync": {
      const t = optionValue(args, ["-t", "--target-directory"]);
      if (t) return [{ word: args.find((a) => a.text === t || a.text.endsWith("=" + t)), action: "writes to" }];
      const last = ops[ops.length - 1];
      return last && ops.length > 1 ? [{ word: last, action: "writes to" }] : [];
    }
    case "tee":
    case "touch":
    case "mkdir":
    case "truncate":
    case "mknod":
    case "mkfifo":
      return all("writes to");
    case "dd":
      return args.filter((a) => a.text.startsWith("of=")).map((a) => ({ word: { text: a.text.slice(3), index: a.index }, action: "writes to" }));
    case "curl": {
      const out = optionValue(args, ["-o", "--output"]);
      const w = out && args.find((a) => a.text === out || a.text.endsWith("=" + out));
      return w ? [{ word: { text: out, index: w.index }, action: "writes to" }] : [];
    }
    case "wget": {
      const out = optionValue(args, ["-O", "--output-document", "-P", "--directory-prefix"]);
      const w = out && out !== "-" && args.find((a) => a.text === out || a.text.endsWith("=" + out));
      return w ? [{ word: { text: out, index: w.index }, action: "writes to" }] : [];
    }
    case "tar":
    case "unzip": {
      const extract = program === "unzip" || args.some((a) => /^-?[a-zA-Z]*x/.test(a.text) || a.text === "--extract");
      const dir = optionValue(args, program === "tar" ? ["-C", "--directory"] : ["-d"]);
      const w = extract && dir && args.find((a) => a.text === dir || a.text.endsWith("=" + dir));
      return w ? [{ word: { text: dir, index: w.index }, action: "writes to" }] : [];
    }
    default:
      return [];
  }
}
var SUBSTITUTED_DOWNLOAD = /^\s*(\$\(|<\(|`)\s*(\S*\/)?(curl|wget)\b/;
function analyseCommand(cmd, redirects, text, ctx, cwd, out, depth) {
  for (const r of redirects) {
    const p = WRITE_REDIRECTS.has(r.op) ? systemPath(r.target, ctx) : void 0;
    if (p) out.push({ kind: "systemPath", command: text, path: p, action: "writes to" });
  }
  const { words, assignments } = unwrap(cmd);
  if (words.length === 0) return;
  const program = basename(words[0].text);
  const args = words.slice(1);
  if (SHELLS.has(program) || program === "su" || program === "runuser") {
    const c = args.findIndex((a) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.text) || a.text === "--command");
    const script = c === -1 ? void 0 : args[c + 1];
    if (script) {
      if (SUBSTITUTED_DOWNLOAD.test(script.text)) out.push({ kind: "pipeToShell", command: text, word: script.index });
      else analyseScript(script.text, ctx, out, depth + 1, script.index);
      return;
    }
    if (args.some((a) => SUBSTITUTED_DOWNLOAD.test(a.text))) out.push({ kind: "pipeToShell", command: text, word: words[0].index });
    return;
  }
  if (program === "eval" || program === "source" || program === ".") {
    const joined = args.map((a) => a.text).join(" ");
    if (SUBSTITUTED_DOWNLOAD.test(joined)) out.push({ kind: "pipeToShell", command: text, word: words[0].index });
    else if (program === "eval") analyseScript(joined, ctx, out, depth + 1, words[0].index);
    return;
  }
  if (isPackageInstall(program, args, assignments, ctx.inVolume, cwd)) {
    out.push({ kind: "packageInstall", command: text, word: words[0].index });
    return;
  }
  for (const { word, action } of pathChanges(program, args)) {
    const p = systemPath(word.text, ctx);
    if (!p) continue;
    const kind = action === "deletes" && under(p, BINARY_DIRS) ? "deleteBinary" : "systemPath";
    out.push({ kind, command: text, path: p, action, word: word.index });
  }
}
function analyseScript(script, ctx, out = [], depth = 0, word) {
  if (depth > 4) return out;
  let cwd = ctx.workingDir;
  for (const pipeline of parseShell(script)) {
    const found = [];
    pipeline.forEach((cmd, i) => {
      const words = cmd.words.map((text) => ({ text, index: -1 }));
      const first = unwrap(words).words;
      const program = first[0] ? basename(first[0].text) : "";
      if (program === "cd") {
        const dir = first[1]?.text;
        cwd = dir?.startsWith("/") ? cleanPath(dir) : dir && cwd ? cleanPath(`${cwd}/${dir}`) : void 0;
        return;
      }
      if (i > 0 && INTERPRETERS.test(program) && !first.slice(1).some((a) => /^-[a-zA-Z]*c$/.test(a.text))) {
        const source = pipeline.slice(0, i).find((p) => DOWNLOADERS.has(basename(unwrap(p.words.map((t) => ({ text: t, index: -1 }))).words[0]?.text ?? "")));
        if (source) {
          found.push({ kind: "pipeToShell", command: pipeline.map((p) => p.text).join(" | ") });
          return;
        }
      }
      analyseCommand(words, cmd.redirects, cmd.text, ctx, cwd, found, depth);
    });
    for (const f of found) out.push(word === void 0 ? f : { ...f, word });
  }
  return out;
}
function analyseArgv(argv, ctx, programKnown) {
  const out = [];
  const words = argv.map((text, index) => ({ text, index }));
  const sh = words.findIndex((w, i) => SHELLS.has(basename(w.text)) && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(words[i + 1]?.text ?? ""));
  if (sh !== -1 && words[sh + 2]) {
    const script = words[sh + 2];
    if (SUBSTITUTED_DOWNLOAD.test(script.text)) out.push({ kind: "pipeToShell", command: script.text, word: script.index });
    else analyseScript(script.text, ctx, out, 0, script.index);
    return out;
  }
  if (!programKnown) {
    if (/^-[a-zA-Z]*c$/.test(words[0]?.text ?? "") && words[1]) analyseScript(words[1].text, ctx, out, 0, 1);
    return out;
  }
  analyseCommand(words, [], argv.join(" "), ctx, ctx.workingDir, out, 0);
  return out;
}

// policies/no-runtime-mutation.ts
var HOOKS = ["postStart", "preStop"];
var PROBES = ["startupProbe", "livenessProbe", "readinessProbe"];
function argvOf(node) {
  if (!node || node.kind !== "seq") return void 0;
  const nodes = node.items();
  return { nodes, argv: nodes.map((n) => n.value === null || typeof n.value === "object" ? "" : String(n.value)) };
}
var shorten = (s) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
};
var no_runtime_mutation_default = definePolicy({
  id: "no-runtime-mutation",
  meta: {
    description: "Container commands, lifecycle hooks and probes do not install packages or change system files at runtime.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: false,
    messages: {
      packageInstall: "{{where}} installs packages at runtime ({{command}}): the running container is no longer the image that was built and tested, and each restart may install something different. Install them in the Dockerfile, build a new image and redeploy it.",
      pipeToShell: "{{where}} downloads a script and runs it ({{command}}): code that is in no image, unreviewed and possibly different on every start changes the container. Put what it installs in the image at build time.",
      systemPath: "{{where}} {{action}} {{path}} at runtime ({{command}}): the container drifts from its image (and the command fails under readOnlyRootFilesystem). Make the change in the image and redeploy; mount a ConfigMap or an emptyDir where the app needs different files.",
      deleteBinary: "{{where}} deletes {{path}} at runtime ({{command}}) as a stand-in for immutability, and that is fragile: a removed shell or tool can be copied back (kubectl cp) or rebuilt with the binaries that remain, every other binary still works, and the rest of the filesystem stays writable. Build a minimal (distroless) image without the tools instead, and set securityContext.readOnlyRootFilesystem: true."
    },
    remediation: "Build everything the container runs into its image (packages, scripts, configuration files), and deploy a new image to change it. Remove shells and tools by building a minimal or distroless image, not by deleting them at start, and set securityContext.readOnlyRootFilesystem: true.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-runtime-mutation.md"
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    for (const c of w.containers) {
      const mounts = volumeMounts(c);
      const ctx = {
        inVolume: (p) => mounts.some((m) => mountCovers(m.mountPath, p)),
        workingDir: typeof c.data.workingDir === "string" && c.data.workingDir.startsWith("/") ? c.data.workingDir : void 0
      };
      const label = containerLabel(c);
      const report = (where, source, fallback, nodes, found) => {
        const seen = /* @__PURE__ */ new Set();
        for (const f of found) {
          const node = (f.word !== void 0 && f.word >= 0 ? nodes[f.word] : void 0) ?? fallback;
          const key = `${node.path.join(".")}:${f.kind}:${f.path ?? ""}`;
          if (seen.has(key)) continue;
          seen.add(key);
          context.report({
            messageId: f.kind,
            data: { where, command: shorten(f.command), path: f.path ?? "", action: f.action ?? "" },
            node,
            container: c,
            detail: `${source}:${key}`
          });
        }
      };
      checkEntrypoint(c, label, ctx, report);
      const lifecycle = c.node.get("lifecycle");
      for (const hook of HOOKS) {
        const cmd = lifecycle?.get(hook)?.get("exec")?.get("command");
        const a = argvOf(cmd);
        if (a && cmd) report(`the ${hook} hook of ${label}`, hook, cmd, a.nodes, analyseArgv(a.argv, ctx, true));
      }
      for (const probe of PROBES) {
        const cmd = c.node.get(probe)?.get("exec")?.get("command");
        const a = argvOf(cmd);
        if (a && cmd) report(`the ${probe} of ${label}`, probe, cmd, a.nodes, analyseArgv(a.argv, ctx, true));
      }
    }
  }
});
function checkEntrypoint(c, label, ctx, report) {
  const commandNode = c.node.get("command");
  const argsNode = c.node.get("args");
  const command = argvOf(commandNode);
  const args = argvOf(argsNode);
  if (!command && !args) return;
  const nodes = [...command?.nodes ?? [], ...args?.nodes ?? []];
  const argv = [...command?.argv ?? [], ...args?.argv ?? []];
  const found = analyseArgv(argv, ctx, Boolean(command));
  report(`the command of ${label}`, "command", commandNode ?? argsNode, nodes, found);
}

// policies/no-writable-host-path.ts
var SENSITIVE_EXACT = ["/", "/proc", "/sys", "/etc", "/boot", "/dev", "/root", "/usr", "/bin", "/sbin", "/lib", "/var", "/run", "/var/lib", "/var/lib/docker"];
var SENSITIVE_TREE = [
  "/run/docker.sock",
  "/run/containerd",
  "/run/crio",
  "/run/cri-dockerd.sock",
  "/run/podman",
  "/run/k3s",
  "/var/lib/kubelet",
  "/var/lib/containerd",
  "/var/lib/etcd",
  "/etc/kubernetes",
  "/proc/sys",
  "/sys/kernel"
];
function canonicalHostPath(p) {
  const parts = [];
  for (const seg of normalisePath(p.trim()).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  const s = "/" + parts.join("/");
  return s === "/var/run" || s.startsWith("/var/run/") ? s.slice(4) : s;
}
function isSensitiveHostPath(p) {
  const c = canonicalHostPath(p);
  return SENSITIVE_EXACT.includes(c) || SENSITIVE_TREE.some((t) => c === t || c.startsWith(t + "/"));
}
var no_writable_host_path_default = definePolicy({
  id: "no-writable-host-path",
  meta: {
    description: "Containers mount hostPath volumes read-only, and never sensitive host paths.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: {
      writable: "{{container}} mounts the host path {{hostPath}} at {{mountPath}} writable: the container can change files on the node, outside any image or rollout. Set readOnly: true on the volumeMount (or use an emptyDir or a PersistentVolumeClaim for data the container writes).",
      sensitive: "{{container}} mounts the host path {{hostPath}} at {{mountPath}}{{readOnly}}: mounting it at all exposes the node (its kernel interfaces, configuration, container runtime or kubelet), and readOnly: true does not make that safe. Remove the mount; if a node agent truly needs it, exempt that workload with a reason."
    },
    remediation: "Set readOnly: true on every volumeMount of a hostPath volume, and do not mount sensitive host paths (/, /proc, /sys, /etc, container runtime sockets, /var/lib/kubelet) at all. Data the container writes belongs on an emptyDir or a PersistentVolumeClaim.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/no-writable-host-path.md",
    peers: {
      "kube-linter": "writable-host-mount, sensitive-host-mounts, docker-sock",
      polaris: "hostPathSet",
      checkov: "CKV_K8S_27",
      trivy: "KSV-0023, KSV-0006"
    }
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const sources = volumeSources(w);
    for (const c of w.containers) {
      const mounts = c.node.get("volumeMounts");
      if (!mounts || mounts.kind !== "seq") continue;
      for (const mount of mounts.items()) {
        if (mount.kind !== "map") continue;
        const { name, mountPath, readOnly } = mount.value ?? {};
        if (typeof name !== "string") continue;
        const hostPath = sources.get(name)?.hostPath;
        if (!hostPath || typeof hostPath !== "object") continue;
        const path = typeof hostPath.path === "string" ? hostPath.path : "";
        const data = {
          container: containerLabel(c),
          hostPath: path || "(no path)",
          mountPath: typeof mountPath === "string" ? mountPath : "(no mountPath)",
          readOnly: readOnly === true ? " (read-only)" : ""
        };
        const readOnlyNode = mount.get("readOnly");
        if (path && isSensitiveHostPath(path)) {
          context.report({ messageId: "sensitive", data, node: mount.get("name") ?? mount, key: true, container: c, detail: `${name}@${data.mountPath}` });
          continue;
        }
        if (readOnly === true) continue;
        context.report({
          messageId: "writable",
          data,
          node: readOnlyNode ?? mount.get("name") ?? mount,
          key: true,
          container: c,
          detail: `${name}@${data.mountPath}`,
          fix: (fixer) => [fixer.set(mount, ["readOnly"], true)]
        });
      }
    }
  }
});

// policies/lib/writable-mounts.ts
function missingMounts(w, c) {
  const mounts = volumeMounts(c);
  const known = writablePathsFor(c.image, mounts.map((m) => m.mountPath));
  const notWritable = known.paths.filter((p) => !isPathWritable(c, w, p.path));
  const mountedAt = (p) => mounts.find((m) => mountCovers(m.mountPath, p.path) && mountCovers(p.path, m.mountPath));
  const blocked = notWritable.filter((p) => mountedAt(p));
  const sources = volumeSources(w);
  const neededPaths = new Set(known.paths.map((p) => normalisePath(p.path)));
  const typos = [];
  const used = /* @__PURE__ */ new Set();
  for (const p of notWritable) {
    if (mountedAt(p)) continue;
    const node = (c.node.get("volumeMounts")?.items() ?? []).find((n) => {
      const mp = n.get("mountPath")?.value;
      const name = n.get("name")?.value;
      if (typeof mp !== "string" || typeof name !== "string" || used.has(n) || neededPaths.has(normalisePath(mp))) return false;
      return isWritableMount({ name, mountPath: mp, readOnly: n.get("readOnly")?.value === true }, sources) && isPathTypo(normalisePath(mp), p.path) && !sharedWithAnotherContainer(w, c, name);
    });
    if (node) {
      used.add(node);
      typos.push({ path: p, mount: node, mountPath: String(node.get("mountPath").value) });
    }
  }
  const paths = notWritable.filter((p) => !mountedAt(p) && !typos.some((t) => t.path === p));
  const parts = [];
  for (const t of typos) parts.push(`The mount at ${t.mountPath} looks like a typo of ${t.path.path}: the fix corrects its mountPath.`);
  for (const p of blocked) {
    parts.push(`${p.path} is mounted read-only (volume "${mountedAt(p).name}"), but ${known.image ?? "the image"} writes there: mount a writable volume there instead (no fix is offered).`);
  }
  if (paths.length > 0) {
    const list = paths.map((p) => p.path).join(", ");
    parts.push(
      known.guess ? `The fix mounts an emptyDir at ${list}: a guess, since the image ${c.image ? `"${c.image}"` : "(none)"} is not in the table of known images; check which paths it writes.` : `The fix mounts emptyDir volumes at ${list}, which ${known.image} writes to.`
    );
    const data = paths.filter((p) => p.purpose === "data").map((p) => p.path);
    if (data.length > 0) {
      parts.push(`${data.join(", ")} holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.`);
    }
  }
  return { paths, blocked, typos, image: known.image, guess: known.guess, explanation: parts.join(" ") };
}
var plans = /* @__PURE__ */ new WeakMap();
function volumeNamePlan(w) {
  let plan = plans.get(w);
  if (!plan) {
    plan = /* @__PURE__ */ new Map();
    const taken = new Set(volumeSources(w).keys());
    for (const c of w.containers) {
      const names = /* @__PURE__ */ new Map();
      for (const p of missingMounts(w, c).paths) names.set(p.path, allocateVolumeName(p.path, c.name, taken));
      plan.set(c, names);
    }
    plans.set(w, plan);
  }
  return plan;
}
function mountFixOps(fixer, w, c, missing) {
  const ops = missing.typos.map((t) => fixer.set(t.mount, ["mountPath"], t.path.path));
  const names = volumeNamePlan(w).get(c);
  for (const p of missing.paths) {
    const name = names?.get(p.path);
    if (!name) throw new Error(`no volume name planned for ${p.path}`);
    ops.push(fixer.append(c.node, ["volumeMounts"], { name, mountPath: p.path }));
    ops.push(fixer.append(w.podSpec, ["volumes"], { name, emptyDir: {} }));
  }
  return ops;
}
function isPathTypo(mounted, wanted) {
  const cut = (p) => [p.slice(0, p.lastIndexOf("/") + 1), p.slice(p.lastIndexOf("/") + 1)];
  const [mp, ms] = cut(mounted);
  const [wp, ws] = cut(wanted);
  if (mp !== wp || ms === ws) return false;
  return isLikelyTypo(ms, ws, Math.min(ms.length, ws.length) >= 8 ? 2 : 1);
}
function sharedWithAnotherContainer(w, c, volume) {
  return w.containers.some((o) => o !== c && volumeMounts(o).some((m) => m.name === volume));
}

// policies/read-only-root-filesystem.ts
var read_only_root_filesystem_default = definePolicy({
  id: "read-only-root-filesystem",
  meta: {
    description: "Containers run with a read-only root filesystem, with emptyDir volumes where the image must write.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: {
      missing: "{{container}} does not set securityContext.readOnlyRootFilesystem: true, so its files can be changed at runtime (kubectl cp, kubectl exec). {{mounts}}",
      disabled: "{{container}} sets readOnlyRootFilesystem: false, so its files can be changed at runtime (kubectl cp, kubectl exec). {{mounts}}",
      podLevel: "readOnlyRootFilesystem in the pod-level securityContext does nothing (it is not a PodSecurityContext field): set it in each container's securityContext."
    },
    remediation: "Set securityContext.readOnlyRootFilesystem: true on every container and mount emptyDir volumes on the paths the application writes (caches, PID files, /tmp). To change the software, build a new image and redeploy it.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/read-only-root-filesystem.md",
    peers: {
      "kube-linter": "no-read-only-root-fs",
      polaris: "notReadOnlyRootFilesystem",
      checkov: "CKV_K8S_22",
      trivy: "KSV-0014",
      "kube-score": "container-security-context-readonlyrootfilesystem"
    }
  },
  check(context) {
    const w = context.workload;
    if (!w || w.isWindows) return;
    const podLevel = w.podSpec.get("securityContext")?.get("readOnlyRootFilesystem");
    if (podLevel) context.report({ messageId: "podLevel", node: podLevel, key: true });
    for (const c of w.containers) {
      const field = c.securityContext?.get("readOnlyRootFilesystem");
      if (field?.value === true) continue;
      const missing = missingMounts(w, c);
      context.report({
        messageId: field ? "disabled" : "missing",
        data: { container: containerLabel(c), mounts: missing.explanation },
        node: field ?? c.securityContext ?? c.node,
        key: Boolean(field ?? c.securityContext),
        container: c,
        fix: (fixer) => [
          fixer.set(c.node, ["securityContext", "readOnlyRootFilesystem"], true),
          ...mountFixOps(fixer, w, c, missing)
        ]
      });
    }
  }
});

// policies/run-as-non-root.ts
var run_as_non_root_default = definePolicy({
  id: "run-as-non-root",
  meta: {
    description: "Containers run as a non-root user (runAsNonRoot: true or a non-zero runAsUser).",
    category: "hardening",
    defaultSeverity: "warning",
    fixable: false,
    messages: {
      missing: "{{container}} sets neither runAsNonRoot: true nor a non-zero runAsUser (nor does the pod): it runs as whatever user the image declares, often root, and root can change every file of the container.",
      missingAll: "Neither the pod-level securityContext nor {{containers}} sets runAsNonRoot: true or a non-zero runAsUser: the user the image declares applies, often root, and root can change every file of the container. Set it once in the pod-level securityContext.",
      rootUser: "{{container}} runs as root (runAsUser: 0): root can change every file of the container.",
      rootUserRefused: "{{container}} sets runAsUser: 0 while runAsNonRoot is true: the kubelet refuses to start it (CreateContainerConfigError). Use a non-zero runAsUser.",
      podRootUser: "The pod-level securityContext sets runAsUser: 0, inherited by {{containers}}: root can change every file of the container (where runAsNonRoot is true as well, the kubelet refuses to start the container instead).",
      rootAllowed: "{{container}} sets runAsNonRoot: false and no non-zero runAsUser: it may run as root.",
      podRootAllowed: "The pod-level securityContext sets runAsNonRoot: false, inherited by {{containers}} (no non-zero runAsUser): the user the image declares applies, often root.",
      suggestNonRoot: "Set runAsNonRoot: true: the kubelet then refuses to start a container whose image runs as root (the image must declare a numeric non-root USER).",
      suggestUser: "Set runAsUser: {{uid}}: run as that non-root UID whatever the image declares (the files the process needs must be readable by it)."
    },
    remediation: "Set securityContext.runAsNonRoot: true (in the pod-level securityContext to cover every container) and build images with a numeric non-root USER, or set a non-zero runAsUser.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/run-as-non-root.md",
    optionsSchema: {
      type: "object",
      properties: { suggestedUser: { type: "integer", minimum: 1, maximum: 2147483647 } },
      additionalProperties: false
    },
    defaultOptions: { suggestedUser: 10001 },
    peers: { "kube-linter": "run-as-non-root", polaris: "runAsRootAllowed", checkov: "CKV_K8S_23", trivy: "KSV-0012, KSV-0105" }
  },
  check(context) {
    const w = context.workload;
    if (!w || isWindowsPod(w) || w.containers.length === 0) return;
    const uid = context.options.suggestedUser ?? 10001;
    const failing = [];
    for (const c of w.containers) {
      const user = effectiveSecurityField(w, c, "runAsUser");
      const nonRoot = effectiveSecurityField(w, c, "runAsNonRoot");
      const id = typeof user?.value === "number" && Number.isInteger(user.value) && user.value >= 0 ? user.value : void 0;
      if (id === 0) failing.push({ messageId: nonRoot?.value === true ? "rootUserRefused" : "rootUser", decider: user, container: c });
      else if (id !== void 0) continue;
      else if (nonRoot?.value === true) continue;
      else if (nonRoot?.value === false) failing.push({ messageId: "rootAllowed", decider: nonRoot, container: c });
      else failing.push({ messageId: "missing", decider: void 0, container: c });
    }
    if (failing.length === 0) return;
    const names = (vs) => vs.map((v) => containerLabel(v.container)).join(", ");
    const suggestions = (target, nonRoot) => {
      const out = [];
      if (nonRoot) out.push({ messageId: "suggestNonRoot", fix: (fixer) => [fixer.set(target, ["securityContext", "runAsNonRoot"], true)] });
      out.push({ messageId: "suggestUser", data: { uid }, fix: (fixer) => [fixer.set(target, ["securityContext", "runAsUser"], uid)] });
      return out;
    };
    const missing = failing.filter((v) => v.messageId === "missing");
    if (missing.length === w.containers.length) {
      const sc = podSecurityContext(w);
      context.report({
        messageId: "missingAll",
        data: { containers: names(missing) },
        node: sc ?? w.podSpec,
        key: true,
        suggest: suggestions(w.podSpec, true)
      });
      return;
    }
    const fromPod = /* @__PURE__ */ new Map();
    for (const v of failing) {
      if (v.decider?.level !== "pod") continue;
      const at = v.decider.node.offsets.join(":");
      fromPod.set(at, [...fromPod.get(at) ?? [], v]);
    }
    for (const vs of fromPod.values()) {
      const node = vs[0].decider.node;
      const rootUser = vs[0].messageId !== "rootAllowed";
      context.report({
        messageId: rootUser ? "podRootUser" : "podRootAllowed",
        data: { containers: names(vs) },
        node,
        key: true,
        // runAsUser: 0 cannot be remedied by runAsNonRoot: true (the kubelet would refuse the pod).
        suggest: suggestions(w.podSpec, !rootUser)
      });
    }
    for (const v of failing) {
      if (v.decider?.level === "pod") continue;
      const c = v.container;
      const sc = c.securityContext;
      context.report({
        messageId: v.messageId,
        data: { container: containerLabel(c) },
        node: v.decider?.node ?? sc ?? c.node,
        key: Boolean(v.decider ?? sc),
        container: c,
        suggest: suggestions(c.node, v.messageId === "missing" || v.messageId === "rootAllowed")
      });
    }
  }
});

// policies/seccomp-runtime-default.ts
var seccomp_runtime_default_default = definePolicy({
  id: "seccomp-runtime-default",
  meta: {
    description: "Containers run with the RuntimeDefault (or a Localhost) seccomp profile.",
    category: "hardening",
    defaultSeverity: "warning",
    fixable: true,
    messages: {
      missing: "No seccomp profile is set for {{containers}}: without securityContext.seccompProfile (pod-level or per container) the container runtime runs Unconfined, with every system call allowed. Set seccompProfile.type: RuntimeDefault in the pod-level securityContext.",
      unconfined: "{{container}} sets seccompProfile type Unconfined: every system call is allowed. Use RuntimeDefault (or a Localhost profile).",
      podUnconfined: "The pod-level securityContext sets seccompProfile type Unconfined, inherited by {{containers}}: every system call is allowed. Use RuntimeDefault (or a Localhost profile).",
      badType: "{{container}} sets seccompProfile type {{type}}: only RuntimeDefault, Localhost and Unconfined exist, and the restricted Pod Security Standard allows RuntimeDefault or Localhost.",
      podBadType: "The pod-level securityContext sets seccompProfile type {{type}}, inherited by {{containers}}: only RuntimeDefault, Localhost and Unconfined exist, and the restricted Pod Security Standard allows RuntimeDefault or Localhost.",
      localhostWithoutProfile: "{{container}} sets seccompProfile type Localhost without localhostProfile: the API server rejects it. Name the profile file (relative to the kubelet's seccomp directory).",
      podLocalhostWithoutProfile: "The pod-level securityContext sets seccompProfile type Localhost without localhostProfile: the API server rejects it. Name the profile file (relative to the kubelet's seccomp directory).",
      deprecatedAnnotation: "The annotation {{key}} is deprecated (since Kubernetes 1.19; since 1.25 the API server only copies it into the field when it creates a pod): set the equivalent securityContext.seccompProfile (type {{type}}) and remove the annotation.",
      unconfinedAnnotation: "The deprecated annotation {{key}} sets seccomp unconfined: every system call is allowed. Remove it and set securityContext.seccompProfile.type: RuntimeDefault.",
      badAnnotation: "The deprecated annotation {{key}} has the value {{value}}, which is no seccomp profile (runtime/default, docker/default, localhost/<file>, unconfined). Remove it and set securityContext.seccompProfile.type: RuntimeDefault.",
      suggestRuntimeDefault: "Set seccompProfile.type: RuntimeDefault (the container runtime's default profile).",
      suggestField: "Set securityContext.seccompProfile to what the annotation says (then remove the annotation by hand).",
      suggestReplaceAnnotation: "Set securityContext.seccompProfile.type: RuntimeDefault, and remove the annotation by hand: the API server rejects a field that disagrees with it."
    },
    remediation: "Set securityContext.seccompProfile.type: RuntimeDefault in the pod-level securityContext (containers inherit it), or a Localhost profile where the default one is too strict; do not use the deprecated seccomp annotations.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/seccomp-runtime-default.md",
    peers: { checkov: "CKV_K8S_31", trivy: "KSV-0030, KSV-0104", "kube-score": "container-seccomp-profile" }
  },
  check(context) {
    const w = context.workload;
    if (!w || isWindowsPod(w) || w.containers.length === 0) return;
    const runtimeDefault = (target, messageId = "suggestRuntimeDefault") => [
      { messageId, fix: (fixer) => [fixer.set(target, ["securityContext", "seccompProfile", "type"], "RuntimeDefault")] }
    ];
    for (const a of seccompAnnotations(w)) {
      const profile = seccompAnnotationProfile(a.node.value);
      const target = a.container === void 0 ? w.podSpec : w.containers.find((c) => c.name === a.container)?.node;
      const base = { node: a.node, key: true, detail: a.key };
      if (profile.type === "Unconfined") {
        context.report({ ...base, messageId: "unconfinedAnnotation", data: { key: a.key }, suggest: target ? runtimeDefault(target, "suggestReplaceAnnotation") : void 0 });
      } else if (profile.type === void 0) {
        context.report({ ...base, messageId: "badAnnotation", data: { key: a.key, value: JSON.stringify(a.node.value) } });
      } else {
        const value = { type: profile.type };
        if (profile.localhostProfile) value.localhostProfile = profile.localhostProfile;
        const fieldSet = target?.get("securityContext")?.get("seccompProfile");
        const suggest = target && !fieldSet ? [{ messageId: "suggestField", fix: (fixer) => [fixer.set(target, ["securityContext", "seccompProfile"], value)] }] : void 0;
        context.report({ ...base, messageId: "deprecatedAnnotation", data: { key: a.key, type: profile.type }, suggest });
      }
    }
    const missing = [];
    const fromPod = /* @__PURE__ */ new Map();
    for (const c of w.containers) {
      const profile = effectiveSeccomp(w, c);
      if (!profile) {
        missing.push(c);
        continue;
      }
      if (profile.source === "containerAnnotation" || profile.source === "podAnnotation") continue;
      if (profile.type === "RuntimeDefault" || profile.type === "Localhost" && profile.localhostProfile) continue;
      if (profile.source === "pod") {
        const at = profile.node.offsets.join(":");
        const group = fromPod.get(at) ?? { profile, containers: [] };
        group.containers.push(c);
        fromPod.set(at, group);
        continue;
      }
      const typeNode = profile.node.get("type");
      const label = containerLabel(c);
      context.report({
        messageId: profile.type === "Unconfined" ? "unconfined" : profile.type === "Localhost" ? "localhostWithoutProfile" : "badType",
        data: { container: label, type: JSON.stringify(profile.type ?? null) },
        node: typeNode ?? profile.node,
        key: true,
        container: c,
        suggest: profile.type === "Localhost" ? void 0 : runtimeDefault(c.node)
      });
    }
    for (const { profile, containers } of fromPod.values()) {
      const names = containers.map(containerLabel).join(", ");
      context.report({
        messageId: profile.type === "Unconfined" ? "podUnconfined" : profile.type === "Localhost" ? "podLocalhostWithoutProfile" : "podBadType",
        data: { containers: names, type: JSON.stringify(profile.type ?? null) },
        node: profile.node.get("type") ?? profile.node,
        key: true,
        suggest: profile.type === "Localhost" ? void 0 : runtimeDefault(w.podSpec)
      });
    }
    if (missing.length > 0) {
      const sc = w.podSpec.get("securityContext");
      const fixable = !sc || sc.isNull || sc.kind === "map";
      context.report({
        messageId: "missing",
        data: { containers: missing.map(containerLabel).join(", ") },
        node: podSecurityContext(w) ?? w.podSpec,
        key: true,
        fix: fixable ? (fixer) => [fixer.set(w.podSpec, ["securityContext", "seccompProfile", "type"], "RuntimeDefault")] : void 0
      });
    }
  }
});

// src/k8s/schema-validate.ts
var import_ajv = __toESM(require_ajv(), 1);

// src/k8s/schema/k8s-schema.json
var k8s_schema_default = {
  $comment: "Generated by scripts/gen-k8s-schema.mjs from @kubernetes/client-node models. Do not edit.",
  $schema: "http://json-schema.org/draft-07/schema#",
  definitions: {
    CoreV1ResourceClaim: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        request: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "name"
      ],
      title: "ResourceClaim",
      type: "object"
    },
    RbacV1Subject: {
      additionalProperties: false,
      properties: {
        apiGroup: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: "string"
        },
        name: {
          type: "string"
        },
        namespace: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "kind",
        "name"
      ],
      title: "Subject",
      type: "object"
    },
    V1AWSElasticBlockStoreVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        partition: {
          type: [
            "integer",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        volumeID: {
          type: "string"
        }
      },
      required: [
        "volumeID"
      ],
      title: "AWSElasticBlockStoreVolumeSource",
      type: "object"
    },
    V1Affinity: {
      additionalProperties: false,
      properties: {
        nodeAffinity: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1NodeAffinity"
            }
          ]
        },
        podAffinity: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodAffinity"
            }
          ]
        },
        podAntiAffinity: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodAntiAffinity"
            }
          ]
        }
      },
      title: "Affinity",
      type: "object"
    },
    V1AggregationRule: {
      additionalProperties: false,
      properties: {
        clusterRoleSelectors: {
          items: {
            $ref: "#/definitions/V1LabelSelector"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "AggregationRule",
      type: "object"
    },
    V1AppArmorProfile: {
      additionalProperties: false,
      properties: {
        localhostProfile: {
          type: [
            "string",
            "null"
          ]
        },
        type: {
          type: "string"
        }
      },
      required: [
        "type"
      ],
      title: "AppArmorProfile",
      type: "object"
    },
    V1AzureDiskVolumeSource: {
      additionalProperties: false,
      properties: {
        cachingMode: {
          type: [
            "string",
            "null"
          ]
        },
        diskName: {
          type: "string"
        },
        diskURI: {
          type: "string"
        },
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "diskName",
        "diskURI"
      ],
      title: "AzureDiskVolumeSource",
      type: "object"
    },
    V1AzureFileVolumeSource: {
      additionalProperties: false,
      properties: {
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretName: {
          type: "string"
        },
        shareName: {
          type: "string"
        }
      },
      required: [
        "secretName",
        "shareName"
      ],
      title: "AzureFileVolumeSource",
      type: "object"
    },
    V1CSIVolumeSource: {
      additionalProperties: false,
      properties: {
        driver: {
          type: "string"
        },
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        nodePublishSecretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        volumeAttributes: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        }
      },
      required: [
        "driver"
      ],
      title: "CSIVolumeSource",
      type: "object"
    },
    V1Capabilities: {
      additionalProperties: false,
      properties: {
        add: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        drop: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "Capabilities",
      type: "object"
    },
    V1CephFSVolumeSource: {
      additionalProperties: false,
      properties: {
        monitors: {
          items: {
            type: "string"
          },
          type: "array"
        },
        path: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretFile: {
          type: [
            "string",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        user: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "monitors"
      ],
      title: "CephFSVolumeSource",
      type: "object"
    },
    V1CinderVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        volumeID: {
          type: "string"
        }
      },
      required: [
        "volumeID"
      ],
      title: "CinderVolumeSource",
      type: "object"
    },
    V1ClientIPConfig: {
      additionalProperties: false,
      properties: {
        timeoutSeconds: {
          type: [
            "integer",
            "null"
          ]
        }
      },
      title: "ClientIPConfig",
      type: "object"
    },
    V1ClusterRole: {
      additionalProperties: false,
      properties: {
        aggregationRule: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AggregationRule"
            }
          ]
        },
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        rules: {
          items: {
            $ref: "#/definitions/V1PolicyRule"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "ClusterRole",
      type: "object"
    },
    V1ClusterRoleBinding: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        roleRef: {
          $ref: "#/definitions/V1RoleRef"
        },
        subjects: {
          items: {
            $ref: "#/definitions/RbacV1Subject"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "roleRef"
      ],
      title: "ClusterRoleBinding",
      type: "object"
    },
    V1ClusterTrustBundleProjection: {
      additionalProperties: false,
      properties: {
        labelSelector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        },
        path: {
          type: "string"
        },
        signerName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "path"
      ],
      title: "ClusterTrustBundleProjection",
      type: "object"
    },
    V1ConfigMap: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        binaryData: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        data: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        immutable: {
          type: [
            "boolean",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        }
      },
      title: "ConfigMap",
      type: "object"
    },
    V1ConfigMapEnvSource: {
      additionalProperties: false,
      properties: {
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      title: "ConfigMapEnvSource",
      type: "object"
    },
    V1ConfigMapKeySelector: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "key"
      ],
      title: "ConfigMapKeySelector",
      type: "object"
    },
    V1ConfigMapProjection: {
      additionalProperties: false,
      properties: {
        items: {
          items: {
            $ref: "#/definitions/V1KeyToPath"
          },
          type: [
            "array",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      title: "ConfigMapProjection",
      type: "object"
    },
    V1ConfigMapVolumeSource: {
      additionalProperties: false,
      properties: {
        defaultMode: {
          type: [
            "integer",
            "null"
          ]
        },
        items: {
          items: {
            $ref: "#/definitions/V1KeyToPath"
          },
          type: [
            "array",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      title: "ConfigMapVolumeSource",
      type: "object"
    },
    V1Container: {
      additionalProperties: false,
      properties: {
        args: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        command: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        env: {
          items: {
            $ref: "#/definitions/V1EnvVar"
          },
          type: [
            "array",
            "null"
          ]
        },
        envFrom: {
          items: {
            $ref: "#/definitions/V1EnvFromSource"
          },
          type: [
            "array",
            "null"
          ]
        },
        image: {
          type: [
            "string",
            "null"
          ]
        },
        imagePullPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        lifecycle: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Lifecycle"
            }
          ]
        },
        livenessProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        name: {
          type: "string"
        },
        ports: {
          items: {
            $ref: "#/definitions/V1ContainerPort"
          },
          type: [
            "array",
            "null"
          ]
        },
        readinessProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        resizePolicy: {
          items: {
            $ref: "#/definitions/V1ContainerResizePolicy"
          },
          type: [
            "array",
            "null"
          ]
        },
        resources: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ResourceRequirements"
            }
          ]
        },
        restartPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        restartPolicyRules: {
          items: {
            $ref: "#/definitions/V1ContainerRestartRule"
          },
          type: [
            "array",
            "null"
          ]
        },
        securityContext: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecurityContext"
            }
          ]
        },
        startupProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        stdin: {
          type: [
            "boolean",
            "null"
          ]
        },
        stdinOnce: {
          type: [
            "boolean",
            "null"
          ]
        },
        terminationMessagePath: {
          type: [
            "string",
            "null"
          ]
        },
        terminationMessagePolicy: {
          type: [
            "string",
            "null"
          ]
        },
        tty: {
          type: [
            "boolean",
            "null"
          ]
        },
        volumeDevices: {
          items: {
            $ref: "#/definitions/V1VolumeDevice"
          },
          type: [
            "array",
            "null"
          ]
        },
        volumeMounts: {
          items: {
            $ref: "#/definitions/V1VolumeMount"
          },
          type: [
            "array",
            "null"
          ]
        },
        workingDir: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "name"
      ],
      title: "Container",
      type: "object"
    },
    V1ContainerPort: {
      additionalProperties: false,
      properties: {
        containerPort: {
          type: "integer"
        },
        hostIP: {
          type: [
            "string",
            "null"
          ]
        },
        hostPort: {
          type: [
            "integer",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        protocol: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "containerPort"
      ],
      title: "ContainerPort",
      type: "object"
    },
    V1ContainerResizePolicy: {
      additionalProperties: false,
      properties: {
        resourceName: {
          type: "string"
        },
        restartPolicy: {
          type: "string"
        }
      },
      required: [
        "resourceName",
        "restartPolicy"
      ],
      title: "ContainerResizePolicy",
      type: "object"
    },
    V1ContainerRestartRule: {
      additionalProperties: false,
      properties: {
        action: {
          type: "string"
        },
        exitCodes: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ContainerRestartRuleOnExitCodes"
            }
          ]
        }
      },
      required: [
        "action"
      ],
      title: "ContainerRestartRule",
      type: "object"
    },
    V1ContainerRestartRuleOnExitCodes: {
      additionalProperties: false,
      properties: {
        operator: {
          type: "string"
        },
        values: {
          items: {
            type: "number"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "operator"
      ],
      title: "ContainerRestartRuleOnExitCodes",
      type: "object"
    },
    V1CronJob: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          $ref: "#/definitions/V1CronJobSpec"
        },
        status: {}
      },
      required: [
        "spec"
      ],
      title: "CronJob",
      type: "object"
    },
    V1CronJobSpec: {
      additionalProperties: false,
      properties: {
        concurrencyPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        failedJobsHistoryLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        jobTemplate: {
          $ref: "#/definitions/V1JobTemplateSpec"
        },
        schedule: {
          type: "string"
        },
        startingDeadlineSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        successfulJobsHistoryLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        suspend: {
          type: [
            "boolean",
            "null"
          ]
        },
        timeZone: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "jobTemplate",
        "schedule"
      ],
      title: "CronJobSpec",
      type: "object"
    },
    V1DaemonSet: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DaemonSetSpec"
            }
          ]
        },
        status: {}
      },
      title: "DaemonSet",
      type: "object"
    },
    V1DaemonSetSpec: {
      additionalProperties: false,
      properties: {
        minReadySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        revisionHistoryLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        selector: {
          $ref: "#/definitions/V1LabelSelector"
        },
        template: {
          $ref: "#/definitions/V1PodTemplateSpec"
        },
        updateStrategy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DaemonSetUpdateStrategy"
            }
          ]
        }
      },
      required: [
        "selector",
        "template"
      ],
      title: "DaemonSetSpec",
      type: "object"
    },
    V1DaemonSetUpdateStrategy: {
      additionalProperties: false,
      properties: {
        rollingUpdate: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1RollingUpdateDaemonSet"
            }
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "DaemonSetUpdateStrategy",
      type: "object"
    },
    V1Deployment: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DeploymentSpec"
            }
          ]
        },
        status: {}
      },
      title: "Deployment",
      type: "object"
    },
    V1DeploymentSpec: {
      additionalProperties: false,
      properties: {
        minReadySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        paused: {
          type: [
            "boolean",
            "null"
          ]
        },
        progressDeadlineSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        replicas: {
          type: [
            "integer",
            "null"
          ]
        },
        revisionHistoryLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        selector: {
          $ref: "#/definitions/V1LabelSelector"
        },
        strategy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DeploymentStrategy"
            }
          ]
        },
        template: {
          $ref: "#/definitions/V1PodTemplateSpec"
        }
      },
      required: [
        "selector",
        "template"
      ],
      title: "DeploymentSpec",
      type: "object"
    },
    V1DeploymentStrategy: {
      additionalProperties: false,
      properties: {
        rollingUpdate: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1RollingUpdateDeployment"
            }
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "DeploymentStrategy",
      type: "object"
    },
    V1DownwardAPIProjection: {
      additionalProperties: false,
      properties: {
        items: {
          items: {
            $ref: "#/definitions/V1DownwardAPIVolumeFile"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "DownwardAPIProjection",
      type: "object"
    },
    V1DownwardAPIVolumeFile: {
      additionalProperties: false,
      properties: {
        fieldRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectFieldSelector"
            }
          ]
        },
        mode: {
          type: [
            "integer",
            "null"
          ]
        },
        path: {
          type: "string"
        },
        resourceFieldRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ResourceFieldSelector"
            }
          ]
        }
      },
      required: [
        "path"
      ],
      title: "DownwardAPIVolumeFile",
      type: "object"
    },
    V1DownwardAPIVolumeSource: {
      additionalProperties: false,
      properties: {
        defaultMode: {
          type: [
            "integer",
            "null"
          ]
        },
        items: {
          items: {
            $ref: "#/definitions/V1DownwardAPIVolumeFile"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "DownwardAPIVolumeSource",
      type: "object"
    },
    V1EmptyDirVolumeSource: {
      additionalProperties: false,
      properties: {
        medium: {
          type: [
            "string",
            "null"
          ]
        },
        sizeLimit: {
          type: [
            "string",
            "number",
            "null"
          ]
        }
      },
      title: "EmptyDirVolumeSource",
      type: "object"
    },
    V1EnvFromSource: {
      additionalProperties: false,
      properties: {
        configMapRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ConfigMapEnvSource"
            }
          ]
        },
        prefix: {
          type: [
            "string",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecretEnvSource"
            }
          ]
        }
      },
      title: "EnvFromSource",
      type: "object"
    },
    V1EnvVar: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        value: {
          type: [
            "string",
            "null"
          ]
        },
        valueFrom: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1EnvVarSource"
            }
          ]
        }
      },
      required: [
        "name"
      ],
      title: "EnvVar",
      type: "object"
    },
    V1EnvVarSource: {
      additionalProperties: false,
      properties: {
        configMapKeyRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ConfigMapKeySelector"
            }
          ]
        },
        fieldRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectFieldSelector"
            }
          ]
        },
        fileKeyRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1FileKeySelector"
            }
          ]
        },
        resourceFieldRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ResourceFieldSelector"
            }
          ]
        },
        secretKeyRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecretKeySelector"
            }
          ]
        }
      },
      title: "EnvVarSource",
      type: "object"
    },
    V1EphemeralContainer: {
      additionalProperties: false,
      properties: {
        args: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        command: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        env: {
          items: {
            $ref: "#/definitions/V1EnvVar"
          },
          type: [
            "array",
            "null"
          ]
        },
        envFrom: {
          items: {
            $ref: "#/definitions/V1EnvFromSource"
          },
          type: [
            "array",
            "null"
          ]
        },
        image: {
          type: [
            "string",
            "null"
          ]
        },
        imagePullPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        lifecycle: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Lifecycle"
            }
          ]
        },
        livenessProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        name: {
          type: "string"
        },
        ports: {
          items: {
            $ref: "#/definitions/V1ContainerPort"
          },
          type: [
            "array",
            "null"
          ]
        },
        readinessProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        resizePolicy: {
          items: {
            $ref: "#/definitions/V1ContainerResizePolicy"
          },
          type: [
            "array",
            "null"
          ]
        },
        resources: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ResourceRequirements"
            }
          ]
        },
        restartPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        restartPolicyRules: {
          items: {
            $ref: "#/definitions/V1ContainerRestartRule"
          },
          type: [
            "array",
            "null"
          ]
        },
        securityContext: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecurityContext"
            }
          ]
        },
        startupProbe: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Probe"
            }
          ]
        },
        stdin: {
          type: [
            "boolean",
            "null"
          ]
        },
        stdinOnce: {
          type: [
            "boolean",
            "null"
          ]
        },
        targetContainerName: {
          type: [
            "string",
            "null"
          ]
        },
        terminationMessagePath: {
          type: [
            "string",
            "null"
          ]
        },
        terminationMessagePolicy: {
          type: [
            "string",
            "null"
          ]
        },
        tty: {
          type: [
            "boolean",
            "null"
          ]
        },
        volumeDevices: {
          items: {
            $ref: "#/definitions/V1VolumeDevice"
          },
          type: [
            "array",
            "null"
          ]
        },
        volumeMounts: {
          items: {
            $ref: "#/definitions/V1VolumeMount"
          },
          type: [
            "array",
            "null"
          ]
        },
        workingDir: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "name"
      ],
      title: "EphemeralContainer",
      type: "object"
    },
    V1EphemeralVolumeSource: {
      additionalProperties: false,
      properties: {
        volumeClaimTemplate: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PersistentVolumeClaimTemplate"
            }
          ]
        }
      },
      title: "EphemeralVolumeSource",
      type: "object"
    },
    V1ExecAction: {
      additionalProperties: false,
      properties: {
        command: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "ExecAction",
      type: "object"
    },
    V1FCVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        lun: {
          type: [
            "integer",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        targetWWNs: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        wwids: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "FCVolumeSource",
      type: "object"
    },
    V1FileKeySelector: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        },
        path: {
          type: "string"
        },
        volumeName: {
          type: "string"
        }
      },
      required: [
        "key",
        "path",
        "volumeName"
      ],
      title: "FileKeySelector",
      type: "object"
    },
    V1FlexVolumeSource: {
      additionalProperties: false,
      properties: {
        driver: {
          type: "string"
        },
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        options: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        }
      },
      required: [
        "driver"
      ],
      title: "FlexVolumeSource",
      type: "object"
    },
    V1FlockerVolumeSource: {
      additionalProperties: false,
      properties: {
        datasetName: {
          type: [
            "string",
            "null"
          ]
        },
        datasetUUID: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "FlockerVolumeSource",
      type: "object"
    },
    V1GCEPersistentDiskVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        partition: {
          type: [
            "integer",
            "null"
          ]
        },
        pdName: {
          type: "string"
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "pdName"
      ],
      title: "GCEPersistentDiskVolumeSource",
      type: "object"
    },
    V1GRPCAction: {
      additionalProperties: false,
      properties: {
        port: {
          type: "integer"
        },
        service: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "port"
      ],
      title: "GRPCAction",
      type: "object"
    },
    V1GitRepoVolumeSource: {
      additionalProperties: false,
      properties: {
        directory: {
          type: [
            "string",
            "null"
          ]
        },
        repository: {
          type: "string"
        },
        revision: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "repository"
      ],
      title: "GitRepoVolumeSource",
      type: "object"
    },
    V1GlusterfsVolumeSource: {
      additionalProperties: false,
      properties: {
        endpoints: {
          type: "string"
        },
        path: {
          type: "string"
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "endpoints",
        "path"
      ],
      title: "GlusterfsVolumeSource",
      type: "object"
    },
    V1HTTPGetAction: {
      additionalProperties: false,
      properties: {
        host: {
          type: [
            "string",
            "null"
          ]
        },
        httpHeaders: {
          items: {
            $ref: "#/definitions/V1HTTPHeader"
          },
          type: [
            "array",
            "null"
          ]
        },
        path: {
          type: [
            "string",
            "null"
          ]
        },
        port: {
          type: [
            "integer",
            "string"
          ]
        },
        scheme: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "port"
      ],
      title: "HTTPGetAction",
      type: "object"
    },
    V1HTTPHeader: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        value: {
          type: "string"
        }
      },
      required: [
        "name",
        "value"
      ],
      title: "HTTPHeader",
      type: "object"
    },
    V1HostAlias: {
      additionalProperties: false,
      properties: {
        hostnames: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        ip: {
          type: "string"
        }
      },
      required: [
        "ip"
      ],
      title: "HostAlias",
      type: "object"
    },
    V1HostPathVolumeSource: {
      additionalProperties: false,
      properties: {
        path: {
          type: "string"
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "path"
      ],
      title: "HostPathVolumeSource",
      type: "object"
    },
    V1ISCSIVolumeSource: {
      additionalProperties: false,
      properties: {
        chapAuthDiscovery: {
          type: [
            "boolean",
            "null"
          ]
        },
        chapAuthSession: {
          type: [
            "boolean",
            "null"
          ]
        },
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        initiatorName: {
          type: [
            "string",
            "null"
          ]
        },
        iqn: {
          type: "string"
        },
        iscsiInterface: {
          type: [
            "string",
            "null"
          ]
        },
        lun: {
          type: "integer"
        },
        portals: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        targetPortal: {
          type: "string"
        }
      },
      required: [
        "iqn",
        "lun",
        "targetPortal"
      ],
      title: "ISCSIVolumeSource",
      type: "object"
    },
    V1ImageVolumeSource: {
      additionalProperties: false,
      properties: {
        pullPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        reference: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "ImageVolumeSource",
      type: "object"
    },
    V1Job: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1JobSpec"
            }
          ]
        },
        status: {}
      },
      title: "Job",
      type: "object"
    },
    V1JobSpec: {
      additionalProperties: false,
      properties: {
        activeDeadlineSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        backoffLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        backoffLimitPerIndex: {
          type: [
            "integer",
            "null"
          ]
        },
        completionMode: {
          type: [
            "string",
            "null"
          ]
        },
        completions: {
          type: [
            "integer",
            "null"
          ]
        },
        managedBy: {
          type: [
            "string",
            "null"
          ]
        },
        manualSelector: {
          type: [
            "boolean",
            "null"
          ]
        },
        maxFailedIndexes: {
          type: [
            "integer",
            "null"
          ]
        },
        parallelism: {
          type: [
            "integer",
            "null"
          ]
        },
        podFailurePolicy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodFailurePolicy"
            }
          ]
        },
        podReplacementPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        selector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        successPolicy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SuccessPolicy"
            }
          ]
        },
        suspend: {
          type: [
            "boolean",
            "null"
          ]
        },
        template: {
          $ref: "#/definitions/V1PodTemplateSpec"
        },
        ttlSecondsAfterFinished: {
          type: [
            "integer",
            "null"
          ]
        }
      },
      required: [
        "template"
      ],
      title: "JobSpec",
      type: "object"
    },
    V1JobTemplateSpec: {
      additionalProperties: false,
      properties: {
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1JobSpec"
            }
          ]
        }
      },
      title: "JobTemplateSpec",
      type: "object"
    },
    V1KeyToPath: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        mode: {
          type: [
            "integer",
            "null"
          ]
        },
        path: {
          type: "string"
        }
      },
      required: [
        "key",
        "path"
      ],
      title: "KeyToPath",
      type: "object"
    },
    V1LabelSelector: {
      additionalProperties: false,
      properties: {
        matchExpressions: {
          items: {
            $ref: "#/definitions/V1LabelSelectorRequirement"
          },
          type: [
            "array",
            "null"
          ]
        },
        matchLabels: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        }
      },
      title: "LabelSelector",
      type: "object"
    },
    V1LabelSelectorRequirement: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        operator: {
          type: "string"
        },
        values: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "key",
        "operator"
      ],
      title: "LabelSelectorRequirement",
      type: "object"
    },
    V1Lifecycle: {
      additionalProperties: false,
      properties: {
        postStart: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LifecycleHandler"
            }
          ]
        },
        preStop: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LifecycleHandler"
            }
          ]
        },
        stopSignal: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "Lifecycle",
      type: "object"
    },
    V1LifecycleHandler: {
      additionalProperties: false,
      properties: {
        exec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ExecAction"
            }
          ]
        },
        httpGet: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1HTTPGetAction"
            }
          ]
        },
        sleep: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SleepAction"
            }
          ]
        },
        tcpSocket: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1TCPSocketAction"
            }
          ]
        }
      },
      title: "LifecycleHandler",
      type: "object"
    },
    V1LocalObjectReference: {
      additionalProperties: false,
      properties: {
        name: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "LocalObjectReference",
      type: "object"
    },
    V1ManagedFieldsEntry: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        fieldsType: {
          type: [
            "string",
            "null"
          ]
        },
        fieldsV1: {},
        manager: {
          type: [
            "string",
            "null"
          ]
        },
        operation: {
          type: [
            "string",
            "null"
          ]
        },
        subresource: {
          type: [
            "string",
            "null"
          ]
        },
        time: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "ManagedFieldsEntry",
      type: "object"
    },
    V1NFSVolumeSource: {
      additionalProperties: false,
      properties: {
        path: {
          type: "string"
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        server: {
          type: "string"
        }
      },
      required: [
        "path",
        "server"
      ],
      title: "NFSVolumeSource",
      type: "object"
    },
    V1NodeAffinity: {
      additionalProperties: false,
      properties: {
        preferredDuringSchedulingIgnoredDuringExecution: {
          items: {
            $ref: "#/definitions/V1PreferredSchedulingTerm"
          },
          type: [
            "array",
            "null"
          ]
        },
        requiredDuringSchedulingIgnoredDuringExecution: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1NodeSelector"
            }
          ]
        }
      },
      title: "NodeAffinity",
      type: "object"
    },
    V1NodeSelector: {
      additionalProperties: false,
      properties: {
        nodeSelectorTerms: {
          items: {
            $ref: "#/definitions/V1NodeSelectorTerm"
          },
          type: "array"
        }
      },
      required: [
        "nodeSelectorTerms"
      ],
      title: "NodeSelector",
      type: "object"
    },
    V1NodeSelectorRequirement: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        operator: {
          type: "string"
        },
        values: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "key",
        "operator"
      ],
      title: "NodeSelectorRequirement",
      type: "object"
    },
    V1NodeSelectorTerm: {
      additionalProperties: false,
      properties: {
        matchExpressions: {
          items: {
            $ref: "#/definitions/V1NodeSelectorRequirement"
          },
          type: [
            "array",
            "null"
          ]
        },
        matchFields: {
          items: {
            $ref: "#/definitions/V1NodeSelectorRequirement"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "NodeSelectorTerm",
      type: "object"
    },
    V1ObjectFieldSelector: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        fieldPath: {
          type: "string"
        }
      },
      required: [
        "fieldPath"
      ],
      title: "ObjectFieldSelector",
      type: "object"
    },
    V1ObjectMeta: {
      additionalProperties: false,
      properties: {
        annotations: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        creationTimestamp: {
          type: [
            "string",
            "null"
          ]
        },
        deletionGracePeriodSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        deletionTimestamp: {
          type: [
            "string",
            "null"
          ]
        },
        finalizers: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        generateName: {
          type: [
            "string",
            "null"
          ]
        },
        generation: {
          type: [
            "integer",
            "null"
          ]
        },
        labels: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        managedFields: {
          items: {
            $ref: "#/definitions/V1ManagedFieldsEntry"
          },
          type: [
            "array",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        namespace: {
          type: [
            "string",
            "null"
          ]
        },
        ownerReferences: {
          items: {
            $ref: "#/definitions/V1OwnerReference"
          },
          type: [
            "array",
            "null"
          ]
        },
        resourceVersion: {
          type: [
            "string",
            "null"
          ]
        },
        selfLink: {
          type: [
            "string",
            "null"
          ]
        },
        uid: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "ObjectMeta",
      type: "object"
    },
    V1ObjectReference: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        fieldPath: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        namespace: {
          type: [
            "string",
            "null"
          ]
        },
        resourceVersion: {
          type: [
            "string",
            "null"
          ]
        },
        uid: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "ObjectReference",
      type: "object"
    },
    V1OwnerReference: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: "string"
        },
        blockOwnerDeletion: {
          type: [
            "boolean",
            "null"
          ]
        },
        controller: {
          type: [
            "boolean",
            "null"
          ]
        },
        kind: {
          type: "string"
        },
        name: {
          type: "string"
        },
        uid: {
          type: "string"
        }
      },
      required: [
        "apiVersion",
        "kind",
        "name",
        "uid"
      ],
      title: "OwnerReference",
      type: "object"
    },
    V1PersistentVolumeClaim: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PersistentVolumeClaimSpec"
            }
          ]
        },
        status: {}
      },
      title: "PersistentVolumeClaim",
      type: "object"
    },
    V1PersistentVolumeClaimSpec: {
      additionalProperties: false,
      properties: {
        accessModes: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        dataSource: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1TypedLocalObjectReference"
            }
          ]
        },
        dataSourceRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1TypedObjectReference"
            }
          ]
        },
        resources: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1VolumeResourceRequirements"
            }
          ]
        },
        selector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        storageClassName: {
          type: [
            "string",
            "null"
          ]
        },
        volumeAttributesClassName: {
          type: [
            "string",
            "null"
          ]
        },
        volumeMode: {
          type: [
            "string",
            "null"
          ]
        },
        volumeName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "PersistentVolumeClaimSpec",
      type: "object"
    },
    V1PersistentVolumeClaimTemplate: {
      additionalProperties: false,
      properties: {
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          $ref: "#/definitions/V1PersistentVolumeClaimSpec"
        }
      },
      required: [
        "spec"
      ],
      title: "PersistentVolumeClaimTemplate",
      type: "object"
    },
    V1PersistentVolumeClaimVolumeSource: {
      additionalProperties: false,
      properties: {
        claimName: {
          type: "string"
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "claimName"
      ],
      title: "PersistentVolumeClaimVolumeSource",
      type: "object"
    },
    V1PhotonPersistentDiskVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        pdID: {
          type: "string"
        }
      },
      required: [
        "pdID"
      ],
      title: "PhotonPersistentDiskVolumeSource",
      type: "object"
    },
    V1Pod: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodSpec"
            }
          ]
        },
        status: {}
      },
      title: "Pod",
      type: "object"
    },
    V1PodAffinity: {
      additionalProperties: false,
      properties: {
        preferredDuringSchedulingIgnoredDuringExecution: {
          items: {
            $ref: "#/definitions/V1WeightedPodAffinityTerm"
          },
          type: [
            "array",
            "null"
          ]
        },
        requiredDuringSchedulingIgnoredDuringExecution: {
          items: {
            $ref: "#/definitions/V1PodAffinityTerm"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "PodAffinity",
      type: "object"
    },
    V1PodAffinityTerm: {
      additionalProperties: false,
      properties: {
        labelSelector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        matchLabelKeys: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        mismatchLabelKeys: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        namespaceSelector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        namespaces: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        topologyKey: {
          type: "string"
        }
      },
      required: [
        "topologyKey"
      ],
      title: "PodAffinityTerm",
      type: "object"
    },
    V1PodAntiAffinity: {
      additionalProperties: false,
      properties: {
        preferredDuringSchedulingIgnoredDuringExecution: {
          items: {
            $ref: "#/definitions/V1WeightedPodAffinityTerm"
          },
          type: [
            "array",
            "null"
          ]
        },
        requiredDuringSchedulingIgnoredDuringExecution: {
          items: {
            $ref: "#/definitions/V1PodAffinityTerm"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "PodAntiAffinity",
      type: "object"
    },
    V1PodCertificateProjection: {
      additionalProperties: false,
      properties: {
        certificateChainPath: {
          type: [
            "string",
            "null"
          ]
        },
        credentialBundlePath: {
          type: [
            "string",
            "null"
          ]
        },
        keyPath: {
          type: [
            "string",
            "null"
          ]
        },
        keyType: {
          type: "string"
        },
        maxExpirationSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        signerName: {
          type: "string"
        },
        userAnnotations: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        }
      },
      required: [
        "keyType",
        "signerName"
      ],
      title: "PodCertificateProjection",
      type: "object"
    },
    V1PodDNSConfig: {
      additionalProperties: false,
      properties: {
        nameservers: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        options: {
          items: {
            $ref: "#/definitions/V1PodDNSConfigOption"
          },
          type: [
            "array",
            "null"
          ]
        },
        searches: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "PodDNSConfig",
      type: "object"
    },
    V1PodDNSConfigOption: {
      additionalProperties: false,
      properties: {
        name: {
          type: [
            "string",
            "null"
          ]
        },
        value: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "PodDNSConfigOption",
      type: "object"
    },
    V1PodFailurePolicy: {
      additionalProperties: false,
      properties: {
        rules: {
          items: {
            $ref: "#/definitions/V1PodFailurePolicyRule"
          },
          type: "array"
        }
      },
      required: [
        "rules"
      ],
      title: "PodFailurePolicy",
      type: "object"
    },
    V1PodFailurePolicyOnExitCodesRequirement: {
      additionalProperties: false,
      properties: {
        containerName: {
          type: [
            "string",
            "null"
          ]
        },
        operator: {
          type: "string"
        },
        values: {
          items: {
            type: "number"
          },
          type: "array"
        }
      },
      required: [
        "operator",
        "values"
      ],
      title: "PodFailurePolicyOnExitCodesRequirement",
      type: "object"
    },
    V1PodFailurePolicyOnPodConditionsPattern: {
      additionalProperties: false,
      properties: {
        status: {
          type: [
            "string",
            "null"
          ]
        },
        type: {
          type: "string"
        }
      },
      required: [
        "type"
      ],
      title: "PodFailurePolicyOnPodConditionsPattern",
      type: "object"
    },
    V1PodFailurePolicyRule: {
      additionalProperties: false,
      properties: {
        action: {
          type: "string"
        },
        onExitCodes: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodFailurePolicyOnExitCodesRequirement"
            }
          ]
        },
        onPodConditions: {
          items: {
            $ref: "#/definitions/V1PodFailurePolicyOnPodConditionsPattern"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "action"
      ],
      title: "PodFailurePolicyRule",
      type: "object"
    },
    V1PodOS: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        }
      },
      required: [
        "name"
      ],
      title: "PodOS",
      type: "object"
    },
    V1PodReadinessGate: {
      additionalProperties: false,
      properties: {
        conditionType: {
          type: "string"
        }
      },
      required: [
        "conditionType"
      ],
      title: "PodReadinessGate",
      type: "object"
    },
    V1PodResourceClaim: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        resourceClaimName: {
          type: [
            "string",
            "null"
          ]
        },
        resourceClaimTemplateName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "name"
      ],
      title: "PodResourceClaim",
      type: "object"
    },
    V1PodSchedulingGate: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        }
      },
      required: [
        "name"
      ],
      title: "PodSchedulingGate",
      type: "object"
    },
    V1PodSchedulingGroup: {
      additionalProperties: false,
      properties: {
        podGroupName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "PodSchedulingGroup",
      type: "object"
    },
    V1PodSecurityContext: {
      additionalProperties: false,
      properties: {
        appArmorProfile: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AppArmorProfile"
            }
          ]
        },
        fsGroup: {
          type: [
            "integer",
            "null"
          ]
        },
        fsGroupChangePolicy: {
          type: [
            "string",
            "null"
          ]
        },
        runAsGroup: {
          type: [
            "integer",
            "null"
          ]
        },
        runAsNonRoot: {
          type: [
            "boolean",
            "null"
          ]
        },
        runAsUser: {
          type: [
            "integer",
            "null"
          ]
        },
        seLinuxChangePolicy: {
          type: [
            "string",
            "null"
          ]
        },
        seLinuxOptions: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SELinuxOptions"
            }
          ]
        },
        seccompProfile: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SeccompProfile"
            }
          ]
        },
        supplementalGroups: {
          items: {
            type: "number"
          },
          type: [
            "array",
            "null"
          ]
        },
        supplementalGroupsPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        sysctls: {
          items: {
            $ref: "#/definitions/V1Sysctl"
          },
          type: [
            "array",
            "null"
          ]
        },
        windowsOptions: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1WindowsSecurityContextOptions"
            }
          ]
        }
      },
      title: "PodSecurityContext",
      type: "object",
      "x-kubernetes-windows-forbidden": [
        "appArmorProfile",
        "fsGroup",
        "fsGroupChangePolicy",
        "runAsGroup",
        "runAsUser",
        "seLinuxChangePolicy",
        "seLinuxOptions",
        "seccompProfile",
        "supplementalGroups",
        "supplementalGroupsPolicy",
        "sysctls"
      ]
    },
    V1PodSpec: {
      additionalProperties: false,
      properties: {
        activeDeadlineSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        affinity: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Affinity"
            }
          ]
        },
        automountServiceAccountToken: {
          type: [
            "boolean",
            "null"
          ]
        },
        containers: {
          items: {
            $ref: "#/definitions/V1Container"
          },
          type: "array"
        },
        dnsConfig: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodDNSConfig"
            }
          ]
        },
        dnsPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        enableServiceLinks: {
          type: [
            "boolean",
            "null"
          ]
        },
        ephemeralContainers: {
          items: {
            $ref: "#/definitions/V1EphemeralContainer"
          },
          type: [
            "array",
            "null"
          ]
        },
        hostAliases: {
          items: {
            $ref: "#/definitions/V1HostAlias"
          },
          type: [
            "array",
            "null"
          ]
        },
        hostIPC: {
          type: [
            "boolean",
            "null"
          ]
        },
        hostNetwork: {
          type: [
            "boolean",
            "null"
          ]
        },
        hostPID: {
          type: [
            "boolean",
            "null"
          ]
        },
        hostUsers: {
          type: [
            "boolean",
            "null"
          ]
        },
        hostname: {
          type: [
            "string",
            "null"
          ]
        },
        hostnameOverride: {
          type: [
            "string",
            "null"
          ]
        },
        imagePullSecrets: {
          items: {
            $ref: "#/definitions/V1LocalObjectReference"
          },
          type: [
            "array",
            "null"
          ]
        },
        initContainers: {
          items: {
            $ref: "#/definitions/V1Container"
          },
          type: [
            "array",
            "null"
          ]
        },
        nodeName: {
          type: [
            "string",
            "null"
          ]
        },
        nodeSelector: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        os: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodOS"
            }
          ]
        },
        overhead: {
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          type: [
            "object",
            "null"
          ]
        },
        preemptionPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        priority: {
          type: [
            "integer",
            "null"
          ]
        },
        priorityClassName: {
          type: [
            "string",
            "null"
          ]
        },
        readinessGates: {
          items: {
            $ref: "#/definitions/V1PodReadinessGate"
          },
          type: [
            "array",
            "null"
          ]
        },
        resourceClaims: {
          items: {
            $ref: "#/definitions/V1PodResourceClaim"
          },
          type: [
            "array",
            "null"
          ]
        },
        resources: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ResourceRequirements"
            }
          ]
        },
        restartPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        runtimeClassName: {
          type: [
            "string",
            "null"
          ]
        },
        schedulerName: {
          type: [
            "string",
            "null"
          ]
        },
        schedulingGates: {
          items: {
            $ref: "#/definitions/V1PodSchedulingGate"
          },
          type: [
            "array",
            "null"
          ]
        },
        schedulingGroup: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodSchedulingGroup"
            }
          ]
        },
        securityContext: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodSecurityContext"
            }
          ]
        },
        serviceAccount: {
          type: [
            "string",
            "null"
          ]
        },
        serviceAccountName: {
          type: [
            "string",
            "null"
          ]
        },
        setHostnameAsFQDN: {
          type: [
            "boolean",
            "null"
          ]
        },
        shareProcessNamespace: {
          type: [
            "boolean",
            "null"
          ]
        },
        subdomain: {
          type: [
            "string",
            "null"
          ]
        },
        terminationGracePeriodSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        tolerations: {
          items: {
            $ref: "#/definitions/V1Toleration"
          },
          type: [
            "array",
            "null"
          ]
        },
        topologySpreadConstraints: {
          items: {
            $ref: "#/definitions/V1TopologySpreadConstraint"
          },
          type: [
            "array",
            "null"
          ]
        },
        volumes: {
          items: {
            $ref: "#/definitions/V1Volume"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "containers"
      ],
      title: "PodSpec",
      type: "object"
    },
    V1PodTemplate: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        template: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodTemplateSpec"
            }
          ]
        }
      },
      title: "PodTemplate",
      type: "object"
    },
    V1PodTemplateSpec: {
      additionalProperties: false,
      properties: {
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodSpec"
            }
          ]
        }
      },
      title: "PodTemplateSpec",
      type: "object"
    },
    V1PolicyRule: {
      additionalProperties: false,
      properties: {
        apiGroups: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        nonResourceURLs: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        resourceNames: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        resources: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        verbs: {
          items: {
            type: "string"
          },
          type: "array"
        }
      },
      required: [
        "verbs"
      ],
      title: "PolicyRule",
      type: "object"
    },
    V1PortworxVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        volumeID: {
          type: "string"
        }
      },
      required: [
        "volumeID"
      ],
      title: "PortworxVolumeSource",
      type: "object"
    },
    V1PreferredSchedulingTerm: {
      additionalProperties: false,
      properties: {
        preference: {
          $ref: "#/definitions/V1NodeSelectorTerm"
        },
        weight: {
          type: "integer"
        }
      },
      required: [
        "preference",
        "weight"
      ],
      title: "PreferredSchedulingTerm",
      type: "object"
    },
    V1Probe: {
      additionalProperties: false,
      properties: {
        exec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ExecAction"
            }
          ]
        },
        failureThreshold: {
          type: [
            "integer",
            "null"
          ]
        },
        grpc: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1GRPCAction"
            }
          ]
        },
        httpGet: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1HTTPGetAction"
            }
          ]
        },
        initialDelaySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        periodSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        successThreshold: {
          type: [
            "integer",
            "null"
          ]
        },
        tcpSocket: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1TCPSocketAction"
            }
          ]
        },
        terminationGracePeriodSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        timeoutSeconds: {
          type: [
            "integer",
            "null"
          ]
        }
      },
      title: "Probe",
      type: "object"
    },
    V1ProjectedVolumeSource: {
      additionalProperties: false,
      properties: {
        defaultMode: {
          type: [
            "integer",
            "null"
          ]
        },
        sources: {
          items: {
            $ref: "#/definitions/V1VolumeProjection"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "ProjectedVolumeSource",
      type: "object"
    },
    V1QuobyteVolumeSource: {
      additionalProperties: false,
      properties: {
        group: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        registry: {
          type: "string"
        },
        tenant: {
          type: [
            "string",
            "null"
          ]
        },
        user: {
          type: [
            "string",
            "null"
          ]
        },
        volume: {
          type: "string"
        }
      },
      required: [
        "registry",
        "volume"
      ],
      title: "QuobyteVolumeSource",
      type: "object"
    },
    V1RBDVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        image: {
          type: "string"
        },
        keyring: {
          type: [
            "string",
            "null"
          ]
        },
        monitors: {
          items: {
            type: "string"
          },
          type: "array"
        },
        pool: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        user: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "image",
        "monitors"
      ],
      title: "RBDVolumeSource",
      type: "object"
    },
    V1ReplicaSet: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ReplicaSetSpec"
            }
          ]
        },
        status: {}
      },
      title: "ReplicaSet",
      type: "object"
    },
    V1ReplicaSetSpec: {
      additionalProperties: false,
      properties: {
        minReadySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        replicas: {
          type: [
            "integer",
            "null"
          ]
        },
        selector: {
          $ref: "#/definitions/V1LabelSelector"
        },
        template: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodTemplateSpec"
            }
          ]
        }
      },
      required: [
        "selector"
      ],
      title: "ReplicaSetSpec",
      type: "object"
    },
    V1ReplicationController: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ReplicationControllerSpec"
            }
          ]
        },
        status: {}
      },
      title: "ReplicationController",
      type: "object"
    },
    V1ReplicationControllerSpec: {
      additionalProperties: false,
      properties: {
        minReadySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        replicas: {
          type: [
            "integer",
            "null"
          ]
        },
        selector: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        template: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodTemplateSpec"
            }
          ]
        }
      },
      title: "ReplicationControllerSpec",
      type: "object"
    },
    V1ResourceFieldSelector: {
      additionalProperties: false,
      properties: {
        containerName: {
          type: [
            "string",
            "null"
          ]
        },
        divisor: {
          type: [
            "string",
            "number",
            "null"
          ]
        },
        resource: {
          type: "string"
        }
      },
      required: [
        "resource"
      ],
      title: "ResourceFieldSelector",
      type: "object"
    },
    V1ResourceRequirements: {
      additionalProperties: false,
      properties: {
        claims: {
          items: {
            $ref: "#/definitions/CoreV1ResourceClaim"
          },
          type: [
            "array",
            "null"
          ]
        },
        limits: {
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          type: [
            "object",
            "null"
          ]
        },
        requests: {
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          type: [
            "object",
            "null"
          ]
        }
      },
      title: "ResourceRequirements",
      type: "object"
    },
    V1Role: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        rules: {
          items: {
            $ref: "#/definitions/V1PolicyRule"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "Role",
      type: "object"
    },
    V1RoleBinding: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        roleRef: {
          $ref: "#/definitions/V1RoleRef"
        },
        subjects: {
          items: {
            $ref: "#/definitions/RbacV1Subject"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "roleRef"
      ],
      title: "RoleBinding",
      type: "object"
    },
    V1RoleRef: {
      additionalProperties: false,
      properties: {
        apiGroup: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: "string"
        },
        name: {
          type: "string"
        }
      },
      required: [
        "kind",
        "name"
      ],
      title: "RoleRef",
      type: "object"
    },
    V1RollingUpdateDaemonSet: {
      additionalProperties: false,
      properties: {
        maxSurge: {
          type: [
            "integer",
            "string",
            "null"
          ]
        },
        maxUnavailable: {
          type: [
            "integer",
            "string",
            "null"
          ]
        }
      },
      title: "RollingUpdateDaemonSet",
      type: "object"
    },
    V1RollingUpdateDeployment: {
      additionalProperties: false,
      properties: {
        maxSurge: {
          type: [
            "integer",
            "string",
            "null"
          ]
        },
        maxUnavailable: {
          type: [
            "integer",
            "string",
            "null"
          ]
        }
      },
      title: "RollingUpdateDeployment",
      type: "object"
    },
    V1RollingUpdateStatefulSetStrategy: {
      additionalProperties: false,
      properties: {
        maxUnavailable: {
          type: [
            "integer",
            "string",
            "null"
          ]
        },
        partition: {
          type: [
            "integer",
            "null"
          ]
        }
      },
      title: "RollingUpdateStatefulSetStrategy",
      type: "object"
    },
    V1SELinuxOptions: {
      additionalProperties: false,
      properties: {
        level: {
          type: [
            "string",
            "null"
          ]
        },
        role: {
          type: [
            "string",
            "null"
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        },
        user: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "SELinuxOptions",
      type: "object"
    },
    V1ScaleIOVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        gateway: {
          type: "string"
        },
        protectionDomain: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          $ref: "#/definitions/V1LocalObjectReference"
        },
        sslEnabled: {
          type: [
            "boolean",
            "null"
          ]
        },
        storageMode: {
          type: [
            "string",
            "null"
          ]
        },
        storagePool: {
          type: [
            "string",
            "null"
          ]
        },
        system: {
          type: "string"
        },
        volumeName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "gateway",
        "secretRef",
        "system"
      ],
      title: "ScaleIOVolumeSource",
      type: "object"
    },
    V1SeccompProfile: {
      additionalProperties: false,
      properties: {
        localhostProfile: {
          type: [
            "string",
            "null"
          ]
        },
        type: {
          type: "string"
        }
      },
      required: [
        "type"
      ],
      title: "SeccompProfile",
      type: "object"
    },
    V1Secret: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        data: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        immutable: {
          type: [
            "boolean",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        stringData: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "Secret",
      type: "object"
    },
    V1SecretEnvSource: {
      additionalProperties: false,
      properties: {
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      title: "SecretEnvSource",
      type: "object"
    },
    V1SecretKeySelector: {
      additionalProperties: false,
      properties: {
        key: {
          type: "string"
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      required: [
        "key"
      ],
      title: "SecretKeySelector",
      type: "object"
    },
    V1SecretProjection: {
      additionalProperties: false,
      properties: {
        items: {
          items: {
            $ref: "#/definitions/V1KeyToPath"
          },
          type: [
            "array",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        }
      },
      title: "SecretProjection",
      type: "object"
    },
    V1SecretVolumeSource: {
      additionalProperties: false,
      properties: {
        defaultMode: {
          type: [
            "integer",
            "null"
          ]
        },
        items: {
          items: {
            $ref: "#/definitions/V1KeyToPath"
          },
          type: [
            "array",
            "null"
          ]
        },
        optional: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "SecretVolumeSource",
      type: "object"
    },
    V1SecurityContext: {
      additionalProperties: false,
      properties: {
        allowPrivilegeEscalation: {
          type: [
            "boolean",
            "null"
          ]
        },
        appArmorProfile: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AppArmorProfile"
            }
          ]
        },
        capabilities: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1Capabilities"
            }
          ]
        },
        privileged: {
          type: [
            "boolean",
            "null"
          ]
        },
        procMount: {
          type: [
            "string",
            "null"
          ]
        },
        readOnlyRootFilesystem: {
          type: [
            "boolean",
            "null"
          ]
        },
        runAsGroup: {
          type: [
            "integer",
            "null"
          ]
        },
        runAsNonRoot: {
          type: [
            "boolean",
            "null"
          ]
        },
        runAsUser: {
          type: [
            "integer",
            "null"
          ]
        },
        seLinuxOptions: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SELinuxOptions"
            }
          ]
        },
        seccompProfile: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SeccompProfile"
            }
          ]
        },
        windowsOptions: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1WindowsSecurityContextOptions"
            }
          ]
        }
      },
      title: "SecurityContext",
      type: "object",
      "x-kubernetes-windows-forbidden": [
        "allowPrivilegeEscalation",
        "appArmorProfile",
        "capabilities",
        "privileged",
        "procMount",
        "readOnlyRootFilesystem",
        "runAsGroup",
        "runAsUser",
        "seLinuxOptions",
        "seccompProfile"
      ]
    },
    V1Service: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ServiceSpec"
            }
          ]
        },
        status: {}
      },
      title: "Service",
      type: "object"
    },
    V1ServiceAccount: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        automountServiceAccountToken: {
          type: [
            "boolean",
            "null"
          ]
        },
        imagePullSecrets: {
          items: {
            $ref: "#/definitions/V1LocalObjectReference"
          },
          type: [
            "array",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        secrets: {
          items: {
            $ref: "#/definitions/V1ObjectReference"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      title: "ServiceAccount",
      type: "object"
    },
    V1ServiceAccountTokenProjection: {
      additionalProperties: false,
      properties: {
        audience: {
          type: [
            "string",
            "null"
          ]
        },
        expirationSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        path: {
          type: "string"
        }
      },
      required: [
        "path"
      ],
      title: "ServiceAccountTokenProjection",
      type: "object"
    },
    V1ServicePort: {
      additionalProperties: false,
      properties: {
        appProtocol: {
          type: [
            "string",
            "null"
          ]
        },
        name: {
          type: [
            "string",
            "null"
          ]
        },
        nodePort: {
          type: [
            "integer",
            "null"
          ]
        },
        port: {
          type: "integer"
        },
        protocol: {
          type: [
            "string",
            "null"
          ]
        },
        targetPort: {
          type: [
            "integer",
            "string",
            "null"
          ]
        }
      },
      required: [
        "port"
      ],
      title: "ServicePort",
      type: "object"
    },
    V1ServiceSpec: {
      additionalProperties: false,
      properties: {
        allocateLoadBalancerNodePorts: {
          type: [
            "boolean",
            "null"
          ]
        },
        clusterIP: {
          type: [
            "string",
            "null"
          ]
        },
        clusterIPs: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        externalIPs: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        externalName: {
          type: [
            "string",
            "null"
          ]
        },
        externalTrafficPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        healthCheckNodePort: {
          type: [
            "integer",
            "null"
          ]
        },
        internalTrafficPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        ipFamilies: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        ipFamilyPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        loadBalancerClass: {
          type: [
            "string",
            "null"
          ]
        },
        loadBalancerIP: {
          type: [
            "string",
            "null"
          ]
        },
        loadBalancerSourceRanges: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        ports: {
          items: {
            $ref: "#/definitions/V1ServicePort"
          },
          type: [
            "array",
            "null"
          ]
        },
        publishNotReadyAddresses: {
          type: [
            "boolean",
            "null"
          ]
        },
        selector: {
          additionalProperties: {
            type: "string"
          },
          type: [
            "object",
            "null"
          ]
        },
        sessionAffinity: {
          type: [
            "string",
            "null"
          ]
        },
        sessionAffinityConfig: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SessionAffinityConfig"
            }
          ]
        },
        trafficDistribution: {
          type: [
            "string",
            "null"
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "ServiceSpec",
      type: "object"
    },
    V1SessionAffinityConfig: {
      additionalProperties: false,
      properties: {
        clientIP: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ClientIPConfig"
            }
          ]
        }
      },
      title: "SessionAffinityConfig",
      type: "object"
    },
    V1SleepAction: {
      additionalProperties: false,
      properties: {
        seconds: {
          type: "integer"
        }
      },
      required: [
        "seconds"
      ],
      title: "SleepAction",
      type: "object"
    },
    V1StatefulSet: {
      additionalProperties: false,
      properties: {
        apiVersion: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: [
            "string",
            "null"
          ]
        },
        metadata: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ObjectMeta"
            }
          ]
        },
        spec: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1StatefulSetSpec"
            }
          ]
        },
        status: {}
      },
      title: "StatefulSet",
      type: "object"
    },
    V1StatefulSetOrdinals: {
      additionalProperties: false,
      properties: {
        start: {
          type: [
            "integer",
            "null"
          ]
        }
      },
      title: "StatefulSetOrdinals",
      type: "object"
    },
    V1StatefulSetPersistentVolumeClaimRetentionPolicy: {
      additionalProperties: false,
      properties: {
        whenDeleted: {
          type: [
            "string",
            "null"
          ]
        },
        whenScaled: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "StatefulSetPersistentVolumeClaimRetentionPolicy",
      type: "object"
    },
    V1StatefulSetSpec: {
      additionalProperties: false,
      properties: {
        minReadySeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        ordinals: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1StatefulSetOrdinals"
            }
          ]
        },
        persistentVolumeClaimRetentionPolicy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1StatefulSetPersistentVolumeClaimRetentionPolicy"
            }
          ]
        },
        podManagementPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        replicas: {
          type: [
            "integer",
            "null"
          ]
        },
        revisionHistoryLimit: {
          type: [
            "integer",
            "null"
          ]
        },
        selector: {
          $ref: "#/definitions/V1LabelSelector"
        },
        serviceName: {
          type: [
            "string",
            "null"
          ]
        },
        template: {
          $ref: "#/definitions/V1PodTemplateSpec"
        },
        updateStrategy: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1StatefulSetUpdateStrategy"
            }
          ]
        },
        volumeClaimTemplates: {
          items: {
            $ref: "#/definitions/V1PersistentVolumeClaim"
          },
          type: [
            "array",
            "null"
          ]
        }
      },
      required: [
        "selector",
        "template"
      ],
      title: "StatefulSetSpec",
      type: "object"
    },
    V1StatefulSetUpdateStrategy: {
      additionalProperties: false,
      properties: {
        rollingUpdate: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1RollingUpdateStatefulSetStrategy"
            }
          ]
        },
        type: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "StatefulSetUpdateStrategy",
      type: "object"
    },
    V1StorageOSVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        secretRef: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LocalObjectReference"
            }
          ]
        },
        volumeName: {
          type: [
            "string",
            "null"
          ]
        },
        volumeNamespace: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "StorageOSVolumeSource",
      type: "object"
    },
    V1SuccessPolicy: {
      additionalProperties: false,
      properties: {
        rules: {
          items: {
            $ref: "#/definitions/V1SuccessPolicyRule"
          },
          type: "array"
        }
      },
      required: [
        "rules"
      ],
      title: "SuccessPolicy",
      type: "object"
    },
    V1SuccessPolicyRule: {
      additionalProperties: false,
      properties: {
        succeededCount: {
          type: [
            "integer",
            "null"
          ]
        },
        succeededIndexes: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "SuccessPolicyRule",
      type: "object"
    },
    V1Sysctl: {
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        value: {
          type: "string"
        }
      },
      required: [
        "name",
        "value"
      ],
      title: "Sysctl",
      type: "object"
    },
    V1TCPSocketAction: {
      additionalProperties: false,
      properties: {
        host: {
          type: [
            "string",
            "null"
          ]
        },
        port: {
          type: [
            "integer",
            "string"
          ]
        }
      },
      required: [
        "port"
      ],
      title: "TCPSocketAction",
      type: "object"
    },
    V1Toleration: {
      additionalProperties: false,
      properties: {
        effect: {
          type: [
            "string",
            "null"
          ]
        },
        key: {
          type: [
            "string",
            "null"
          ]
        },
        operator: {
          type: [
            "string",
            "null"
          ]
        },
        tolerationSeconds: {
          type: [
            "integer",
            "null"
          ]
        },
        value: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "Toleration",
      type: "object"
    },
    V1TopologySpreadConstraint: {
      additionalProperties: false,
      properties: {
        labelSelector: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1LabelSelector"
            }
          ]
        },
        matchLabelKeys: {
          items: {
            type: "string"
          },
          type: [
            "array",
            "null"
          ]
        },
        maxSkew: {
          type: "integer"
        },
        minDomains: {
          type: [
            "integer",
            "null"
          ]
        },
        nodeAffinityPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        nodeTaintsPolicy: {
          type: [
            "string",
            "null"
          ]
        },
        topologyKey: {
          type: "string"
        },
        whenUnsatisfiable: {
          type: "string"
        }
      },
      required: [
        "maxSkew",
        "topologyKey",
        "whenUnsatisfiable"
      ],
      title: "TopologySpreadConstraint",
      type: "object"
    },
    V1TypedLocalObjectReference: {
      additionalProperties: false,
      properties: {
        apiGroup: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: "string"
        },
        name: {
          type: "string"
        }
      },
      required: [
        "kind",
        "name"
      ],
      title: "TypedLocalObjectReference",
      type: "object"
    },
    V1TypedObjectReference: {
      additionalProperties: false,
      properties: {
        apiGroup: {
          type: [
            "string",
            "null"
          ]
        },
        kind: {
          type: "string"
        },
        name: {
          type: "string"
        },
        namespace: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "kind",
        "name"
      ],
      title: "TypedObjectReference",
      type: "object"
    },
    V1Volume: {
      additionalProperties: false,
      properties: {
        awsElasticBlockStore: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AWSElasticBlockStoreVolumeSource"
            }
          ]
        },
        azureDisk: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AzureDiskVolumeSource"
            }
          ]
        },
        azureFile: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1AzureFileVolumeSource"
            }
          ]
        },
        cephfs: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1CephFSVolumeSource"
            }
          ]
        },
        cinder: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1CinderVolumeSource"
            }
          ]
        },
        configMap: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ConfigMapVolumeSource"
            }
          ]
        },
        csi: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1CSIVolumeSource"
            }
          ]
        },
        downwardAPI: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DownwardAPIVolumeSource"
            }
          ]
        },
        emptyDir: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1EmptyDirVolumeSource"
            }
          ]
        },
        ephemeral: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1EphemeralVolumeSource"
            }
          ]
        },
        fc: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1FCVolumeSource"
            }
          ]
        },
        flexVolume: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1FlexVolumeSource"
            }
          ]
        },
        flocker: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1FlockerVolumeSource"
            }
          ]
        },
        gcePersistentDisk: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1GCEPersistentDiskVolumeSource"
            }
          ]
        },
        gitRepo: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1GitRepoVolumeSource"
            }
          ]
        },
        glusterfs: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1GlusterfsVolumeSource"
            }
          ]
        },
        hostPath: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1HostPathVolumeSource"
            }
          ]
        },
        image: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ImageVolumeSource"
            }
          ]
        },
        iscsi: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ISCSIVolumeSource"
            }
          ]
        },
        name: {
          type: "string"
        },
        nfs: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1NFSVolumeSource"
            }
          ]
        },
        persistentVolumeClaim: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PersistentVolumeClaimVolumeSource"
            }
          ]
        },
        photonPersistentDisk: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PhotonPersistentDiskVolumeSource"
            }
          ]
        },
        portworxVolume: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PortworxVolumeSource"
            }
          ]
        },
        projected: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ProjectedVolumeSource"
            }
          ]
        },
        quobyte: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1QuobyteVolumeSource"
            }
          ]
        },
        rbd: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1RBDVolumeSource"
            }
          ]
        },
        scaleIO: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ScaleIOVolumeSource"
            }
          ]
        },
        secret: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecretVolumeSource"
            }
          ]
        },
        storageos: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1StorageOSVolumeSource"
            }
          ]
        },
        vsphereVolume: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1VsphereVirtualDiskVolumeSource"
            }
          ]
        }
      },
      required: [
        "name"
      ],
      title: "Volume",
      type: "object"
    },
    V1VolumeDevice: {
      additionalProperties: false,
      properties: {
        devicePath: {
          type: "string"
        },
        name: {
          type: "string"
        }
      },
      required: [
        "devicePath",
        "name"
      ],
      title: "VolumeDevice",
      type: "object"
    },
    V1VolumeMount: {
      additionalProperties: false,
      properties: {
        mountPath: {
          type: "string"
        },
        mountPropagation: {
          type: [
            "string",
            "null"
          ]
        },
        name: {
          type: "string"
        },
        readOnly: {
          type: [
            "boolean",
            "null"
          ]
        },
        recursiveReadOnly: {
          type: [
            "string",
            "null"
          ]
        },
        subPath: {
          type: [
            "string",
            "null"
          ]
        },
        subPathExpr: {
          type: [
            "string",
            "null"
          ]
        }
      },
      required: [
        "mountPath",
        "name"
      ],
      title: "VolumeMount",
      type: "object"
    },
    V1VolumeProjection: {
      additionalProperties: false,
      properties: {
        clusterTrustBundle: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ClusterTrustBundleProjection"
            }
          ]
        },
        configMap: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ConfigMapProjection"
            }
          ]
        },
        downwardAPI: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1DownwardAPIProjection"
            }
          ]
        },
        podCertificate: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1PodCertificateProjection"
            }
          ]
        },
        secret: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1SecretProjection"
            }
          ]
        },
        serviceAccountToken: {
          anyOf: [
            {
              type: "null"
            },
            {
              $ref: "#/definitions/V1ServiceAccountTokenProjection"
            }
          ]
        }
      },
      title: "VolumeProjection",
      type: "object"
    },
    V1VolumeResourceRequirements: {
      additionalProperties: false,
      properties: {
        limits: {
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          type: [
            "object",
            "null"
          ]
        },
        requests: {
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          type: [
            "object",
            "null"
          ]
        }
      },
      title: "VolumeResourceRequirements",
      type: "object"
    },
    V1VsphereVirtualDiskVolumeSource: {
      additionalProperties: false,
      properties: {
        fsType: {
          type: [
            "string",
            "null"
          ]
        },
        storagePolicyID: {
          type: [
            "string",
            "null"
          ]
        },
        storagePolicyName: {
          type: [
            "string",
            "null"
          ]
        },
        volumePath: {
          type: "string"
        }
      },
      required: [
        "volumePath"
      ],
      title: "VsphereVirtualDiskVolumeSource",
      type: "object"
    },
    V1WeightedPodAffinityTerm: {
      additionalProperties: false,
      properties: {
        podAffinityTerm: {
          $ref: "#/definitions/V1PodAffinityTerm"
        },
        weight: {
          type: "integer"
        }
      },
      required: [
        "podAffinityTerm",
        "weight"
      ],
      title: "WeightedPodAffinityTerm",
      type: "object"
    },
    V1WindowsSecurityContextOptions: {
      additionalProperties: false,
      properties: {
        gmsaCredentialSpec: {
          type: [
            "string",
            "null"
          ]
        },
        gmsaCredentialSpecName: {
          type: [
            "string",
            "null"
          ]
        },
        hostProcess: {
          type: [
            "boolean",
            "null"
          ]
        },
        runAsUserName: {
          type: [
            "string",
            "null"
          ]
        }
      },
      title: "WindowsSecurityContextOptions",
      type: "object"
    }
  },
  kinds: {
    "apps/v1/DaemonSet": "V1DaemonSet",
    "apps/v1/Deployment": "V1Deployment",
    "apps/v1/ReplicaSet": "V1ReplicaSet",
    "apps/v1/StatefulSet": "V1StatefulSet",
    "batch/v1/CronJob": "V1CronJob",
    "batch/v1/Job": "V1Job",
    "rbac.authorization.k8s.io/v1/ClusterRole": "V1ClusterRole",
    "rbac.authorization.k8s.io/v1/ClusterRoleBinding": "V1ClusterRoleBinding",
    "rbac.authorization.k8s.io/v1/Role": "V1Role",
    "rbac.authorization.k8s.io/v1/RoleBinding": "V1RoleBinding",
    "v1/ConfigMap": "V1ConfigMap",
    "v1/Pod": "V1Pod",
    "v1/PodTemplate": "V1PodTemplate",
    "v1/ReplicationController": "V1ReplicationController",
    "v1/Secret": "V1Secret",
    "v1/Service": "V1Service",
    "v1/ServiceAccount": "V1ServiceAccount"
  },
  source: {
    kubernetesVersion: "1.36",
    openapiSpecVersion: "release-1.36",
    package: "@kubernetes/client-node",
    version: "2.0.1"
  }
};

// src/k8s/schema-validate.ts
var SCHEMA = k8s_schema_default;
var SCHEMA_KEY = "k8s";
var ajv;
var validators = /* @__PURE__ */ new Map();
function validatorFor(definition) {
  let validate = validators.get(definition);
  if (validate) return validate;
  if (!ajv) {
    ajv = new import_ajv.Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addSchema(SCHEMA, SCHEMA_KEY);
  }
  validate = ajv.getSchema(`${SCHEMA_KEY}#/definitions/${definition}`);
  if (!validate) throw new Error(`cannot compile schema definition ${definition}`);
  validators.set(definition, validate);
  return validate;
}
function validateObject(data) {
  const kubernetesVersion = SCHEMA.source.kubernetesVersion;
  if (!isPlainObject(data) || typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
    return { known: false, kubernetesVersion, problems: [] };
  }
  const key = `${data.apiVersion}/${data.kind}`;
  const definition = Object.prototype.hasOwnProperty.call(SCHEMA.kinds, key) ? SCHEMA.kinds[key] : void 0;
  if (!definition) return { known: false, kubernetesVersion, problems: [] };
  return { known: true, kubernetesVersion, problems: validateDefinition(definition, data) };
}
function validateDefinition(definition, data) {
  if (!Object.prototype.hasOwnProperty.call(SCHEMA.definitions, definition)) {
    throw new Error(`unknown schema definition "${definition}"`);
  }
  const validate = validatorFor(definition);
  const value = datesToStrings(data);
  if (validate(value)) return [];
  return toProblems(validate.errors ?? [], value);
}
function windowsForbiddenFields(definition) {
  const def = Object.prototype.hasOwnProperty.call(SCHEMA.definitions, definition) ? SCHEMA.definitions[definition] : void 0;
  return def?.["x-kubernetes-windows-forbidden"] ?? [];
}
function datesToStrings(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) {
    let out;
    value.forEach((v, i) => {
      const c = datesToStrings(v);
      if (c !== v) (out ??= value.slice())[i] = c;
    });
    return out ?? value;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const c = datesToStrings(v);
      if (c !== v) changed = true;
      return [k, c];
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}
function toProblems(errors, data) {
  const dropped = /* @__PURE__ */ new Set();
  const extra = [];
  for (const err of errors) {
    if (err.keyword !== "anyOf" && err.keyword !== "oneOf") continue;
    dropped.add(err);
    const branches = Array.isArray(err.schema) ? err.schema : [];
    const nullIndex = branches.findIndex((b) => isPlainObject(b) && b.type === "null" && Object.keys(b).length === 1);
    if (nullIndex >= 0) {
      const nullPath = `${err.schemaPath}/${nullIndex}/type`;
      for (const e of errors) if (e.schemaPath === nullPath && e.instancePath === err.instancePath) dropped.add(e);
      continue;
    }
    const prefix = `${err.schemaPath}/`;
    const inBranches = errors.filter((e) => e !== err && e.schemaPath.startsWith(prefix) && isWithin(e.instancePath, err.instancePath));
    for (const e of inBranches) dropped.add(e);
    const types = inBranches.every((e) => e.keyword === "type" && e.instancePath === err.instancePath) ? inBranches.flatMap((e) => typeList(e.params.type)) : [];
    const value = valueAt(data, err.instancePath);
    extra.push({
      at: err,
      problem: {
        path: toPath(data, err.instancePath),
        code: types.length > 0 ? "wrong-type" : "invalid-value",
        message: types.length > 0 ? `expected ${joinTypes(types)}, got ${jsonType(value)}` : "value does not match any allowed form"
      }
    });
  }
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (p) => {
    const id = JSON.stringify([p.code, p.path, p.message]);
    if (seen.has(id)) return;
    seen.add(id);
    problems.push(p);
  };
  for (const err of errors) {
    for (const x of extra) if (x.at === err) push(x.problem);
    if (dropped.has(err)) continue;
    push(toProblem(err, data));
  }
  return problems;
}
function toProblem(err, data) {
  const path = toPath(data, err.instancePath);
  const where = typeTitle(err.parentSchema);
  switch (err.keyword) {
    case "additionalProperties": {
      const key = String(err.params.additionalProperty);
      return { path: [...path, key], code: "unknown-field", message: `unknown field "${key}"${where ? ` in ${where}` : ""}` };
    }
    case "required":
      return { path, code: "missing-required", message: `missing required field "${String(err.params.missingProperty)}"` };
    case "type":
      return {
        path,
        code: "wrong-type",
        message: `expected ${joinTypes(typeList(err.params.type))}, got ${jsonType(valueAt(data, err.instancePath))}`
      };
    default:
      return { path, code: "invalid-value", message: err.message ?? `invalid value (${err.keyword})` };
  }
}
function typeTitle(schema) {
  return isPlainObject(schema) && typeof schema.title === "string" ? schema.title : void 0;
}
function typeList(t) {
  const list = Array.isArray(t) ? t.map(String) : String(t).split(",");
  return list.filter((x) => x !== "null");
}
function joinTypes(types) {
  const unique = [...new Set(types)];
  return unique.length <= 1 ? unique[0] ?? "a different type" : `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Uint8Array) return "bytes of a !!binary value (write the base64 text without the !!binary tag)";
  if (typeof value === "object") return "object";
  return typeof value;
}
function isWithin(p, base) {
  return p === base || p.startsWith(`${base}/`);
}
function pointerSegments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function toPath(data, pointer) {
  const path = [];
  let cur = data;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(cur)) {
      const i = Number(seg);
      path.push(i);
      cur = cur[i];
    } else {
      path.push(seg);
      cur = isPlainObject(cur) ? cur[seg] : void 0;
    }
  }
  return path;
}
function valueAt(data, pointer) {
  let cur = data;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isPlainObject(cur)) cur = cur[seg];
    else return void 0;
  }
  return cur;
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// policies/valid-manifest.ts
var valid_manifest_default = definePolicy({
  id: "valid-manifest",
  meta: {
    description: "Manifests parse and match the Kubernetes schema; volumes and volumeMounts agree.",
    category: "validity",
    defaultSeverity: "error",
    fixable: false,
    messages: {
      parseError: "YAML syntax error: {{message}}{{hint}}",
      invalidObject: "Invalid Kubernetes object: {{message}}.",
      invalidJson: "JSON syntax error: {{message}}.",
      schema: "{{message}} (at {{path}})",
      unknownFieldHint: '{{message}} (at {{path}}): did you mean "{{suggestion}}"?',
      undefinedVolume: '{{container}} mounts volume "{{volume}}", which the pod does not define in spec.volumes.',
      volumeWithoutName: "Volume #{{index}} has no name, so no volumeMount can use it{{hint}}.",
      duplicateVolume: 'Volume name "{{volume}}" is defined more than once.',
      duplicateMountPath: "{{container}} mounts {{mountPath}} more than once.",
      windowsField: "{{field}} cannot be set in a Windows pod (spec.os.name: windows): the API server rejects it.",
      duplicateContainerName: 'Container name "{{name}}" is used more than once in the pod: container names must be unique across containers, initContainers and ephemeralContainers.'
    },
    remediation: "Fix the reported field: the API server rejects unknown fields and wrong types (kubectl apply --validate=strict), and a pod whose volumeMount names a missing volume never starts.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/valid-manifest.md"
  },
  checkFile(context) {
    const lines = /* @__PURE__ */ new Set();
    for (const p of context.problems) {
      if (p.severity !== "error" || lines.has(`${p.docIndex}:${p.line}`)) continue;
      lines.add(`${p.docIndex}:${p.line}`);
      const start = { line: p.line, column: p.column, offset: p.offset };
      const messageId = p.code === "invalid-object" ? "invalidObject" : p.code === "json-syntax" ? "invalidJson" : "parseError";
      context.report({
        messageId,
        // Indentation explains structure errors, not limits (aliases, nesting) nor duplicate keys.
        data: { message: p.message, hint: STRUCTURE_UNRELATED.has(p.code) || messageId !== "parseError" ? "" : indentationHint(context.text, p.line) },
        range: { start, end: start },
        detail: `${p.docIndex}:${p.code}:${p.offset}`
      });
    }
  },
  check(context) {
    const m = context.manifest;
    const problems = [];
    const result = validateObject(m.data);
    if (result.known) problems.push(...result.problems);
    else if (context.workload) {
      const templatePath = context.workload.kind.podSpecPath.slice(0, -1);
      const template = m.node.at(templatePath)?.value;
      if (template !== void 0) {
        for (const p of validateDefinition("V1PodTemplateSpec", template)) problems.push({ ...p, path: [...templatePath, ...p.path] });
      }
    }
    checkWindowsFields(context);
    const covered = checkVolumes(context);
    reportSchemaProblems(context, m, problems.filter((p) => !covered.has(pathText(p.path))));
  }
});
var STRUCTURE_UNRELATED = /* @__PURE__ */ new Set(["alias-limit", "nesting-limit", "duplicate-key"]);
function indentationHint(text, line) {
  const lines = text.split(/\r?\n/);
  const indentOf = (l) => l.length - l.trimStart().length;
  const isContent = (l) => l !== void 0 && l.trim() !== "" && !l.trimStart().startsWith("#");
  let at = line - 1;
  while (at < lines.length && !isContent(lines[at])) at++;
  const target = lines[at];
  if (!isContent(target)) return "";
  const n = indentOf(target);
  const above = /* @__PURE__ */ new Set();
  for (let i = 0; i < at; i++) {
    const l = lines[i];
    if (!isContent(l) || l.startsWith("---")) continue;
    above.add(indentOf(l));
    const dash = l.trimStart().match(/^-\s+/);
    if (dash) above.add(indentOf(l) + dash[0].length);
  }
  if (above.has(n)) return "";
  const key = target.trim().split(/\s/)[0];
  return ` (line ${at + 1}: "${key}" is indented by ${n} spaces, which matches no enclosing block: check its indentation)`;
}
function pathText(path) {
  return path.map((k, i) => typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`).join("") || "(root)";
}
function deepest(root, path) {
  let cur = root;
  for (const k of path) {
    const next = typeof k === "number" ? cur.items()[k] : cur.get(k);
    if (!next) break;
    cur = next;
  }
  return cur;
}
function isVolumeNamePath(p) {
  const n = p.path.length;
  return p.code === "missing-required" && /"name"/.test(p.message) && n >= 2 && p.path[n - 2] === "volumes" && typeof p.path[n - 1] === "number";
}
function reportSchemaProblems(context, m, problems) {
  const missingByParent = /* @__PURE__ */ new Map();
  for (const p of problems) {
    if (p.code !== "missing-required") continue;
    const field = p.message.match(/"([^"]+)"/)?.[1];
    if (field) missingByParent.set(pathText(p.path), [...missingByParent.get(pathText(p.path)) ?? [], field]);
  }
  for (const p of problems) {
    if (isVolumeNamePath(p) && context.workload) continue;
    const node = deepest(m.node, p.path);
    const where = pathText(p.path);
    let suggestion;
    if (p.code === "unknown-field") {
      const key = String(p.path[p.path.length - 1]);
      suggestion = (missingByParent.get(pathText(p.path.slice(0, -1))) ?? []).find((f) => closeTo(key, f));
    }
    context.report({
      messageId: suggestion ? "unknownFieldHint" : "schema",
      data: { message: p.message, path: where, suggestion: suggestion ?? "" },
      node,
      key: p.code !== "wrong-type",
      detail: `${p.code}:${where}`
    });
  }
}
function checkWindowsFields(context) {
  const w = context.workload;
  if (!w?.isWindows) return;
  const report = (sc, definition, prefix, container) => {
    if (sc?.kind !== "map") return;
    for (const field of windowsForbiddenFields(definition)) {
      const node = sc.get(field);
      if (node) context.report({ messageId: "windowsField", data: { field: `${prefix}securityContext.${field}` }, node, key: true, container, detail: `windows:${prefix}${field}` });
    }
  };
  report(w.podSpec.get("securityContext"), "V1PodSecurityContext", "spec.");
  for (const c of w.containers) report(c.securityContext, "V1SecurityContext", `${containerLabel(c)}: `, c);
}
function checkVolumes(context) {
  const covered = /* @__PURE__ */ new Set();
  const w = context.workload;
  if (!w) return covered;
  const volumes = w.podSpec.get("volumes")?.items() ?? [];
  const seen = /* @__PURE__ */ new Set();
  volumes.forEach((v, i) => {
    const name = v.get("name");
    if (typeof name?.value !== "string") {
      const near = v.keys().find((k) => k !== "name" && closeTo(k, "name"));
      if (near) covered.add(pathText([...v.path.slice(context.manifest.node.path.length), near]));
      context.report({
        messageId: "volumeWithoutName",
        data: { index: i + 1, hint: near ? ` ("${near}:" is not a field: did you mean "name:"?)` : "" },
        node: near ? v.get(near) : v,
        key: true,
        detail: `volume:${i}`
      });
      return;
    }
    if (seen.has(name.value)) context.report({ messageId: "duplicateVolume", data: { volume: name.value }, node: name, detail: `dup:${name.value}:${i}` });
    seen.add(name.value);
  });
  const names = /* @__PURE__ */ new Set();
  for (const c of w.containers) {
    if (!c.name) continue;
    if (names.has(c.name)) context.report({ messageId: "duplicateContainerName", data: { name: c.name }, node: c.node.get("name") ?? c.node, container: c, detail: `container:${c.type}:${c.index}` });
    names.add(c.name);
  }
  const defined = volumeSources(w);
  for (const c of w.containers) {
    const mounts = c.node.get("volumeMounts")?.items() ?? [];
    const paths = /* @__PURE__ */ new Set();
    for (const mnt of mounts) {
      const name = mnt.get("name");
      if (typeof name?.value === "string" && !defined.has(name.value)) {
        context.report({ messageId: "undefinedVolume", data: { container: containerLabel(c), volume: name.value }, node: name, container: c, detail: `mount:${name.value}` });
      }
      const mp = mnt.get("mountPath");
      if (typeof mp?.value === "string") {
        const norm = normalisePath(mp.value);
        if (paths.has(norm)) context.report({ messageId: "duplicateMountPath", data: { container: containerLabel(c), mountPath: mp.value }, node: mp, container: c, detail: `path:${norm}` });
        paths.add(norm);
      }
    }
  }
  return covered;
}
function closeTo(a, b) {
  return isLikelyTypo(a, b, Math.min(a.length, b.length) <= 4 ? 1 : 2);
}

// policies/writable-paths-mounted.ts
var writable_paths_mounted_default = definePolicy({
  id: "writable-paths-mounted",
  meta: {
    description: "Containers with a read-only root filesystem mount writable emptyDir volumes where their image writes.",
    category: "immutability",
    defaultSeverity: "error",
    fixable: true,
    messages: {
      notMounted: "{{container}} has a read-only root filesystem but {{image}} writes to {{paths}}, which is not mounted writable: the application fails when it writes there. {{mounts}}"
    },
    remediation: "Mount an emptyDir volume (or a PersistentVolumeClaim for data) on each path the image writes, so the root filesystem can stay read-only.",
    docsUrl: "https://github.com/kube-immutable/kube-immutable/blob/main/policies/writable-paths-mounted.md"
  },
  check(context) {
    const w = context.workload;
    if (!w || w.isWindows) return;
    for (const c of w.containers) {
      const field = c.securityContext?.get("readOnlyRootFilesystem");
      if (field?.value !== true) continue;
      const missing = missingMounts(w, c);
      const all = [...missing.blocked, ...missing.typos.map((t) => t.path), ...missing.paths];
      if (missing.guess || all.length === 0) continue;
      context.report({
        messageId: "notMounted",
        data: {
          container: containerLabel(c),
          image: missing.image ?? "the image",
          paths: all.map((p) => p.path).join(", "),
          mounts: missing.explanation
        },
        node: c.node.get("volumeMounts") ?? field,
        key: true,
        container: c,
        detail: all.map((p) => p.path).join(","),
        fix: missing.paths.length + missing.typos.length > 0 ? (fixer) => mountFixOps(fixer, w, c, missing) : void 0
      });
    }
  }
});

// policies/index.ts
var builtinPolicies = [
  read_only_root_filesystem_default,
  writable_paths_mounted_default,
  no_privileged_container_default,
  no_privilege_escalation_default,
  no_runtime_mutation_default,
  no_writable_host_path_default,
  no_exec_access_default,
  immutable_configmap_secret_default,
  image_digest_default,
  run_as_non_root_default,
  drop_all_capabilities_default,
  seccomp_runtime_default_default,
  no_host_namespaces_default,
  valid_manifest_default,
  exemption_default
];

export {
  builtinPolicies
};
