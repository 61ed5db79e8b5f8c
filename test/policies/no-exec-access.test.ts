import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-exec-access.js';

const role = (rules: string, kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
rules:
${rules}`;

testPolicy(policy, {
  valid: [
    { name: 'reading pods and logs', code: role('- apiGroups: [""]\n  resources: ["pods", "pods/log"]\n  verbs: ["get", "list", "watch"]\n') },
    { name: 'pods/exec with a verb that does not open it', code: role('- apiGroups: [""]\n  resources: ["pods/exec"]\n  verbs: ["list"]\n') },
    { name: 'another API group', code: role('- apiGroups: ["apps"]\n  resources: ["*"]\n  verbs: ["*"]\n') },
    {
      name: 'pods/* matches only a subresource literally named "*" in RBAC, not pods/exec',
      code: role('- apiGroups: [""]\n  resources: ["pods/*"]\n  verbs: ["create"]\n'),
    },
    { name: 'ephemeral containers can be read', code: role('- apiGroups: [""]\n  resources: ["pods/ephemeralcontainers"]\n  verbs: ["get"]\n') },
    {
      name: 'nodes/proxy get (metrics scrapers)',
      code: role('- apiGroups: [""]\n  resources: ["nodes/proxy", "nodes/metrics"]\n  verbs: ["get"]\n', 'ClusterRole'),
    },
    {
      name: 'an aggregated ClusterRole without rules (the controller fills them)',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: monitoring\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      rbac.example.com/aggregate-to-monitoring: "true"\nrules: []\n',
    },
    { name: 'not RBAC', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  resources: pods/exec\n' },
  ],
  invalid: [
    {
      name: 'kubectl exec: create on pods/exec, reported at the resource item',
      code: role('- apiGroups: [""]\n  resources:\n  - pods\n  - pods/exec\n  verbs: ["get", "create"]\n'),
      errors: [{ messageId: 'grant', line: 9 }],
      output: null,
    },
    {
      name: 'get on pods/attach (WebSocket clients)',
      code: role('- apiGroups: [""]\n  resources: ["pods/attach"]\n  verbs: ["get"]\n', 'ClusterRole'),
      errors: [{ messageId: 'grant', line: 7 }],
      output: null,
    },
    {
      name: 'all wildcards: one finding per rule',
      code: role('- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n', 'ClusterRole'),
      errors: [{ messageId: 'grant', line: 7 }],
      output: null,
    },
    {
      name: 'kubectl debug: patch on pods/ephemeralcontainers; */exec; create on nodes/proxy',
      code: role(
        '- apiGroups: [""]\n  resources: ["pods/ephemeralcontainers"]\n  verbs: ["patch"]\n- apiGroups: ["", "apps"]\n  resources: ["*/exec"]\n  verbs: ["create"]\n- apiGroups: [""]\n  resources: ["nodes/proxy"]\n  verbs: ["create"]\n',
        'ClusterRole',
      ),
      errors: [
        { messageId: 'grant', line: 7 },
        { messageId: 'grant', line: 10 },
        { messageId: 'grant', line: 13 },
      ],
      output: null,
    },
    {
      name: 'an aggregated ClusterRole that lists rules is checked like any other',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: debug\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      a: "true"\nrules:\n- apiGroups: [""]\n  resources: ["pods/exec"]\n  verbs: ["create"]\n',
      errors: [{ messageId: 'grant', line: 11 }],
      output: null,
    },
  ],
});
