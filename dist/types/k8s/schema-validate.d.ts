/** One schema problem; path is the JSON path from the object root, e.g. ['spec','template','spec','volumes',0,'names']. */
export interface SchemaProblem {
    /**
     * Path from the validated value's root to the offending value. For `unknown-field` it ends with
     * the unknown key; for `missing-required` it is the path of the object that lacks the field.
     * Array indexes are numbers, object keys strings.
     */
    path: (string | number)[];
    /** Kind of problem. */
    code: 'unknown-field' | 'wrong-type' | 'missing-required' | 'invalid-value';
    /** Short human message using Kubernetes names, e.g. `unknown field "names" in Volume`. */
    message: string;
}
/** Result of {@link validateObject}. */
export interface SchemaResult {
    /** True when the object's `apiVersion`/`kind` is in the schema (and so was validated). */
    known: boolean;
    /** Kubernetes version the schema was generated from, e.g. "1.36". */
    kubernetesVersion: string;
    /** Problems found; always empty when `known` is false. */
    problems: SchemaProblem[];
}
/**
 * The ajv options the validators are compiled with (scripts/gen-k8s-schema.mjs uses the same,
 * plus standalone code output; test/k8s/schema-validators.test.ts compares both on the corpus).
 */
export declare const AJV_OPTIONS: {
    readonly allErrors: true;
    readonly strict: false;
    readonly verbose: true;
};
/**
 * Validate a whole object by its `apiVersion`/`kind` (e.g. `apps/v1` + `Deployment`).
 * Returns `known: false` with no problems when the value is not an object or its kind is not in
 * the schema (CRDs, other API groups). Never throws for bad data.
 */
export declare function validateObject(data: unknown): SchemaResult;
/**
 * Validate a value against a named definition, e.g. 'V1PodSpec' or 'V1PodTemplateSpec' (for CRDs such as Argo Rollout, whose spec.template is a PodTemplateSpec); paths are relative to the value, prefix them yourself.
 * Definition names are the client model names (`V1PodSpec`, `V1Container`, ...) present in the
 * generated schema. `Date` values (unquoted YAML timestamps) are checked as strings; the input is
 * never mutated. Never throws for bad data; throws an `Error` only when `definition` is not a
 * definition name of the generated schema (a programming error).
 */
export declare function validateDefinition(definition: string, data: unknown): SchemaProblem[];
/**
 * Fields of a definition that "cannot be set when spec.os.name is windows" (Kubernetes API
 * reference, as generated into the schema), e.g. `V1SecurityContext` → `privileged`,
 * `readOnlyRootFilesystem`, ... Empty for unknown definitions.
 */
export declare function windowsForbiddenFields(definition: string): readonly string[];
