import { annotationExemptions, definePolicy } from '../src/api/policy.js';

/**
 * Exemption annotations are well-formed: `ignore.kube-immutable.io/<policy-id>` (or `/all`) with
 * a value `[containers=<name>[,<name>]; ][expires=YYYY-MM-DD; ]<reason>`. The engine applies
 * them; this check reports those that name no policy, do not parse, or give no reason, and the
 * engine adds an `expired` notice when an expired exemption no longer applies, and a finding at
 * each annotation the configuration's exemption rules refuse (`exemptions.annotations: disabled`,
 * a policy outside `exemptions.policies`, no or too distant an expiry).
 */
export default definePolicy({
  id: 'exemption',
  meta: {
    description: "Exemption annotations name a policy, parse, give a reason and follow the configuration's exemption rules; expired exemptions are announced.",
    category: 'validity',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missingReason: '{{message}}',
      unparsable: '{{message}}',
      unknownPolicy: '{{message}}',
      expired: 'The exemption {{source}} expired on {{expires}}: the findings it covered are reported again.',
      annotationsDisabled: 'The exemption {{source}} is not honoured: {{why}}. The findings it names are reported.',
      policyNotAllowed: 'The exemption {{source}} is not honoured: {{why}}. The findings it names are reported.',
      expiryRequired: 'The exemption {{source}} is not honoured: {{why}}. The findings it names are reported.',
      expiryTooFar: 'The exemption {{source}} is not honoured: {{why}}. The findings it names are reported.',
    },
    remediation:
      'Write exemptions as ignore.kube-immutable.io/<policy-id>: "<reason>", or "containers=<name>[,<name>]; <reason>" for some containers, optionally with "expires=YYYY-MM-DD; " before the reason.',
  },
  check(context) {
    const { problems } = annotationExemptions(context.manifest, context.workload, context.policyIds);
    for (const p of problems) {
      context.report({ messageId: p.messageId, data: { message: p.message }, node: p.node, key: true, detail: p.message });
    }
  },
});
