import { PolicyTester } from 'kube-immutable/testing';
import policy from './owner-label.js';

const deployment = (objectLabels: string, templateLabels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${objectLabels}spec:
  template:
    metadata:
${templateLabels}    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

new PolicyTester().run(policy, {
  valid: [
    { name: 'owner on the object and the template', code: deployment('  labels:\n    owner: team-web\n', '      labels:\n        owner: team-web\n') },
    {
      name: 'a Pod is its own template',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {owner: team-web}\nspec:\n  containers:\n  - name: a\n    image: x\n',
    },
    { name: 'objects without a PodSpec are not checked', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'no owner anywhere: two findings, no fix',
      code: deployment('', '      labels:\n        app: web\n'),
      errors: [
        { messageId: 'missingObject', line: 3 },
        { messageId: 'missingTemplate', line: 8 },
      ],
      output: null,
    },
    {
      name: 'the template names another owner',
      code: deployment('  labels:\n    owner: team-web\n', '      labels:\n        owner: team-platform\n'),
      errors: [{ messageId: 'mismatch', line: 11 }],
      output: null,
    },
    {
      name: 'an empty owner counts as missing',
      code: deployment('  labels:\n    owner: ""\n', '      labels:\n        owner: team-web\n'),
      errors: [{ messageId: 'missingObject', line: 6 }],
      output: null,
    },
  ],
});

// A configured label key: every case of this table uses it.
new PolicyTester({ options: { labelKey: 'example.com/team' } }).run(policy, {
  valid: [deployment('  labels:\n    example.com/team: web\n', '      labels:\n        example.com/team: web\n')],
  invalid: [
    {
      name: 'the default key does not count when another is configured',
      code: deployment('  labels:\n    owner: web\n', '      labels:\n        example.com/team: web\n'),
      errors: [{ messageId: 'missingObject', line: 5 }],
    },
  ],
});
