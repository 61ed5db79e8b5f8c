/** The generated manifests of the benchmark (scripts/bench.ts), shared with the tests that use them. */

/**
 * One realistic Deployment (~490 bytes): two containers without a securityContext, the first with
 * ports and resources. Each draws findings (read-only root filesystem, privilege escalation,
 * capabilities, seccomp, run as non-root, image digest) and a verified fix.
 */
export function deployment(i: number): string {
  const name = `web-${String(i).padStart(5, '0')}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/web:1.4.${i % 10}
          ports:
            - containerPort: 8080
          resources:
            limits:
              memory: 256Mi
        - name: log-shipper
          image: ghcr.io/acme/shipper:2.1
`;
}
